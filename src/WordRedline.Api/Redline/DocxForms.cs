using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using WordRedline.Api.Hosting;

namespace WordRedline.Api.Redline;

/// <summary>The fields both .docx endpoints take. Bound from the multipart body by <see cref="DocxUpload"/>; the
/// public properties are the form's fields as Swagger documents them.</summary>
internal abstract record DocxForm
{
    /// <summary>The .docx to read.</summary>
    public IFormFile? File { get; init; }

    /// <summary>The protected party's defined term; detected from the document when absent.</summary>
    public string? Party { get; init; }

    /// <summary>The playbook id; the default playbook when absent.</summary>
    public string? Playbook { get; init; }

    /// <summary>How many parts named "file" carried a file; only one is accepted.</summary>
    internal int FileCount { get; init; }

    /// <summary>Why the body could not be read as a form (415, 413 or 400); null when it was.</summary>
    internal ProblemHttpResult? Problem { get; init; }
}

/// <summary>POST /api/v1/analyze/docx's form.</summary>
internal sealed record AnalyzeDocxForm : DocxForm
{
    public static async ValueTask<AnalyzeDocxForm> BindAsync(HttpContext context)
    {
        var upload = await DocxUpload.ReadAsync(context);
        return new AnalyzeDocxForm
        {
            File = upload.File, FileCount = upload.FileCount, Problem = upload.Problem,
            Party = upload.Field("party"), Playbook = upload.Field("playbook"),
        };
    }
}

/// <summary>POST /api/v1/redline's form.</summary>
internal sealed record RedlineForm : DocxForm
{
    /// <summary>The author of the tracked changes and comments (at most 100 characters); "WordRedline" when absent.</summary>
    public string? Author { get; init; }

    /// <summary>"true" (the default) or "false": anchor a comment with the rationale on each change.</summary>
    public string? Comments { get; init; }

    /// <summary>"true" or "false" (the default): append the AI Protection Addendum as tracked inserted paragraphs.</summary>
    public string? Addendum { get; init; }

    /// <summary>"true" or "false" (the default): flag each high risk without a suggested edit in a comment on its
    /// clause (only when comments are on).</summary>
    public string? RiskComments { get; init; }

    internal bool WithComments => Comments is null || bool.Parse(Comments);

    internal bool WithAddendum => Addendum is not null && bool.Parse(Addendum);

    internal bool WithRiskComments => RiskComments is not null && bool.Parse(RiskComments);

    public static async ValueTask<RedlineForm> BindAsync(HttpContext context)
    {
        var upload = await DocxUpload.ReadAsync(context);
        return new RedlineForm
        {
            File = upload.File, FileCount = upload.FileCount, Problem = upload.Problem,
            Party = upload.Field("party"), Playbook = upload.Field("playbook"),
            Author = upload.Field("author"), Comments = upload.Field("comments"), Addendum = upload.Field("addendum"),
            RiskComments = upload.Field("riskComments"),
        };
    }
}

/// <summary>Answers a body that could not be read as a form before the fields are validated.</summary>
internal sealed class DocxUploadFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        context.Arguments.OfType<DocxForm>().Single().Problem ?? await next(context);
}
