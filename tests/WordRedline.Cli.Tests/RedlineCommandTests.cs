using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using W = DocumentFormat.OpenXml.Wordprocessing;
using WordRedline.Docx;

namespace WordRedline.Cli.Tests;

[TestClass]
public sealed class RedlineCommandTests
{
    private static readonly string[] Contract =
    [
        "This Agreement is between Acme Agency Ltd (the \"Agency\") and Jane Doe (the \"Designer\").",
        "Designer hereby grants Agency a perpetual, irrevocable, worldwide license to use the Deliverables for any and all purposes.",
        "Entire Agreement. This Agreement is the entire agreement between the parties.",
    ];

    [TestMethod]
    public void Analyze_Docx_ReadsParagraphsWithPositionIds()
    {
        var file = Docx("contract.docx", Contract);

        var (code, output, error) = CliRunner.Run("analyze", file, "--format", "json");

        Assert.AreEqual(0, code, error);
        var response = JsonSerializer.Deserialize(output, WordRedlineJson.Default.AnalyzeResponse)!;
        var scope = response.Findings.Single(f => f.Category == Category.UsageScope);
        Assert.StartsWith("body/p[1]", scope.ParagraphId);
    }

    [TestMethod]
    public void Redline_File_WritesTrackedChangesTheReaderAccepts()
    {
        var file = Docx("contract.docx", Contract);
        var output = Path.Combine(Path.GetDirectoryName(file)!, "out.docx");

        var (code, stdout, error) = CliRunner.Run("redline", file, "-o", output, "--author", "Jane's Lawyer", "--addendum");

        Assert.AreEqual(0, code, error);
        Assert.Contains("contract.docx", stdout);
        using var stream = File.OpenRead(output);
        var accepted = DocxReader.Read(stream).Paragraphs.Select(p => p.Text).ToList();
        Assert.Contains(p => p.Contains("use the Deliverables solely for the purposes of this Agreement.", StringComparison.Ordinal), accepted);
        Assert.Contains("AI Protection Addendum", accepted);
        Assert.Contains(p => p.EndsWith("prevails over any conflicting term.", StringComparison.Ordinal), accepted);
        using var document = WordprocessingDocument.Open(output, false);
        var insertions = document.MainDocumentPart!.Document!.Descendants<W.InsertedRun>().ToList();
        Assert.IsNotEmpty(insertions);
        Assert.IsTrue(insertions.All(i => i.Author == "Jane's Lawyer"));
        Assert.IsNotEmpty(document.MainDocumentPart.WordprocessingCommentsPart!.Comments!.Elements<W.Comment>().ToList());
    }

    [TestMethod]
    public void Redline_Default_CommentsAreTheNotesForTheOtherSideAndAHighRiskWithoutAnEditIsFlagged()
    {
        var file = Docx("contract.docx", RiskyContract);
        var output = Path.Combine(Path.GetDirectoryName(file)!, "out.docx");
        var analysis = Analysis(file);
        var unfixed = analysis.Findings.Where(f => f.Severity == Severity.High && f.Edits.Count == 0 && f.ParagraphId.StartsWith("body/p[2]", StringComparison.Ordinal)).ToList();

        var (code, stdout, error) = CliRunner.Run("redline", file, "-o", output);

        Assert.AreEqual(0, code, error);
        Assert.IsNotEmpty(unfixed, "The contract must hold a high risk the engine has no edit for.");
        Assert.Contains("Flagged", stdout);
        var comments = Comments(output);
        var notes = analysis.Findings.Where(f => f.Edits.Count > 0).Select(f => f.Comment).Concat(analysis.DocumentFindings.Select(f => f.Comment));
        Assert.IsTrue(notes.All(comments.Contains), "Every applied fix carries its note for the other side.");
        Assert.HasCount(notes.Count() + unfixed.Count, comments);
        Assert.DoesNotContain(c => analysis.Findings.Any(f => f.Rationale.Length > 0 && c.Contains(f.Rationale, StringComparison.Ordinal)), comments,
            "The user's rationale never goes into the document.");
    }

