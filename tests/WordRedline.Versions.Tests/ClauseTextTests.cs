using WordRedline.Docx;

namespace WordRedline.Versions.Tests;

[TestClass]
public sealed class ClauseTextTests
{
    [TestMethod]
    [DataRow("3. License. Designer hereby grants Agency a licence.", "3", "License")]
    [DataRow("7.2 Use of Deliverables. Agency may use them.", "7.2", "Use of Deliverables")]
    [DataRow("7.2. No AI Training: Agency shall not train.", "7.2", "No AI Training")]
    [DataRow("Section 5. Ownership. Upon payment Designer assigns.", "5", "Ownership")]
    [DataRow("Clause 12 Confidentiality. Each party keeps secrets.", "12", "Confidentiality")]
    [DataRow("(a) the Deliverables shall not be used to train models;", "(a)", null)]
    [DataRow("(iv) Agency shall not train.", "(iv)", null)]
    [DataRow("Designer hereby grants Agency a licence.", null, "Designer hereby grants Agency a licence")]
    [DataRow("2026 fees are due in January.", null, null)]
    [DataRow("1,000 copies may be printed.", null, null)]
    public void Parse_ParagraphStart_NumberAndHeading(string paragraph, string? number, string? heading)
    {
        var clause = ClauseNumbers.Parse(paragraph);

        Assert.AreEqual(number, clause.Number);
        if (number is not null || heading is null)
        {
            Assert.AreEqual(heading, clause.Heading);
        }
    }

    [TestMethod]
    public void Parse_PlainSentence_NoHeading()
    {
        Assert.AreEqual(new ClauseNumber(null, null), ClauseNumbers.Parse("Designer hereby grants Agency a licence to use the Deliverables."));
    }

    [TestMethod]
    public void Describe_NumberAndHeading_AsALetterCitesIt()
    {
        Assert.AreEqual("clause 3 (License)", new ClauseNumber("3", "License").Describe());
        Assert.AreEqual("clause 7.2", new ClauseNumber("7.2", null).Describe());
    }

    [TestMethod]
    public void Read_SampleContract_TitleAndLegalNames()
    {
        var facts = ContractFacts.Read(Contracts.Sample, "Designer", "Agency");

        Assert.AreEqual(new ContractFacts("Design Services Agreement", "Jane Doe", "Brightline Creative Agency LLC", null), facts);
    }

    [TestMethod]
    [DataRow("This Consulting Agreement (the \"Agreement\") is entered into as of March 1, 2026 by and between Northwind Traders, Inc., a Delaware corporation (\"Client\"), and Sam Lee (\"Consultant\").",
        "Consulting Agreement", "Sam Lee", "Northwind Traders, Inc.", "2026-03-01")]
    [DataRow("This agreement is dated 14th January 2026 and made between Acme Studio Ltd of 1 High Street, London (hereinafter referred to as the \"Company\") and Alex Kim (the \"Artist\").",
        null, "Alex Kim", "Acme Studio Ltd", "2026-01-14")]
    public void Read_Preamble_NamesAndDate(string preamble, string? title, string party, string counterparty, string date)
    {
        var facts = ContractFacts.Read([preamble], party == "Sam Lee" ? "Consultant" : "Artist", party == "Sam Lee" ? "Client" : "Company");

        Assert.AreEqual(title, facts.Title);
        Assert.AreEqual(party, facts.PartyName);
        Assert.AreEqual(counterparty, facts.CounterpartyName);
        Assert.AreEqual(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), facts.AgreementDate);
    }

    [TestMethod]
    public void Canonical_WhitespaceAndBreaks_OneSpaceBetweenWords()
    {
        Assert.AreEqual("3. License. Designer grants", DocumentText.Canonical(["  3.\tLicense.\u00A0Designer\u200B ", "", "grants\u000B"]));
    }

    [TestMethod]
    public void Fingerprint_SameContractAsDocxAndText_Equal()
    {
        var docx = new WordWriter();
        foreach (var paragraph in Contracts.Sample)
        {
            docx.Text(paragraph.Replace(". ", ".\u00A0 ", StringComparison.Ordinal));
        }

        using var stream = new MemoryStream(docx.ToBytes());
        var read = DocxReader.Read(stream).ToAnalyzeRequest().Paragraphs.Select(p => p.Text).ToList();

        Assert.AreEqual(DocumentText.Fingerprint(Contracts.Sample), DocumentText.Fingerprint(read));
        Assert.AreNotEqual(DocumentText.Fingerprint(Contracts.Sample), DocumentText.Fingerprint([.. Contracts.Sample, "8. Extra."]));
    }
}
