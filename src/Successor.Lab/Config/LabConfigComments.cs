// The comment `successor init` writes above each field of lab.json, by the field's path (e.g.
// "budgets.trial_steps"): each config record's TemplateComment attributes, collected once.
using System.Reflection;
using System.Text.Json;

namespace Successor.Lab.Config;

static class LabConfigComments
{
    static readonly Dictionary<string, string> Comments = Collect(typeof(LabConfig), "", new(StringComparer.Ordinal));

    public static string? For(string path) => Comments.GetValueOrDefault(path);

    /// <summary>The comments of `type`'s properties and, below them, of the config records it holds.</summary>
    static Dictionary<string, string> Collect(Type type, string prefix, Dictionary<string, string> comments)
    {
        foreach (var property in type.GetProperties())
        {
            string path = prefix + JsonNamingPolicy.SnakeCaseLower.ConvertName(property.Name);
            if (property.GetCustomAttribute<TemplateCommentAttribute>() is { } comment) comments[path] = comment.Text;
            if (property.PropertyType.Namespace == typeof(LabConfig).Namespace)
                Collect(property.PropertyType, path + ".", comments);
        }
        return comments;
    }
}
