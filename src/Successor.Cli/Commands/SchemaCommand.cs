// `successor schema recipe|lab`: the JSON Schema (draft 2020-12) of a recipe or a lab config, generated
// from the types the reader uses, so the published schema (docs/*.schema.json) cannot drift from the code.
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using Successor.Lab.Config;
using Successor.Models;
using Successor.Training.Recipes;

namespace Successor.Cli.Commands;

public static class SchemaCommand
{
    public static Command Create()
    {
        var which = new Argument<string>("document") { Description = "recipe or lab" };
        return CliCommand.Create("schema", "Print the JSON Schema of a recipe or a lab config", [which], r =>
        {
            Console.WriteLine(Generate(r.GetValue(which)!).ToJsonString(SnakeCaseJson.Options));
            return ExitCodes.Success;
        });
    }

    public static JsonNode Generate(string which)
    {
        var type = which switch
        {
            "recipe" => typeof(Recipe),
            "lab" => typeof(LabConfig),
            _ => throw new UsageException($"schema '{which}': unknown document; use recipe or lab"),
        };
        var options = new System.Text.Json.JsonSerializerOptions(SnakeCaseJson.Options)
        {
            TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver(),
        };
        var schema = options.GetJsonSchemaAsNode(type, new JsonSchemaExporterOptions
        {
            TreatNullObliviousAsNonNullable = true,
            // A converter hides a type from the exporter: state what ChoicesConverter reads.
            TransformSchemaNode = (context, node) =>
                context.PropertyInfo?.CustomConverter is Successor.Research.ChoicesConverter
                    ? new JsonObject
                    {
                        ["type"] = new JsonArray("array", "null"),
                        ["items"] = new JsonObject { ["type"] = new JsonArray("number", "string") },
                        ["default"] = null,
                    }
                    : node,
        });
        var root = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$id"] = $"https://successor.dev/schemas/{which}.schema.json",
            ["title"] = which == "recipe" ? "Successor recipe" : "Successor lab config",
        };
        foreach (var (k, v) in schema.AsObject().ToList()) root[k] = v?.DeepClone();
        return root;
    }
}
