// The lab refuses to start when lab.json asks for the sandbox and this machine cannot build it.
namespace Successor.Lab.Sandbox;

public sealed class SandboxUnavailableException(string message) : Exception(message);
