using System.Text;
using System.Text.Json;
using WordRedline.Docx;

namespace WordRedline.Cli.Input;

/// <summary>Reads a contract file into an AnalyzeRequest: .txt (one paragraph per non-empty line) or .json (an
/// AnalyzeRequest). Refuses what it cannot read with a one-line reason.</summary>
internal static class DocumentLoader
{
    /// <summary>Larger than any real contract (a 300-page contract is about 1 MB of text; a .docx with images more).</summary>
    public const long MaxBytes = 20 * 1024 * 1024;

    public static AnalyzeRequest Load(string path)
    {
        var bytes = ReadBounded(path);
        return Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".txt" or ".text" or ".md" => FromText(path, Decode(path, bytes)),
            ".json" => FromJson(path, bytes),
            ".docx" => FromDocx(path, bytes),
            var other => throw new CliException($"{path}: unsupported file type '{other}' (use .txt, .json or .docx)"),
        };
    }

    internal static byte[] ReadBounded(string path)
    {
        FileInfo info;
        try
        {
            info = new FileInfo(path);
            if (!info.Exists)
            {
                throw new CliException(Directory.Exists(path) ? $"{path}: is a directory, not a file" : $"{path}: file not found");
            }
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException or UnauthorizedAccessException)
        {
            throw new CliException($"{path}: invalid path ({e.Message})");
        }

        if (info.Length == 0)
        {
            throw new CliException($"{path}: file is empty");
        }

        if (info.Length > MaxBytes)
        {
            throw new CliException($"{path}: file is {info.Length / (1024 * 1024)} MB; the limit is {MaxBytes / (1024 * 1024)} MB");
        }

        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"{path}: cannot be read ({e.Message})");
        }
    }

    private static AnalyzeRequest FromDocx(string path, byte[] bytes)
    {
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            return DocxReader.Read(stream).ToAnalyzeRequest();
        }
        catch (DocxRejectedException e)
        {
            throw new CliException($"{path}: {e.Message}");
        }
    }

    private static string Decode(string path, byte[] bytes)
    {
        // A NUL byte never appears in a text contract; it marks a binary file given by mistake.
        if (Array.IndexOf(bytes, (byte)0) >= 0)
        {
            throw new CliException($"{path}: looks like a binary file, not text");
        }

        try
        {
            return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            throw new CliException($"{path}: is not UTF-8 text");
        }
    }

    public static AnalyzeRequest FromText(string path, string text)
    {
        var paragraphs = SplitParagraphs(text).Select((line, i) => new ParagraphInput($"p{i}", line)).ToList();
        if (paragraphs.Count == 0)
        {
            throw new CliException($"{path}: has no text");
        }

        return new AnalyzeRequest { Paragraphs = paragraphs };
    }

    /// <summary>One paragraph per non-empty line, trimmed: the corpus convention.</summary>
    public static IEnumerable<string> SplitParagraphs(string text) =>
        text.Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0);

    private static AnalyzeRequest FromJson(string path, byte[] bytes)
    {
        AnalyzeRequest? request;
        try
        {
            request = JsonSerializer.Deserialize(bytes, WordRedlineJson.Default.AnalyzeRequest);
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $" at line {line + 1}" : "";
            throw new CliException($"{path}: invalid JSON{where}: {FirstSentence(e.Message)}");
        }

        if (request?.Paragraphs is null || request.Paragraphs.Count == 0)
        {
            throw new CliException($"{path}: has no paragraphs (expected {{\"paragraphs\": [{{\"id\": \"p0\", \"text\": \"...\"}}]}})");
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var paragraph in request.Paragraphs)
        {
            if (paragraph is null || string.IsNullOrEmpty(paragraph.Id) || paragraph.Text is null)
            {
                throw new CliException($"{path}: every paragraph needs an id and a text");
            }

            if (!ids.Add(paragraph.Id))
            {
                throw new CliException($"{path}: paragraph id '{paragraph.Id}' is used twice");
            }
        }

        return request;
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end > 0 ? message[..(end + 1)] : message;
    }
}
