using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace WordRedline.Docx;

/// <summary>The one place revisions and comments are built: every <c>w:ins</c>, <c>w:del</c>, inserted paragraph
/// mark and comment gets its id, author and date here, so the same input gives the same XML. The rules it keeps:
/// docs/ooxml.md §Revision ids, §Author and date, §Comments.</summary>
internal sealed class TrackedChanges
{
    private const string WordNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    // Elements whose w:id is a revision id. Bookmarks and comments number their own sequences.
    private static readonly HashSet<string> RevisionElements =
    [
        "ins", "del", "moveFrom", "moveTo", "moveFromRangeStart", "moveFromRangeEnd", "moveToRangeStart", "moveToRangeEnd",
        "rPrChange", "pPrChange", "sectPrChange", "tblPrChange", "tblPrExChange", "trPrChange", "tcPrChange",
        "tblGridChange", "numberingChange", "cellIns", "cellDel", "cellMerge", "customXmlInsRangeStart",
        "customXmlInsRangeEnd", "customXmlDelRangeStart", "customXmlDelRangeEnd", "customXmlMoveFromRangeStart",
        "customXmlMoveFromRangeEnd", "customXmlMoveToRangeStart", "customXmlMoveToRangeEnd",
    ];

    private static readonly HashSet<string> CommentElements = ["comment", "commentRangeStart", "commentRangeEnd", "commentReference"];

    private readonly DateTime date;
    private readonly string initials;
    private long nextRevision;
    private long nextComment;

    private TrackedChanges(string author, DateTime date, long nextRevision, long nextComment)
    {
        Author = author;
        this.date = date;
        this.nextRevision = nextRevision;
        this.nextComment = nextComment;
        initials = Initials(author);
    }

    public string Author { get; }

    public int Created { get; private set; }

    /// <summary>Starts both id sequences above every id already in the package: the input may hold other authors'
    /// revisions and comments, and Word needs revision ids unique across element types and parts.</summary>
    public static TrackedChanges For(MainDocumentPart main, string author, TimeProvider clock)
    {
        long maxRevision = 0, maxComment = 0;
        foreach (var root in Roots(main))
        {
            foreach (var element in root.Descendants())
            {
                if (element.NamespaceUri != WordNamespace)
                {
                    continue;
                }

                if (RevisionElements.Contains(element.LocalName))
                {
                    maxRevision = Math.Max(maxRevision, NumericId(element));
                }
                else if (CommentElements.Contains(element.LocalName))
                {
                    maxComment = Math.Max(maxComment, NumericId(element));
                }
            }
        }

        // Word writes whole seconds in UTC ("2025-01-02T03:04:05Z"); fractions are avoided.
        var now = clock.GetUtcNow().UtcDateTime;
        var date = new DateTime(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);
        return new TrackedChanges(author, date, maxRevision + 1, maxComment + 1);
    }

    /// <summary>An empty <c>w:del</c> to move runs into (see <see cref="MarkDeleted"/>).</summary>
    public W.DeletedRun Deletion() => Stamp(new W.DeletedRun());

    /// <summary>A <c>w:ins</c> holding one run with <paramref name="format"/> (cloned) and <paramref name="text"/>.</summary>
    public W.InsertedRun Insertion(W.RunProperties? format, string text)
    {
        var run = new W.Run();
        if (format is not null)
        {
            run.AppendChild(format);
        }

        AppendText(run, text);
        return Stamp(new W.InsertedRun(run));
    }

    /// <summary>Turns a run that was moved into a <c>w:del</c> into deleted content: <c>w:t</c> must become
    /// <c>w:delText</c> there (Word refuses <c>w:t</c> inside <c>w:del</c>; the validator does not notice).</summary>
    public static void MarkDeleted(W.Run run)
    {
        foreach (var child in run.ChildElements.ToList())
        {
            switch (child)
            {
                case W.Text text:
                    text.InsertBeforeSelf(new W.DeletedText(text.Text) { Space = SpaceProcessingModeValues.Preserve });
                    text.Remove();
                    break;
                case W.FieldCode code:
                    code.InsertBeforeSelf(new W.DeletedFieldCode(code.Text) { Space = SpaceProcessingModeValues.Preserve });
                    code.Remove();
                    break;
                default:
                    break;
            }
        }
    }

    /// <summary>A new paragraph that exists only as a tracked insertion: its mark is inserted and its text is in a
    /// <c>w:ins</c>, so rejecting it removes it completely. With <paramref name="ownMark"/> false the paragraph keeps
    /// an untracked mark (the one it takes over from the paragraph before it, see <see cref="MarkInserted"/>).</summary>
    public W.Paragraph InsertedParagraph(W.ParagraphProperties properties, W.RunProperties? format, string text, bool ownMark = true)
    {
        if (ownMark)
        {
            var mark = properties.ParagraphMarkRunProperties ??= new W.ParagraphMarkRunProperties();
            mark.PrependChild(Stamp(new W.Inserted()));
        }

        var paragraph = new W.Paragraph(properties);
        if (text.Length > 0)
        {
            paragraph.AppendChild(Insertion(format, text));
        }

        return paragraph;
    }

    /// <summary>Marks an existing paragraph's mark as inserted: the paragraphs after it then hold the mark it had, so
    /// rejecting joins its text back onto that mark. The mark's <c>w:ins</c> goes first in its run properties.</summary>
    public void MarkInserted(W.Paragraph paragraph)
    {
        var properties = paragraph.ParagraphProperties ?? paragraph.PrependChild(new W.ParagraphProperties());
        var mark = properties.ParagraphMarkRunProperties ??= new W.ParagraphMarkRunProperties();
        mark.PrependChild(Stamp(new W.Inserted()));
    }

