using System.Text;
using System.Text.Json;

namespace WordRedline.Docx.Tests;

/// <summary>pandoc (Haskell, shares no code with the Open XML SDK) as an independent reader: the document's
/// paragraphs after accepting or rejecting every tracked change, table cells included, notes left out.</summary>
internal static class Pandoc
{
    public const string Path = "/usr/bin/pandoc";

    /// <param name="mode">"accept" or "reject".</param>
    public static List<string> Paragraphs(byte[] docx, string mode)
    {
        var file = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"wr-docx-{Guid.NewGuid():N}.docx");
        File.WriteAllBytes(file, docx);
        try
        {
            var json = ExternalTools.Run(Path, ["-f", "docx", "-t", "json", $"--track-changes={mode}", file], TimeSpan.FromSeconds(60));
            using var ast = JsonDocument.Parse(json);
            var paragraphs = new List<string>();

            // pandoc lifts a leading "Title" paragraph into the metadata.
            if (ast.RootElement.GetProperty("meta").TryGetProperty("title", out var title))
            {
                paragraphs.Add(Inlines(title.GetProperty("c")));
            }

            Blocks(ast.RootElement.GetProperty("blocks"), paragraphs);
            return [.. paragraphs.Select(Text.Normalize).Where(p => p.Length > 0)];
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>True when the accepted document shows <paramref name="word"/> in bold (inside a Strong inline).</summary>
    public static bool IsBold(byte[] docx, string word)
    {
        var file = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"wr-docx-{Guid.NewGuid():N}.docx");
        File.WriteAllBytes(file, docx);
        try
        {
            var json = ExternalTools.Run(Path, ["-f", "docx", "-t", "json", "--track-changes=accept", file], TimeSpan.FromSeconds(60));
            using var ast = JsonDocument.Parse(json);
            return FindStrong(ast.RootElement.GetProperty("blocks"), word, inStrong: false);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static bool FindStrong(JsonElement node, string word, bool inStrong)
    {
        switch (node.ValueKind)
        {
            case JsonValueKind.Object:
                var type = node.TryGetProperty("t", out var t) ? t.GetString() : null;
                if (type == "Str" && inStrong && node.GetProperty("c").GetString() == word)
                {
                    return true;
                }

                return node.TryGetProperty("c", out var content) && FindStrong(content, word, inStrong || type == "Strong");
            case JsonValueKind.Array:
                foreach (var item in node.EnumerateArray())
                {
                    if (FindStrong(item, word, inStrong))
                    {
                        return true;
                    }
                }

                return false;
            default:
                return false;
        }
    }

    // Walks any block structure (lists, tables, divs) and collects the text of each Para, Plain and Header.
    private static void Blocks(JsonElement node, List<string> paragraphs)
    {
        switch (node.ValueKind)
        {
            case JsonValueKind.Array:
                foreach (var item in node.EnumerateArray())
                {
                    Blocks(item, paragraphs);
                }

                break;
            case JsonValueKind.Object when node.TryGetProperty("t", out var type):
                var content = node.TryGetProperty("c", out var c) ? c : default;
                switch (type.GetString())
                {
                    case "Para" or "Plain":
                        paragraphs.Add(Inlines(content));
                        break;
                    case "Header":
                        paragraphs.Add(Inlines(content[2]));
                        break;
                    default:
                        if (content.ValueKind != JsonValueKind.Undefined)
                        {
                            Blocks(content, paragraphs);
                        }

                        break;
                }

                break;
            default:
                break;
        }
    }

    private static string Inlines(JsonElement inlines)
    {
        var text = new StringBuilder();
        Inline(inlines, text);
        return text.ToString();
    }

    private static void Inline(JsonElement node, StringBuilder text)
    {
        if (node.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in node.EnumerateArray())
            {
                Inline(item, text);
            }

            return;
        }

        if (node.ValueKind != JsonValueKind.Object || !node.TryGetProperty("t", out var type))
        {
            return;
        }

        var content = node.TryGetProperty("c", out var c) ? c : default;
        switch (type.GetString())
        {
            case "Str":
                text.Append(content.GetString());
                break;
            case "Space" or "SoftBreak" or "LineBreak":
                text.Append(' ');
                break;
            case "Emph" or "Strong" or "Underline" or "Strikeout" or "Superscript" or "Subscript" or "SmallCaps":
                Inline(content, text);
                break;
            case "Span" or "Link" or "Quoted":
                Inline(content[1], text);
                break;
            case "Code":
                text.Append(content[1].GetString());
                break;

            // Notes are their own story; the body paragraph does not contain their text.
            default:
                break;
        }
    }
}

internal static class Text
{
    /// <summary>Whitespace (spaces, tabs, breaks, non-breaking spaces) collapsed to one space, ends trimmed.</summary>
    public static string Normalize(string text) =>
        string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
