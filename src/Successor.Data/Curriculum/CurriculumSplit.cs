// The public sides of the curriculum, the ones a public generator may produce problems for. The sealed
// side is not among them: only this assembly and the Verifier can ask for it (see CurriculumPartition).
namespace Successor.Data.Curriculum;

public enum CurriculumSplit { Train, Validation }
