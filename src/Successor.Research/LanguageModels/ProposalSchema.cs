// The published shape of a researcher's reply (docs/researcher-proposal.schema.json is this text, checked by a
// test): an object with proposals, each a list of `key=value` recipe overrides and plug-ins, the weakness it
// targets and why. Nothing else: a field the schema does not name is refused, and one that names a protected
// surface is an incident.
namespace Successor.Research.LanguageModels;

public static class ProposalSchema
{
    public const string Text = """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "$id": "https://successor.dev/schemas/researcher-proposal.schema.json",
          "title": "Successor researcher reply",
          "type": "object",
          "additionalProperties": false,
          "required": ["proposals"],
          "properties": {
            "proposals": {
              "type": "array",
              "minItems": 1,
              "items": {
                "type": "object",
                "additionalProperties": false,
                "required": ["rationale"],
                "properties": {
                  "overrides": {
                    "description": "Recipe changes as key=value, the syntax of successor train --set.",
                    "type": "array",
                    "items": { "type": "string", "pattern": "^[a-z_]+=[^=]+$" }
                  },
                  "plugins": {
                    "description": "C# source for the lab's extension points, compiled and run only in the sandbox.",
                    "type": "array",
                    "items": {
                      "type": "object",
                      "additionalProperties": false,
                      "required": ["point", "source"],
                      "properties": {
                        "point": { "type": "string" },
                        "source": { "type": "string", "maxLength": 20000 }
                      }
                    }
                  },
                  "targets": { "description": "The weakness this change targets.", "type": "string" },
                  "rationale": { "description": "Why this change should help.", "type": "string", "maxLength": 2000 }
                }
              }
            }
          }
        }
        """;

    public const int MaxSource = 20000, MaxRationale = 2000;
}
