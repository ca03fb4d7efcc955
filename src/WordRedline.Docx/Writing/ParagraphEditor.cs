using DocumentFormat.OpenXml;
using WordRedline.Core;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace WordRedline.Docx;

/// <summary>The span an applied hunk occupies in the paragraph: its first and last revision element.</summary>
internal readonly record struct AppliedSpan(OpenXmlElement First, OpenXmlElement Last);

/// <summary>Applies hunks to one body paragraph as tracked changes. Runs are split at the hunk's edges (each piece
/// keeps a deep copy of the run's formatting), the deleted runs move into one <c>w:del</c> per container, and the
/// inserted text follows in a <c>w:ins</c> with the first deleted run's formatting. Revisions stay inside a
/// hyperlink or content control rather than wrapping it. Hunks must be applied last to first: a change only moves
/// the text after it, so the offsets of earlier hunks stay valid.</summary>
internal sealed class ParagraphEditor(LocatedParagraph located, TrackedChanges changes)
{
    private readonly W.Paragraph paragraph = located.Element;

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
        var deletable = runs.SelectMany(TextLikeParts).ToList();
        var format = (W.RunProperties?)deletable[0].RunProperties?.CloneNode(true);

        var deletions = new List<W.DeletedRun>();
        foreach (var group in AdjacentGroups(deletable))
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

        var insertion = deletions[0].InsertAfterSelf(changes.Insertion(WithoutRevision(format), hunk.Insert));
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
            var struck = replaced.Descendants<W.Run>().FirstOrDefault()?.RunProperties;
            var before = replaced.InsertBeforeSelf(changes.Insertion(WithoutRevision((W.RunProperties?)struck?.CloneNode(true)), text));
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
            element = anchor.Child.NextSibling() is { } rest ? SplitRunBefore(anchor.Run, rest).Left : anchor.Run;
        }
        else
        {
            element = SplitRunBefore(anchor.Run, anchor.Child).Right;
        }

        // Leave a hyperlink or content control whose text ends (or starts) here, so the new words do not join it.
        var level = other is { } o ? CommonAncestor(element, o.Run) : paragraph;
        var climbed = false;
        while (element.Parent is { } parent && parent != level && parent != paragraph)
        {
            element = parent;
            climbed = true;
        }

        var formatSource = climbed && other is { } neighbour && neighbour.Run.Parent == level ? neighbour.Run : anchor.Run;
        var format = WithoutRevision((W.RunProperties?)formatSource.RunProperties?.CloneNode(true));
        if (climbed && formatSource == anchor.Run)
        {
            format?.RunStyle?.Remove();
        }

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

                SplitRunBefore(piece.Run, child);
                return;
            }
        }
    }

    /// <summary>Moves <paramref name="child"/> and everything after it into a new run right after
    /// <paramref name="run"/>, with the same attributes and a deep copy of its formatting.</summary>
    private static (W.Run Left, W.Run Right) SplitRunBefore(W.Run run, OpenXmlElement child)
    {
        if (child.PreviousSibling() is null or W.RunProperties)
        {
            return (run, run);
        }

        var right = (W.Run)run.CloneNode(false);
        if (run.RunProperties is { } properties)
        {
            right.AppendChild(properties.CloneNode(true));
        }

        for (OpenXmlElement? moving = child; moving is not null;)
        {
            var next = moving.NextSibling();
            moving.Remove();
            right.AppendChild(moving);
            moving = next;
        }

        run.InsertAfterSelf(right);
        return (run, right);
    }

    /// <summary>Splits a run into runs of text-like content and runs of anything else, returning the text-like ones.</summary>
    private static IEnumerable<W.Run> TextLikeParts(W.Run run)
    {
        var parts = new List<W.Run>();
        var current = run;
        bool? textLike = null;
        foreach (var child in run.ChildElements.Where(c => c is not W.RunProperties).ToList())
        {
            var isTextLike = ParagraphMap.IsTextLike(child);
            if (textLike is { } previous && previous != isTextLike)
            {
                if (previous)
                {
                    parts.Add(current);
                }

                current = SplitRunBefore(current, child).Right;
            }

            textLike = isTextLike;
        }

        if (textLike == true)
        {
            parts.Add(current);
        }

        return parts;
    }

    /// <summary>Runs that are consecutive siblings share one <c>w:del</c>; anything between them starts another.</summary>
    private static List<List<W.Run>> AdjacentGroups(List<W.Run> runs)
    {
        var groups = new List<List<W.Run>>();
        foreach (var run in runs)
        {
            if (groups.Count > 0 && groups[^1][^1].NextSibling() == run)
            {
                groups[^1].Add(run);
            }
            else
            {
                groups.Add([run]);
            }
        }

        return groups;
    }

    private static OpenXmlElement CommonAncestor(OpenXmlElement a, OpenXmlElement b)
    {
        var ancestors = new HashSet<OpenXmlElement>(ReferenceEqualityComparer.Instance);
        for (var e = a.Parent; e is not null; e = e.Parent)
        {
            ancestors.Add(e);
        }

        for (var e = b.Parent; e is not null; e = e.Parent)
        {
            if (ancestors.Contains(e))
            {
                return e;
            }
        }

        return a.Parent!;
    }

    // Text edits carry no formatting revision: the copied formatting drops any pending w:rPrChange.
    private static W.RunProperties? WithoutRevision(W.RunProperties? format)
    {
        format?.RunPropertiesChange?.Remove();
        return format;
    }

    private static (SkipReason, string) Refusal(Piece piece) => piece.Lock switch
    {
        TextLock.Revision => (SkipReason.PendingRevision,
            $"The text already carries a tracked change by {(string.IsNullOrEmpty(piece.Author) ? "another author" : piece.Author)}; accept or reject it first."),
        TextLock.Field => (SkipReason.FieldResult, "The text is the result of a field, which Word recalculates."),
        TextLock.ContentControl => (SkipReason.LockedContent, "The text is in a locked or data-bound content control."),
        _ => (SkipReason.UnsupportedContent, "The text is in a container that cannot hold tracked changes."),
    };
}
