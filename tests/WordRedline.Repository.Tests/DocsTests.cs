namespace WordRedline.Repository.Tests;

[TestClass]
public sealed class DocsTests
{
    private const string Readme = "README.md";

    // What code is written in here; the checks read comments, so every language the repository has.
    private static readonly string[] CodeExtensions = [".cs", ".ts", ".tsx", ".mjs", ".sh", ".py"];

    private static IEnumerable<(string Path, string Text)> Code() =>
        CodeExtensions.SelectMany(e => Repository.Files(e, "src", "tests", "bench"))
            .Where(p => !p.StartsWith("tests/WordRedline.Repository.Tests/", StringComparison.Ordinal))
            .Select(p => (p, Repository.Read(p)));

    private static IReadOnlyList<string> HeadingsOf(string note) =>
        Repository.Exists("docs/" + note) ? DesignNotes.Headings(Repository.Read("docs/" + note)) : [];

    [TestMethod]
    public void Code_EveryDesignNoteCitation_NamesASectionOfANoteInDocs()
    {
        var broken = Code()
            .SelectMany(f => DesignNotes.Citations(f.Text).Select(c => (f.Path, c.Note, c.Section)))
            .Where(c => !Repository.Exists("docs/" + c.Note) || (c.Section is not null && !DesignNotes.Names(HeadingsOf(c.Note), c.Section)))
            .Select(c => $"{c.Path}: docs/{c.Note} §{c.Section}")
            .ToList();

        Assert.IsEmpty(broken, "Cited, but no such note or heading in docs/:\n" + string.Join('\n', broken));
    }

    [TestMethod]
    public void Code_CitesNoDesignNoteOutsideTheRepository()
    {
        var outside = Code().Where(f => f.Text.Contains("design note", StringComparison.OrdinalIgnoreCase)).Select(f => f.Path).ToList();

        Assert.IsEmpty(outside, "Cite a section of docs/ (\"docs/ooxml.md §Lint\") instead of a design note:\n" + string.Join('\n', outside));
    }

    [TestMethod]
    public void Markdown_EveryLinkToANoteSection_HasThatHeading()
    {
        var pages = new[] { Readme }.Concat(Repository.Files(".md", "docs"));
        var broken = pages
            .SelectMany(page => DesignNotes.AnchorLinks(Repository.Read(page)).Select(link => (page, link.Note, link.Anchor)))
            .Where(l => !HeadingsOf(Path.GetFileName(l.Note)).Select(DesignNotes.Anchor).Contains(l.Anchor))
            .Select(l => $"{l.page}: {l.Note}#{l.Anchor}")
            .ToList();

        Assert.IsEmpty(broken, "No such heading:\n" + string.Join('\n', broken));
    }

    [TestMethod]
    public void Readme_EveryRepositoryPathItNames_Exists()
    {
        var readme = Repository.Read(Readme);
        var all = Repository.AllPaths();
        var missing = ReadmePaths.InText(ReadmePaths.WithoutLayoutMap(readme, "## Layout")).Concat(ReadmePaths.InLayoutMap(readme, "## Layout"))
            .Where(p => !ReadmePaths.Exists(p, all))
            .ToList();

        Assert.IsEmpty(missing, "README.md names paths the repository does not have:\n" + string.Join('\n', missing));
    }

    [TestMethod]
    public void Readme_LayoutMap_IsItsFirstSection()
    {
        var headings = Repository.Read(Readme).Split('\n').Where(l => l.StartsWith("## ", StringComparison.Ordinal)).Take(2).ToList();

        Assert.AreEqual("## Layout|## One request's path", string.Join('|', headings));
    }

    [TestMethod]
    public void InLayoutMap_IndentedNames_AreChildrenOfTheFolderAbove()
    {
        const string Map = "## Layout\n\n```\nroot.txt other.txt   files\nsrc/                 code\n  A/                a\n    x.cs y.cs       two files\n  B.cs              b\ndocs/\n```\n";

        Assert.AreEqual("root.txt other.txt src/ src/A/ src/A/x.cs src/A/y.cs src/B.cs docs/", string.Join(' ', ReadmePaths.InLayoutMap(Map, "## Layout")));
    }

    [TestMethod]
    public void Exists_GlobAndBraces_MatchTheListedPaths()
    {
        string[] all = ["tests/A.Tests", "tests/B.Tests", "tests/e2e/pane.e2e.mjs"];

        Assert.IsTrue(ReadmePaths.Exists("tests/{A,B}.Tests/", all));
        Assert.IsFalse(ReadmePaths.Exists("tests/{A,C}.Tests/", all));
        Assert.IsFalse(ReadmePaths.Exists("tests/C.Tests", all));
        Assert.IsTrue(ReadmePaths.Exists("tests/e2e/*.e2e.mjs", all));
        Assert.IsTrue(ReadmePaths.Exists("src/WordRedline.Addin/dist/taskpane.html", all));
    }

    [TestMethod]
    public void Citations_SeveralSectionsOfOneNote_EachChecked()
    {
        var found = DesignNotes.Citations("// rules: docs/ooxml.md §Revision ids, §Comments.\n// see docs/clause-model.md").ToList();

        Assert.AreEqual("ooxml.md:Revision ids, |ooxml.md:Comments.|clause-model.md:", string.Join('|', found.Select(c => $"{c.Note}:{c.Section}")));
        Assert.IsTrue(DesignNotes.Names(["Revision ids", "Comments"], "Comments."));
        Assert.IsFalse(DesignNotes.Names(["Comment"], "Comments."));
    }
}
