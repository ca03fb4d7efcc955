namespace WordRedline.Core.Tests;

/// <summary>Applying every suggestion and scanning again leaves no high or medium risk in the changed paragraphs, and
/// the inserted wording is recognised as protection.</summary>
[TestClass]
public sealed class IdempotenceTests
{
    private static readonly string[] ExpectedProtections = ["ai-training-carve-out", "purpose-limited-usage", "human-derivatives-only", "ai-provider-notice"];

    [TestMethod]
    public void ApplyAllThenAnalyze_EveryCorpusDocument_NoHighOrMediumInChangedParagraphs()
    {
        var checkedDocuments = 0;
        foreach (var (name, texts, _) in DevCorpus.Documents())
        {
            var request = TestText.Request(null, [.. texts]);
            var first = TestText.Engine.Analyze(request);
            var changed = TestText.ApplyAll(request.Paragraphs, first);
            var changedIds = changed.Where(p => !request.Paragraphs.Contains(p)).Select(p => p.Id).ToHashSet();
            var second = TestText.Engine.Analyze(new AnalyzeRequest { Paragraphs = changed, Party = first.Party.Name });

            var remaining = second.Findings.Where(f => changedIds.Contains(f.ParagraphId) && f.Severity >= Severity.Medium && !CoveredElsewhere(f, first, second, changedIds)).ToList();
            Assert.IsEmpty(remaining, $"{name}: {string.Join("; ", remaining.Select(f => $"{f.ParagraphId} {f.RuleId} '{f.Quote}'"))}");
            foreach (var id in changedIds)
            {
                Assert.IsTrue(second.Findings.Any(f => f.ParagraphId == id && f.Category == Category.AiProtection) || !first.Findings.Any(f => f.ParagraphId == id && f.Edits.Any(e => e.Length == 0)) || second.Findings.All(f => f.ParagraphId != id),
                    $"{name}: inserted wording in {id} is not recognised as protection");
            }

            Assert.IsEmpty(second.DocumentFindings.Where(d => d.Category == Category.AiTrainingSilent).ToList(), $"{name}: still silent on AI after the fix");
            checkedDocuments++;
        }

        Assert.IsGreaterThan(10, checkedDocuments);
    }

    /// <summary>A clause that stands on its own (a covenant, a notice) is written once per contract: a risk whose
    /// finding got no edit of its own, in a paragraph another fix changed, is covered when a protection that mitigates
    /// it was added elsewhere in the contract.</summary>
    private static bool CoveredElsewhere(Finding risk, AnalyzeResponse first, AnalyzeResponse second, HashSet<string> changedIds)
    {
        var before = first.Findings.FirstOrDefault(f => f.ParagraphId == risk.ParagraphId && f.RuleId == risk.RuleId);
        if (before is null || before.Edits.Count > 0)
        {
            return false;
        }

        var mitigating = Rules.Where(r => r.Mitigates.Contains(risk.Category.Id())).Select(r => r.Id).ToHashSet();
        return second.Findings.Any(f => f.ParagraphId != risk.ParagraphId && changedIds.Contains(f.ParagraphId) && mitigating.Contains(f.RuleId));
    }

    private static readonly IReadOnlyList<PlaybookRule> Rules = Playbook.LoadEmbedded().Rules;

    [TestMethod]
    public void Analyze_AttachedAddendum_NoRiskFoundInItsOwnClauses()
    {
        var addendum = TestText.Engine.RenderAddendum(new AddendumTerms("Designer", "Agency", "Deliverables"));
        List<string> texts = ["Agency (\"Agency\") and Designer (\"Designer\").", "Designer grants Agency a license to use the Deliverables for the Project.", .. addendum.Paragraphs.Select(p => p.Text), "Schedule A. Agency may use the Deliverables for any purpose."];

        var response = TestText.Analyze("Designer", [.. texts]);

        var last = $"p{texts.Count - 1}";
        Assert.IsEmpty(response.Findings.Where(f => f.Category != Category.AiProtection && f.ParagraphId != last).ToList(), string.Join("; ", response.Findings.Select(f => $"{f.ParagraphId} {f.RuleId}")));
        Assert.Contains(f => f.ParagraphId == last && f.Category == Category.UsageScope, response.Findings);
        Assert.IsTrue(response.Protections.Single(p => p.Key == "ai-addendum").Present);
    }

    [TestMethod]
    public void ApplyAllThenAnalyze_TypicalAgencyClause_InsertedTextIsAiProtection()
    {
        const string clause = "Designer grants Agency a perpetual, irrevocable, worldwide license to use, modify and share the Deliverables with its partners for any and all purposes.";
        var request = TestText.Request("Designer", "Agency (\"Agency\") and Designer (\"Designer\").", clause);
        var first = TestText.Engine.Analyze(request);
        var changed = TestText.ApplyAll(request.Paragraphs, first);
        var second = TestText.Engine.Analyze(request with { Paragraphs = changed });

        Assert.Contains(f => f.ParagraphId == "p1" && f.Category == Category.AiProtection, second.Findings);
        Assert.DoesNotContain(f => f.ParagraphId == "p1" && f.Severity >= Severity.Medium, second.Findings);
        Assert.AreSequenceEqual(ExpectedProtections, second.Protections.Where(p => p.Present).Select(p => p.Key).ToList());
    }
}
