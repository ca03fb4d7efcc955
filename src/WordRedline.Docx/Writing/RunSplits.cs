using DocumentFormat.OpenXml;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace WordRedline.Docx;

/// <summary>Run surgery for <see cref="ParagraphEditor"/>: splitting a run at a child (each half keeps a deep copy
/// of the formatting), separating text from drawings and field characters, grouping adjacent runs.</summary>
internal static class RunSplits
{
    /// <summary>Moves <paramref name="child"/> and everything after it into a new run right after
    /// <paramref name="run"/>, with the same attributes and a deep copy of its formatting.</summary>
    public static (W.Run Left, W.Run Right) SplitRunBefore(W.Run run, OpenXmlElement child)
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
    public static IEnumerable<W.Run> TextLikeParts(W.Run run)
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
    public static List<List<W.Run>> AdjacentGroups(List<W.Run> runs)
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

    public static OpenXmlElement CommonAncestor(OpenXmlElement a, OpenXmlElement b)
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
}
