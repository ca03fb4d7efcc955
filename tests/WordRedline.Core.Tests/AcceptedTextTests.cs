namespace WordRedline.Core.Tests;

/// <summary>Every suggested edit accepted, over both labeled corpora and the sample agreement, reads as a careful
/// lawyer's markup (<see cref="AcceptedText"/>).</summary>
[TestClass]
public sealed class AcceptedTextTests
{
    [TestMethod]
    public void AcceptAll_EveryCorpusDocument_NoDefect()
    {
        var defects = new List<string>();
        var documents = 0;
        foreach (var (name, texts, party) in DevCorpus.Documents(both: true))
        {
            var request = TestText.Request(party, [.. texts]);
            defects.AddRange(AcceptedText.Defects(request.Paragraphs, TestText.Engine.Analyze(request), party).Select(d => $"{name}: {d}"));
            documents++;
        }

        Assert.IsGreaterThan(30, documents);
        Assert.IsEmpty(defects, string.Join("\n", defects));
    }

    [TestMethod]
    public void AcceptAll_SampleAgreement_NoDefect()
    {
        var texts = File.ReadAllLines(Path.Combine(TestText.RepositoryRoot, "samples", "agency-design-contract.txt")).Where(l => l.Trim().Length > 0).ToArray();
        var request = TestText.Request("Designer", texts);

        var defects = AcceptedText.Defects(request.Paragraphs, TestText.Engine.Analyze(request), "Designer");

        Assert.IsEmpty(defects, string.Join("\n", defects));
    }
}
