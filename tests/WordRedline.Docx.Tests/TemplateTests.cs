using WordRedline.Core;

namespace WordRedline.Docx.Tests;

/// <summary>Real contract templates with numbered clauses (Common Paper, Bonterms, the Y Combinator SAFE, an
/// OpenAgreements form; see Templates/NOTICE.md), redlined by the real engine with the addendum and comments on
/// risks: LibreOffice's and pandoc's "reject all" give the original text with its list numbers, "accept all" gives
/// the intended text, the validator finds nothing new, the revisions are exactly the findings' word-level changes, and
/// analysing the accepted text again leaves no high or medium risk where the redline changed it.</summary>
[TestClass]
public sealed class TemplateTests
{
    private static readonly ClauseEngine Engine = ClauseEngine.CreateDefault();
    private static readonly Dictionary<string, (byte[] Input, RedlineResult Result)> Redlined = [];
    private static readonly Dictionary<string, (LibreOfficeView Input, LibreOfficeView Output)> Views = [];
    private static string? folder;

    /// <summary>Risks the engine's fixes leave in the accepted text, per template (the engine's side of issue 11):
    /// each is expected exactly, so a fix in the engine shows here as a failure asking to remove it.</summary>
    private static readonly Dictionary<string, string[]> KnownEngineDefects = new()
    {
    };

    public static IEnumerable<object[]> Names => Directory.GetFiles(TemplateFolder, "*.docx")
        .Select(f => new object[] { Path.GetFileNameWithoutExtension(f) }).OrderBy(n => (string)n[0], StringComparer.Ordinal);

    private static string TemplateFolder => Path.Combine(AppContext.BaseDirectory, "Templates");

