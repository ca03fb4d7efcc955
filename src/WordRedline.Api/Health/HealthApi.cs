using Microsoft.AspNetCore.Http.HttpResults;
using WordRedline.Core;

namespace WordRedline.Api.Health;

internal sealed record Liveness(string Status);

/// <param name="Playbook">The default playbook as "id@version".</param>
internal sealed record Readiness(string Status, string Playbook, int Rules);

internal static class HealthApi
{
    private static readonly Liveness Alive = new("alive");

    public static RouteGroupBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        // Probes come from the host, not the pane: anonymous, no rate limit, no CORS.
        var group = app.MapGroup("").WithTags("Health");
        group.MapGet("/healthz", Live).WithSummary("Liveness: the process answers");
        group.MapGet("/readyz", Ready).WithSummary("Readiness: the engine and its playbook are loaded");
        return group;
    }

    internal static Ok<Liveness> Live() => TypedResults.Ok(Alive);

    // The engine is built, playbook checked, before the server starts; if this answers, it is ready.
    internal static Ok<Readiness> Ready(ClauseEngine engine) =>
        TypedResults.Ok(new Readiness("ready", $"{engine.DefaultPlaybook.Id}@{engine.DefaultPlaybook.Version}", engine.DefaultPlaybook.Rules.Count));
}
