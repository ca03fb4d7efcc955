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
}
