using System.Buffers;
using System.Diagnostics;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using WordRedline.Api.Hosting;
using WordRedline.Docx;

namespace WordRedline.Api.Redline;

/// <summary>Reads a multipart/form-data body as it streams in: text fields of at most <see cref="MaxFieldBytes"/>, and
/// one file into pooled memory (<see cref="PooledBufferStream"/>), at most MaxUploadBytes in all. The file's first
/// bytes decide whether the rest is read: anything but a ZIP (or the OLE container of an encrypted or legacy Word
/// file, which the reader names) is refused before more than a few kilobytes are taken in. The framework's form
/// reader is not used because it spools files over 64 KB to temporary files, and contract text is never stored.</summary>
internal sealed class DocxUpload : IDisposable
{
    public const string NotMultipart = "Send the .docx as multipart/form-data, the file in the field 'file'.";

    /// <summary>A text field's limit: the longest field (a 200-character party) in UTF-8, with room to spare.</summary>
    public const int MaxFieldBytes = 4 * 1024;

    private const int ChunkBytes = 16 * 1024;

    private readonly Dictionary<string, string> fields = new(StringComparer.OrdinalIgnoreCase);
    private PooledBufferStream? content;

    public IFormFile? File { get; private set; }

    public int FileCount { get; private set; }

    public ProblemHttpResult? Problem { get; private set; }

    /// <summary>The first value of a text field; an empty one counts as absent, as HTML forms send empty fields.</summary>
    public string? Field(string name) => fields.TryGetValue(name, out var value) && value.Length > 0 ? value : null;

