using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using WordRedline.Core;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace WordRedline.Docx;

/// <summary>Builds whole new paragraphs (a document finding's clause, the AI Protection Addendum) as tracked
/// insertions that look like the document's own: its Heading/List styles when it has them, its body font, and a
/// numbering definition of its own when a list style is missing.</summary>
internal sealed class NewParagraphs(MainDocumentPart main, TrackedChanges changes)
{
    private readonly Dictionary<string, string> styles = StyleIndex(main.StyleDefinitionsPart?.Styles);
    private readonly Dictionary<string, int> listNumbering = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Inserts <paramref name="suggested"/> after <paramref name="after"/>, formatted like
    /// <paramref name="anchor"/> (its paragraph style, indentation and the font of its text).</summary>
    public List<W.Paragraph> InsertAfter(W.Paragraph anchor, OpenXmlElement after, IReadOnlyList<SuggestedParagraph> suggested)
    {
        var created = new List<W.Paragraph>();
        foreach (var item in suggested)
        {
            var properties = AnchorProperties(anchor);
            if (!IsNormal(item.Style) && StyleId(item.Style) is { } styleId)
            {
                properties.ParagraphStyleId = new W.ParagraphStyleId { Val = styleId };
            }

            var format = (W.RunProperties?)LastTextRun(anchor)?.RunProperties?.CloneNode(true);
            format?.RunPropertiesChange?.Remove();
            format?.RunStyle?.Remove();
            after = after.InsertAfterSelf(changes.InsertedParagraph(properties, format, item.Text));
            created.Add((W.Paragraph)after);
        }

        return created;
    }

    /// <summary>Appends <paramref name="suggested"/> at the end of the body, the first one on a new page.</summary>
    public List<W.Paragraph> AppendAtEnd(IReadOnlyList<SuggestedParagraph> suggested)
    {
        var body = main.Document.Body!;
        var font = BodyFont(body);
        var created = new List<W.Paragraph>();
        foreach (var item in suggested)
        {
            var properties = new W.ParagraphProperties();
            var styleId = IsNormal(item.Style) ? null : StyleId(item.Style);
            var heading = IsHeading(item.Style);
            if (styleId is not null)
            {
                properties.ParagraphStyleId = new W.ParagraphStyleId { Val = styleId };
            }
            else if (IsList(item.Style))
            {
                properties.NumberingProperties = new W.NumberingProperties(
                    new W.NumberingLevelReference { Val = 0 }, new W.NumberingId { Val = ListNumbering(item.Style) });
                properties.Indentation = new W.Indentation { Left = "720", Hanging = "360" };
            }

            if (created.Count == 0)
            {
                properties.PageBreakBefore = new W.PageBreakBefore();
            }

            var format = new W.RunProperties();
            if (font is not null)
            {
                format.RunFonts = (W.RunFonts)font.CloneNode(true);
            }

            if (heading && styleId is null)
            {
                format.Bold = new W.Bold();
            }

            var paragraph = changes.InsertedParagraph(properties, format.HasChildren ? format : null, item.Text);
            if (body.Elements<W.SectionProperties>().LastOrDefault() is { } sectionProperties)
            {
                sectionProperties.InsertBeforeSelf(paragraph);
            }
            else
            {
                body.AppendChild(paragraph);
            }

            created.Add(paragraph);
        }

        return created;
    }

    /// <summary>The document's style id for a Word built-in style ("Heading1", "ListNumber"), matched by id or by
    /// its built-in name ("heading 1", "List Number"), which stays English in every localized document.</summary>
    private string? StyleId(string builtIn) =>
        styles.TryGetValue(builtIn, out var id) || styles.TryGetValue(BuiltInName(builtIn), out id) ? id : null;

    private static Dictionary<string, string> StyleIndex(W.Styles? root)
    {
        var index = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var style in root?.Elements<W.Style>() ?? [])
        {
            if (style.Type?.InnerText != "paragraph" || style.StyleId?.Value is not { Length: > 0 } id)
            {
                continue;
            }

            index.TryAdd(id, id);
            if (style.StyleName?.Val?.Value is { Length: > 0 } name)
            {
                index.TryAdd(name, id);
            }
        }

