using Microsoft.AspNetCore.Http.HttpResults;
using WordRedline.Api.Hosting;
using WordRedline.Core;

namespace WordRedline.Api.Playbook;

/// <param name="Id">The playbook id ("freelancer-ai").</param>
/// <param name="Version">Bumped whenever a pattern or wording changes.</param>
internal sealed record PlaybookSummary(string Id, int Version, string Title, IReadOnlyList<PlaybookRuleSummary> Rules);

/// <param name="Category">The stable category id ("usage-scope").</param>
/// <param name="Severity">"high", "medium", "low" or "info".</param>
internal sealed record PlaybookRuleSummary(string Id, string Category, string Severity, string Title, string Explanation);

internal static class PlaybookApi
{
    public static RouteGroupBuilder MapPlaybookApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("/api/v1", "Playbook");
        group.MapGet("/playbook", GetPlaybook).WithSummary("List the active playbook's rules so the pane can show them");
        return group;
    }

    internal static Ok<PlaybookSummary> GetPlaybook(ClauseEngine engine)
    {
        var playbook = engine.DefaultPlaybook;
        return TypedResults.Ok(new PlaybookSummary(playbook.Id, playbook.Version, playbook.Title,
            [.. playbook.Rules.Select(rule => new PlaybookRuleSummary(rule.Id, rule.Category.Id(), rule.Severity.Id(), rule.Title, rule.Explanation))]));
    }
}
