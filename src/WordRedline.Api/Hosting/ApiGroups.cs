namespace WordRedline.Api.Hosting;

internal static class ApiGroups
{
    /// <summary>A protected /api/v1 feature group: the scope policy, the per-client rate limit (the analyze bucket;
    /// .docx endpoints take the docx one, <see cref="DocxWork.WithDocxWork"/>) and the pane's CORS
    /// policy, with the errors they add. Every feature that handles contract text (and the .docx endpoints to
    /// come) starts here, so none can forget one of them.</summary>
    public static RouteGroupBuilder MapApiGroup(this IEndpointRouteBuilder app, string prefix, string tag) =>
        app.MapGroup(prefix)
            .WithTags(tag)
            .RequireAuthorization(Policies.AccessAsUser)
            .RequireRateLimiting(RateLimiting.Analyze)
            .RequireCors(Cors.PolicyName)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
}
