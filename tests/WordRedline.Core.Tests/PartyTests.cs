namespace WordRedline.Core.Tests;

[TestClass]
public sealed class PartyTests
{
    private const string Preamble = "This Design Services Agreement is made between Acme Studios Ltd (the \"Agency\") and Jane Doe (\"Designer\").";

    [TestMethod]
    public void Analyze_NoPartyGiven_DetectsSupplierSideFromDefinedTerms()
    {
        var response = TestText.Analyze(null!, Preamble, "Designer grants Agency a perpetual license to use the Deliverables (the \"Deliverables\") for any purpose.");

        Assert.AreEqual("Designer", response.Party.Name);
        Assert.AreEqual("Agency", response.Party.Counterparty);
        Assert.AreEqual("Deliverables", response.Party.WorkTerm);
        Assert.IsTrue(response.Party.Detected);
        Assert.Contains("Agency", response.Party.Candidates);
        Assert.Contains("Designer", response.Party.Candidates);
    }

    [TestMethod]
    public void Analyze_Hereinafter_DetectsTheTerm()
    {
        var response = TestText.Analyze("Photographer", "Big Brand Inc., hereinafter \"Company\", and the photographer, hereinafter \"Photographer\", agree as follows.", "Company may use the Photographs in any manner.");

        Assert.AreEqual("Company", response.Party.Counterparty);
        Assert.AreEqual("Photographer", response.Party.Name);
        Assert.IsFalse(response.Party.Detected);
    }

    [TestMethod]
    public void Analyze_TermsDefinedOneAfterAnother_AreNotNamesOfEachOther()
    {
        // Three quoted terms before one "means" are three definitions, not one party with three names: the provider
        // must not be read as the customer.
        var response = TestText.Analyze("Customer",
            "These Terms of Service (\"Terms\") are an agreement between Lumen and the entity you represent (\"Customer\"). \"Lumen\" means Lumen Labs, Inc.",
            "Lumen may use Customer Content for any purpose.");

        Assert.AreEqual("Lumen", response.Party.Counterparty);
        Assert.Contains(Category.UsageScope, response.Categories("p1").ToList());
    }

    [TestMethod]
    [DataRow("Dana Cruz", "Consultant")]
    [DataRow("DANA CRUZ", "Consultant")]
    [DataRow("Brightwave Studio, Inc.", "Company")]
    [DataRow("BRIGHTWAVE STUDIO LTD", "Company")]
    public void Analyze_PartyGivenByItsName_ProtectsTheTermTheDocumentGivesIt(string name, string term)
    {
        var response = TestText.Analyze(name,
            "This Consulting Agreement is made between Brightwave Studio Ltd, a Delaware corporation (the \"Company\"), and Dana Cruz (\"Consultant\").",
            "Consultant hereby irrevocably assigns to the Company all right, title and interest in the Work Product.");

        Assert.AreEqual(term, response.Party.Name);
        Assert.AreEqual(term == "Consultant", response.Categories("p1").Contains(Category.IpAssignment));
    }

    [TestMethod]
    public void Analyze_PartyGivenByItsName_FindsTheTermDefinedAfterItsAddress()
    {
        var response = TestText.Analyze("Northwind Data, Inc.",
            "This Content License Agreement is between Northwind Data, Inc. 600 Main Street, Suite 12, Houston, Texas hereinafter referred to as \"Licensor\" and Contoso AG, Cologne, Germany hereinafter referred to as \"Licensee\".",
            "Licensee may use the Content for any purpose.");

        Assert.AreEqual("Licensor", response.Party.Name);
        Assert.Contains(Category.UsageScope, response.Categories("p1").ToList());
    }

