using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace WordRedline.Docx;

/// <summary>What the document's paragraph styles mean for a new paragraph: which are body text, and which would
/// number it, give it an outline level (and so a place in the table of contents), keep it with the next paragraph
/// or start a page. Styles are followed through <c>w:basedOn</c>.</summary>
internal sealed partial class StyleSheet
{
    private const int MaxDepth = 32;

    private readonly Dictionary<string, W.Style> styles = new(StringComparer.Ordinal);
    private readonly HashSet<string> tocStyles = new(StringComparer.OrdinalIgnoreCase);

    public StyleSheet(MainDocumentPart main)
    {
        foreach (var style in main.StyleDefinitionsPart?.Styles?.Elements<W.Style>() ?? [])
        {
            if (style.Type?.InnerText == "paragraph" && style.StyleId?.Value is { Length: > 0 } id)
            {
                styles.TryAdd(id, style);
                if (DefaultId is null && style.Default?.InnerText is "1" or "true" or "on")
                {
                    DefaultId = id;
                }
            }
        }

        // Styles a TOC field lists with \t ("Clause,1,Schedule,2") put their paragraphs in the table of contents.
        foreach (var element in main.Document.Descendants())
        {
            var instruction = element switch
            {
                W.FieldCode code => code.Text,
                W.SimpleField field => field.Instruction?.Value,
                _ => null,
            };
            if (instruction is null || !instruction.Contains("TOC", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (Match match in TocStyleSwitch().Matches(instruction))
            {
                var parts = match.Groups[1].Value.Split(',', ';');
                for (var i = 0; i < parts.Length; i += 2)
                {
                    tocStyles.Add(parts[i].Trim());
                }
            }
        }
    }

    /// <summary>The default paragraph style's id, or null when the document declares none.</summary>
    public string? DefaultId { get; }

    public static string? StyleOf(W.Paragraph paragraph) => paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value;

    /// <summary>True when a paragraph in this style is body text: not a heading, title or contents entry, not numbered
    /// and without an outline level. Null is the default style.</summary>
    public bool IsBody(string? styleId)
    {
        var id = styleId ?? DefaultId;
        if (id is null)
        {
            return true;
        }

        var name = styles.TryGetValue(id, out var style) ? style.StyleName?.Val?.Value ?? id : id;
        return !IsHeadingName(id) && !IsHeadingName(name) && !tocStyles.Contains(name) && !tocStyles.Contains(id)
            && !Numbers(id) && OutlineLevel(id) is null or >= 9;
    }

    /// <summary>True when <paramref name="paragraph"/> is numbered in its own properties and is not a heading.</summary>
    public bool IsOwnListItem(W.Paragraph paragraph)
    {
        var style = StyleOf(paragraph) ?? DefaultId;
        return paragraph.ParagraphProperties?.NumberingProperties is { } numbering && NumberingOn(numbering)
            && !(style is not null && (IsHeadingName(style) || (styles.TryGetValue(style, out var s) && IsHeadingName(s.StyleName?.Val?.Value ?? ""))));
    }

    /// <summary>True when <paramref name="paragraph"/> is numbered, directly or through its style.</summary>
    public bool IsNumbered(W.Paragraph paragraph) =>
        paragraph.ParagraphProperties?.NumberingProperties is { } direct ? NumberingOn(direct) : Numbers(StyleOf(paragraph) ?? DefaultId);

    /// <summary>True when the style, or one it is based on, numbers its paragraphs.</summary>
    public bool Numbers(string? styleId) => Find(styleId, p => p.NumberingProperties is { } n ? NumberingOn(n) : (bool?)null) ?? false;

    public int? OutlineLevel(string? styleId) =>
        Find(styleId, p => p.OutlineLevel?.Val?.InnerText is { } text && int.TryParse(text, out var level) ? level : (int?)null);

    public bool KeepsWithNext(string? styleId) => Find(styleId, p => p.KeepNext is { } k ? On(k.Val?.InnerText) : (bool?)null) ?? false;

    public bool BreaksPage(string? styleId) => Find(styleId, p => p.PageBreakBefore is { } b ? On(b.Val?.InnerText) : (bool?)null) ?? false;

    // The first value a style's chain sets (the style itself, then what it is based on).
    private T? Find<T>(string? styleId, Func<W.StyleParagraphProperties, T?> read)
        where T : struct
    {
        var id = styleId ?? DefaultId;
        for (var depth = 0; id is not null && depth < MaxDepth && styles.TryGetValue(id, out var style); depth++)
        {
            if (style.StyleParagraphProperties is { } properties && read(properties) is { } value)
            {
                return value;
            }

            id = style.BasedOn?.Val?.Value;
        }

        return null;
    }

    private static bool NumberingOn(W.NumberingProperties numbering) => numbering.NumberingId?.Val?.InnerText is { } id && id != "0";

    private static bool On(string? value) => value is null or "1" or "true" or "on";

    private static bool IsHeadingName(string name) =>
        name.StartsWith("heading", StringComparison.OrdinalIgnoreCase) || name.StartsWith("title", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("subtitle", StringComparison.OrdinalIgnoreCase) || name.StartsWith("toc", StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex("""\\t\s*"([^"]*)""")]
    private static partial Regex TocStyleSwitch();
}
