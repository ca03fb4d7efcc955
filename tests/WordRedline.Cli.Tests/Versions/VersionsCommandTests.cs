using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.Data.Sqlite;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace WordRedline.Cli.Tests.Versions;

[TestClass]
public sealed class VersionsCommandTests
{
    private static readonly string[] Draft =
    [
        "DESIGN SERVICES AGREEMENT",
        "This Design Services Agreement is made on 2 March 2026 between Brightline Creative Agency LLC (the \"Agency\") and Jane Doe, an independent designer (the \"Designer\").",
        "1. Services. Designer will create logo concepts and brand guidelines (the \"Deliverables\") for the Agency.",
        "2. License. Designer hereby grants Agency a perpetual, irrevocable, worldwide license to use the Deliverables for any and all purposes.",
        "3. Entire Agreement. This Agreement is the entire agreement between the parties.",
    ];

    private static readonly string[] Signed =
    [
        .. Draft[..3],
        "2. License. Designer hereby grants Agency a worldwide license to use the Deliverables for the sole purpose of Agency's internal marketing and deployment of the Deliverables.",
        "2.1 No AI Training. Agency shall not use the Deliverables to train, fine-tune, or develop machine learning models or artificial intelligence systems.",
        Draft[4],
    ];

    [TestMethod]
    public void SaveListDiffExportVerify_ThreeVersions_VerifiedAgainstTheSignedDocx()
    {
        var folder = Directory.CreateTempSubdirectory("wordredline-cli-versions").FullName;
        var db = Path.Combine(folder, "versions.db");
        var draft = WriteText(folder, "draft.txt", Draft);
        var signed = WriteText(folder, "signed.txt", Signed);

        var first = Run("versions", "save", draft, "--connection", db);
        var id = ContractId(db);
        Run("versions", "save", draft, "--contract", id[..8], "--connection", db);
        Run("versions", "save", signed, "--contract", id, "--connection", db);
        var sign = Run("versions", "sign", id, "3", "--on", "2026-03-05", "--connection", db);
        var list = Run("versions", "list", id, "--connection", db);
        var diff = Run("versions", "diff", id, "1", "3", "--connection", db);
        var export = Run("versions", "export", id, "-o", Path.Combine(folder, "proof.json"), "-o", Path.Combine(folder, "proof.docx"), "--connection", db);
        var verify = Run("verify", Path.Combine(folder, "proof.json"), WriteDocx(folder, "signed.docx", Signed));

        Assert.Contains("Saved version 1 of contract", first);
        Assert.Contains("(Design Services Agreement): score", first);
        Assert.Contains("Marked version 3 as signed on 2026-03-05.", sign);
        Assert.Contains("│ 3 ", list);
        Assert.Contains("Added: AI-training carve-out (clause 2.1)", diff);
        Assert.Contains("Wrote", export);
        Assert.Contains("ok: The document is version 3, marked as signed on 2026-03-05", verify);
        Assert.Contains("ok: The document contains clause 2.1 (No AI Training), which excludes AI training (SHA-256 ", verify);
        Assert.EndsWith("Verified.\n", verify.ReplaceLineEndings("\n"));
        using var proof = WordprocessingDocument.Open(Path.Combine(folder, "proof.docx"), false);
        Assert.Contains("Agency shall not use the Deliverables to train", proof.MainDocumentPart!.Document!.Body!.InnerText);
    }

    [TestMethod]
    public void Verify_OneByteOfTheStoredRecordAltered_FailsNamingTheVersion()
    {
        var folder = Directory.CreateTempSubdirectory("wordredline-cli-versions").FullName;
        var db = Path.Combine(folder, "versions.db");
        var draft = WriteText(folder, "draft.txt", Draft);
        Run("versions", "save", draft, "--connection", db);
        var id = ContractId(db);
        Run("versions", "save", draft, "--contract", id, "--connection", db);
        Run("versions", "save", WriteText(folder, "signed.txt", Signed), "--contract", id, "--connection", db);

        AlterOneByte(db, sequence: 2);
        var stored = CliRunner.Run("versions", "verify", id, "--connection", db);
        Run("versions", "export", id, "-o", Path.Combine(folder, "proof.json"), "--connection", db);
        var exported = CliRunner.Run("verify", Path.Combine(folder, "proof.json"), WriteText(folder, "copy.txt", Signed));

        Assert.AreEqual(1, stored.Code);
        Assert.Contains("wordredline: version 2: the record does not match its recorded hash", stored.Error);
        Assert.AreEqual(1, exported.Code);
        Assert.Contains("verification failed: version 2: the record does not match its recorded hash", exported.Error);
        Assert.DoesNotContain("version 1:", exported.Error);
        Assert.DoesNotContain("version 3:", exported.Error);
    }

