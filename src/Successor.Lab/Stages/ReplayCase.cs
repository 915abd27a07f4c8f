namespace Successor.Lab.Stages;

/// <param name="Champion">Index of the model in the champion's place (0: the champion, 1: its silenced copy).</param>
public sealed record ReplayCase(string Name, int Champion, int Successor, bool ShouldAccept);
