// Where the browser tests keep their screenshots: a test artifact folder beside the test assembly
// (screenshots/), or, with SUCCESSOR_UPDATE_SCREENSHOTS=1, docs/screenshots of the repository the tests
// were built from (found by walking up to Successor.slnx), which the README links. So `./test` leaves
// the committed pictures alone unless asked to refresh them.
namespace Successor.Dashboard.Tests.Browser;

static class Screenshots
{
    public static string Folder()
    {
        if (Environment.GetEnvironmentVariable("SUCCESSOR_UPDATE_SCREENSHOTS") != "1")
            return Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Successor.slnx")))
                return Directory.CreateDirectory(Path.Combine(dir.FullName, "docs", "screenshots")).FullName;
        }
        throw new DirectoryNotFoundException($"no Successor.slnx above {AppContext.BaseDirectory}");
    }
}
