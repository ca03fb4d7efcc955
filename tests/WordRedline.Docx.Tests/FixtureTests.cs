using System.IO.Compression;
using System.Xml.Linq;

namespace WordRedline.Docx.Tests;

/// <summary>Every fixture, redlined: the planned suggestions apply and the refused ones are reported; the file is
/// valid (no new validator errors, clean lint); and pandoc, which shares no code with the SDK, reads the intended
/// new text after accepting all changes and the original after rejecting them.</summary>
[TestClass]
public sealed class FixtureTests
{
    public static IEnumerable<object[]> Names => Fixtures.Names.Select(n => new object[] { n });

    [TestMethod]
    [DynamicData(nameof(Names))]
    public void Redline_Fixture_AppliesPlannedAndReportsRefused(string name)
    {
        var fixture = Fixtures.Get(name);

        var result = fixture.Redline();

        Assert.AreSequenceEqual(fixture.Applied, result.Applied.Select(a => a.SuggestionId), SequenceOrder.InAnyOrder);
        Assert.AreSequenceEqual(
            fixture.Skipped.Select(s => $"{s.Id}:{s.Reason}"),
            result.Skipped.Select(s => $"{s.SuggestionId}:{s.Reason}"),
            SequenceOrder.InAnyOrder);
    }

    [TestMethod]
    [DynamicData(nameof(Names))]
    public void Redline_Fixture_NoNewValidatorErrors(string name)
    {
        var fixture = Fixtures.Get(name);

        var errors = Validation.NewErrors(fixture.Input, fixture.Redline().Docx);

        Assert.AreEqual("", string.Join('\n', errors));
    }

    [TestMethod]
    [DynamicData(nameof(Names))]
    public void Redline_Fixture_LintFindsNothing(string name)
    {
        var fixture = Fixtures.Get(name);

        var issues = PackageLint.Check(fixture.Redline().Docx);

        Assert.AreEqual("", string.Join('\n', issues));
    }

    [TestMethod]
    [DynamicData(nameof(Names))]
    public void Read_Fixture_MatchesPandocAcceptedView(string name)
    {
        if (!ExternalTools.Require(Pandoc.Path))
        {
            Assert.Inconclusive("WORDREDLINE_SKIP_EXTERNAL=1");
        }

        var fixture = Fixtures.Get(name);
        var read = DocxReader.Read(new MemoryStream(fixture.Input)).Paragraphs
            .Where(p => p.Story == DocxStory.Body).Select(p => Text.Normalize(p.Text)).Where(t => t.Length > 0).ToList();

        Assert.AreSequenceEqual(Pandoc.Paragraphs(fixture.Input, "accept"), read);
    }

    [TestMethod]
    [DynamicData(nameof(Names))]
    public void Redline_Fixture_PandocAcceptAllGivesIntendedText(string name)
    {
        if (!ExternalTools.Require(Pandoc.Path))
        {
            Assert.Inconclusive("WORDREDLINE_SKIP_EXTERNAL=1");
        }

        var fixture = Fixtures.Get(name);

        var accepted = Pandoc.Paragraphs(fixture.Redline().Docx, "accept");

        Assert.AreSequenceEqual(fixture.ExpectedAccepted, accepted, Diff(fixture.ExpectedAccepted, accepted));
    }

    [TestMethod]
    [DynamicData(nameof(Names))]
    public void Redline_Fixture_PandocRejectAllGivesOriginalWithItsListNumbers(string name)
    {
        if (!ExternalTools.Require(Pandoc.Path))
        {
            Assert.Inconclusive("WORDREDLINE_SKIP_EXTERNAL=1");
        }

        var fixture = Fixtures.Get(name);
        var original = Pandoc.Labeled(fixture.Input, "reject");

        var rejected = Pandoc.Labeled(fixture.Redline().Docx, "reject");

        Assert.AreSequenceEqual(original, rejected, Diff(original, rejected));
    }

    [TestMethod]
    [DynamicData(nameof(Names))]
    public void Redline_SameInputTwice_SameBytes(string name)
    {
        var fixture = Fixtures.Get(name);

        var first = Parts(fixture.Redline().Docx);
        var second = Parts(fixture.Redline().Docx);

        Assert.AreSequenceEqual(first, second);
    }

    /// <summary>The first paragraphs where two texts differ, for a readable failure.</summary>
    internal static string Diff<T>(IReadOnlyList<T> expected, IReadOnlyList<T> actual)
    {
        var first = Enumerable.Range(0, Math.Min(expected.Count, actual.Count)).FirstOrDefault(i => !Equals(expected[i], actual[i]), Math.Min(expected.Count, actual.Count));
        return $"\n{expected.Count} vs {actual.Count} paragraphs; first difference at {first}:\nexpected:\n  {string.Join("\n  ", expected.Skip(first).Take(3))}\nactual:\n  {string.Join("\n  ", actual.Skip(first).Take(3))}";
    }

    // ZIP timestamps may differ between two saves; the parts' content must not.
    private static List<string> Parts(byte[] docx)
    {
        using var zip = new ZipArchive(new MemoryStream(docx));
        return [.. zip.Entries.OrderBy(e => e.FullName, StringComparer.Ordinal).Select(e =>
        {
            using var reader = new StreamReader(e.Open());
            return e.FullName + "\n" + reader.ReadToEnd();
        })];
    }
}
