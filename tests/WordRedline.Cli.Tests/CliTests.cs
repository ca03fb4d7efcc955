using System.Text.Json;

namespace WordRedline.Cli.Tests;

[TestClass]
public sealed class CliTests
{
    private const string Contract = """
        This Agreement is between Acme Agency Ltd (the "Agency") and Jane Doe (the "Designer").
        Designer hereby grants Agency a perpetual, irrevocable, worldwide license to use the Deliverables for any and all purposes.
        Entire Agreement. This Agreement is the entire agreement between the parties.
        """;

    [TestMethod]
    public void Analyze_TextFileAsJson_PrintsTheApiResponse()
    {
        var file = Write("contract.txt", Contract);

        var (code, output, error) = CliRunner.Run("analyze", file, "--format", "json");

        Assert.AreEqual(0, code, error);
        var response = JsonSerializer.Deserialize(output, WordRedlineJson.Default.AnalyzeResponse)!;
        Assert.AreEqual("Designer", response.Party.Name);
        Assert.AreEqual("Agency", response.Party.Counterparty);
        Assert.Contains(f => f.ParagraphId == "p1" && f.Category == Category.UsageScope, response.Findings);
        Assert.AreEqual("p2", response.AddendumReference?.ParagraphId);
        Assert.Contains("Designer's work", output, "the API's relaxed escaping, not \\u0027");
    }

    [TestMethod]
    public void Analyze_TwoFilesAsJson_OneDocumentPerLine()
    {
        var a = Write("a.txt", Contract);
        var b = Write("b.json", """{ "paragraphs": [ { "id": "x", "text": "Client may use the Deliverables for any purpose." } ], "party": "Contractor" }""");

        var (code, output, _) = CliRunner.Run("analyze", a, b, "--format", "json");

        Assert.AreEqual(0, code);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.HasCount(2, lines);
        Assert.AreEqual("Contractor", JsonSerializer.Deserialize(lines[1], WordRedlineJson.Default.AnalyzeResponse)!.Party.Name);
    }

    [TestMethod]
    public void Analyze_PartyOption_OverridesTheFile()
    {
        var file = Write("c.json", """{ "paragraphs": [ { "id": "x", "text": "Client may use it." } ], "party": "Contractor" }""");

        var (_, output, _) = CliRunner.Run("analyze", file, "--format", "json", "--party", "Designer");

        Assert.AreEqual("Designer", JsonSerializer.Deserialize(output, WordRedlineJson.Default.AnalyzeResponse)!.Party.Name);
    }

    [TestMethod]
    public void Analyze_Table_ShowsScoreFindingsAndSuggestedChange()
    {
        var file = Write("contract.txt", Contract);

        var (code, output, _) = CliRunner.Run("analyze", file);

        Assert.AreEqual(0, code);
        Assert.Contains("contract.txt: score", output);
        Assert.Contains("usage-scope", output);
        Assert.Contains("solely for the purposes of this Agreement", output);
        Assert.Contains("AI-training carve-out", output);
    }

    [TestMethod]
    [DataRow("missing", "file not found")]
    [DataRow("empty", "file is empty")]
    [DataRow("binary", "looks like a binary file")]
    [DataRow("badjson", "invalid JSON")]
    [DataRow("nopara", "has no paragraphs")]
    [DataRow("duplicate", "is used twice")]
    [DataRow("huge", "the limit is 20 MB")]
    [DataRow("type", "unsupported file type '.pdf'")]
    public void Analyze_BadInput_OneLineErrorAndExitCode2(string kind, string expected)
    {
        var file = kind switch
        {
            "missing" => Path.Combine(Path.GetTempPath(), "wordredline-no-such-file.txt"),
            "empty" => Write("empty.txt", ""),
            "binary" => WriteBytes("bin.txt", [0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0xFF]),
            "badjson" => Write("bad.json", "{ \"paragraphs\": [ "),
            "nopara" => Write("none.json", "{ \"paragraphs\": [] }"),
            "duplicate" => Write("dup.json", """{ "paragraphs": [ { "id": "a", "text": "x" }, { "id": "a", "text": "y" } ] }"""),
            "huge" => WriteBytes("huge.txt", new byte[50 * 1024 * 1024]),
            _ => Write("contract.pdf", "%PDF-1.7"),
        };

        var (code, output, error) = CliRunner.Run("analyze", file);

        Assert.AreEqual(2, code);
        Assert.AreEqual("", output);
        Assert.HasCount(1, error.Trim().Split('\n'));
        Assert.StartsWith("wordredline: ", error);
        Assert.Contains(expected, error);
        Assert.DoesNotContain("   at ", error);
    }

    [TestMethod]
    public void Analyze_BrokenPlaybook_NamesFileAndProblem()
    {
        var contract = Write("contract.txt", Contract);
        var playbook = Write("mine.json", "{ \"id\": \"x\"");

        var (code, _, error) = CliRunner.Run("analyze", contract, "--playbook", playbook);

        Assert.AreEqual(2, code);
        Assert.Contains("Playbook mine.json is not a valid playbook", error);
    }

    [TestMethod]
    public void Eval_SmallLabeledCorpus_ScoresAndGates()
    {
        var dir = Path.Combine(Directory.CreateTempSubdirectory("corpus").FullName);
        Directory.CreateDirectory(Path.Combine(dir, "labels"));
        File.WriteAllText(Path.Combine(dir, "01_sample.txt"), "SOURCE: test\n\nDesigner (\"Designer\") and Agency (\"Agency\").\nDesigner grants Agency a license to use the Deliverables for any purpose.\nPayment is due in 30 days.\n");
        File.WriteAllText(Path.Combine(dir, "labels", "01.jsonl"), """
            {"doc": "01_sample.txt", "protected_party": "Designer", "party_terms": ["Designer"], "counterparty_terms": ["Agency"]}
            {"p": 1, "cats": ["usage-scope", "moral-rights"], "unsure": [], "quote": "for any purpose"}
            """);

        var (passCode, output, _) = CliRunner.Run("eval", dir, "--min-f1", "0.5");
        var (failCode, _, error) = CliRunner.Run("eval", dir, "--min-recall", "0.9");

        Assert.AreEqual(0, passCode);
        Assert.Contains("usage-scope           1    0    0     1.000   1.000  1.000", output);
        Assert.Contains("01_sample.txt p1 moral-rights", output);
        Assert.AreEqual(1, failCode);
        Assert.Contains("moral-rights recall 0.000 is below --min-recall 0.900", error);

        // With the side left to the engine, each document says which side it chose.
        var (detectCode, detected, _) = CliRunner.Run("eval", dir, "--detect-party");
        Assert.AreEqual(0, detectCode);
        Assert.Contains("detected: 01_sample.txt -> Designer (labels protect Designer)", detected);
    }

    [TestMethod]
    public void Eval_MissingLabels_ClearError()
    {
        var dir = Directory.CreateTempSubdirectory("nolabels").FullName;

        var (code, _, error) = CliRunner.Run("eval", dir);

        Assert.AreEqual(2, code);
        Assert.Contains("has no labels/ folder", error);
    }

    private static string Write(string name, string text) => WriteBytes(name, System.Text.Encoding.UTF8.GetBytes(text));

    private static string WriteBytes(string name, byte[] bytes)
    {
        var dir = Directory.CreateTempSubdirectory("wordredline-cli").FullName;
        var path = Path.Combine(dir, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }
}

/// <summary>Runs the CLI in-process with captured output.</summary>
internal static class CliRunner
{
    public static (int Code, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = CliApp.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
