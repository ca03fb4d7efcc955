namespace WordRedline.Docx.Tests;

/// <summary>LibreOffice Writer through UNO agrees with pandoc on every fixture: accepting all changes gives the
/// intended text, rejecting them gives the original, and every applied suggestion carries its comment. One
/// headless soffice checks all fixtures (about a second per file).</summary>
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

        ExternalTools.Require(LibreOffice.Soffice);
        ExternalTools.Require(LibreOffice.Python);
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

        Assert.AreSequenceEqual(Fixtures.Get(name).ExpectedAccepted, output.Accept, FixtureTests.Diff(Fixtures.Get(name).ExpectedAccepted, output.Accept));
    }

    [TestMethod]
    [DynamicData(nameof(Names))]
    public void LibreOffice_RejectAll_GivesOriginal(string name)
    {
        var (input, output, _) = View(name);

        Assert.AreSequenceEqual(input.Reject, output.Reject, FixtureTests.Diff(input.Reject, output.Reject));
    }

    [TestMethod]
    [DynamicData(nameof(Names))]
    public void LibreOffice_Comments_OnePerAppliedSuggestionWithItsRationale(string name)
    {
        var (input, output, result) = View(name);
        var analysis = result.Analysis;
        var titles = analysis.Findings.Select(f => (f.Id, f.Title)).Concat(analysis.DocumentFindings.Select(f => (f.Id, f.Title)))
            .Append(("addendum-reference", "AI Protection Addendum")).ToDictionary(t => t.Item1, t => t.Item2);
        var commented = result.Applied.Where(a => a.SuggestionId != "addendum").ToList();

        var ours = output.Comments.Where(c => c[0] == "WordRedline").ToList();

        Assert.HasCount(input.Comments.Count + commented.Count, output.Comments);
        Assert.AreSequenceEqual(
            commented.Select(a => titles[a.SuggestionId]),
            ours.Select(c => c[1].Split('\n')[0]),
            SequenceOrder.InAnyOrder);
        Assert.IsTrue(ours.All(c => c[1].Contains("Rationale", StringComparison.Ordinal) || c[1].Contains("Adds", StringComparison.Ordinal) || c[1].Contains("attached hereto", StringComparison.Ordinal)));
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
