using DocumentFormat.OpenXml;
using WordRedline.Core;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace WordRedline.Docx;

/// <summary>The span an applied hunk occupies in the paragraph: its first and last revision element.</summary>
internal readonly record struct AppliedSpan(OpenXmlElement First, OpenXmlElement Last);

/// <summary>Applies hunks to one body paragraph as tracked changes. Runs are split at the hunk's edges (each piece
/// keeps a deep copy of the run's formatting), the deleted runs move into one <c>w:del</c> per container, and the
/// inserted text follows in a <c>w:ins</c> with the paragraph's body formatting (<see cref="BodyFormat"/>), or the
/// link's own formatting inside a hyperlink. Revisions stay inside a hyperlink or content control rather than
/// wrapping it. Hunks must be applied last to first: a change only moves
/// the text after it, so the offsets of earlier hunks stay valid.</summary>
internal sealed class ParagraphEditor(LocatedParagraph located, TrackedChanges changes)
{
    private readonly W.Paragraph paragraph = located.Element;

    // Read before the first change, so every new word in the paragraph takes the same formatting.
    private readonly W.RunProperties? bodyFormat = BodyFormat.Of(located.Element);

    /// <summary>Why <paramref name="hunk"/> cannot be applied to the untouched paragraph, or null when it can.</summary>
    public (SkipReason Reason, string Message)? Check(Hunk hunk)
    {
        var pieces = located.Map.Pieces;
        foreach (var piece in pieces)
        {
            var touched = hunk.Length > 0
                ? piece.Start < hunk.End && piece.End > hunk.Start
                : piece.Start < hunk.Start && piece.End > hunk.Start;
            if (touched && piece.Lock != TextLock.None)
            {
                return Refusal(piece);
            }
        }

        var inside = hunk.Length == 0 && pieces.Any(p => p.Start < hunk.Start && p.End > hunk.Start);
        if (hunk.Length == 0 && !inside && pieces.Count > 0 && FindAnchor(pieces, hunk.Start) is null)
        {
            var blocking = Previous(pieces, hunk.Start) ?? Next(pieces, hunk.Start);
            return blocking is { } piece ? Refusal(piece) : (SkipReason.InvalidEdit, "The insertion point is not in the paragraph.");
        }

        return null;
    }

    // The first revision element of each replacement applied so far, by its start in the untouched text.
    private readonly Dictionary<int, OpenXmlElement> replacedAt = [];

    /// <summary>Applies a hunk that deletes text (and may insert); insertions go through <see cref="Insert"/>.</summary>
    public AppliedSpan Apply(Hunk hunk)
    {
        var span = Replace(hunk);
        replacedAt[hunk.Start] = span.First;
        return span;
    }

    /// <summary>Inserts <paramref name="texts"/> at <paramref name="position"/>, each as its own <c>w:ins</c>, in
    /// order, before any replacement already applied at that position.</summary>
    public List<AppliedSpan> Insert(int position, IReadOnlyList<string> texts)
    {
        var first = InsertOne(position, texts[0]);
        var spans = new List<AppliedSpan> { first };
        var format = ((W.InsertedRun)first.Last).GetFirstChild<W.Run>()?.RunProperties;
        foreach (var text in texts.Skip(1))
        {
            var next = spans[^1].Last.InsertAfterSelf(changes.Insertion((W.RunProperties?)format?.CloneNode(true), text));
            spans.Add(new AppliedSpan(next, next));
        }

        return spans;
    }

    /// <summary>Makes [<paramref name="start"/>, <paramref name="end"/>) of the untouched text whole runs and returns the
    /// first and last of them, for a comment's range; null when the range touches text that must not be split or
    /// wrapped (a field result, someone's revision, a locked control), or no text.</summary>
    public AppliedSpan? Span(int start, int end)
    {
        var pieces = Remap().Pieces;
        if (start >= end || pieces.Any(p => p.Start < end && p.End > start && p.Lock != TextLock.None))
        {
            return null;
        }

        SplitAt(end);
        SplitAt(start);
        var runs = Remap().Pieces.Where(p => p.Start >= start && p.End <= end).Select(p => p.Run).Distinct().ToList();
        return runs.Count == 0 ? null : new AppliedSpan(runs[0], runs[^1]);
    }

    private AppliedSpan Replace(Hunk hunk)
    {
        SplitAt(hunk.End);
        SplitAt(hunk.Start);

        var runs = new List<W.Run>();
        foreach (var piece in Remap().Pieces)
        {
            if (piece.Start >= hunk.Start && piece.End <= hunk.End && (runs.Count == 0 || runs[^1] != piece.Run))
            {
                runs.Add(piece.Run);
            }
        }

        // Drawings, note references and field characters inside the range stay where they are.
        var deletable = runs.SelectMany(RunSplits.TextLikeParts).ToList();
        var format = FormatAt(deletable[0], deletable[0]);

        var deletions = new List<W.DeletedRun>();
        foreach (var group in RunSplits.AdjacentGroups(deletable))
        {
            var deletion = changes.Deletion();
            group[0].InsertBeforeSelf(deletion);
            foreach (var run in group)
            {
                run.Remove();
                TrackedChanges.MarkDeleted(run);
                deletion.AppendChild(run);
            }

            deletions.Add(deletion);
        }

        if (hunk.Insert.Length == 0)
        {
            return new AppliedSpan(deletions[0], deletions[^1]);
        }

        var insertion = deletions[0].InsertAfterSelf(changes.Insertion(format, hunk.Insert));
        return new AppliedSpan(deletions[0], deletions.Count > 1 ? deletions[^1] : insertion);
    }