    [ClassInitialize]
    public static void RedlineAll(TestContext context)
    {
        foreach (var name in Names.Select(n => (string)n[0]))
        {
            var input = File.ReadAllBytes(Path.Combine(TemplateFolder, name + ".docx"));
            var options = new RedlineOptions { TimeProvider = FixedClock.Default, RiskComments = true };
            Redlined[name] = (input, DocxRedliner.AnalyzeAndRedline(new MemoryStream(input), Engine, new RedlineRequest(Addendum: true), options));
        }

        if (ExternalTools.Skipped)
        {
            return;
        }

        folder = Directory.CreateTempSubdirectory("wr-docx-templates-").FullName;
        foreach (var (name, (input, result)) in Redlined)
        {
            File.WriteAllBytes(Path.Combine(folder, $"{name}.in.docx"), input);
            File.WriteAllBytes(Path.Combine(folder, $"{name}.out.docx"), result.Docx);
        }

        var views = LibreOffice.Check([.. Redlined.Keys.SelectMany(n => new[] { $"{n}.in.docx", $"{n}.out.docx" }).Select(f => Path.Combine(folder, f))]);
        foreach (var name in Redlined.Keys)
        {
            Views[name] = (views[Path.Combine(folder, $"{name}.in.docx")], views[Path.Combine(folder, $"{name}.out.docx")]);
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
    public void Templates_All_AreThereAndMostNumberTheirClauses()
    {
        var numbered = Redlined.Keys.Where(name => !ExternalTools.Skipped && View(name).Input.Reject.Count(p => p.Label.Length > 0) > 5).ToList();

        Assert.IsGreaterThanOrEqualTo(6, Redlined.Count, $"Templates missing from {TemplateFolder}.");
        Assert.IsGreaterThanOrEqualTo(4, numbered.Count, "Templates whose clauses Word numbers: " + string.Join(", ", numbered));
    }

    [TestMethod]
    [DynamicData(nameof(Names))]
    public void Redline_Template_SomethingApplied(string name)
    {
        var (_, output) = View(name);

        Assert.IsNotEmpty(Redlined[name].Result.Applied);
        Assert.IsNotEmpty(output.Redlines);
    }

    [TestMethod]
    [DynamicData(nameof(Names))]
    public void LibreOffice_RejectAll_OriginalTextWithItsListNumbers(string name)
    {
        var (input, output) = View(name);

        Assert.AreSequenceEqual(input.RejectedVisible, output.RejectedVisible, FixtureTests.Diff(input.RejectedVisible, output.RejectedVisible));
    }

    [TestMethod]
    [DynamicData(nameof(Names))]
    public void LibreOffice_AcceptAll_IntendedText(string name)
    {
        var (_, output) = View(name);
        var expected = ExpectedAccepted(name);

        Assert.AreSequenceEqual(expected, output.AcceptedText, FixtureTests.Diff(expected, output.AcceptedText));
    }

    [TestMethod]
    [DynamicData(nameof(Names))]
    public void Pandoc_RejectAll_OriginalTextWithItsListNumbers(string name)
    {
        RequirePandoc();
        var (input, result) = Redlined[name];
        var original = Pandoc.Labeled(input, "reject");

        var rejected = Pandoc.Labeled(result.Docx, "reject");

        Assert.AreSequenceEqual(original, rejected, FixtureTests.Diff(original, rejected));
    }

    [TestMethod]
    [DynamicData(nameof(Names))]
    public void Pandoc_AcceptAll_IntendedText(string name)
    {
        RequirePandoc();
        var expected = ExpectedAccepted(name);

        var accepted = Pandoc.Paragraphs(Redlined[name].Result.Docx, "accept");

        Assert.AreSequenceEqual(expected, accepted, FixtureTests.Diff(expected, accepted));
    }

    [TestMethod]
    [DynamicData(nameof(Names))]
    public void Redline_Template_NoNewValidatorErrorsAndLintClean(string name)
    {
        var (input, result) = Redlined[name];

        var before = PackageLint.Check(input);

        Assert.AreEqual("", string.Join('\n', Validation.NewErrors(input, result.Docx)));
        Assert.AreEqual("", string.Join('\n', PackageLint.Check(result.Docx).Where(issue => !before.Remove(issue))), "Lint issues the template did not have.");
    }

    [TestMethod]
    [DynamicData(nameof(Names))]
    public void Redline_Template_WritesExactlyTheFindingsWordLevelChanges(string name)
    {
        var (input, result) = Redlined[name];

        Assert.AreSequenceEqual(Revisions.Expected(input, result), Revisions.Written(result.Docx, new RedlineOptions().Author));
    }

    [TestMethod]
    [DynamicData(nameof(Names))]
    public void AcceptAllThenAnalyze_Template_NoHighOrMediumRiskWhereTheRedlineChangedText(string name)
    {
        RequirePandoc();
        var (input, result) = Redlined[name];

        var (risks, _) = RisksLeft.After(input, result, Engine, Expected.Change.Edited, Expected.Change.Inserted);

        Assert.AreSequenceEqual(KnownEngineDefects.GetValueOrDefault(name, []), risks,
            "Risks left in changed paragraphs after accepting every change; a listed one is the engine's fix wording (issue 11).");
    }

    private static List<string> ExpectedAccepted(string name)
    {
        var (input, result) = Redlined[name];
        var party = result.Analysis.Party;
        var addendum = Engine.RenderAddendum(new AddendumTerms(party.Name, party.Counterparty, party.WorkTerm));
        return Expected.Accepted(DocxReader.Read(new MemoryStream(input)).Paragraphs, result.Analysis, result.Applied.Select(a => a.SuggestionId), addendum);
    }

    private static (LibreOfficeView Input, LibreOfficeView Output) View(string name)
    {
        if (ExternalTools.Skipped)
        {
            Assert.Inconclusive("WORDREDLINE_SKIP_EXTERNAL=1");
        }

        return Views[name];
    }

    private static void RequirePandoc()
    {
        if (!ExternalTools.Require(Pandoc.Path))
        {
            Assert.Inconclusive("WORDREDLINE_SKIP_EXTERNAL=1");
        }
    }
}
