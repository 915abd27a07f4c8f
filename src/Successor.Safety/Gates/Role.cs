// What a named human may do. Viewers read; approvers decide gate requests and halt labs; admins also add
// and revoke people. Machine identities (the loop, researchers, policies) hold no role at all.
namespace Successor.Safety.Gates;

public enum Role { Viewer, Approver, Admin }

public static class Roles
{
    public static string Name(Role role) => role.ToString().ToLowerInvariant();

    public static Role Parse(string text) => text switch
    {
        "viewer" => Role.Viewer,
        "approver" => Role.Approver,
        "admin" => Role.Admin,
        _ => throw new GateException($"role \"{text}\" is unknown; use viewer, approver or admin"),
    };
}
