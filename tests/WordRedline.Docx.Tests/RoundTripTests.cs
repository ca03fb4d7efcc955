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

    // Accepts everything with pandoc (an independent reader), analyses the accepted text again, and lists the high
    // or medium risk findings left in paragraphs the redline changed in the given ways.
    private static void AssertNoRiskLeft(params Expected.Change[] changes)
    {
        if (!ExternalTools.Require(Pandoc.Path))
        {
            Assert.Inconclusive("WORDREDLINE_SKIP_EXTERNAL=1");
        }

        var (input, result) = Contract.Value;
        var changed = Expected.AcceptedByParagraph(Paragraphs(input), result.Analysis, result.Applied.Select(a => a.SuggestionId), AddendumOf(result))
            .Where(p => changes.Contains(p.Change)).SelectMany(p => p.Texts).Select(Text.Normalize).ToHashSet();
        var accepted = Pandoc.Paragraphs(result.Docx, "accept");

        var again = Engine.Analyze(new AnalyzeRequest
        {
            Paragraphs = [.. accepted.Select((text, i) => new ParagraphInput($"p{i}", text))],
            Party = result.Analysis.Party.Name,
        });

        var remaining = again.Findings
            .Where(f => f.Severity >= Severity.Medium && Categories.Risk.Contains(f.Category))
            .Where(f => changed.Contains(accepted[int.Parse(f.ParagraphId[1..], System.Globalization.CultureInfo.InvariantCulture)]))
            .Select(f => $"{f.Category.Id()} {f.Severity}: {f.Quote}").ToList();
        Assert.IsNotEmpty(changed);
        Assert.AreEqual("", string.Join('\n', remaining));
    }

    private static IReadOnlyList<DocxParagraph> Paragraphs(byte[] docx) => DocxReader.Read(new MemoryStream(docx)).Paragraphs;

    private static RenderedAddendum AddendumOf(RedlineResult result)
    {
        var party = result.Analysis.Party;
        return Engine.RenderAddendum(new AddendumTerms(party.Name, party.Counterparty, party.WorkTerm));
    }
}
