using System.Text;
using System.Text.RegularExpressions;

namespace WordRedline.Core.Tests;

/// <summary>Untrusted text never throws and never backtracks: every pattern runs on the non-backtracking engine.
/// (Speed is measured in bench/, not asserted here; the timeout only stops a hang from stalling the suite.)</summary>
[TestClass]
public sealed class HostileTextTests
{
    private static readonly Dictionary<string, Func<string>> Inputs = new()
    {
        ["one 1 MB paragraph"] = () => string.Concat(Enumerable.Repeat("Contractor grants Client rights in the Deliverables ", 20_000)),
        ["100,000 trigger phrases"] = () => string.Concat(Enumerable.Repeat("for any and all purposes ", 100_000)),
        ["100,000 trigger sentences"] = () => string.Concat(Enumerable.Repeat("Client may use it for any purpose. ", 100_000)),
        ["no spaces"] = () => new string('a', 500_000) + "forany" + new string('x', 500_000),
        ["control characters"] = () => string.Concat(Enumerable.Range(0, 32).Select(i => (char)i)) + "\u0000 may share with third parties \u0007",
        ["lone surrogates"] = () => "Client may use \ud800 the Deliverables \udc00 for any purpose \ud83d",
        ["right-to-left"] = () => "\u202eالعميل يمنح ترخيصا دائما\u202c Client may train artificial intelligence models on the Deliverables \u05e9\u05dc\u05d5\u05dd",
        ["nested parentheses"] = () => new string('(', 50_000) + "\"Client\"" + new string(')', 50_000),
        ["quote storm"] = () => string.Concat(Enumerable.Repeat("(\"Agency\" ", 30_000)),
    };

    public static IEnumerable<object[]> HostileInputs() => Inputs.Keys.Select(name => new object[] { name });

    [TestMethod]
    [Timeout(60_000, CooperativeCancellation = true)]
    [DynamicData(nameof(HostileInputs))]
    public void Analyze_HostileText_ReturnsAResponse(string name)
    {
        var text = Inputs[name]();
        var response = TestText.Analyze(null!, "Preamble (\"Contractor\").", text);

        Assert.IsNotNull(response, name);
        foreach (var finding in response.Findings)
        {
            Assert.IsTrue(finding.Start >= 0 && finding.Start + finding.Length <= (finding.ParagraphId == "p1" ? text.Length : 100), name);
        }
    }

    [TestMethod]
    public void Analyze_ManyRepeatedTriggers_OneFindingPerParagraphAndCategory()
    {
        var response = TestText.Analyze("Contractor", string.Concat(Enumerable.Repeat("Client may use the Deliverables for any purpose. ", 10_000)));

        Assert.HasCount(1, response.Findings.Where(f => f.Category == Category.UsageScope).ToList());
    }

    [TestMethod]
    public void Analyze_NullText_TreatedAsEmpty()
    {
        var response = TestText.Engine.Analyze(new AnalyzeRequest { Paragraphs = [new ParagraphInput("p0", null!)] });

        Assert.IsEmpty(response.Findings);
    }

    [TestMethod]
    public async Task Analyze_ConcurrentCallers_SameAnswerAsSequential()
    {
        var request = TestText.Request("Contractor", "Contractor grants Client a perpetual license to use the Deliverables for any purpose.", "Client may train AI models on the Deliverables.");
        var expected = System.Text.Json.JsonSerializer.Serialize(TestText.Engine.Analyze(request), WordRedlineJson.Default.AnalyzeResponse);

        var answers = await Task.WhenAll(Enumerable.Range(0, 32).Select(_ => Task.Run(() =>
            System.Text.Json.JsonSerializer.Serialize(TestText.Engine.Analyze(request), WordRedlineJson.Default.AnalyzeResponse))));

        Assert.IsTrue(answers.All(a => a == expected));
    }
}
