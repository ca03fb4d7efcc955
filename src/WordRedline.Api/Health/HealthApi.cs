using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using WordRedline.Api.Hosting;
using WordRedline.Core;

namespace WordRedline.Api.Health;

internal sealed record Liveness(string Status);

/// <param name="Status">"ready", or "not-ready" (503) while tokens cannot be validated or the service is stopping.</param>
/// <param name="Playbook">The default playbook as "id@version".</param>
/// <param name="IdentityProvider">Entra ID's metadata and keys: "not-used" (local mode), "pending", "reachable",
/// "degraded" (refresh failing, cached keys in use) or "unreachable" (no keys).</param>
/// <param name="DocxRunning">.docx requests holding a slot of the gate now.</param>
/// <param name="DocxQueued">.docx requests waiting for one.</param>
/// <param name="KeysFetchedAt">When the signing keys in use were fetched.</param>
internal sealed record Readiness(string Status, string Playbook, int Rules, string IdentityProvider, int DocxRunning, long DocxQueued,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? KeysFetchedAt);

internal static class HealthApi
{
    private static readonly Liveness Alive = new("alive");

    public static RouteGroupBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        // Probes come from the host, not the pane: anonymous, no rate limit, no CORS.
        var group = app.MapGroup("").WithTags("Health");
        group.MapGet("/healthz", Live).WithSummary("Liveness: the process answers");
        group.MapGet("/readyz", Ready).WithSummary("Readiness: the engine and its playbook are loaded, tokens can be validated, not stopping");
        return group;
    }

    internal static Ok<Liveness> Live() => TypedResults.Ok(Alive);

    // The engine is built, playbook checked, before the server starts. What can change is the identity provider and
    // shutdown: a load balancer stops sending requests to an instance that cannot check tokens or is draining.
    internal static Results<Ok<Readiness>, JsonHttpResult<Readiness>> Ready(
        ClauseEngine engine, IdentityProviderHealth identityProvider, DocxGate gate, IHostApplicationLifetime lifetime)
    {
        var ready = identityProvider.Ready && !lifetime.ApplicationStopping.IsCancellationRequested;
        var readiness = new Readiness(ready ? "ready" : "not-ready", $"{engine.DefaultPlaybook.Id}@{engine.DefaultPlaybook.Version}",
            engine.DefaultPlaybook.Rules.Count, identityProvider.Status, gate.Running, gate.Statistics.CurrentQueuedCount,
            identityProvider.KeysFetchedAt);
        return ready ? TypedResults.Ok(readiness) : TypedResults.Json(readiness, statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}
