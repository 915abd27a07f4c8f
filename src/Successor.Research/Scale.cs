// How a search-space dimension maps the unit interval to a recipe value.
namespace Successor.Research;

public enum Scale { Linear, Log, Integer, Choice }
