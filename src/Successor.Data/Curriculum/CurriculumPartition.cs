// Which side of the curriculum a problem is on, decided by a hash of its prompt: 80% train, 10% public
// validation, 10% sealed. A problem on one side is never generated for another, so evaluation problems
// are held out by construction (not by luck of the seed), at every difficulty. The sealed side can be
// generated only inside this assembly and by the Verifier (InternalsVisibleTo Successor.Evaluation).
namespace Successor.Data.Curriculum;

public static class CurriculumPartition
{
    internal const int Sealed = 2;

    /// <summary>0 train, 1 validation, 2 sealed: FNV-1a 64 of the prompt's bytes, finalised (splitmix64).</summary>
    public static int SideOf(string prompt)
    {
        ulong h = 14695981039346656037UL;
        foreach (char c in prompt) { h ^= c; h *= 1099511628211UL; }
        h ^= h >> 30; h *= 0xbf58476d1ce4e5b9UL; h ^= h >> 27; h *= 0x94d049bb133111ebUL; h ^= h >> 31;
        int bucket = (int)(h % 100);
        return bucket < 80 ? 0 : bucket < 90 ? 1 : Sealed;
    }
}