    [TestMethod]
    public void Analyze_DataProcessingAddendum_ProtectsTheCustomerNotTheReaderOfItsChangeNote()
    {
        var response = TestText.Analyze(null!,
            "We have updated this addendum; you will hear about new subprocessors by email, and you can review your settings.",
            "This Data Processing Addendum is between Cloudy Inc. (\"Cloudy\") and the business customer (\"Customer\"). You may contact us with questions about your data.",
            "Cloudy processes Personal Data on behalf of Customer only to provide the Services.",
            "Personal Data received from Customer is kept confidential. Cloudy may appoint subprocessors to process Personal Data on behalf of Customer.",
            "Cloudy deletes Personal Data on behalf of Customer on request.");

        Assert.AreEqual("Customer", response.Party.Name);
        Assert.AreEqual("Cloudy", response.Party.Counterparty);
    }

    [TestMethod]
    public void Analyze_TermsToYouThatSpeakOfTheAuthorsMaterials_ProtectYou()
    {
        var response = TestText.Analyze(null!,
            "These Terms are an agreement between you and Lumen Labs, Inc. (\"Lumen\", \"we\" or \"us\").",
            "The Lumen Materials are licensed, not sold. You may not copy the Lumen Materials. Lumen Materials include our models and documentation.",
            "You retain your rights in your Content. You grant us a licence to host your Content to provide the Service to you.",
            "We may update the Lumen Materials at any time, and you agree to use the latest Lumen Materials.");

        Assert.AreEqual("you", response.Party.Name);
    }

    [TestMethod]
    public void Analyze_HyphenatedCompound_IsNotTheRoleItEndsWith()
    {
        // "Sub-Contractor" twice must not make "Contractor" a party of an endorsement deal that has none.
        var response = TestText.Analyze(null!,
            "This Endorsement Agreement is between Acme Foods, Inc. (\"ACME\") and Star Talent, LLC (\"TALENT\").",
            "ACME may engage a photographer (a \"Sub-Contractor\") only with TALENT's approval, and each Sub-Contractor is bound by this Agreement.",
            "TALENT grants ACME the right to use the Materials in advertising.");

        Assert.DoesNotContain("Contractor", response.Party.Candidates);
        Assert.AreNotEqual("Contractor", response.Party.Name);
    }

    [TestMethod]
    public void Analyze_UndefinedNameThatKeepsPromising_IsTheOtherSide()
    {
        // A data-processing addendum that never puts its provider's name in quotes.
        var response = TestText.Analyze("Customer",
            "This Data Processing Addendum forms part of the Agreement between Customer and Lumen.",
            "Lumen will process Customer Personal Data only on Customer's documented instructions. Lumen will not sell Customer Personal Data.",
            "Lumen may engage Subprocessors. Lumen will remain liable for its Subprocessors. Lumen shall notify Customer of any breach.",
            "Lumen must delete Customer Personal Data at the end of the Agreement. Lumen may update this Addendum.",
            "In the event that Lumen wishes to appoint an additional Subprocessor, Lumen will notify Customer.");

        Assert.AreEqual("Lumen", response.Party.Counterparty);
        Assert.Contains(Category.DataSharing, response.Categories("p4").ToList());
    }

    [TestMethod]
    public void Analyze_DataCategoriesNamedAfterRoles_AreNeitherPartyNorWork()
    {
        // A privacy notice's "Customer Service Data" and "Voice Data" are kinds of data: the other side stays "we" and
        // a fix never speaks of "Customer" or "Voice".
        var response = TestText.Analyze("you",
            "This Privacy Policy explains how we use your personal data when you use our service.",
            "| Customer Service Data | Voice Data | Usage Data |",
            "We collect Customer Service Data and Voice Data when you contact us. Customer Service Data is kept for a year.",
            "Voice Data is used to improve voice features. We use Usage Data and Voice Data to train our machine learning models.");

        Assert.AreNotEqual("Customer", response.Party.Counterparty);
        Assert.AreNotEqual("Voice", response.Party.WorkTerm);
    }

    [TestMethod]
    public void Analyze_TermsOfService_ProtectsYou()
    {
        var response = TestText.Analyze(null!, "These Terms govern your use of our service (\"we\", \"us\").", "You grant us a worldwide license to use your Content.", "We may use your Content to improve our services.");

        Assert.AreEqual("you", response.Party.Name);
    }

