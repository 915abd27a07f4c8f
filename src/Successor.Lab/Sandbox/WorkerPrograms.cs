// What a worker that is this same program needs to run: the app's folder and the .NET runtime's.
using System.Runtime.InteropServices;

namespace Successor.Lab.Sandbox;

public static class WorkerPrograms
{
    /// <summary>The folder holding dotnet and shared/ (the runtime's folder is shared/NAME/VERSION/).</summary>
    public static string? DotnetRoot { get; } =
        Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(
            Path.TrimEndingDirectorySeparator(RuntimeEnvironment.GetRuntimeDirectory()))));

    /// <summary>Read-only folders a worker of this program needs inside its sandbox.</summary>
    public static IReadOnlyList<string> Folders { get; } =
        [.. new[] { Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory), DotnetRoot }.OfType<string>()];
}
