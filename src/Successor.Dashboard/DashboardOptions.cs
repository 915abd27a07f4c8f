namespace Successor.Dashboard;

/// <param name="Ledger">The ledger's location: a SQLite file or a PostgreSQL connection string.</param>
/// <param name="Work">The labs' work folder, where a running lab keeps its process file (for "running" and
/// halt).</param>
/// <param name="Urls">Where to listen; 127.0.0.1 by default, so nothing is exposed unless asked.</param>
/// <param name="ReadTokenRequired">When set, reading needs a viewer's token as well.</param>
/// <param name="TrendsCsv">A CSV file of the user's own trend series, shown beside the bundled ones.</param>
/// <param name="WitnessState">The dashboard's own witness state (the tree heads it has shown); default beside the
/// person's witness state for this ledger.</param>
public sealed record DashboardOptions(string Ledger, string Work = ".successor/runs",
    string Urls = "http://127.0.0.1:5117",
    bool ReadTokenRequired = false, string? TrendsCsv = null, string? WitnessState = null);
