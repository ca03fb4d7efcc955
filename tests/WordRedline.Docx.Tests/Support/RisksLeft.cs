using WordRedline.Core;

namespace WordRedline.Docx.Tests;

/// <summary>Accepts every change with pandoc (an independent reader), analyses the accepted text again with the real
/// engine, and lists the high or medium risks left in the paragraphs the redline changed in the given ways.</summary>
internal static class RisksLeft
{
    public static (List<string> Risks, int Changed) After(byte[] input, RedlineResult result, ClauseEngine engine, params Expected.Change[] changes)
    {
        var party = result.Analysis.Party;
        var addendum = engine.RenderAddendum(new AddendumTerms(party.Name, party.Counterparty, party.WorkTerm));
        var paragraphs = DocxReader.Read(new MemoryStream(input)).Paragraphs;
        var changed = Expected.AcceptedByParagraph(paragraphs, result.Analysis, result.Applied.Select(a => a.SuggestionId), addendum)
            .Where(p => changes.Contains(p.Change)).SelectMany(p => p.Texts).Select(Text.Normalize).ToHashSet();
        var accepted = Pandoc.Paragraphs(result.Docx, "accept");

        var again = engine.Analyze(new AnalyzeRequest
        {
            Paragraphs = [.. accepted.Select((text, i) => new ParagraphInput($"p{i}", text))],
            Party = party.Name,
        });

        var risks = again.Findings
            .Where(f => f.Severity >= Severity.Medium && Categories.Risk.Contains(f.Category))
            .Where(f => changed.Contains(accepted[int.Parse(f.ParagraphId[1..], System.Globalization.CultureInfo.InvariantCulture)]))
            .Select(f => $"{f.Category.Id()} {f.Severity}: {f.Quote}").ToList();
        return (risks, changed.Count);
    }
}
