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

    internal bool WithComments => Comments is null || bool.Parse(Comments);

    internal bool WithAddendum => Addendum is not null && bool.Parse(Addendum);

    public static async ValueTask<RedlineForm> BindAsync(HttpContext context)
    {
        var upload = await DocxUpload.ReadAsync(context);
        return new RedlineForm
        {
            File = upload.File, FileCount = upload.FileCount, Problem = upload.Problem,
            Party = upload.Field("party"), Playbook = upload.Field("playbook"),
            Author = upload.Field("author"), Comments = upload.Field("comments"), Addendum = upload.Field("addendum"),
        };
    }
}

/// <summary>Reads a multipart/form-data body into memory, at most MaxUploadBytes of it. The framework's form reader
/// is not used because it spools files over 64 KB to temporary files, and contract text is never stored.</summary>
internal sealed class DocxUpload
{
    public const string NotMultipart = "Send the .docx as multipart/form-data, the file in the field 'file'.";

    private readonly Dictionary<string, string> fields = new(StringComparer.OrdinalIgnoreCase);

    public IFormFile? File { get; private set; }

    public int FileCount { get; private set; }

    public ProblemHttpResult? Problem { get; private set; }

    /// <summary>The first value of a text field; an empty one counts as absent, as HTML forms send empty fields.</summary>
    public string? Field(string name) => fields.TryGetValue(name, out var value) && value.Length > 0 ? value : null;

    public static async Task<DocxUpload> ReadAsync(HttpContext context)
    {
        var upload = new DocxUpload();
        if (!MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var type)
            || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            upload.Problem = TypedResults.Problem(NotMultipart, statusCode: StatusCodes.Status415UnsupportedMediaType);
            return upload;
        }

        var boundary = HeaderUtilities.RemoveQuotes(type.Boundary).Value;
        // RFC 2046 caps a boundary at 70 characters.
        if (string.IsNullOrEmpty(boundary) || boundary.Length > 70)
        {
            upload.Problem = Unreadable("The multipart/form-data content type has no valid boundary.");
            return upload;
        }

        var maxBytes = context.RequestServices.GetRequiredService<IOptions<LimitsOptions>>().Value.MaxUploadBytes;
        try
        {
            // Every section is read through ReadSectionsAsync's cap, so the reader's own per-section limit is not
            // needed (it would answer a large file with a malformed-body error instead of 413).
            await upload.ReadSectionsAsync(new MultipartReader(boundary, context.Request.Body), maxBytes, context.RequestAborted);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            upload.Problem = TooLarge(maxBytes);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException)
        {
            // The exception's message is not passed on: it can quote the body.
            upload.Problem = Unreadable("The multipart/form-data body is malformed.");
        }

        return upload;
    }

    private async Task ReadSectionsAsync(MultipartReader reader, long maxBytes, CancellationToken cancellationToken)
    {
        var left = maxBytes;
        while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
        {
            var content = new MemoryStream();
            if (!await CopyCappedAsync(section.Body, content, left, cancellationToken))
            {
                Problem = TooLarge(maxBytes);
                return;
            }

            left -= content.Length;
            content.Position = 0;
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? "";
            if (disposition.IsFileDisposition())
            {
                if (name.Equals("file", StringComparison.OrdinalIgnoreCase) && ++FileCount == 1)
                {
                    var fileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value ?? "";
                    File = new FormFile(content, 0, content.Length, name, fileName)
                    {
                        Headers = new HeaderDictionary(),
                        ContentType = section.ContentType ?? "application/octet-stream",
                    };
                }
            }
            else
            {
                fields.TryAdd(name, Encoding.UTF8.GetString(content.GetBuffer(), 0, (int)content.Length).Trim());
            }
        }
    }

    private static async Task<bool> CopyCappedAsync(Stream source, MemoryStream target, long maxBytes, CancellationToken cancellationToken)
    {
        var buffer = new byte[81920];
        int read;
        while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
        {
            if (target.Length + read > maxBytes)
            {
                return false;
            }

            target.Write(buffer, 0, read);
        }

        return true;
    }

    private static ProblemHttpResult TooLarge(long maxBytes) => TypedResults.Problem(
        $"The request body is larger than the limit of {maxBytes} bytes (WordRedline:Limits:MaxUploadBytes).",
        statusCode: StatusCodes.Status413PayloadTooLarge);

    private static ProblemHttpResult Unreadable(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest);
}

/// <summary>Answers a body that could not be read as a form before the fields are validated.</summary>
internal sealed class DocxUploadFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        context.Arguments.OfType<DocxForm>().Single().Problem ?? await next(context);
}
