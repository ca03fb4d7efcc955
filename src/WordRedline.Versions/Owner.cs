namespace WordRedline.Versions;

/// <summary>Whose records these are: the Entra ID tenant and object id of the signed-in user, or, in local mode (the
/// service on the user's own machine, and the CLI), the tenant "local" and the operating-system account.</summary>
public sealed record Owner(string TenantId, string ObjectId, string? Name)
{
    public const string LocalTenant = "local";

    /// <summary>The person at this machine: the same owner for the local-mode service and the CLI, so versions
    /// saved from the pane are listed by <c>wordredline versions list</c>.</summary>
    public static Owner Local { get; } = new(LocalTenant, Environment.UserName, Environment.UserName);
}

/// <summary>Lengths the store accepts; the API validates requests against the same numbers.</summary>
public static class RecordLimits
{
    /// <summary>A title or a party's name.</summary>
    public const int Name = 300;

    /// <summary>A decision's title, comment or wording (the engine's own texts are far shorter).</summary>
    public const int DecisionText = 4_000;

    public const int Decisions = 500;
}
