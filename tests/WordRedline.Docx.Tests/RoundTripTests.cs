using WordRedline.Core;
using WordRedline.Docx.Bench;

namespace WordRedline.Docx.Tests;

/// <summary>The real engine and the writer together on a realistic contract: every fix the engine proposes is
/// written or reported, the file stays valid, pandoc reads the intended text, and analysing the accepted document
/// again finds no high or medium risk where the redline changed the text.</summary>
[TestClass]
public sealed class RoundTripTests
{
    private static readonly ClauseEngine Engine = ClauseEngine.CreateDefault();
    private static readonly Lazy<(byte[] Input, RedlineResult Result)> Contract = new(() =>
    {
        var input = ContractDocx.Build(paragraphs: 160, riskEvery: 5);
        var result = DocxRedliner.AnalyzeAndRedline(new MemoryStream(input), Engine, new RedlineRequest(Addendum: true),
            new RedlineOptions { TimeProvider = FixedClock.Default });
        return (input, result);
    });

    [TestMethod]
    public void AnalyzeAndRedline_RiskyContract_EveryProposedFixWrittenOrReported()
    {
        var (_, result) = Contract.Value;
        var proposed = result.Analysis.Findings.Where(f => f.Edits.Count > 0).Select(f => f.Id)
            .Concat(result.Analysis.DocumentFindings.Where(f => f.Paragraphs.Count > 0).Select(f => f.Id))
            .Append("addendum").Concat(result.Analysis.AddendumReference is null ? [] : ["addendum-reference"]);

        Assert.IsGreaterThanOrEqualTo(5, result.Analysis.Findings.Count(f => f.Edits.Count > 0 && f.Severity >= Severity.Medium),
            "The contract's risky clauses must give the engine something to fix.");
        Assert.AreSequenceEqual(proposed, result.Applied.Select(a => a.SuggestionId).Concat(result.Skipped.Select(s => s.SuggestionId)), SequenceOrder.InAnyOrder);
        Assert.IsGreaterThan(result.Skipped.Count, result.Applied.Count);
    }

    [TestMethod]
    public void AnalyzeAndRedline_RiskyContract_ValidAndLintClean()
    {
        var (input, result) = Contract.Value;

        Assert.AreEqual("", string.Join('\n', Validation.NewErrors(input, result.Docx)));
        Assert.AreEqual("", string.Join('\n', PackageLint.Check(result.Docx)));
    }

    [TestMethod]
    public void AnalyzeAndRedline_RiskyContract_PandocAcceptIsIntendedAndRejectIsOriginal()
    {
        if (!ExternalTools.Require(Pandoc.Path))
        {
            Assert.Inconclusive("WORDREDLINE_SKIP_EXTERNAL=1");
        }

        var (input, result) = Contract.Value;
        var expected = Expected.Accepted(Paragraphs(input), result.Analysis, result.Applied.Select(a => a.SuggestionId), AddendumOf(result));

        var accepted = Pandoc.Paragraphs(result.Docx, "accept");
        var rejected = Pandoc.Paragraphs(result.Docx, "reject");

        Assert.AreSequenceEqual(expected, accepted, FixtureTests.Diff(expected, accepted));
        Assert.AreSequenceEqual(Pandoc.Paragraphs(input, "reject"), rejected);
    }

    [TestMethod]
    public void AnalyzeAndRedline_AcceptAllThenAnalyze_NoHighOrMediumRiskInEditedParagraphs() =>
        AssertNoRiskLeft(Expected.Change.Edited, Expected.Change.Inserted);

    [TestMethod]
    public void AnalyzeAndRedline_AcceptAllThenAnalyze_NoHighOrMediumRiskInTheAddendum() =>
        AssertNoRiskLeft(Expected.Change.Addendum);

    private static void AssertNoRiskLeft(params Expected.Change[] changes)
    {
        if (!ExternalTools.Require(Pandoc.Path))
        {
            Assert.Inconclusive("WORDREDLINE_SKIP_EXTERNAL=1");
        }

        var (input, result) = Contract.Value;
        var (risks, changed) = RisksLeft.After(input, result, Engine, changes);

        Assert.IsGreaterThan(0, changed);
        Assert.AreEqual("", string.Join('\n', risks));
    }

    [TestMethod]
    public void AnalyzeAndRedline_RiskyContract_WritesExactlyTheFindingsWordLevelChanges()
    {
        var (input, result) = Contract.Value;

        Assert.Contains(f => f.Edits.Count > 0 && !f.Changes.SequenceEqual(f.Edits), result.Analysis.Findings, "Some fix must be finer than its edit.");
        Assert.AreSequenceEqual(Revisions.Expected(input, result), Revisions.Written(result.Docx, "WordRedline"));
    }

    private static IReadOnlyList<DocxParagraph> Paragraphs(byte[] docx) => DocxReader.Read(new MemoryStream(docx)).Paragraphs;

    private static RenderedAddendum AddendumOf(RedlineResult result)
    {
        var party = result.Analysis.Party;
        return Engine.RenderAddendum(new AddendumTerms(party.Name, party.Counterparty, party.WorkTerm));
    }
}