    public static async Task<DocxUpload> ReadAsync(HttpContext context)
    {
        var upload = new DocxUpload();
        context.Response.RegisterForDispose(upload);
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
        context.Items[DocxGate.DocxUploadBytesKey] = context.Request.ContentLength ?? 0L;
        try
        {
            // Every section is read through this class's caps, so the reader's own per-section limit is not needed
            // (it would answer a large file with a malformed-body error instead of 413).
            await upload.ReadSectionsAsync(new MultipartReader(boundary, context.Request.Body), maxBytes, context);
        }
        catch (Exception e) when (context.RequestAborted.IsCancellationRequested && e is not OperationCanceledException)
        {
            // The client went away (or the request timed out) mid-upload: not a bad body, and not a server error.
            throw new OperationCanceledException("The upload was cancelled.", e, context.RequestAborted);
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

    public void Dispose() => content?.Dispose();

    private async Task ReadSectionsAsync(MultipartReader reader, long maxBytes, HttpContext context)
    {
        var cancellationToken = context.RequestAborted;
        var left = maxBytes;
        // left goes below zero when a part passes what is left of the limit.
        while (Problem is null && await reader.ReadNextSectionAsync(cancellationToken) is { } section)
        {
            var isFormData = ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                && disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase);
            var name = isFormData ? HeaderUtilities.RemoveQuotes(disposition!.Name).Value ?? "" : "";
            if (isFormData && disposition!.IsFileDisposition() && name.Equals("file", StringComparison.OrdinalIgnoreCase) && ++FileCount == 1)
            {
                left -= await ReadFileAsync(section, disposition!, left, context);
            }
            else if (isFormData && !disposition!.IsFileDisposition())
            {
                left -= await ReadFieldAsync(section.Body, name, left, cancellationToken);
            }
            else
            {
                // A second file or a part that is not a form field: counted against the limit, not kept.
                left -= await CopyCappedAsync(section.Body, Stream.Null, left, cancellationToken) ?? left;
            }

            if (left < 0)
            {
                Problem = TooLarge(maxBytes);
            }
        }
    }

    private async Task<long> ReadFileAsync(MultipartSection section, ContentDispositionHeaderValue disposition, long left, HttpContext context)
    {
        content = new PooledBufferStream();
        var buffer = ArrayPool<byte>.Shared.Rent(ChunkBytes);
        try
        {
            int read;
            var sniffed = false;
            while ((read = await section.Body.ReadAsync(buffer.AsMemory(0, ChunkBytes), context.RequestAborted)) > 0)
            {
                if (content.Length + read > left)
                {
                    return left + 1;
                }

                content.Write(buffer, 0, read);
                if (!sniffed && content.Length >= ZipSniff.PrefixBytes)
                {
                    sniffed = true;
                    if (ZipSniff.Refusal(content) is { } refusal)
                    {
                        Problem = RedlineApi.Refused(refusal, Logger(context));
                        return content.Length;
                    }
                }
            }

            if (!sniffed && content.Length > 0 && ZipSniff.Refusal(content) is { } shortRefusal)
            {
                Problem = RedlineApi.Refused(shortRefusal, Logger(context));
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        var fileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value ?? "";
        content.Position = 0;
        context.Items[DocxGate.DocxUploadBytesKey] = content.Length;
        File = new FormFile(content, 0, content.Length, "file", fileName)
        {
            Headers = new HeaderDictionary(),
            ContentType = section.ContentType ?? "application/octet-stream",
        };
        return content.Length;
    }

    private async Task<long> ReadFieldAsync(Stream body, string name, long left, CancellationToken cancellationToken)
    {
        using var value = new MemoryStream();
        if (await CopyCappedAsync(body, value, MaxFieldBytes, cancellationToken) is not { } read)
        {
            // The name is the caller's: quoted only when it is a short plain word.
            Problem = Unreadable(name.Length <= 32 && name.All(char.IsAsciiLetterOrDigit)
                ? $"The form field '{name}' is longer than {MaxFieldBytes} bytes."
                : $"A form field is longer than {MaxFieldBytes} bytes.");
            return 0;
        }

        fields.TryAdd(name, Encoding.UTF8.GetString(value.GetBuffer(), 0, (int)value.Length).Trim());
        return read;
    }

    /// <summary>Copies at most <paramref name="maxBytes"/>; null when the source holds more.</summary>
    private static async Task<long?> CopyCappedAsync(Stream source, Stream target, long maxBytes, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(ChunkBytes);
        try
        {
            var total = 0L;
            int read;
            while ((read = await source.ReadAsync(buffer.AsMemory(0, ChunkBytes), cancellationToken)) > 0)
            {
                total += read;
                if (total > maxBytes)
                {
                    return null;
                }

                await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }

            return total;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static ILogger<RedlineLog> Logger(HttpContext context) => context.RequestServices.GetRequiredService<ILogger<RedlineLog>>();

    private static ProblemHttpResult TooLarge(long maxBytes) => TypedResults.Problem(
        $"The request body is larger than the limit of {maxBytes} bytes (WordRedline:Limits:MaxUploadBytes).",
        statusCode: StatusCodes.Status413PayloadTooLarge);

    private static ProblemHttpResult Unreadable(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest);
}

/// <summary>The zip sniff: every .docx starts with a ZIP local file header ("PK\x03\x04"). Password-protected .docx
/// and .doc files are OLE containers instead; those are read on, so the reader can say which it is.</summary>
internal static class ZipSniff
{
    public const int PrefixBytes = 8;

    private static readonly byte[] ZipLocalHeader = [(byte)'P', (byte)'K', 3, 4];
    private static readonly byte[] OleHeader = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    /// <summary>Null when the upload may be a Word file; otherwise the reader's own refusal of these first bytes
    /// (its code and message), so the early answer is the one a fully read file would get.</summary>
    public static DocxRejectedException? Refusal(PooledBufferStream content)
    {
        Span<byte> prefix = stackalloc byte[PrefixBytes];
        var position = content.Position;
        content.Position = 0;
        var length = content.Read(prefix);
        content.Position = position;
        prefix = prefix[..length];
        if (prefix.StartsWith(ZipLocalHeader) || (prefix.Length == OleHeader.Length && prefix.SequenceEqual(OleHeader)))
        {
            return null;
        }

        try
        {
            DocxReader.Read(new MemoryStream(prefix.ToArray(), writable: false));
        }
        catch (DocxRejectedException rejected)
        {
            return rejected;
        }

        throw new UnreachableException("The reader accepted a file that is neither a ZIP nor an OLE container.");
    }
}
