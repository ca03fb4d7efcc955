using System.Diagnostics;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;

namespace WordRedline.Versions.Tests;

/// <summary>The three letters, drafted from recorded versions of two real contracts: the repository's sample (clause
/// numbers in its text) and the Common Paper Independent Contractor Agreement (a cover page and Word's own numbering).</summary>
[TestClass]
public sealed partial class LetterTests
{
    private static readonly DateOnly LetterDate = new(2026, 11, 16);

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public async Task Cover_Sample_ExplainsEachProposedChangeByClauseInTheCounterpartysTerms()
    {
        var (store, id) = await SampleAsync(sign: false);
        await using var _ = store;

        var letter = Expect(await store.DraftLetterAsync(id, 1, LetterKind.Cover, Options(), TestContext.CancellationToken));
        var text = letter.ToText();

        Assert.AreEqual("Design Services Agreement: proposed changes", letter.Subject);
        Assert.StartsWith("Jane Doe\n16 November 2026\n\nBrightline Creative Agency LLC\n\nRe: Design Services Agreement: proposed changes\n\nDear Sir or Madam,\n\n", text);
        Assert.Contains("Thank you for sending the draft Design Services Agreement between Brightline Creative Agency LLC (the \u201CAgency\u201D) and me (the \u201CDesigner\u201D).", text);
        Assert.Contains("\n  Clause 3 (License): ", text);
        Assert.Contains("\n  Clause 4 (Ownership): The assignment stands; Agency covenants not to use the Deliverables to train or develop AI models", text);
        Assert.Contains("\n  Clause 6 (Data): ", text);
        Assert.Contains("a standard protection for my proprietary creative process", text);
        Assert.EndsWith("Yours faithfully,\n\nJane Doe\n", text);
        AssertCarefullyWritten(text);
    }

    [TestMethod]
    public async Task Audit_SignedSample_CitesTheCovenantAndAsksFourQuestionsByADate()
    {
        var (store, id) = await SampleAsync(sign: true);
        await using var _ = store;

        var text = Expect(await store.DraftLetterAsync(id, null, LetterKind.Audit, Options() with { Recipient = "Ms Priya Patel" }, TestContext.CancellationToken)).ToText();

        Assert.StartsWith("Jane Doe\n16 November 2026\n\nMs Priya Patel\nBrightline Creative Agency LLC\n\nRe: Design Services Agreement: request for information on the use of the Deliverables\n\nDear Ms Priya Patel,", text);
        Assert.Contains("Under the Design Services Agreement between Brightline Creative Agency LLC (the \u201CAgency\u201D) and me (the \u201CDesigner\u201D), signed on 5 March 2026 (the \u201CAgreement\u201D), I provided the Deliverables to Brightline Creative Agency LLC.", text);
        Assert.Contains("Clause 4 (Ownership) of the Agreement provides:\n\n    \u201C4. Ownership. Upon final payment, Designer assigns to Agency all right, title and interest in the Deliverables, which shall be deemed works made for hire to the extent permitted by law. Notwithstanding any assignment, Agency shall not use the Deliverables to train", text);
        Assert.Contains("by 30 November 2026 (14 days from the date of this letter):", text);
        Assert.Contains("\n  3. which affiliates, partners and service providers have received the Deliverables under clause 6 (Data); and\n", text);
        Assert.Contains("\n  4. the policies of Brightline Creative Agency LLC on the use", text);
        Assert.EndsWith("Yours sincerely,\n\nJane Doe\n", text);
        AssertCarefullyWritten(text);
    }