    [TestMethod]
    public void Analyze_SuggestedWording_UsesTheDocumentsOwnTerms()
    {
        var response = TestText.Analyze("Designer", Preamble, "Designer grants Agency the right to use the Work Product (the \"Work Product\") for any and all purposes.");

        // The document names no project: the purpose is a blank the user fills in, never an invented one.
        var scope = response.Findings.Single(f => f.Category == Category.UsageScope);
        Assert.AreEqual("solely for [the purpose agreed for the work]", scope.Edits.Single().Replacement);
        Assert.HasCount(1, scope.FillIns);
        Assert.Contains(p => p.Text.Contains("the Work Product", StringComparison.Ordinal), response.DocumentFindings.SelectMany(d => d.Paragraphs));
        Assert.DoesNotContain(e => e.Replacement.Contains('{', StringComparison.Ordinal), response.Findings.SelectMany(f => f.Edits));
    }

    [TestMethod]
    public void Analyze_LoosePartyName_ResolvesToDocumentTerm()
    {
        var response = TestText.Analyze("Designer (the freelancer)", Preamble, "Designer grants Agency a perpetual license to the Deliverables.");

        Assert.AreEqual("Designer", response.Party.Name);
        Assert.Contains(Category.LicenseBreadth, response.Categories("p1").ToList());
    }

    [TestMethod]
    public void Analyze_PartyIsWe_FlipsPronouns()
    {
        var response = TestText.Analyze("we", "We'll license the design to you exclusively and in perpetuity for this project only.");

        Assert.Contains(Category.LicenseBreadth, response.Categories().ToList());
    }

    [TestMethod]
    public void Analyze_NoWorkTermInDocument_WordingUsesPlainWords()
    {
        var response = TestText.Analyze("Contractor", "Acme (\"Client\") and Sam (\"Contractor\").", "Client may use everything Contractor makes for any purpose.");

        // No work term and no purpose of its own: plain words for the work, and a blank the user must fill in.
        Assert.AreEqual("work delivered under this Agreement", response.Party.WorkTerm);
        var scope = response.Findings.Single(f => f.Category == Category.UsageScope);
        Assert.AreEqual("solely for [the purpose agreed for the work]", scope.Edits.Single().Replacement);
        Assert.AreEqual(new FillIn(0, 11, "[the purpose agreed for the work]".Length, "Name the project or purpose the work is for."), scope.FillIns.Single());
    }

    [TestMethod]
    public void Analyze_ArticlesAgreement_UsesTheDocumentsWorkTerm()
    {
        var response = TestText.Analyze("Writer", "Northwind (\"Publisher\") and Alex (\"Writer\") agree on articles (each, an \"Article\").", "Publisher may republish each Article for any purpose.");

        Assert.AreEqual("Article", response.Party.WorkTerm);
    }

    [TestMethod]
    public void Analyze_TwoWordNameNeverDefined_IsTheOtherSide()
    {
        // "Kestrel AI" is never defined, but it is the subject of every promise; "App" is a product the terms define.
        var response = TestText.Analyze(
            "Customer",
            "These Terms govern the use of the Kestrel AI Products by the organisation you represent (\u201CCustomer\u201D).",
            "Kestrel AI will provide the Kestrel AI Products in accordance with the documentation. Kestrel AI may update them.",
            "Kestrel AI may suspend access if Customer breaches these Terms. Kestrel AI will give notice of any suspension.",
            "Kestrel AI shall keep Customer Data confidential. Kestrel AI must delete it on request.",
            "Some products are available as a mobile application (each, a \u201CKestrel App\u201D); the App is provided as is.",
            "Customer grants Kestrel AI a worldwide, royalty-free licence to use Customer Data to provide the Kestrel AI Products.");

        Assert.AreEqual("Kestrel AI", response.Party.Counterparty);
    }
}