        return index;
    }

    // "ListNumber2" -> "list number 2", "Heading1" -> "heading 1".
    private static string BuiltInName(string builtIn)
    {
        var name = new StringBuilder();
        for (var i = 0; i < builtIn.Length; i++)
        {
            var c = builtIn[i];
            if (i > 0 && (char.IsUpper(c) || (char.IsDigit(c) && !char.IsDigit(builtIn[i - 1]))))
            {
                name.Append(' ');
            }

            name.Append(char.ToLowerInvariant(c));
        }

        return name.ToString();
    }

    private static bool IsNormal(string style) => string.IsNullOrEmpty(style) || style.Equals("Normal", StringComparison.OrdinalIgnoreCase);

    private static bool IsHeading(string style) =>
        style.StartsWith("Heading", StringComparison.OrdinalIgnoreCase) || style.Equals("Title", StringComparison.OrdinalIgnoreCase);

    private static bool IsList(string style) => style.StartsWith("List", StringComparison.OrdinalIgnoreCase);

    private static W.ParagraphProperties AnchorProperties(W.Paragraph anchor)
    {
        var properties = (W.ParagraphProperties?)anchor.ParagraphProperties?.CloneNode(true) ?? new W.ParagraphProperties();

        // The new paragraph continues the clause: not a new list item, section break or pending formatting change.
        properties.NumberingProperties = null;
        properties.SectionProperties = null;
        properties.ParagraphPropertiesChange = null;
        properties.ParagraphMarkRunProperties = null;
        properties.PageBreakBefore = null;
        return properties;
    }

    private static W.Run? LastTextRun(W.Paragraph paragraph) =>
        paragraph.Descendants<W.Run>().LastOrDefault(r => r.GetFirstChild<W.Text>() is not null && r.Parent is not W.DeletedRun);

    // The font of the body's last text, so the addendum matches documents that set fonts directly.
    private static W.RunFonts? BodyFont(W.Body body)
    {
        foreach (var paragraph in body.Elements<W.Paragraph>().Reverse())
        {
            if (LastTextRun(paragraph)?.RunProperties?.RunFonts is { } fonts)
            {
                return fonts;
            }
        }

        return null;
    }

    // The input's values are read as text: a typed .Value throws on a malformed attribute.
    private static int Number(DocumentFormat.OpenXml.Int32Value? value) =>
        int.TryParse(value?.InnerText, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var n)
            ? Math.Clamp(n, 0, int.MaxValue - 1) : 0;

    /// <summary>A numbering definition of the addendum's own (decimal, or bullets for "ListBullet"), starting at 1,
    /// for documents without the list style.</summary>
    private int ListNumbering(string style)
    {
        var bullet = style.StartsWith("ListBullet", StringComparison.OrdinalIgnoreCase);
        var key = bullet ? "bullet" : "decimal";
        if (listNumbering.TryGetValue(key, out var existing))
        {
            return existing;
        }

        var part = main.NumberingDefinitionsPart ?? NewPart.Add<NumberingDefinitionsPart>(main);
        var numbering = part.Numbering ??= new W.Numbering();
        var abstractId = numbering.Elements<W.AbstractNum>().Select(a => Number(a.AbstractNumberId)).DefaultIfEmpty(-1).Max() + 1;
        var numId = numbering.Elements<W.NumberingInstance>().Select(n => Number(n.NumberID)).DefaultIfEmpty(0).Max() + 1;

        var level = new W.Level(
            new W.StartNumberingValue { Val = 1 },
            new W.NumberingFormat { Val = bullet ? W.NumberFormatValues.Bullet : W.NumberFormatValues.Decimal },
            new W.LevelText { Val = bullet ? "\u2022" : "%1." },
            new W.LevelJustification { Val = W.LevelJustificationValues.Left })
        { LevelIndex = 0 };
        var definition = new W.AbstractNum(new W.MultiLevelType { Val = W.MultiLevelValues.SingleLevel }, level)
        {
            AbstractNumberId = abstractId,
        };

        // Schema order: every w:abstractNum before the first w:num.
        if (numbering.Elements<W.AbstractNum>().LastOrDefault() is { } lastAbstract)
        {
            lastAbstract.InsertAfterSelf(definition);
        }
        else if (numbering.GetFirstChild<W.NumberingInstance>() is { } firstInstance)
        {
            firstInstance.InsertBeforeSelf(definition);
        }
        else
        {
            numbering.AppendChild(definition);
        }

        var instance = new W.NumberingInstance(new W.AbstractNumId { Val = abstractId }) { NumberID = numId };
        if (numbering.Elements<W.NumberingInstance>().LastOrDefault() is { } lastInstance)
        {
            lastInstance.InsertAfterSelf(instance);
        }
        else
        {
            definition.InsertAfterSelf(instance);
        }

        listNumbering[key] = numId;
        return numId;
    }
}