    [TestMethod]
    public async Task Breach_SignedSample_CitesTheSignedClauseWithItsNumberAndHashes()
    {
        var (store, id) = await SampleAsync(sign: true);
        await using var _ = store;
        var signed = (await store.GetVersionAsync(id, 2, TestContext.CancellationToken))!;

        var letter = Expect(await store.DraftLetterAsync(id, null, LetterKind.Breach, Options() with
        {
            Details = "On 3 November 2026 Brightline Creative Agency LLC announced an image generator trained on client illustrations, and its sample outputs reproduce the Deliverables' logo concepts",
        }, TestContext.CancellationToken));
        var text = letter.ToText();

        Assert.AreEqual("Notice of breach of clause 4 (Ownership) of the Design Services Agreement", letter.Subject);
        Assert.Contains("I write about the Design Services Agreement between Brightline Creative Agency LLC (the \u201CAgency\u201D) and me (the \u201CDesigner\u201D), signed on 5 March 2026 (the \u201CAgreement\u201D). Clause 4 (Ownership) of the Agreement provides:", text);
        Assert.Contains($"\u201C{signed.Record.CarveOut!.Text}\u201D", text);
        Assert.Contains("reproduce the Deliverables' logo concepts.\n\nThis letter is formal notice of that breach of clause 4 (Ownership).", text);
        Assert.Contains($"SHA-256 fingerprint {signed.Record.Document!.Sha256}", text);
        Assert.Contains($"SHA-256 fingerprint {signed.Record.CarveOut.Sha256}", text);
        Assert.Contains("I require Brightline Creative Agency LLC, by 30 November 2026 (14 days from the date of this letter), to:", text);
        AssertCarefullyWritten(text);
    }

    [TestMethod]
    public async Task Breach_NotSigned_RefusedWithWhatToDo()
    {
        var (store, id) = await SampleAsync(sign: false);
        await using var _ = store;

        var result = await store.DraftLetterAsync(id, null, LetterKind.Breach, Options(), TestContext.CancellationToken);

        Assert.AreEqual(StoreStatus.Conflict, result.Status);
        Assert.AreEqual("A notice of breach cites the signed agreement, and version 2 is not marked as signed. Mark the signed version first, then draft the notice from it.", result.Message);
    }

    [TestMethod]
    public async Task Letters_RealTemplate_UseItsCoverPageNamesHeadingsAndDates()
    {
        var database = await Databases.OpenAsync(Databases.Sqlite);
        await using var store = database.Open(Databases.NewOwner("Rosa Alvarez"), Contracts.Engine, new FakeClock(new DateTimeOffset(2026, 2, 20, 9, 0, 0, TimeSpan.Zero)));
        var draft = RealContract.Paragraphs();
        var work = draft.Single(p => p.StartsWith("Work Product.", StringComparison.Ordinal));
        // What the parties agreed: clause 3.1 keeps the work-for-hire terms and gains the covenant WordRedline proposes.
        var signed = draft.Select(p => p == work
            ? p + " Notwithstanding the foregoing, Company shall not use the Work Product to train, fine-tune, or develop machine learning models or artificial intelligence systems."
            : p).ToList();
        var id = (await store.CreateContractAsync(new ContractInput(), TestContext.CancellationToken)).Id;
        await store.SaveVersionAsync(id, Contracts.Input(draft, "pane"), TestContext.CancellationToken);
        await store.SaveVersionAsync(id, Contracts.Input(signed, "pane"), TestContext.CancellationToken);
        await store.SignAsync(id, 2, new DateOnly(2026, 3, 2), TestContext.CancellationToken);

        var cover = Expect(await store.DraftLetterAsync(id, 1, LetterKind.Cover, Options(), TestContext.CancellationToken)).ToText();
        var audit = Expect(await store.DraftLetterAsync(id, null, LetterKind.Audit, Options(), TestContext.CancellationToken)).ToText();
        var breach = Expect(await store.DraftLetterAsync(id, null, LetterKind.Breach, Options(), TestContext.CancellationToken));

        Assert.StartsWith("Rosa Alvarez\n16 November 2026\n\nNorthwind Outdoor Co.\n\nRe: Independent Contractor Agreement: proposed changes", cover);
        Assert.Contains("between Northwind Outdoor Co. (the \u201CCompany\u201D) and me (the \u201CContractor\u201D)", cover);
        Assert.Contains("\n  The clause headed \u201CMoral Rights\u201D: ", cover);
        Assert.Contains("signed on 2 March 2026 (the \u201CAgreement\u201D), I provided the Work Product to Northwind Outdoor Co.", audit);
        Assert.AreEqual("Notice of breach of the clause headed \u201CWork Product\u201D of the Independent Contractor Agreement", breach.Subject);
        Assert.Contains("Company shall not use the Work Product to train, fine-tune, or develop machine learning models", breach.ToText());
        foreach (var text in new[] { cover, audit, breach.ToText() })
        {
            Assert.DoesNotContain("Jane", text);
            Assert.DoesNotContain("Brightline", text);
            AssertCarefullyWritten(text);
        }
    }