    [TestMethod]
    public void Verify_OneByteOfTheExportAltered_FailsNamingTheVersion()
    {
        var folder = Directory.CreateTempSubdirectory("wordredline-cli-versions").FullName;
        var db = Path.Combine(folder, "versions.db");
        Run("versions", "save", WriteText(folder, "draft.txt", Draft), "--connection", db);
        var id = ContractId(db);
        Run("versions", "save", WriteText(folder, "signed.txt", Signed), "--contract", id, "--connection", db);
        var proof = Path.Combine(folder, "proof.json");
        Run("versions", "export", id, "-o", proof, "--connection", db);

        // "grade": "F" in version 1's record becomes "grade": "G".
        var json = File.ReadAllText(proof);
        var at = json.IndexOf("\"grade\": \"F\"", StringComparison.Ordinal);
        File.WriteAllText(proof, json[..at] + "\"grade\": \"G\"" + json[(at + 12)..]);
        var (code, _, error) = CliRunner.Run("verify", proof, Path.Combine(folder, "signed.txt"));

        Assert.AreEqual(1, code);
        Assert.Contains("version 1: the record does not match its recorded hash", error);
    }

    [TestMethod]
    public void Verify_DocumentOfAnEarlierVersion_SaysWhichVersionItIs()
    {
        var folder = Directory.CreateTempSubdirectory("wordredline-cli-versions").FullName;
        var db = Path.Combine(folder, "versions.db");
        var draft = WriteText(folder, "draft.txt", Draft);
        Run("versions", "save", draft, "--connection", db);
        var id = ContractId(db);
        Run("versions", "save", WriteText(folder, "signed.txt", Signed), "--contract", id, "--connection", db);
        Run("versions", "export", id, "-o", Path.Combine(folder, "proof.json"), "--connection", db);

        var (code, _, error) = CliRunner.Run("verify", Path.Combine(folder, "proof.json"), draft);

        Assert.AreEqual(1, code);
        Assert.Contains("version 2: the document is version 1 of the record, not the final version 2", error);
    }

    [TestMethod]
    public void Letter_ThreeKinds_PrintedOrWrittenAsDocx()
    {
        var folder = Directory.CreateTempSubdirectory("wordredline-cli-versions").FullName;
        var db = Path.Combine(folder, "versions.db");
        Run("versions", "save", WriteText(folder, "draft.txt", Draft), "--connection", db);
        var id = ContractId(db);
        Run("versions", "save", WriteText(folder, "signed.txt", Signed), "--contract", id, "--connection", db);
        var early = CliRunner.Run("letter", "breach", id, "--connection", db);
        Run("versions", "sign", id, "2", "--on", "2026-03-05", "--connection", db);

        var cover = Run("letter", "cover", id, "--version", "1", "--date", "2026-11-16", "--connection", db);
        var audit = Run("letter", "audit", id, "--date", "2026-11-16", "--days", "10", "--connection", db);
        var breach = Run("letter", "breach", id, "-o", Path.Combine(folder, "breach.docx"), "--recipient", "Ms Priya Patel", "--connection", db);

        Assert.AreEqual(2, early.Code);
        Assert.Contains("is not marked as signed", early.Error);
        Assert.StartsWith("Jane Doe\n16 November 2026\n\nBrightline Creative Agency LLC\n\nRe: Design Services Agreement: proposed changes", cover.ReplaceLineEndings("\n"));
        Assert.Contains("Clause 2 (License): ", cover);
        Assert.Contains("dated 2 March 2026, signed on 5 March 2026", audit);
        Assert.Contains("by 26 November 2026 (10 days from the date of this letter)", audit);
        Assert.Contains("Wrote", breach);
        Assert.Contains("Notice of breach of clause 2.1 (No AI Training) of the Design Services Agreement", breach);
        using var letter = WordprocessingDocument.Open(Path.Combine(folder, "breach.docx"), false);
        Assert.Contains("Dear Ms Priya Patel,", letter.MainDocumentPart!.Document!.Body!.InnerText);
    }

