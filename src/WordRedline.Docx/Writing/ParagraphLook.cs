using DocumentFormat.OpenXml.Packaging;
using WordRedline.Core;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace WordRedline.Docx;

/// <summary>How a new paragraph looks: the body text style of the paragraphs around it (never a heading style,
/// never numbered, no outline level, so it stays out of the table of contents; no keep-with-next, no page break
/// before), the clause's indentation and spacing, and the body text's run formatting. A clause meant to be numbered
/// (a "List..." style) gets a numbering instance of the writer's own, so the document's own lists keep their numbers.</summary>
internal sealed class ParagraphLook(MainDocumentPart main)
{
    // How far back to look for body text when the neighbour is a heading.
    private const int MaxLookBack = 200;

    private readonly StyleSheet styles = new(main);

    public StyleSheet Styles => styles;
    private ListNumbering lists = new(main);
    private List<W.Paragraph>? bodyParagraphs;

    /// <summary>Every paragraph of the body in document order (tables included), read once, before the first new
    /// paragraph: the neighbours whose looks new paragraphs take are the document's own.</summary>
    public List<W.Paragraph> BodyParagraphs => bodyParagraphs ??= [.. main.Document.Body!.Descendants<W.Paragraph>()];

    /// <summary>The body's last paragraph with text, or null.</summary>
    public W.Paragraph? LastWithText()
    {
        for (var i = BodyParagraphs.Count - 1; i >= 0; i--)
        {
            if (HasText(BodyParagraphs[i]))
            {
                return BodyParagraphs[i];
            }
        }

        return null;
    }

    /// <summary>Starts a new group of paragraphs (a document finding's, the addendum's): its numbered clauses get
    /// numbering instances of their own, counting from 1.</summary>
    public void StartGroup() => lists = new ListNumbering(main);

    /// <summary>The properties and run formatting for <paramref name="item"/> placed by <paramref name="neighbour"/>
    /// (the clause it follows, or the body's last text; null in an empty document). A paragraph that
    /// <paramref name="continuesClause"/> also takes the clause's indentation, spacing and alignment.</summary>
    public (W.ParagraphProperties Properties, W.RunProperties? Format) For(SuggestedParagraph item, W.Paragraph? neighbour, bool continuesClause)
    {
        var properties = new W.ParagraphProperties();
        var style = neighbour is null ? styles.DefaultId : BodyStyleNear(neighbour);
        if (style is not null && style != styles.DefaultId)
        {
            properties.ParagraphStyleId = new W.ParagraphStyleId { Val = style };
        }

        if (ListKind(item.Style) is { } bullet)
        {
            properties.NumberingProperties = new W.NumberingProperties(
                new W.NumberingLevelReference { Val = 0 }, new W.NumberingId { Val = lists.For(bullet) });
        }
        else
        {
            if (continuesClause)
            {
                CopyLayout(neighbour, properties);
            }

            if (styles.Numbers(style))
            {
                properties.NumberingProperties = new W.NumberingProperties(new W.NumberingId { Val = 0 });
            }
        }

        // Only a style without body text left to choose (the default) can bring these; each is switched off explicitly.
        if (styles.OutlineLevel(style) is < 9)
        {
            properties.OutlineLevel = new W.OutlineLevel { Val = 9 };
        }

        if (styles.KeepsWithNext(style))
        {
            properties.KeepNext = new W.KeepNext { Val = false };
        }

        if (styles.BreaksPage(style))
        {
            properties.PageBreakBefore = new W.PageBreakBefore { Val = false };
        }

        var format = neighbour is null ? null : BodyFormat.Of(neighbour);
        if (IsHeading(item.Style))
        {
            format ??= new W.RunProperties();
            format.Bold = new W.Bold();
        }

        return (properties, format);
    }

    /// <summary>The neighbour's style when it is body text, else the style of the nearest body text before it, else
    /// the default style.</summary>
    private string? BodyStyleNear(W.Paragraph neighbour)
    {
        var own = StyleSheet.StyleOf(neighbour);
        if (styles.IsBody(own))
        {
            return own;
        }

        var paragraphs = BodyParagraphs;
        var index = paragraphs.IndexOf(neighbour);
        for (var i = index - 1; i >= 0 && index - i <= MaxLookBack; i--)
        {
            var style = StyleSheet.StyleOf(paragraphs[i]);
            if (HasText(paragraphs[i]) && styles.IsBody(style))
            {
                return style;
            }
        }

        return styles.DefaultId;
    }

    /// <summary>Copies the clause's indentation, spacing, alignment and direction; a numbered clause's hanging or
    /// first-line indent belongs to its number, so only its left indent is kept.</summary>
    private void CopyLayout(W.Paragraph? neighbour, W.ParagraphProperties properties)
    {
        if (neighbour?.ParagraphProperties is not { } source)
        {
            return;
        }

        if (source.Indentation?.CloneNode(true) is W.Indentation indentation)
        {
            if (styles.IsNumbered(neighbour))
            {
                indentation.Hanging = null;
                indentation.HangingChars = null;
                indentation.FirstLine = null;
                indentation.FirstLineChars = null;
            }

            properties.Indentation = indentation;
        }

        properties.SpacingBetweenLines = (W.SpacingBetweenLines?)source.SpacingBetweenLines?.CloneNode(true);
        properties.Justification = (W.Justification?)source.Justification?.CloneNode(true);
        properties.BiDi = (W.BiDi?)source.BiDi?.CloneNode(true);
    }

    public static bool HasText(W.Paragraph paragraph) => paragraph.Descendants<W.Text>().Any(t => t.Text.Length > 0);

    private static bool IsHeading(string style) =>
        style.StartsWith("Heading", StringComparison.OrdinalIgnoreCase) || style.Equals("Title", StringComparison.OrdinalIgnoreCase);

    // "ListBullet", "ListBullet2": bullets; "ListNumber", "ListNumber2": decimal numbers; any other style: not a list.
    private static bool? ListKind(string style) =>
        style.StartsWith("ListBullet", StringComparison.OrdinalIgnoreCase) ? true
        : style.StartsWith("ListNumber", StringComparison.OrdinalIgnoreCase) ? false
        : null;
}
