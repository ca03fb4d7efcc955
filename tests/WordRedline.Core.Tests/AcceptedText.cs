using System.Text.RegularExpressions;

namespace WordRedline.Core.Tests;

/// <summary>Reads a contract after every suggested edit is accepted, the way the other side's lawyer would, and lists
/// what reads wrong in the paragraphs the edits touched: a sentence starting lower-case after a full stop, doubled or
/// stray punctuation, a grant of AI training left standing beside a fix that forbids it, a defined term without the
/// article the document always uses, a capitalised term the document never uses; and, over the clauses the edits add
/// (AcceptedText.Terms.cs), a protection added twice, a pronoun in the wrong case, a determiner the document never gives
/// a term, a carve-out naming material its sentence does not license. Only defects the edits introduced count (the
/// original may have its own).</summary>
internal static partial class AcceptedText
{
    // "xAI", "eBay": a name that starts lower-case and has a capital in it may start a sentence.
    [GeneratedRegex(@"(?<!\b(?:e\.g|i\.e|etc|No|no|vs|Inc|Ltd|Co|U\.S))[.!?][""”’)]?\s+[a-z](?![a-z]*[A-Z])")]
    private static partial Regex LowerAfterStop();

    [GeneratedRegex(@",,|(?<!\.)\.\.(?!\.)|\s[,.;:](?!\d)|,\.|\.,|;;|\(\s|\s\)|[a-z]\s{2,}[a-z]")]
    private static partial Regex StrayPunctuation();

    [GeneratedRegex(@"\b[A-Z][a-z]+(?:\s[A-Z][a-z]+)*\b")]
    private static partial Regex CapitalisedTerm();

    public static List<string> Defects(IReadOnlyList<ParagraphInput> paragraphs, AnalyzeResponse response, string? party)
    {
        var defects = new List<string>();
        var original = string.Join("\n", paragraphs.Select(p => p.Text));
        var accepted = TestText.ApplyAll(paragraphs, response);
        var edited = response.Findings.Where(f => f.Edits.Count > 0).Select(f => f.ParagraphId).ToHashSet();
        var again = TestText.Engine.Analyze(new AnalyzeRequest { Paragraphs = accepted, Party = party ?? response.Party.Name });
        var inserted = response.Findings.SelectMany(f => f.Edits).Select(e => e.Replacement)
            .Concat(response.DocumentFindings.SelectMany(d => d.Paragraphs.Select(p => p.Text))).ToList();

        foreach (var after in accepted.Where(p => edited.Contains(p.Id)))
        {
            var before = paragraphs.Single(p => p.Id == after.Id).Text;
            Compare(defects, after.Id, "sentence starts lower-case", LowerAfterStop(), before, after.Text);
            Compare(defects, after.Id, "stray punctuation", StrayPunctuation(), before, after.Text);

            var permits = again.Findings.Any(f => f.ParagraphId == after.Id && f.Category == Category.AiTraining);
            var forbids = again.Findings.Any(f => f.ParagraphId == after.Id && f.Category == Category.AiProtection);
            if (permits && forbids)
            {
                defects.Add($"{after.Id}: AI training still granted beside the fix that forbids it");
            }
        }

        foreach (var term in new[] { response.Party.Counterparty, response.Party.WorkTerm, response.Party.Name }.Distinct())
        {
            if (term.Length == 0 || !char.IsUpper(term[0]) || term.Contains(' ', StringComparison.Ordinal) && !char.IsUpper(term[term.IndexOf(' ') + 1]))
            {
                continue;
            }

            var withThe = Regex.Count(original, $@"\b[Tt]he {Regex.Escape(term)}\b");
            var bare = Regex.Count(original, $@"(?<![Tt]he |[Aa] |[Aa]n |[""“(])\b{Regex.Escape(term)}\b(?!['’]s)");
            if (withThe >= 3 && bare == 0)
            {
                foreach (var text in inserted)
                {
                    if (Regex.IsMatch(text, $@"(?<![Tt]he )\b{Regex.Escape(term)}\b(?!['’]s)"))
                    {
                        defects.Add($"'{term}' without the article the document always uses: {text}");
                    }
                }
            }
        }

        foreach (var text in inserted.Select(t => t.Trim()))
        {
            foreach (Match m in CapitalisedTerm().Matches(text))
            {
                var atSentenceStart = m.Index == 0 || Regex.IsMatch(text[..m.Index], @"[.!?:]\s*$");
                if (!atSentenceStart && !original.Contains(m.Value, StringComparison.Ordinal) && m.Value is not ("Agreement" or "Section" or "Addendum"))
                {
                    defects.Add($"capitalised term the document never uses: '{m.Value}' in: {text}");
                }
            }
        }

        Repeated(defects, inserted);
        PronounCase(defects, inserted);
        Determined(defects, original, inserted);
        ForeignMaterial(defects, paragraphs, response);
        TheirMaterial(defects, response, inserted);
        return [.. defects.Distinct()];
    }

    private static void Compare(List<string> defects, string id, string what, Regex rule, string before, string after)
    {
        if (rule.Count(after) > rule.Count(before))
        {
            defects.Add($"{id}: {what}: {after}");
        }
    }
}
