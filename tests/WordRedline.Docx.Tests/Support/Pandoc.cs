using System.Text;
using System.Text.Json;

namespace WordRedline.Docx.Tests;

/// <summary>pandoc (Haskell, shares no code with the Open XML SDK) as an independent reader: the document's
/// paragraphs after accepting or rejecting every tracked change, table cells included, notes left out.</summary>
internal static class Pandoc
{
    public const string Path = "/usr/bin/pandoc";

    /// <summary>The texts of <see cref="Labeled"/>.</summary>
    /// <param name="mode">"accept" or "reject".</param>
    public static List<string> Paragraphs(byte[] docx, string mode) => [.. Labeled(docx, mode).Select(p => p.Text)];

    /// <summary>Every paragraph with text and the list label pandoc gives it ("3." for the third item of a decimal
    /// list; pandoc numbers each list level on its own, so nested items read "1." where Word shows "7.1").
    /// Paragraphs without text are left out: pandoc drops empty paragraphs itself, and it keeps an empty list item
    /// for each numbered paragraph whose mark a rejected insertion removes (its list-item wrapper outlives the
    /// paragraph), which is not a paragraph of the document either.</summary>
    public static List<Labeled> Labeled(byte[] docx, string mode)
    {
        using var ast = Ast(docx, mode);
        var paragraphs = new List<Labeled>();

        // pandoc lifts a leading "Title" paragraph into the metadata.
        if (ast.RootElement.GetProperty("meta").TryGetProperty("title", out var title))
        {
            paragraphs.Add(new Labeled("", Text.Normalize(Inlines(title.GetProperty("c")))));
        }

        Blocks(ast.RootElement.GetProperty("blocks"), paragraphs, "");
        return [.. paragraphs.Where(p => p.Text.Length > 0)];
    }

    /// <summary>True when the accepted document shows <paramref name="word"/> in bold (inside a Strong inline).</summary>
    public static bool IsBold(byte[] docx, string word)
    {
        using var ast = Ast(docx, "accept");
        return FindStrong(ast.RootElement.GetProperty("blocks"), word, inStrong: false);
    }

    private static JsonDocument Ast(byte[] docx, string mode)
    {
        var file = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"wr-docx-{Guid.NewGuid():N}.docx");
        File.WriteAllBytes(file, docx);
        try
        {
            return JsonDocument.Parse(ExternalTools.Run(Path, ["-f", "docx", "-t", "json", $"--track-changes={mode}", file], TimeSpan.FromSeconds(60)));
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

    // Walks any block structure (lists, tables, divs) and collects each Para, Plain and Header with the label of the
    // list item it opens.
    private static string Blocks(JsonElement node, List<Labeled> paragraphs, string label)
    {
        if (node.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in node.EnumerateArray())
            {
                label = Blocks(item, paragraphs, label);
            }

            return label;
        }

        if (node.ValueKind != JsonValueKind.Object || !node.TryGetProperty("t", out var type))
        {
            return label;
        }

        var content = node.TryGetProperty("c", out var c) ? c : default;
        switch (type.GetString())
        {
            case "Para" or "Plain":
                paragraphs.Add(new Labeled(label, Text.Normalize(Inlines(content))));
                return "";
            case "Header":
                paragraphs.Add(new Labeled(label, Text.Normalize(Inlines(content[2]))));
                return "";
            case "OrderedList":
                var (start, style, delimiter) = (content[0][0].GetInt32(), content[0][1].GetProperty("t").GetString(), content[0][2].GetProperty("t").GetString());
                var index = 0;
                foreach (var item in content[1].EnumerateArray())
                {
                    ListItem(item, paragraphs, ListLabel(start + index++, style, delimiter));
                }

                return label;
            case "BulletList":
                foreach (var item in content.EnumerateArray())
                {
                    ListItem(item, paragraphs, "\u2022");
                }

                return label;
            default:
                return content.ValueKind == JsonValueKind.Undefined ? label : Blocks(content, paragraphs, label);
        }
    }

    // An item's first paragraph carries the label; an item without one still shows it, as an empty paragraph.
    private static void ListItem(JsonElement blocks, List<Labeled> paragraphs, string label)
    {
        if (Blocks(blocks, paragraphs, label) == label)
        {
            paragraphs.Add(new Labeled(label, ""));
        }
    }

    private static string ListLabel(int number, string? style, string? delimiter)
    {
        var text = style switch
        {
            "LowerAlpha" => ((char)('a' + ((number - 1) % 26))).ToString(),
            "UpperAlpha" => ((char)('A' + ((number - 1) % 26))).ToString(),
            "LowerRoman" => Roman(number).ToLowerInvariant(),
            "UpperRoman" => Roman(number),
            _ => number.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        return delimiter switch
        {
            "OneParen" => text + ")",
            "TwoParens" => $"({text})",
            _ => text + ".",
        };
    }

    private static string Roman(int number)
    {
        var result = new StringBuilder();
        foreach (var (value, numeral) in new[] { (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I") })
        {
            for (; number >= value; number -= value)
            {
                result.Append(numeral);
            }
        }

        return result.ToString();
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
