// The form of a plug-in's hash in a recipe: "sha256:" and 64 lower-case hex digits, the digest of its source's
// UTF-8 bytes (the artifact store's name for it).
using System.Security.Cryptography;
using System.Text;

namespace Successor.Training.Recipes;

public static class PluginDigest
{
    public const string Prefix = "sha256:";

    public static bool IsValid(string digest) =>
        digest.Length == Prefix.Length + 64 && digest.StartsWith(Prefix, StringComparison.Ordinal)
        && digest[Prefix.Length..].All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f');

    public static string Of(string source) =>
        Prefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(source)));
}
