namespace WordRedline.Core.Tests;

/// <summary>The accept-all reading (<see cref="AcceptedText"/>) over contracts outside the repository: set
/// WORDREDLINE_ACCEPT_DIR to a folder of text files (a paragraph a line) and, optionally, a parties.tsv in it
/// ("file.txt&lt;TAB&gt;party"). Fresh documents are how the bar is judged on text nobody tuned on; they stay out of the
/// repository, so the test is skipped without the variable.</summary>
[TestClass]
public sealed class AcceptedTextFolderTests
{
    [TestMethod]
    public void AcceptAll_DocumentsInFolder_NoDefect()
    {
        var folder = Environment.GetEnvironmentVariable("WORDREDLINE_ACCEPT_DIR");
        if (string.IsNullOrEmpty(folder) || !Directory.Exists(folder))
        {
            Assert.Inconclusive("WORDREDLINE_ACCEPT_DIR is not set: no outside documents to read");
        }

        var parties = Path.Combine(folder, "parties.tsv");
        var party = File.Exists(parties)
            ? File.ReadAllLines(parties).Select(l => l.Split('\t')).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1])
            : [];
        var defects = new List<string>();
        foreach (var file in Directory.GetFiles(folder, "*.txt").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(file);
            var texts = File.ReadAllLines(file).Select(l => l.Trim().TrimStart('\uFEFF')).Where(l => l.Length > 0).ToArray();
            var request = TestText.Request(party.GetValueOrDefault(name), texts);
            defects.AddRange(AcceptedText.Defects(request.Paragraphs, TestText.Engine.Analyze(request), request.Party).Select(d => $"{name}: {d}"));
        }

        Assert.IsEmpty(defects, $"{defects.Count} defects\n" + string.Join("\n", defects));
    }
}
