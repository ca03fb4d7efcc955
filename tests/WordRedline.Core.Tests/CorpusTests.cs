namespace WordRedline.Core.Tests;

/// <summary>The quality bar on the labeled dev corpus is enforced by `wordredline eval` in CI; these check the two
/// benign controls, which must never raise a high finding on a paragraph without a label.</summary>
[TestClass]
public sealed class CorpusTests
{
    [TestMethod]
    [DataRow("05_commonpaper-mutual-nda.txt", "05.jsonl")]
    [DataRow("13_mozilla-firefox-terms-of-use.txt", "13.jsonl")]
    public void Analyze_BenignControl_NoHighFindingOnUnlabeledParagraph(string document, string labels)
    {
        var directory = DevCorpus.RequireDirectory();
        var lines = File.ReadAllLines(Path.Combine(directory, "labels", labels));
        var header = System.Text.Json.JsonDocument.Parse(lines[0]).RootElement;
        var labeled = lines.Skip(1).Where(l => l.Trim().Length > 0).Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement.GetProperty("p").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture)).ToHashSet();
        var (_, paragraphs, _) = DevCorpus.Documents().Single(d => d.Name == document);
        var response = TestText.Engine.Analyze(new AnalyzeRequest
        {
            Paragraphs = [.. paragraphs.Select((text, i) => new ParagraphInput(i.ToString(System.Globalization.CultureInfo.InvariantCulture), text))],
            Party = header.GetProperty("protected_party").GetString(),
        });

        var high = response.Findings.Where(f => f.Severity == Severity.High && !labeled.Contains(f.ParagraphId)).ToList();
        Assert.IsEmpty(high, string.Join("; ", high.Select(f => $"{f.ParagraphId} {f.RuleId}")));
    }
}
