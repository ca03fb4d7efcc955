using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using WordRedline.Core;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace WordRedline.Docx;

/// <summary>Places whole new paragraphs (a document finding's clause, the AI Protection Addendum) as tracked
/// insertions that rejecting removes without a trace, in Word and in the independent readers alike
/// (docs/ooxml.md §New paragraphs):
/// <list type="bullet">
/// <item>Followed by another paragraph, each new paragraph owns an inserted mark and its text is inserted: rejecting
/// deletes it from its first character to the next paragraph, which keeps its own properties (its list number
/// included). Nothing untracked may sit in the new paragraph (a comment anchor would make LibreOffice keep the new
/// paragraph's properties on the next one), so comments go on the clause before it.</item>
/// <item>At the end of a story (the body, a table cell) or before a table, the last mark cannot be deleted. There the
/// paragraph before takes an inserted mark and the last new paragraph takes over its original mark, with that
/// paragraph's properties recorded as a tracked formatting change: rejecting joins the text back onto its own mark
/// and properties (Word's own layout for typing after the last paragraph).</item>
/// <item>Except when that paragraph is numbered in its own properties (not a heading): pandoc then keeps an empty
/// list item for it and drops its number from its text. There the new paragraphs own their marks and an empty,
/// untracked body paragraph closes the story, which rejecting leaves behind: an empty line, every number kept.</item>
/// <item>The addendum goes before an empty last paragraph when the body ends with one, else the same way.</item>
/// </list></summary>
internal sealed class NewParagraphs(MainDocumentPart main, TrackedChanges changes)
{
    private readonly ParagraphLook look = new(main);

    // New paragraphs holding a mark taken over from the paragraph before them, with the tracked formatting change
    // that restores its properties.
    private readonly HashSet<W.Paragraph> markHolders = [];

    private sealed record Planned(W.ParagraphProperties Properties, W.RunProperties? Format, string Text);

    /// <summary>Inserts <paramref name="suggested"/> after <paramref name="after"/> (the anchor, or the last paragraph
    /// inserted after it), looking like body text near <paramref name="anchor"/>.</summary>
    public List<W.Paragraph> InsertAfter(W.Paragraph anchor, W.Paragraph after, IReadOnlyList<SuggestedParagraph> suggested)
    {
        look.StartGroup();
        return Place(after, Plan(suggested, anchor, continuesClause: true));
    }

    /// <summary>Appends <paramref name="suggested"/> at the end of the body on a new page: after a paragraph holding
    /// a page break, as Word's Insert > Page Break writes it, inserted like the rest.</summary>
    public List<W.Paragraph> AppendAtEnd(IReadOnlyList<SuggestedParagraph> suggested)
    {
        var body = main.Document.Body!;
        look.StartGroup();
        var planned = Plan([new SuggestedParagraph("\f", "Normal"), .. suggested], look.LastWithText(), continuesClause: false);
        var last = body.ChildElements.LastOrDefault(IsBlock);
        List<W.Paragraph> created;
        if (last is W.Paragraph blank && !ParagraphLook.HasText(blank) && !blank.Descendants<W.Run>().Any() && !markHolders.Contains(blank))
        {
            created = [.. planned.Select(p => blank.InsertBeforeSelf(New(p, ownMark: true)))];
        }
        else if (last is W.Paragraph paragraph)
        {
            created = Place(paragraph, planned);
        }
        else
        {
            // A body ending in a table (which Word itself never writes): append as they are.
            var end = body.Elements<W.SectionProperties>().LastOrDefault();
            created = [.. planned.Select(p => end is null ? body.AppendChild(New(p, ownMark: true)) : end.InsertBeforeSelf(New(p, ownMark: true)))];
        }

        return created;
    }

    private List<Planned> Plan(IReadOnlyList<SuggestedParagraph> suggested, W.Paragraph? neighbour, bool continuesClause)
    {
        var planned = new List<Planned>();
        foreach (var item in suggested)
        {
            var (properties, format) = look.For(item, neighbour, continuesClause);
            planned.Add(new Planned(properties, format, item.Text));
        }

        return planned;
    }

    private List<W.Paragraph> Place(W.Paragraph after, List<Planned> planned)
    {
        var atEnd = planned.Count > 0 && NextBlock(after) is not W.Paragraph;
        var handOver = atEnd && CanHandOver(after) && !look.Styles.IsOwnListItem(after);
        var created = new List<W.Paragraph>();
        OpenXmlElement at = after;
        for (var i = 0; i < planned.Count; i++)
        {
            var takesMark = handOver && i == planned.Count - 1;
            if (takesMark)
            {
                TakeMark(after, planned[i].Properties);
            }

            var paragraph = New(planned[i], ownMark: !takesMark);
            at = at.InsertAfterSelf(paragraph);
            created.Add(paragraph);
            if (takesMark)
            {
                markHolders.Add(paragraph);
            }
        }

        if (atEnd && !handOver)
        {
            at.InsertAfterSelf(new W.Paragraph(look.For(new SuggestedParagraph("", "Normal"), after, continuesClause: false).Properties));
        }

        return created;
    }

    /// <summary>Gives <paramref name="properties"/> the mark of <paramref name="previous"/> (its formatting, and its
    /// paragraph properties as the tracked change's old properties), then marks <paramref name="previous"/>'s own
    /// mark inserted.</summary>
    private void TakeMark(W.Paragraph previous, W.ParagraphProperties properties)
    {
        var source = previous.ParagraphProperties;
        properties.ParagraphMarkRunProperties = (W.ParagraphMarkRunProperties?)source?.ParagraphMarkRunProperties?.CloneNode(true);
        if (markHolders.Remove(previous) && source?.ParagraphPropertiesChange is { } change)
        {
            // The paragraph took this mark over itself: the change that restores the original properties moves on.
            change.Remove();
            properties.ParagraphPropertiesChange = change;
        }
        else
        {
            properties.ParagraphPropertiesChange = changes.PropertiesChange(source);
        }

        changes.MarkInserted(previous);
    }

    private W.Paragraph New(Planned planned, bool ownMark) =>
        changes.InsertedParagraph(planned.Properties, (W.RunProperties?)planned.Format?.CloneNode(true), planned.Text, ownMark);

    /// <summary>A mark that carries a section break, someone's pending revision or formatting change is not moved.</summary>
    private bool CanHandOver(W.Paragraph paragraph)
    {
        var properties = paragraph.ParagraphProperties;
        var mark = properties?.ParagraphMarkRunProperties;
        return properties?.SectionProperties is null
            && (mark is null || !mark.ChildElements.Any(c => c is W.Inserted or W.Deleted or W.MoveFrom or W.MoveTo))
            && (properties?.ParagraphPropertiesChange is null || markHolders.Contains(paragraph));
    }

    private static OpenXmlElement? NextBlock(OpenXmlElement element)
    {
        for (var next = element.NextSibling(); next is not null; next = next.NextSibling())
        {
            if (IsBlock(next) || next is W.SectionProperties)
            {
                return next;
            }
        }

        return null;
    }

    private static bool IsBlock(OpenXmlElement element) =>
        element is W.Paragraph or W.Table or W.SdtBlock or W.CustomXmlBlock or W.AltChunk;
}
