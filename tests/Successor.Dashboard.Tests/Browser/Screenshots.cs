// Where the browser tests keep their screenshots: docs/screenshots of the repository the test assembly was
// built from (found by walking up to Successor.slnx), so the README can link what the page looks like.
namespace Successor.Dashboard.Tests.Browser;

static class Screenshots
{
    public static string Folder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Successor.slnx")))
                return Directory.CreateDirectory(Path.Combine(dir.FullName, "docs", "screenshots")).FullName;
        }
        throw new DirectoryNotFoundException($"no Successor.slnx above {AppContext.BaseDirectory}");
    }
}
