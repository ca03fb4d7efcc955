using DocumentFormat.OpenXml;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace WordRedline.Docx;

/// <summary>The run formatting of a paragraph's body text: the formatting that covers most of its characters outside
/// hyperlinks. New words take it, not the formatting of the word they replace or sit next to: a replacement does
/// not turn bold because the first struck word was a bold defined term, nor grey and italic inside a drafting note.</summary>
internal static class BodyFormat
{
    /// <summary>A fresh copy of <paramref name="paragraph"/>'s body formatting, or null when its text has none.</summary>
    public static W.RunProperties? Of(W.Paragraph paragraph)
    {
        var weights = new Dictionary<string, (int Characters, W.RunProperties? Format)>(StringComparer.Ordinal);
        var best = "";
        var bestWeight = -1;
        foreach (var run in BodyRuns(paragraph))
        {
            var characters = run.ChildElements.Sum(c => ParagraphMap.Shown(c)?.Length ?? 0);
            if (characters == 0)
            {
                continue;
            }

            var format = Clean(run.RunProperties);
            var key = format?.OuterXml ?? "";
            var (sum, _) = weights.GetValueOrDefault(key);
            weights[key] = (sum + characters, format);
            if (sum + characters > bestWeight)
            {
                (best, bestWeight) = (key, sum + characters);
            }
        }

        return bestWeight < 0 ? null : (W.RunProperties?)weights[best].Format?.CloneNode(true);
    }

    /// <summary>A copy of <paramref name="format"/> without what never carries over to new words: a pending
    /// formatting change, a reviewer's highlight or shading.</summary>
    public static W.RunProperties? Clean(W.RunProperties? format)
    {
        if (format is null)
        {
            return null;
        }

        var copy = (W.RunProperties)format.CloneNode(true);
        copy.RunPropertiesChange?.Remove();
        copy.Highlight?.Remove();
        copy.Shading?.Remove();
        return copy.HasChildren ? copy : null;
    }

    // Text runs in document order, outside hyperlinks and outside deleted or moved-away content.
    private static IEnumerable<W.Run> BodyRuns(OpenXmlElement container)
    {
        foreach (var child in container.ChildElements)
        {
            switch (child)
            {
                case W.Run run:
                    yield return run;
                    break;
                case W.Hyperlink or W.DeletedRun or W.MoveFromRun or W.ParagraphProperties:
                    break;
                default:
                    foreach (var nested in BodyRuns(child))
                    {
                        yield return nested;
                    }

                    break;
            }
        }
    }
}
