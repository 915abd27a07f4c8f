// A refused gate operation: an unknown or revoked token, a missing role, a machine identity trying to
// decide, a request that does not exist or was already decided.
namespace Successor.Safety.Gates;

public sealed class GateException(string message) : Exception(message);
