// The one place the lab starts the notary: how to run `successor notary sign` for a ledger as its own
// process. The notary alone opens the judge folder; a launcher that runs judge-side processes under a
// separate account changes only this seam.
using System.Diagnostics;
using System.Globalization;

namespace Successor.Lab.Loop;

public static class NotaryLaunch
{
    public static ProcessStartInfo For(string ledgerLocation)
    {
        string process = Environment.ProcessPath ?? "dotnet";
        var start = new ProcessStartInfo(process)
            { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        if (Path.GetFileNameWithoutExtension(process) == "dotnet")
            start.ArgumentList.Add(System.Reflection.Assembly.GetEntryAssembly()!.Location);
        foreach (var arg in new[] { "notary", "sign", "--ledger", ledgerLocation, "--json" })
            start.ArgumentList.Add(arg);
        start.Environment["SUCCESSOR_PARENT"] = Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        return start;
    }
}
