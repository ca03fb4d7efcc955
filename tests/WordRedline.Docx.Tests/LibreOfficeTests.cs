namespace WordRedline.Docx.Tests;

/// <summary>LibreOffice Writer through UNO agrees with pandoc on every fixture: accepting all changes gives the
/// intended text, rejecting them gives the original paragraph for paragraph, list numbers included, and every
/// applied suggestion carries its comment for the reader. One headless soffice checks all fixtures (about a second
/// per file).</summary>
[TestClass]
public sealed class LibreOfficeTests
{
    private static readonly Dictionary<string, (LibreOfficeView Input, LibreOfficeView Output, RedlineResult Result)> Views = [];
    private static string? folder;

    public static IEnumerable<object[]> Names => Fixtures.Names.Select(n => new object[] { n });

    [ClassInitialize]
    public static void CheckAllFixtures(TestContext context)
    {
        if (ExternalTools.Skipped)
        {
            return;
        }

        folder = Directory.CreateTempSubdirectory("wr-docx-lo-").FullName;
        var results = new Dictionary<string, RedlineResult>();
        var files = new List<string>();
        foreach (var name in Fixtures.Names)
        {
            var fixture = Fixtures.Get(name);
            results[name] = fixture.Redline();
            File.WriteAllBytes(Path.Combine(folder, $"{name}.in.docx"), fixture.Input);
            File.WriteAllBytes(Path.Combine(folder, $"{name}.out.docx"), results[name].Docx);
            files.Add(Path.Combine(folder, $"{name}.in.docx"));
            files.Add(Path.Combine(folder, $"{name}.out.docx"));
        }

        var views = LibreOffice.Check(files);
        foreach (var name in Fixtures.Names)
        {
            Views[name] = (views[Path.Combine(folder, $"{name}.in.docx")], views[Path.Combine(folder, $"{name}.out.docx")], results[name]);
        }
    }

    [ClassCleanup]
    public static void RemoveFiles()
    {
        if (folder is not null)
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [TestMethod]
    [DynamicData(nameof(Names))]
    public void LibreOffice_AcceptAll_GivesIntendedText(string name)
    {
        var (_, output, _) = View(name);

        Assert.AreSequenceEqual(Fixtures.Get(name).ExpectedAccepted, output.AcceptedText, FixtureTests.Diff(Fixtures.Get(name).ExpectedAccepted, output.AcceptedText));
    }

    [TestMethod]
    [DynamicData(nameof(Names))]
    public void LibreOffice_RejectAll_GivesOriginalWithItsListNumbers(string name)
    {
        var (input, output, _) = View(name);

        Assert.AreSequenceEqual(input.RejectedVisible, output.RejectedVisible, FixtureTests.Diff(input.RejectedVisible, output.RejectedVisible));
    }

    [TestMethod]
    [DynamicData(nameof(Names))]
    public void LibreOffice_Comments_TheFindingsNotesAndNeverTheRationale(string name)
    {
        var (input, output, result) = View(name);
        var analysis = result.Analysis;
        var notes = analysis.Findings.Select(f => (f.Id, f.Comment)).Concat(analysis.DocumentFindings.Select(f => (f.Id, f.Comment)))
            .ToDictionary(n => n.Id, n => n.Comment);
        var rationales = analysis.Findings.Select(f => f.Rationale).Concat(analysis.DocumentFindings.Select(f => f.Rationale)).Where(r => r.Length > 0);

        var ours = output.Comments.Where(c => c[0] == "WordRedline").Select(c => c[1]).ToList();

        Assert.HasCount(input.Comments.Count + ours.Count, output.Comments);
        var flagged = result.Flagged.Select(f => notes[f.SuggestionId] is { Length: > 0 } note ? note : RedlineWriter.RiskNote);
        Assert.AreSequenceEqual(
            result.Applied.Where(a => notes.GetValueOrDefault(a.SuggestionId) is { Length: > 0 }).Select(a => notes[a.SuggestionId]).Concat(flagged),
            ours,
            SequenceOrder.InAnyOrder);
        Assert.DoesNotContain(c => rationales.Any(r => c.Contains(r, StringComparison.Ordinal)), ours, "The user's rationale never goes into the document.");
    }

    [TestMethod]
    [DynamicData(nameof(Names))]
    public void LibreOffice_TrackedChanges_AllNewOnesByTheAuthor(string name)
    {
        var (input, output, result) = View(name);

        var added = output.Redlines.Count - input.Redlines.Count;

        Assert.AreEqual(result.Applied.Count > 0, added > 0);
        Assert.AreEqual(input.Redlines.Count(r => r[1] != "WordRedline"), output.Redlines.Count(r => r[1] != "WordRedline"));
    }

    private static (LibreOfficeView Input, LibreOfficeView Output, RedlineResult Result) View(string name)
    {
        if (ExternalTools.Skipped)
        {
            Assert.Inconclusive("WORDREDLINE_SKIP_EXTERNAL=1");
        }

        return Views[name];
    }
}
