using System.Xml.Linq;
using WordRedline.Core;
using static WordRedline.Docx.Tests.Package;

namespace WordRedline.Docx.Tests;

/// <summary>What the writer's own revisions in the existing paragraphs say, read back with LINQ to XML, against the
/// word-level changes of the suggestions it reports applied: the writer applies exactly those, never a diff of its own.</summary>
internal static class Revisions
{
    /// <summary>Per existing body paragraph the writer changed, in document order: its struck text (concatenated, as
    /// one change may need several <c>w:del</c>) and each inserted text.</summary>
    public static List<string> Written(byte[] docx, string author)
    {
        var result = new List<string>();
        foreach (var paragraph in Body(docx).Descendants(W + "p").Where(p => !IsNew(p)))
        {
            var ours = paragraph.Descendants()
                .Where(e => (e.Name == W + "del" || e.Name == W + "ins") && Attr(e, "author") == author && e.Parent?.Name != W + "rPr").ToList();
            var deleted = string.Concat(ours.Where(e => e.Name == W + "del").Select(e => string.Concat(e.Descendants(W + "delText").Select(t => t.Value))));
            if (ours.Count > 0)
            {
                result.Add($"-{deleted} +{string.Join(" | ", ours.Where(e => e.Name == W + "ins").Select(Inserted))}");
            }
        }

        return result;
    }

    /// <summary>The same, computed from the analysis: the distinct changes of the applied suggestions per paragraph,
    /// at one offset the insertions (in finding order) before the replacement.</summary>
    public static List<string> Expected(byte[] input, RedlineResult result)
    {
        var applied = result.Applied.Select(a => a.SuggestionId).ToHashSet(StringComparer.Ordinal);
        var paragraphs = DocxReader.Read(new MemoryStream(input)).Paragraphs.Where(p => p.Story == DocxStory.Body).ToList();
        var expected = new List<string>();
        foreach (var paragraph in paragraphs)
        {
            var changes = result.Analysis.Findings.Where(f => applied.Contains(f.Id) && Path(f.ParagraphId) == Path(paragraph.Id))
                .SelectMany(f => f.Changes.Count > 0 ? f.Changes : f.Edits).ToList();
            if (result.Analysis.AddendumReference is { } reference && applied.Contains("addendum-reference") && Path(reference.ParagraphId) == Path(paragraph.Id))
            {
                changes.AddRange(reference.Changes.Count > 0 ? reference.Changes : [reference.Edit]);
            }

            var ordered = changes.Distinct().Select((c, i) => (Change: c, Index: i))
                .OrderBy(x => x.Change.Start).ThenBy(x => x.Change.Length > 0).ThenBy(x => x.Index).Select(x => x.Change).ToList();
            var deleted = string.Concat(ordered.Where(c => c.Length > 0).Select(c => paragraph.Text.Substring(c.Start, c.Length)));
            if (ordered.Count > 0)
            {
                expected.Add($"-{deleted} +{string.Join(" | ", ordered.Where(c => c.Replacement.Length > 0).Select(c => c.Replacement))}");
            }
        }

        return expected;
    }

    // A paragraph the writer added: all of its content is inserted.
    private static bool IsNew(XElement paragraph)
    {
        var content = paragraph.Elements().Where(e => e.Name != W + "pPr").ToList();
        return content.Count > 0 && content.All(e => e.Name == W + "ins");
    }

    private static string Inserted(XElement insertion) => string.Concat(insertion.Descendants().Select(e =>
        e.Name == W + "t" ? e.Value : e.Name == W + "tab" ? "\t" : e.Name == W + "br" ? "\n" : ""));

    private static string Path(string id) => id.Split('#')[0];
}
