namespace WordRedline.Core.Tests;

/// <summary>Only rights the protected party gives away are risks.</summary>
[TestClass]
public sealed class DirectionTests
{
    [TestMethod]
    [DataRow("Subject to these Terms, we grant you a limited, non-exclusive, non-transferable, revocable license to use the app.")]
    [DataRow("You may not use the Services to train a competing machine learning model.")]
    [DataRow("You may not modify, adapt or create derivative works of the Software.")]
    [DataRow("You agree not to share your password with third parties.")]
    [DataRow("No license is granted to you except as expressly stated.")]
    [DataRow("Either party may terminate for conduct involving moral turpitude.")]
    [DataRow("We will not share your Content with third parties.")]
    [DataRow("We and our affiliates own all rights, title, and interest in and to the Services.")]
    public void Analyze_RightReceivedOrRestrictionOnUser_NoRiskFinding(string clause)
    {
        var response = TestText.Analyze("you", clause);

        Assert.IsEmpty(response.Findings.Where(f => f.Category != Category.AiProtection).ToList(), string.Join(", ", response.Findings.Select(f => f.Category)));
    }

    [TestMethod]
    public void Analyze_LicenceFromClientToContractor_NoLicenceBreadthFinding()
    {
        var response = TestText.Analyze("Contractor", "Client hereby grants Contractor a non-exclusive, royalty-free license to use Client's logo in Contractor's portfolio.");

        Assert.DoesNotContain(Category.LicenseBreadth, response.Categories().ToList());
    }

    [TestMethod]
    public void Analyze_SameGrantFromContractor_FindsLicenceBreadth()
    {
        var response = TestText.Analyze("Contractor", "Contractor hereby grants Client a non-exclusive, royalty-free, worldwide license to use the Deliverables.");

        Assert.Contains(Category.LicenseBreadth, response.Categories().ToList());
    }

    [TestMethod]
    public void Analyze_NegatedThenPermitted_FindsThePermittedDisclosure()
    {
        var response = TestText.Analyze(
            "Provider",
            "The Receiving Party shall not disclose Confidential Information to third parties, except that the Receiving Party may disclose Confidential Information to its employees and advisors.");

        var finding = response.Findings.Single(f => f.Category == Category.DataSharing);
        // The finding points at the disclosure the exception allows, not at the one the clause forbids.
        Assert.AreEqual("disclose", finding.Quote);
        Assert.IsGreaterThan(response.Findings.Count == 0 ? 0 : 60, finding.Start);
    }

    /// <summary>The other side's own offering, however the terms name it: a name defined as the service, a term defined
    /// to leave the user's content out, code it makes available, and a risk the user is warned of.</summary>
    [TestMethod]
    [DataRow("You acknowledge that, as between you and us, we own all right, title and interest in and to Kestrel and all intellectual property rights therein.")]
    [DataRow("All content on the Service (excluding Your Content), including our logos, software and designs (the \u201CMaterials\u201D), is protected by law. All Materials are the property of Kestrel Labs.")]
    [DataRow("Kestrel makes available specialized templates and stylesheets for the layout of your pages.")]
    [DataRow("You acknowledge the risk that others may share inaccurate or misleading information about you.")]
    public void Analyze_OtherSidesOwnOffering_NoRiskFinding(string clause)
    {
        var response = TestText.Analyze(
            "you",
            "These Terms govern your use of any website, app or service offered by Kestrel Labs Inc. (\u201CKestrel\u201D or the \u201CService\u201D). \u201CWe\u201D and \u201Cus\u201D mean Kestrel Labs Inc.",
            "You keep ownership of the posts, photos and other content you submit (\u201CYour Content\u201D).",
            clause);

        Assert.IsEmpty(response.Findings.Where(f => f.ParagraphId == "p2" && f.Category != Category.AiProtection).ToList(),
            string.Join(", ", response.Findings.Select(f => $"{f.ParagraphId} {f.RuleId} '{f.Quote}'")));
    }
}