    [TestMethod]
    public async Task ToDocx_Breach_PandocReadsTheSameLetter()
    {
        var (store, id) = await SampleAsync(sign: true);
        await using var _ = store;
        var letter = Expect(await store.DraftLetterAsync(id, null, LetterKind.Breach, Options(), TestContext.CancellationToken));
        var file = Path.Combine(Directory.CreateTempSubdirectory("wordredline-letter").FullName, "breach.docx");
        await File.WriteAllBytesAsync(file, letter.ToDocx(), TestContext.CancellationToken);

        using (var document = WordprocessingDocument.Open(file, false))
        {
            var errors = new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(document, TestContext.CancellationToken).ToList();
            Assert.IsEmpty(errors, string.Join("; ", errors.Select(e => e.Description)));
        }

        var pandoc = Process.Start(new ProcessStartInfo("pandoc", [file, "-t", "plain", "--wrap=none"]) { RedirectStandardOutput = true })!;
        var plain = await pandoc.StandardOutput.ReadToEndAsync(TestContext.CancellationToken);
        await pandoc.WaitForExitAsync(TestContext.CancellationToken);

        Assert.AreEqual(0, pandoc.ExitCode);
        Assert.AreEqual(Words(letter.ToText()), Words(plain));
    }

    private static LetterOptions Options() => new() { Date = LetterDate };

    private static string Words(string text) => string.Join(' ', text.Split((char[])[' ', '\n', '\t', '\r'], StringSplitOptions.RemoveEmptyEntries));

    /// <summary>What a careful professional's letter never holds: a placeholder, a template brace, a word written
    /// twice, "your work" (the engine's voice to the user), or a sentence without its full stop.</summary>
    private static void AssertCarefullyWritten(string text)
    {
        foreach (var bad in new[] { "{", "}", "[", "]", "TODO", "XXX", "your work", "Your work", " your ", "null", "  .", " ," })
        {
            Assert.DoesNotContain(bad, text, $"\"{bad}\" in:\n{text}");
        }

        var doubled = DoubledWord().Match(text);
        Assert.IsFalse(doubled.Success, $"\"{doubled.Value}\" in:\n{text}");
        foreach (var line in text.Split('\n').Where(l => l.Length > 60 && !l.StartsWith("Re: ", StringComparison.Ordinal)))
        {
            Assert.IsTrue(line.TrimEnd().EndsWith('.') || line.TrimEnd().EndsWith(':') || line.TrimEnd().EndsWith(';') || line.TrimEnd().EndsWith("; and", StringComparison.Ordinal) || line.TrimEnd().EndsWith('\u201D'),
                $"unfinished sentence: {line}");
        }
    }

    [GeneratedRegex(@"\b(\w+) \1\b", RegexOptions.IgnoreCase)]
    private static partial Regex DoubledWord();

    private static Letter Expect(StoreResult<Letter> result)
    {
        Assert.AreEqual(StoreStatus.Ok, result.Status, result.Message);
        return result.Value!;
    }

    /// <summary>The sample negotiated: the draft as received, then Accept all; signed at version 2 when asked.</summary>
    private async Task<(VersionStore Store, Guid Id)> SampleAsync(bool sign)
    {
        var database = await Databases.OpenAsync(Databases.Sqlite);
        var store = database.Open(Databases.NewOwner(), Contracts.Engine, new FakeClock(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero)));
        var id = (await store.CreateContractAsync(new ContractInput(), TestContext.CancellationToken)).Id;
        await store.SaveVersionAsync(id, Contracts.Input(Contracts.Sample, "pane"), TestContext.CancellationToken);
        await store.SaveVersionAsync(id, Contracts.Input(Contracts.AcceptAll(Contracts.Sample), "accept-all", Contracts.AcceptedDecisions(Contracts.Sample)), TestContext.CancellationToken);
        if (sign)
        {
            await store.SignAsync(id, 2, new DateOnly(2026, 3, 5), TestContext.CancellationToken);
        }

        return (store, id);
    }
}