    [TestMethod]
    public void Redline_NoRiskComments_OnlyTheChangesNotes()
    {
        var file = Docx("contract.docx", RiskyContract);
        var output = Path.Combine(Path.GetDirectoryName(file)!, "out.docx");
        var analysis = Analysis(file);

        var (code, _, error) = CliRunner.Run("redline", file, "-o", output, "--no-risk-comments");

        Assert.AreEqual(0, code, error);
        Assert.HasCount(analysis.Findings.Count(f => f.Edits.Count > 0) + analysis.DocumentFindings.Count, Comments(output));
    }

    [TestMethod]
    public void Redline_NoComments_WritesNone()
    {
        var file = Docx("contract.docx", Contract);
        var output = Path.Combine(Path.GetDirectoryName(file)!, "out.docx");

        var (code, _, _) = CliRunner.Run("redline", file, "-o", output, "--no-comments");

        Assert.AreEqual(0, code);
        using var document = WordprocessingDocument.Open(output, false);
        Assert.IsEmpty(document.MainDocumentPart!.Document!.Descendants<W.CommentReference>().ToList());
    }

    [TestMethod]
    public void Redline_Folder_RedlinesEachAndReportsTheBadOne()
    {
        var good = Docx("good.docx", Contract);
        var folder = Path.GetDirectoryName(good)!;
        File.WriteAllText(Path.Combine(folder, "bad.docx"), "not a zip");
        var outFolder = Path.Combine(folder, "out");

        var (code, output, _) = CliRunner.Run("redline", folder, "-o", outFolder);

        Assert.AreEqual(1, code);
        Assert.IsTrue(File.Exists(Path.Combine(outFolder, "good.redlined.docx")));
        Assert.IsFalse(File.Exists(Path.Combine(outFolder, "bad.redlined.docx")));
        Assert.Contains("good.docx", output);
        Assert.Contains("bad.docx", output);
        Assert.Contains("not a Word document", output);
    }

    [TestMethod]
    public void Redline_FolderWithoutOutput_ClearError()
    {
        var folder = Path.GetDirectoryName(Docx("a.docx", Contract))!;

        var (code, _, error) = CliRunner.Run("redline", folder);

        Assert.AreEqual(2, code);
        Assert.Contains("give the output folder with -o OUTDIR", error);
    }

    [TestMethod]
    public void Redline_NotADocx_OneLineError()
    {
        var folder = Directory.CreateTempSubdirectory("wordredline-cli").FullName;
        var file = Path.Combine(folder, "contract.docx");
        File.WriteAllBytes(file, [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0]);

        var (code, _, error) = CliRunner.Run("redline", file, "-o", Path.Combine(folder, "out.docx"));

        Assert.AreEqual(2, code);
        Assert.HasCount(1, error.Trim().Split('\n'));
        Assert.StartsWith("wordredline: ", error);
    }

    // The third clause's assignment is a high risk the engine has no in-place edit for.
    private static readonly string[] RiskyContract =
    [
        "This Agreement is between Acme Agency Ltd (the \"Agency\") and Jane Doe (the \"Designer\").",
        "The Designer hereby irrevocably assigns to the Agency all right, title and interest in the Deliverables.",
        // A list lead-in: no sentence ends here to add a carve-out after, so this risk keeps no edit.
        "The following shall be works made for hire owned by the Agency:",
        "(a) logo concepts; and",
        "(b) brand guidelines,",
        "in each case as delivered under this Agreement",
        "Entire Agreement. This Agreement is the entire agreement between the parties.",
    ];

    private static AnalyzeResponse Analysis(string file)
    {
        var (code, output, error) = CliRunner.Run("analyze", file, "--format", "json");
        Assert.AreEqual(0, code, error);
        return JsonSerializer.Deserialize(output, WordRedlineJson.Default.AnalyzeResponse)!;
    }

    private static List<string> Comments(string docx)
    {
        using var document = WordprocessingDocument.Open(docx, false);
        return [.. document.MainDocumentPart!.WordprocessingCommentsPart?.Comments?.Elements<W.Comment>()
            .Select(c => string.Concat(c.Descendants<W.Text>().Select(t => t.Text))) ?? []];
    }

    private static string Docx(string name, string[] paragraphs)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("wordredline-cli").FullName, name);
        using var document = WordprocessingDocument.Create(path, DocumentFormat.OpenXml.WordprocessingDocumentType.Document);
        var main = document.AddMainDocumentPart();
        main.Document = new W.Document(new W.Body(paragraphs.Select(text => new W.Paragraph(new W.Run(new W.Text(text))))));
        return path;
    }
}
