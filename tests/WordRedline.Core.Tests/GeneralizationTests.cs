namespace WordRedline.Core.Tests;

/// <summary>Everyday agency, publisher and platform wording written for these tests (not from the labeled corpus):
/// the playbook must read contract language in general, not the sentences it was tuned on.</summary>
[TestClass]
public sealed class GeneralizationTests
{
    [TestMethod]
    [DataRow("Contractor", "Company", "Contractor grants Company an unlimited, unrestricted license to exploit the Materials in all media throughout the universe.", "license-breadth,usage-scope")]
    [DataRow("Contractor", "Client", "Upon payment in full, all rights in the Deliverables transfer to Client.", "ip-assignment")]
    [DataRow("Contractor", "Client", "Client owns all intellectual property rights in the Deliverables.", "ip-assignment")]
    [DataRow("you", "Acme", "We may use your Content to develop and improve our products, including artificial intelligence and machine learning technologies.", "ai-training")]
    [DataRow("you", "Acme", "You grant us the right to use your submissions to train our algorithms.", "ai-training")]
    [DataRow("Photographer", "Licensee", "Licensee may create derivative works based on the Photographs.", "derivative-works")]
    [DataRow("Contractor", "Client", "Client may sublicense the Deliverables to third parties without notice to Contractor.", "data-sharing,license-breadth")]
    [DataRow("Designer", "Agency", "Agency may use the Designs for any purpose whatsoever.", "usage-scope")]
    [DataRow("Writer", "Publisher", "Publisher may exploit the Work by any means now known or hereafter devised.", "usage-scope")]
    [DataRow("Illustrator", "Publisher", "The Illustrator waives all moral rights in the Artwork.", "moral-rights")]
    [DataRow("you", "Acme", "We may share your Content with our affiliates and partners, including providers of AI services.", "data-sharing")]
    [DataRow("Contractor", "Client", "All work product shall be deemed work made for hire and shall vest in Client upon creation.", "ip-assignment")]
    [DataRow("Contractor", "Client", "Client may use Contractor's name in its portfolio.", "")]
    [DataRow("you", "Acme", "We grant you a non-exclusive license to use the Service for personal purposes.", "")]
    [DataRow("Contractor", "Client", "Contractor shall not use Client's confidential information for any purpose other than performing the Services.", "")]
    [DataRow("Contractor", "Client", "Either party may terminate this Agreement for convenience on thirty days' notice.", "")]
    [DataRow("Designer", "Client", "Client shall not use the Deliverables to train, fine-tune or develop any artificial intelligence system.", "ai-protection")]
    [DataRow("you", "Acme", "You may not use the Services to develop models that compete with us.", "")]
    [DataRow("Developer", "Client", "Developer retains all right, title and interest in the Pre-Existing Code.", "")]
    [DataRow("Contractor", "Company", "Company may modify these Terms at any time.", "")]
    public void Analyze_EverydayClause_FindsExactlyTheRisk(string party, string counterparty, string clause, string expected)
    {
        var preamble = party == "you"
            ? $"These Terms are between you and {counterparty} Inc. (\"{counterparty}\", \"we\" or \"us\")."
            : $"This Agreement is between {counterparty} Holdings LLC (the \"{counterparty}\") and Sam Lee (the \"{party}\").";

        var response = TestText.Analyze(party, preamble, clause);

        var found = response.Categories("p1").Select(c => c.Id()).Distinct().Order(StringComparer.Ordinal).ToList();
        var wanted = expected.Split(',', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal).ToList();
        Assert.AreSequenceEqual(wanted, found, string.Join(", ", response.Findings.Select(f => $"{f.ParagraphId} {f.RuleId} '{f.Quote}'")));
    }
}
