// The ledger tests use Unix file modes and SIGKILL: they run on Linux and macOS.
[assembly: System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
