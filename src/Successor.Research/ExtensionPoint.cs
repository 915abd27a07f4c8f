// A place in training a plug-in may fill, as a researcher is told about it: its name and the C# contract a
// plug-in must meet there.
namespace Successor.Research;

public sealed record ExtensionPoint(string Name, string Contract);