    private AppliedSpan InsertOne(int position, string text)
    {
        SplitAt(position);
        var pieces = Remap().Pieces;
        var found = FindAnchor(pieces, position);

        // Text after the point that a replacement here already struck: go right before that replacement (the text
        // after the point now starts with its own pending insertion, which is no anchor).
        if (found is not { After: true } && replacedAt.TryGetValue(position, out var replaced))
        {
            var before = replaced.InsertBeforeSelf(changes.Insertion(FormatAt(replaced, replaced.Descendants<W.Run>().FirstOrDefault()), text));
            return new AppliedSpan(before, before);
        }

        if (pieces.Count == 0)
        {
            var alone = paragraph.AppendChild(changes.Insertion(null, text));
            return new AppliedSpan(alone, alone);
        }

        var (anchor, after) = found ?? throw new InvalidOperationException("Insertion point was checked but has no anchor.");
        var other = after ? Next(pieces, position) : Previous(pieces, position);

        // Keep the anchor's own text next to the new words: split off whatever follows (or precedes) it in its run,
        // such as a field character, so the insertion never lands inside a field or after a note reference.
        OpenXmlElement element;
        if (after)
        {
            element = anchor.Child.NextSibling() is { } rest ? RunSplits.SplitRunBefore(anchor.Run, rest).Left : anchor.Run;
        }
        else
        {
            element = RunSplits.SplitRunBefore(anchor.Run, anchor.Child).Right;
        }

        // Leave a hyperlink or content control whose text ends (or starts) here, so the new words do not join it.
        var level = other is { } o ? RunSplits.CommonAncestor(element, o.Run) : paragraph;
        while (element.Parent is { } parent && parent != level && parent != paragraph)
        {
            element = parent;
        }

        // Inside a hyperlink the new words look like the link; anywhere else like the paragraph's body text.
        var format = FormatAt(element, anchor.Run);
        var insertion = changes.Insertion(format, text);
        return after ? new AppliedSpan(element.InsertAfterSelf(insertion), insertion)
            : new AppliedSpan(element.InsertBeforeSelf(insertion), insertion);
    }

    /// <summary>The unlocked piece to insert next to: the text before the point, else the text after it.</summary>
    private static (Piece Piece, bool After)? FindAnchor(IReadOnlyList<Piece> pieces, int position)
    {
        if (Previous(pieces, position) is { Lock: TextLock.None } previous)
        {
            return (previous, true);
        }

        if (Next(pieces, position) is { Lock: TextLock.None } next)
        {
            return (next, false);
        }

        return null;
    }

    private static Piece? Previous(IReadOnlyList<Piece> pieces, int position)
    {
        for (var i = pieces.Count - 1; i >= 0; i--)
        {
            if (pieces[i].End <= position)
            {
                return pieces[i].End == position ? pieces[i] : null;
            }
        }

        return null;
    }

    private static Piece? Next(IReadOnlyList<Piece> pieces, int position)
    {
        foreach (var piece in pieces)
        {
            if (piece.Start >= position)
            {
                return piece.Start == position ? piece : null;
            }
        }

        return null;
    }

    private ParagraphMap Remap() => ParagraphMap.Build(paragraph, located.FieldsAtStart.Snapshot(), located.BlockLock);

    /// <summary>Ensures a run boundary before the character at <paramref name="position"/>, splitting a
    /// <c>w:t</c> and its run when the position falls inside them.</summary>
    private void SplitAt(int position)
    {
        foreach (var piece in Remap().Pieces)
        {
            if (piece.Start <= position && position < piece.End)
            {
                var child = piece.Child;
                if (piece.Start < position)
                {
                    // Only w:t is longer than one character, so only w:t is ever cut.
                    var text = (W.Text)child;
                    var cut = position - piece.Start;
                    var right = new W.Text(text.Text[cut..]) { Space = SpaceProcessingModeValues.Preserve };
                    text.Text = text.Text[..cut];
                    text.Space = SpaceProcessingModeValues.Preserve;
                    child = text.InsertAfterSelf(right);
                }

                RunSplits.SplitRunBefore(piece.Run, child);
                return;
            }
        }
    }

    /// <summary>The formatting of new words placed at <paramref name="place"/>: the link's own (from
    /// <paramref name="neighbour"/>) inside a hyperlink, else the paragraph's body formatting.</summary>
    private W.RunProperties? FormatAt(OpenXmlElement place, W.Run? neighbour) =>
        place.Ancestors<W.Hyperlink>().Any() ? BodyFormat.Clean(neighbour?.RunProperties) : (W.RunProperties?)bodyFormat?.CloneNode(true);

    private static (SkipReason, string) Refusal(Piece piece) => piece.Lock switch
    {
        TextLock.Revision => (SkipReason.PendingRevision,
            $"The text already carries a tracked change by {(string.IsNullOrEmpty(piece.Author) ? "another author" : piece.Author)}; accept or reject it first."),
        TextLock.Field => (SkipReason.FieldResult, "The text is the result of a field, which Word recalculates."),
        TextLock.ContentControl => (SkipReason.LockedContent, "The text is in a locked or data-bound content control."),
        _ => (SkipReason.UnsupportedContent, "The text is in a container that cannot hold tracked changes."),
    };
}
