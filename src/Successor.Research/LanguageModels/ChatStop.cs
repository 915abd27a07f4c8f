// Why a model stopped writing: it finished, it hit the token limit (the reply is cut off), or it refused.
namespace Successor.Research.LanguageModels;

public enum ChatStop { Complete, Truncated, Refused }
