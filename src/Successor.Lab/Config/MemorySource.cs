// An earlier lab whose findings begin a new lab's memory (research.memory_from): the ledger that holds it (a
// SQLite file, by default LAB/.successor/ledger.db, or a PostgreSQL connection string: a team ledger holds many
// labs) and the lab's name in it.
namespace Successor.Lab.Config;

public sealed record MemorySource(string Ledger, string Lab);
