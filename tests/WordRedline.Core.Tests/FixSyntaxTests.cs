namespace WordRedline.Core.Tests;

/// <summary>Fixes that must still read as a sentence, and name what the contract names, once accepted: the classes
/// found by redlining real templates from outside the repository (issue 11).</summary>
[TestClass]
public sealed class FixSyntaxTests
{
    private const string Parties = "This agreement is between Northwind Ltd (\"Provider\") and Contoso Inc (\"Customer\").";
    private const string Definitions = "\"Customer Content\" means data Customer uploads. \"Usage Data\" means data about how the service is used.";

    [TestMethod]
    public void Analyze_OpenPhraseEndingOnConjunction_ReplacesTheWordItJoinsToo()
    {
        const string text = "Feedback. Customer may send Provider suggestions (\"Feedback\"). Provider may use Feedback freely without any restriction or obligation. Provider owns its products.";
        var response = TestText.Analyze("Customer", Parties, text);

        var finding = response.Findings.Single(f => f.Category == Category.UsageScope);

        Assert.AreEqual(
            "Feedback. Customer may send Provider suggestions (\"Feedback\"). Provider may use Feedback freely solely for [the purpose agreed for the work]. Provider owns its products.",
            TestText.Apply(text, finding.Edits));
    }

    [TestMethod]
    public void Analyze_TrainingVerbEndsASeriesSharingItsObject_KeepsTheObjectAndTheOtherVerbs()
    {
        const string text = "Improvement. Provider may use Customer Content to provide, maintain, develop, and improve the AI System, provided that such use complies with this Agreement.";
        var response = TestText.Analyze("Customer", Parties, Definitions, text);

        var finding = response.Findings.Single(f => f.Category == Category.AiTraining && f.ParagraphId == "p2");

        Assert.StartsWith(
            "Improvement. Provider may use Customer Content to provide and maintain the AI System, provided that such use complies with this Agreement.",
            TestText.Apply(text, finding.Edits));
    }

    [TestMethod]
    public void Analyze_NoticeForTwoMaterials_WrittenOnceNamingBoth()
    {
        var response = TestText.Analyze("Customer", Parties, Definitions,
            "Data. Provider may disclose Usage Data to others if the Usage Data is aggregated.",
            "Sharing. Provider may disclose Customer Content to its subcontractors and service providers who need to know it.");

        var edits = response.Findings.Where(f => f.Category == Category.DataSharing).SelectMany(f => f.Edits).ToList();

        var notice = edits.Single().Replacement;
        Assert.Contains("Usage Data or Customer Content", notice);
    }

    [TestMethod]
    public void Analyze_PartyTheDocumentNeverNames_FixSaysTheOtherParty()
    {
        const string text = "We each may share information that is confidential (\"Confidential Information\"). We each may disclose the other's Confidential Information to our advisors who need to know it.";
        var response = TestText.Analyze("Contractor", text);

        var added = string.Concat(response.Findings.SelectMany(f => f.Edits).Select(e => e.Replacement));

        Assert.IsNotEmpty(added);
        Assert.DoesNotContain("Contractor", added);
        Assert.Contains("the other party", added);
    }
}
