using System.Text;
using DocumentFormat.OpenXml;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace WordRedline.Docx;

/// <summary>Why a piece of text must not be edited (docs/ooxml.md §Locked text).</summary>
internal enum TextLock : byte
{
    None,

    /// <summary>A field result: Word regenerates it, so an edit would not last.</summary>
    Field,

    /// <summary>Text inside someone's pending insertion or move, or a run with a pending formatting change.</summary>
    Revision,

    /// <summary>A content control that is locked or bound to custom XML.</summary>
    ContentControl,

    /// <summary>A container where tracked changes are not allowed or not safe (bidi override, smart art...).</summary>
    Container,
}

/// <summary>A character range of the accepted-view text and the run child that displays it.</summary>
/// <param name="Run">The run holding <paramref name="Child"/>.</param>
/// <param name="Child">A <c>w:t</c> (any length) or a one-character element (<c>w:tab</c>, <c>w:br</c>, <c>w:sym</c>...).</param>
/// <param name="Start">UTF-16 offset in the paragraph's accepted-view text.</param>
/// <param name="Length">UTF-16 length.</param>
/// <param name="Lock">Why the piece must not be edited, or <see cref="TextLock.None"/>.</param>
/// <param name="Author">The pending revision's author when <paramref name="Lock"/> is <see cref="TextLock.Revision"/>.</param>
internal readonly record struct Piece(W.Run Run, OpenXmlElement Child, int Start, int Length, TextLock Lock, string? Author)
{
    public int End => Start + Length;
}

/// <summary>Open complex fields at a point of a story: one flag per nesting level, true once its result began.
/// Fields may span paragraphs (a table of contents), so the state is carried from paragraph to paragraph.</summary>
internal sealed class FieldState
{
    private readonly List<bool> inResult;

    public FieldState(IEnumerable<bool>? levels = null) => inResult = [.. levels ?? []];

    public bool IsOpen => inResult.Count > 0;

    /// <summary>Text shows only where every open field is past its separator (field codes never show).</summary>
    public bool ShowsText => inResult.TrueForAll(level => level);

    public FieldState Snapshot() => new(inResult);

    public void Apply(W.FieldChar fieldChar)
    {
        // Read as text: a typed .Value throws on a malformed attribute.
        var type = fieldChar.FieldCharType?.InnerText;
        if (type == "begin")
        {
            inResult.Add(false);
        }
        else if (type == "separate" && inResult.Count > 0)
        {
            inResult[^1] = true;
        }
        else if (type == "end" && inResult.Count > 0)
        {
            inResult.RemoveAt(inResult.Count - 1);
        }
    }
}

/// <summary>A paragraph's accepted-view text (what Word shows after "Accept all") with a back-pointer from every
/// character to the run child that displays it. Deleted and moved-from content is skipped, inserted and moved-to
/// content kept; field codes are dropped and field results kept; <c>InnerText</c> would mix all of these.</summary>
internal sealed class ParagraphMap
{
    private readonly StringBuilder text = new();
    private readonly List<Piece> pieces = [];
    private readonly FieldState fields;

    private ParagraphMap(FieldState fields) => this.fields = fields;

    public string Text { get; private set; } = "";

    public IReadOnlyList<Piece> Pieces => pieces;

    /// <summary>Maps <paramref name="paragraph"/>; <paramref name="fields"/> is the field state at its start and is
    /// advanced to the state at its end.</summary>
    public static ParagraphMap Build(W.Paragraph paragraph, FieldState fields, TextLock blockLock)
    {
        var map = new ParagraphMap(fields);
        map.WalkInline(paragraph, blockLock, null);
        map.Text = map.text.ToString();
        return map;
    }

