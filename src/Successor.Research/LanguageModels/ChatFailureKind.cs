// Why a call to a model's server gave no reply. Rate limits, timeouts, server errors and unreachable servers are
// worth another try after a pause; a rejected request (a bad key, an unknown model) is not.
namespace Successor.Research.LanguageModels;

public enum ChatFailureKind { RateLimited, Timeout, ServerError, Unreachable, Rejected }
