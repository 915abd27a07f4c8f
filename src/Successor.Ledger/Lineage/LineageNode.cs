// One line of a lineage tree: how it relates to its parent, the element, and what it came from.
using System.Text;
using System.Text.Json.Nodes;

namespace Successor.Ledger.Lineage;

public sealed record LineageNode(
    string Relation, string Id, string Kind, string Type, long? Seq, string? Note, IReadOnlyList<LineageNode> Children)
{
    /// <summary>How many nodes the tree has, this one included.</summary>
    public int NodeCount => 1 + Children.Sum(c => c.NodeCount);

    public string Render()
    {
        var sb = new StringBuilder();
        sb.Append(Label()).Append('\n');
        RenderChildren(sb, "");
        return sb.ToString();
    }

    private string Label()
    {
        string text = $"{Id} [{Kind} {Type}]";
        if (Relation.Length > 0) text = $"{Relation} {text}";
        if (Seq is { } s) text += $" #{s}";
        if (Note is not null) text += $" {Note}";
        return text;
    }

    private void RenderChildren(StringBuilder sb, string indent)
    {
        for (int i = 0; i < Children.Count; i++)
        {
            bool last = i == Children.Count - 1;
            sb.Append(indent).Append(last ? "└─ " : "├─ ").Append(Children[i].Label()).Append('\n');
            Children[i].RenderChildren(sb, indent + (last ? "   " : "│  "));
        }
    }

    public JsonObject ToJson()
    {
        var o = new JsonObject { ["id"] = Id, ["kind"] = Kind, ["type"] = Type };
        if (Relation.Length > 0) o["relation"] = Relation;
        if (Seq is { } s) o["seq"] = s;
        if (Note is not null) o["note"] = Note;
        if (Children.Count > 0) o["children"] = new JsonArray(Children.Select(c => (JsonNode)c.ToJson()).ToArray());
        return o;
    }
}
