namespace WordRedline.Core.Tests;

[TestClass]
public sealed class CategoryTests
{
    [TestMethod]
    [DataRow("Contractor hereby grants Client a perpetual, irrevocable, worldwide, royalty-free license to use the Deliverables for any and all purposes.", Category.UsageScope)]
    [DataRow("Contractor hereby grants Client a perpetual, irrevocable, worldwide, royalty-free license to use the Deliverables for any and all purposes.", Category.LicenseBreadth)]
    [DataRow("Client may use the Deliverables without restriction.", Category.UsageScope)]
    [DataRow("Client may reproduce the Designs in any media now known or hereafter devised.", Category.UsageScope)]
    [DataRow("Client may use the Deliverables to train, fine-tune and improve its machine learning models.", Category.AiTraining)]
    [DataRow("Contractor grants Client the right to modify, adapt and create derivative works of the Deliverables.", Category.DerivativeWorks)]
    [DataRow("Client may share the Deliverables with its affiliates, partners and service providers.", Category.DataSharing)]
    [DataRow("Contractor hereby assigns to Client all right, title and interest in and to the Work Product.", Category.IpAssignment)]
    [DataRow("All Deliverables shall be deemed works made for hire owned exclusively by Client.", Category.IpAssignment)]
    [DataRow("Contractor irrevocably waives and agrees never to assert any moral rights in the Deliverables.", Category.MoralRights)]
    public void Analyze_RiskyClause_FindsCategory(string clause, Category expected)
    {
        var response = TestText.Analyze("Contractor", "This Agreement is between Client and Contractor (\"Contractor\").", clause);

        Assert.Contains(expected, response.Categories("p1").ToList());
    }

    [TestMethod]
    public void Analyze_ExistingAiCarveOut_ReportsProtectionWithoutEdits()
    {
        var response = TestText.Analyze("Contractor", "Client shall not use the Deliverables to train machine learning models or artificial intelligence systems.");

        var finding = response.Findings.Single();
        Assert.AreEqual(Category.AiProtection, finding.Category);
        Assert.IsEmpty(finding.Edits);
    }

    [TestMethod]
    public void Analyze_OptOutOfTraining_IsATrainingRiskNotAProtection()
    {
        var response = TestText.Analyze("you", "If you do not want us to use your Content to train our models, you can opt out in your account settings.");

        Assert.AreEqual(Category.AiTraining, response.Categories().Single());
    }

    [TestMethod]
    public void Analyze_SilentGrant_AddsDocumentFindingAfterTheGrant()
    {
        var response = TestText.Analyze(
            "Contractor",
            "Client (the \"Client\") engages Contractor (the \"Contractor\").",
            "Contractor hereby grants to Client a perpetual, irrevocable, worldwide license to use and reproduce the Deliverables.",
            "Entire Agreement. This Agreement is the entire agreement between the parties.");

        var silent = response.DocumentFindings.Single();
        Assert.AreEqual(Category.AiTrainingSilent, silent.Category);
        Assert.AreEqual("p1", silent.InsertAfterParagraphId);
        Assert.Contains("rights granted to Client in the Deliverables do not include", silent.Paragraphs.Single().Text);
    }

    [TestMethod]
    public void Analyze_SilentAssignment_CovenantInTheClauseAndNoCarveOutBesideIt()
    {
        // A carve-out from "the rights granted" does not bind an owner; the covenant does, and says it for the licence too.
        var silentLicence = TestText.Analyze(
            "Contractor",
            "Client (the \"Client\") engages Contractor (the \"Contractor\").",
            "Contractor hereby grants to Client a perpetual, irrevocable, worldwide license to use and reproduce the Deliverables.",
            "Entire Agreement. This Agreement is the entire agreement between the parties.");
        var response = TestText.Analyze(
            "Contractor",
            "Client (the \"Client\") engages Contractor (the \"Contractor\").",
            "Contractor hereby grants to Client a perpetual, irrevocable, worldwide license to use and reproduce the Deliverables.",
            "Contractor hereby assigns to Client all right, title and interest in the Deliverables.",
            "Entire Agreement. This Agreement is the entire agreement between the parties.");

        Assert.IsEmpty(response.DocumentFindings);
        var assignment = response.Findings.Single(f => f.Category == Category.IpAssignment);
        Assert.AreEqual(" Notwithstanding any assignment, Client shall not use the Deliverables to train, fine-tune, or otherwise develop or improve any machine learning model or artificial intelligence system.", assignment.Edits.Single().Replacement);
        // Silence still counts against the score: the contract as sent says nothing about AI training.
        Assert.IsLessThan(silentLicence.Score, response.Score);
    }

    [TestMethod]
    public void Analyze_EntireAgreementClause_OffersAddendumReference()
    {
        var response = TestText.Analyze("Contractor", "Entire Agreement. This Agreement is the entire agreement between the parties.");

        Assert.IsNotNull(response.AddendumReference);
        Assert.AreEqual("p0", response.AddendumReference.ParagraphId);
        Assert.AreEqual(" The AI Protection Addendum attached hereto forms part of this Agreement and prevails over any conflicting term.", response.AddendumReference.Edit.Replacement);
    }

    [TestMethod]
    public void Analyze_AddendumAlreadyAttached_ChecklistShowsIt()
    {
        var response = TestText.Analyze("Contractor", "Entire Agreement. This Agreement, with the AI Protection Addendum attached hereto, is the entire agreement.");

        Assert.IsNull(response.AddendumReference);
        Assert.IsTrue(response.Protections.Single(p => p.Key == "ai-addendum").Present);
    }

    [TestMethod]
    public void Analyze_RiskyDocument_ScoresBelowProtectedDocument()
    {
        var risky = TestText.Analyze("Contractor", "Contractor grants Client a perpetual, irrevocable license to use the Deliverables for any purpose and to train AI models on them.");
        var protectedDoc = TestText.Analyze("Contractor", "Client may use the Deliverables for the Project. Client shall not use the Deliverables to train artificial intelligence systems.");

        Assert.IsLessThan(protectedDoc.Score, risky.Score);
        Assert.AreEqual("F", risky.Grade);
    }
}
