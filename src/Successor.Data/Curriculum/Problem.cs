// One curriculum problem in the documented plain-text format (docs/DATA.md):
//   <family> <operands>=<answer>\n
// The prompt is everything up to and including the first '='; the answer is the rest of the line.
// '=' never occurs inside a prompt's operands or an answer.
namespace Successor.Data.Curriculum;

public sealed record Problem(string Family, int Difficulty, string Prompt, string Answer)
{
    public const char Separator = '=';

    /// <summary>The problem as one line of training text.</summary>
    public string Line => Prompt + Answer + "\n";

    /// <summary>Splits a line into prompt (with its '=') and answer; null when there is no '='.</summary>
    public static (string Prompt, string Answer)? Split(string line)
    {
        int at = line.IndexOf(Separator);
        return at < 0 ? null : (line[..(at + 1)], line[(at + 1)..].TrimEnd('\n', '\r'));
    }

    /// <summary>The family tag at the start of a prompt ("radd 123+456=" → "radd").</summary>
    public static string FamilyOf(string prompt)
    {
        int space = prompt.IndexOf(' ');
        return space < 0 ? "" : prompt[..space];
    }
}