    [TestMethod]
    public void Delete_WithoutYes_RefusesAndKeepsTheRecord()
    {
        var folder = Directory.CreateTempSubdirectory("wordredline-cli-versions").FullName;
        var db = Path.Combine(folder, "versions.db");
        Run("versions", "save", WriteText(folder, "draft.txt", Draft), "--connection", db);
        var id = ContractId(db);

        var refused = CliRunner.Run("versions", "delete", id, "--connection", db);
        var deleted = Run("versions", "delete", id, "--yes", "--connection", db);
        var list = Run("versions", "list", "--format", "json", "--connection", db);

        Assert.AreEqual(2, refused.Code);
        Assert.Contains("add --yes", refused.Error);
        Assert.Contains($"Deleted contract {id}", deleted);
        Assert.AreEqual("[]", list.Trim());
    }

    [TestMethod]
    public void Export_UnknownContract_OneLineError()
    {
        var folder = Directory.CreateTempSubdirectory("wordredline-cli-versions").FullName;

        var (code, _, error) = CliRunner.Run("versions", "export", Guid.NewGuid().ToString(), "-o", Path.Combine(folder, "p.json"),
            "--connection", Path.Combine(folder, "versions.db"));

        Assert.AreEqual(2, code);
        Assert.StartsWith("wordredline: no contract ", error);
    }

    private static string Run(params string[] args)
    {
        var (code, output, error) = CliRunner.Run(args);
        Assert.AreEqual(0, code, $"{string.Join(' ', args)}: {error}");
        return output;
    }

    private static string ContractId(string db)
    {
        using var list = JsonDocument.Parse(Run("versions", "list", "--format", "json", "--connection", db));
        return list.RootElement[0].GetProperty("id").GetString()!;
    }

    private static void AlterOneByte(string db, int sequence)
    {
        using var connection = new SqliteConnection($"Data Source={db};Pooling=False");
        connection.Open();
        using var read = connection.CreateCommand();
        read.CommandText = "SELECT record FROM version_entries WHERE sequence = $s";
        read.Parameters.AddWithValue("$s", sequence);
        var record = (string)read.ExecuteScalar()!;
        var at = record.IndexOf("\"words\":", StringComparison.Ordinal) + "\"words\":".Length;
        var altered = record[..at] + (record[at] == '9' ? '8' : (char)(record[at] + 1)) + record[(at + 1)..];
        using var write = connection.CreateCommand();
        write.CommandText = "UPDATE version_entries SET record = $r WHERE sequence = $s";
        write.Parameters.AddWithValue("$r", altered);
        write.Parameters.AddWithValue("$s", sequence);
        Assert.AreEqual(1, write.ExecuteNonQuery());
    }

    private static string WriteText(string folder, string name, IEnumerable<string> paragraphs)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllLines(path, paragraphs);
        return path;
    }

    /// <summary>A .docx as Word writes one: words split across runs, a tab after each clause number.</summary>
    private static string WriteDocx(string folder, string name, IEnumerable<string> paragraphs)
    {
        var path = Path.Combine(folder, name);
        using var document = WordprocessingDocument.Create(path, DocumentFormat.OpenXml.WordprocessingDocumentType.Document);
        var main = document.AddMainDocumentPart();
        main.Document = new W.Document(new W.Body(paragraphs.Select(text =>
        {
            var paragraph = new W.Paragraph();
            var space = text.IndexOf(' ', StringComparison.Ordinal);
            if (char.IsDigit(text[0]) && space > 0)
            {
                paragraph.Append(new W.Run(new W.Text(text[..space])), new W.Run(new W.TabChar()));
                text = text[(space + 1)..];
            }

            var half = text.Length / 2;
            paragraph.Append(
                new W.Run(new W.Text(text[..half]) { Space = DocumentFormat.OpenXml.SpaceProcessingModeValues.Preserve }),
                new W.Run(new W.RunProperties(new W.Bold()), new W.Text(text[half..]) { Space = DocumentFormat.OpenXml.SpaceProcessingModeValues.Preserve }));
            return paragraph;
        })));
        return path;
    }
}
