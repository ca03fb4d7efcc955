using WordRedline.Core;

namespace WordRedline.Docx.Tests;

/// <summary>The intended result of a redline computed with plain string operations on the reader's paragraphs,
/// independently of the writer: what accepting every applied suggestion must give.</summary>
internal static class Expected
{
    public static List<string> Accepted(IReadOnlyList<DocxParagraph> paragraphs, AnalyzeResponse analysis, IEnumerable<string> applied, RenderedAddendum? addendum) =>
        [.. AcceptedByParagraph(paragraphs, analysis, applied, addendum).SelectMany(p => p.Texts).Select(Text.Normalize).Where(t => t.Length > 0)];

    /// <summary>Per body paragraph (and per inserted block), its accepted text and what the redline did to it.</summary>
    public static List<(IReadOnlyList<string> Texts, Change Change)> AcceptedByParagraph(
        IReadOnlyList<DocxParagraph> paragraphs, AnalyzeResponse analysis, IEnumerable<string> applied, RenderedAddendum? addendum)
    {
        var ids = applied.ToHashSet();
        var result = new List<(IReadOnlyList<string>, Change)>();
        foreach (var paragraph in paragraphs.Where(p => p.Story == DocxStory.Body))
        {
            var edits = analysis.Findings.Where(f => SamePath(f.ParagraphId, paragraph.Id) && ids.Contains(f.Id)).SelectMany(f => f.Edits).ToList();
            if (addendum is not null && analysis.AddendumReference is { } reference && SamePath(reference.ParagraphId, paragraph.Id) && ids.Contains("addendum-reference"))
            {
                edits.Add(reference.Edit);
            }

            // Last to first; at one offset the replacement first, then the insertions from the last finding to the
            // first, so that each lands before the ones after it in the findings list.
            var text = paragraph.Text;
            var ordered = edits.Distinct().Select((e, i) => (Edit: e, Index: i))
                .OrderByDescending(x => x.Edit.Start).ThenByDescending(x => x.Edit.Length).ThenByDescending(x => x.Index).Select(x => x.Edit);
            foreach (var edit in ordered)
            {
                text = text[..edit.Start] + edit.Replacement + text[(edit.Start + edit.Length)..];
            }

            result.Add(([text], edits.Count > 0 ? Change.Edited : Change.None));
            foreach (var finding in analysis.DocumentFindings.Where(f => SamePath(f.InsertAfterParagraphId, paragraph.Id) && ids.Contains(f.Id)))
            {
                result.Add(([.. finding.Paragraphs.Select(p => p.Text)], Change.Inserted));
            }
        }

        if (addendum is not null)
        {
            result.Add(([.. addendum.Paragraphs.Select(p => p.Text)], Change.Addendum));
        }

        return result;
    }

    public enum Change
    {
        None,
        Edited,
        Inserted,
        Addendum,
    }

    private static bool SamePath(string a, string b) => a.Split('#')[0] == b.Split('#')[0];
}