    private void WalkInline(OpenXmlElement container, TextLock outerLock, string? author)
    {
        foreach (var child in container.ChildElements)
        {
            switch (child)
            {
                case W.Run run:
                    WalkRun(run, outerLock, author);
                    break;
                case W.Hyperlink or W.CustomXmlRun:
                    WalkInline(child, outerLock, author);
                    break;
                case W.SdtRun sdt:
                    if (sdt.SdtContentRun is { } content)
                    {
                        WalkInline(content, Stronger(outerLock, ContentControls.Lock(sdt.SdtProperties)), author);
                    }

                    break;
                case W.SimpleField:
                    WalkInline(child, Stronger(outerLock, TextLock.Field), author);
                    break;
                case W.InsertedRun inserted:
                    WalkInline(child, TextLock.Revision, inserted.Author?.Value ?? "");
                    break;
                case W.MoveToRun moved:
                    WalkInline(child, TextLock.Revision, moved.Author?.Value ?? "");
                    break;
                case W.BidirectionalOverride or W.BidirectionalEmbedding:
                    WalkInline(child, Stronger(outerLock, TextLock.Container), author);
                    break;

                // w:del and w:moveFrom are not in the accepted view; bookmarks, comment ranges, proofing marks,
                // math and alternate content carry no editable text.
                default:
                    break;
            }
        }
    }

    private void WalkRun(W.Run run, TextLock outerLock, string? author)
    {
        var runLock = outerLock;
        if (runLock == TextLock.None && run.RunProperties?.RunPropertiesChange is { } change)
        {
            runLock = TextLock.Revision;
            author = change.Author?.Value ?? "";
        }

        foreach (var child in run.ChildElements)
        {
            if (child is W.FieldChar fieldChar)
            {
                fields.Apply(fieldChar);
                continue;
            }

            if (!fields.ShowsText)
            {
                continue;
            }

            var shown = Shown(child);
            if (shown is { Length: > 0 })
            {
                var pieceLock = fields.IsOpen ? Stronger(runLock, TextLock.Field) : runLock;
                pieces.Add(new Piece(run, child, text.Length, shown.Length, pieceLock, pieceLock == TextLock.Revision ? author : null));
                text.Append(shown);
            }
        }
    }

    /// <summary>The text a run child shows; null for what shows none or is opaque (drawings, note references).</summary>
    internal static string? Shown(OpenXmlElement child) => child switch
    {
        W.Text t => t.Text,
        W.TabChar or W.PositionalTab => "\t",
        W.Break or W.CarriageReturn => "\n",
        W.NoBreakHyphen => "-",
        W.SymbolChar sym => SymbolText(sym),
        _ => null,
    };

    /// <summary>Run children that may go into a <c>w:del</c> with the text around them.</summary>
    internal static bool IsTextLike(OpenXmlElement child) => child is W.Text or W.TabChar or W.PositionalTab
        or W.Break or W.CarriageReturn or W.NoBreakHyphen or W.SoftHyphen or W.SymbolChar or W.LastRenderedPageBreak;

    private static string SymbolText(W.SymbolChar sym)
    {
        var hex = sym.Char?.Value;
        return hex is not null && int.TryParse(hex, System.Globalization.NumberStyles.HexNumber,
            System.Globalization.CultureInfo.InvariantCulture, out var code) && code is > 0 and < 0xD800 or > 0xDFFF and <= 0xFFFF
            ? ((char)code).ToString()
            : "\uFFFD";
    }

    private static TextLock Stronger(TextLock a, TextLock b) => a != TextLock.None ? a : b;
}

/// <summary>Content controls whose text must not be edited.</summary>
internal static class ContentControls
{
    public static TextLock Lock(OpenXmlElement? properties)
    {
        if (properties is null)
        {
            return TextLock.None;
        }

        foreach (var child in properties.ChildElements)
        {
            if (child is W.Lock { Val.InnerText: "contentLocked" or "sdtContentLocked" })
            {
                return TextLock.ContentControl;
            }

            // Bound content is rewritten from its custom XML part, which would silently drop the edit.
            if (child is W.DataBinding)
            {
                return TextLock.ContentControl;
            }
        }

        return TextLock.None;
    }
}
