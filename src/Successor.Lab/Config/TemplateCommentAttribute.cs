// The comment `successor init` writes above a field of lab.json, kept on the field itself so that it moves
// and goes with it (LabConfigComments collects them).
namespace Successor.Lab.Config;

[AttributeUsage(AttributeTargets.Property)]
sealed class TemplateCommentAttribute(string text) : Attribute
{
    public string Text { get; } = text;
}