    /// <summary>A tracked paragraph formatting change that records <paramref name="before"/> as the old properties
    /// (its base properties: no mark formatting, section or earlier change).</summary>
    public W.ParagraphPropertiesChange PropertiesChange(W.ParagraphProperties? before)
    {
        var old = new W.ParagraphPropertiesExtended();
        foreach (var child in before?.ChildElements ?? [])
        {
            if (child is not (W.ParagraphMarkRunProperties or W.SectionProperties or W.ParagraphPropertiesChange))
            {
                old.AppendChild(child.CloneNode(true));
            }
        }

        var change = new W.ParagraphPropertiesChange(old) { Id = NextRevisionId(), Author = Author, Date = date };
        Created++;
        return change;
    }

    /// <summary>Anchors a new comment from <paramref name="first"/> to <paramref name="last"/> (siblings or in
    /// document order), with the reference run right after the range, outside every revision, so accepting or
    /// rejecting keeps it. The comment's text is <paramref name="body"/>, a paragraph per line.</summary>
    public W.Comment Comment(OpenXmlElement first, OpenXmlElement last, string body)
    {
        var id = (nextComment++).ToString(CultureInfo.InvariantCulture);
        first.InsertBeforeSelf(new W.CommentRangeStart { Id = id });
        last.InsertAfterSelf(new W.CommentRangeEnd { Id = id }).InsertAfterSelf(new W.Run(new W.CommentReference { Id = id }));
        return CommentPart(id, body);
    }

    /// <summary>Anchors a new comment at the end of <paramref name="paragraph"/>'s content (a point, no range of text).</summary>
    public W.Comment CommentAtEnd(W.Paragraph paragraph, string body)
    {
        var id = (nextComment++).ToString(CultureInfo.InvariantCulture);
        paragraph.AppendChild(new W.CommentRangeStart { Id = id });
        paragraph.AppendChild(new W.CommentRangeEnd { Id = id });
        paragraph.AppendChild(new W.Run(new W.CommentReference { Id = id }));
        return CommentPart(id, body);
    }

    private W.Comment CommentPart(string id, string body)
    {
        var comment = new W.Comment { Id = id, Author = Author, Initials = initials, Date = date };
        var lines = body.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        for (var i = 0; i < Math.Max(1, lines.Length); i++)
        {
            var paragraph = comment.AppendChild(new W.Paragraph());
            if (i == 0)
            {
                paragraph.AppendChild(new W.Run(new W.AnnotationReferenceMark()));
            }

            if (i < lines.Length)
            {
                paragraph.AppendChild(new W.Run(Text(lines[i])));
            }
        }

        return comment;
    }

    /// <summary>Appends <paramref name="text"/> to a run: tabs as <c>w:tab</c>, line breaks as <c>w:br</c>, a form
    /// feed as a page break.</summary>
    private static void AppendText(W.Run run, string text)
    {
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && text[i] is not ('\t' or '\n' or '\r' or '\f'))
            {
                continue;
            }

            if (i > start)
            {
                run.AppendChild(Text(text[start..i]));
            }

            if (i < text.Length)
            {
                run.AppendChild<OpenXmlElement>(text[i] switch
                {
                    '\t' => new W.TabChar(),
                    '\f' => new W.Break { Type = W.BreakValues.Page },
                    _ => new W.Break(),
                });
                if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }
            }

            start = i + 1;
        }
    }

    // Spaces at either end of w:t vanish without xml:space="preserve"; setting it always is harmless.
    private static W.Text Text(string text) => new(text) { Space = SpaceProcessingModeValues.Preserve };

    private string NextRevisionId() => (nextRevision++).ToString(CultureInfo.InvariantCulture);

    private T Stamp<T>(T revision)
        where T : OpenXmlElement
    {
        var id = NextRevisionId();
        switch (revision)
        {
            case W.RunTrackChangeType run:
                run.Id = id;
                run.Author = Author;
                run.Date = date;
                break;
            case W.TrackChangeType mark:
                mark.Id = id;
                mark.Author = Author;
                mark.Date = date;
                break;
            default:
                throw new ArgumentException($"{typeof(T).Name} is not a revision element.", nameof(revision));
        }

        Created++;
        return revision;
    }

    private static IEnumerable<OpenXmlElement> Roots(MainDocumentPart main)
    {
        OpenXmlElement?[] roots =
        [
            main.Document, main.FootnotesPart?.Footnotes, main.EndnotesPart?.Endnotes, main.WordprocessingCommentsPart?.Comments,
            main.StyleDefinitionsPart?.Styles, main.NumberingDefinitionsPart?.Numbering,
            .. main.HeaderParts.Select(p => p.Header), .. main.FooterParts.Select(p => p.Footer),
        ];
        return roots.OfType<OpenXmlElement>();
    }

    private static long NumericId(OpenXmlElement element)
    {
        foreach (var attribute in element.GetAttributes())
        {
            if (attribute.LocalName == "id" && attribute.NamespaceUri == WordNamespace
                && long.TryParse(attribute.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id))
            {
                return Math.Clamp(id, 0, long.MaxValue / 2);
            }
        }

        return 0;
    }

    private static string Initials(string author)
    {
        var capitals = new string([.. author.Where(char.IsUpper).Take(4)]);
        return capitals.Length > 0 ? capitals : author.Trim() is { Length: > 0 } trimmed ? trimmed[..1].ToUpperInvariant() : "W";
    }
}
