namespace WordRedline.Core.Tests;

/// <summary>Edits become word-level hunks: whole words, unchanged words kept, nearby changes joined.</summary>
[TestClass]
public sealed class WordDiffTests
{
    [TestMethod]
    [DataRow("within 30 days", 7, 2, "45", "30>45")]
    [DataRow("for any and all purposes.", 4, 20, "the purposes of the Project", "any and all purposes>the purposes of the Project")]
    [DataRow("the Client's use", 4, 6, "Agency", "Client's>Agency's")]
    [DataRow("the Deliverables", 4, 0, "final ", ">final")]
    [DataRow("the Deliverables", 8, 0, "x", "Deliverables>Delixverables")]
    [DataRow("end.", 3, 0, " Notwithstanding the foregoing, no AI training.", ">Notwithstanding the foregoing, no AI training.")]
    [DataRow("perpetual, irrevocable license", 0, 22, "limited", "perpetual, irrevocable>limited")]
    [DataRow("use for any purpose whatsoever", 4, 26, "for the Project only", "any purpose whatsoever>the Project only")]
    public void Hunks_Edit_WordLevelChange(string text, int start, int length, string replacement, string expected)
    {
        var hunks = WordDiff.Hunks(text, [new Edit(start, length, replacement)]);

        Assert.AreEqual(expected, string.Join(" | ", hunks.Select(h => $"{text.Substring(h.Start, h.Length).Trim()}>{h.Insert.Trim()}")));
    }

    [TestMethod]
    public void Hunks_ReplacementKeepsMostWords_OnlyChangedWordsAreHunks()
    {
        const string text = "The Client may use the Deliverables for any purpose, in any media, throughout the world.";
        var start = text.IndexOf("for any purpose", StringComparison.Ordinal);

        var hunks = WordDiff.Hunks(text, [new Edit(start, text.Length - 1 - start, "for the Project, in print media, throughout the world")]);

        Assert.AreSequenceEqual<string>(["any purpose>the Project", "any>print"], hunks.Select(h => $"{text.Substring(h.Start, h.Length)}>{h.Insert}"));
    }

    [TestMethod]
    public void Hunks_AppliedToText_GiveTheEditedText()
    {
        const string text = "Licensee may sublicense, modify and exploit the Work in any manner and for any purpose.";
        Edit[] edits =
        [
            new(text.IndexOf("sublicense", StringComparison.Ordinal), 10, "not sublicense"),
            new(text.IndexOf("any manner", StringComparison.Ordinal), 10, "the agreed manner"),
        ];

        var hunks = WordDiff.Hunks(text, edits);

        var expected = "Licensee may not sublicense, modify and exploit the Work in the agreed manner and for any purpose.";
        Assert.AreEqual(expected, Apply(text, hunks));
    }

    [TestMethod]
    public void Hunks_SurrogatePairsAndCjk_NeverSplit()
    {
        const string text = "使用目的 😀 any purpose";

        var hunks = WordDiff.Hunks(text, [new Edit(1, 2, "X"), new Edit(5, 2, "")]);

        Assert.AreEqual("使X的  any purpose", Apply(text, hunks));
        Assert.IsTrue(hunks.All(h => !char.IsLowSurrogate(text[h.Start]) && (h.End == text.Length || !char.IsLowSurrogate(text[h.End]))));
    }

    [TestMethod]
    public void Hunks_HugeEdit_OneHunkWithoutQuadraticDiff()
    {
        var text = string.Join(' ', Enumerable.Repeat("word", 5_000));

        var hunks = WordDiff.Hunks(text, [new Edit(0, text.Length, string.Join(' ', Enumerable.Repeat("other", 5_000)))]);

        Assert.HasCount(1, hunks);
    }

    private static string Apply(string text, List<Hunk> hunks)
    {
        foreach (var hunk in hunks.OrderByDescending(h => h.Start))
        {
            text = text[..hunk.Start] + hunk.Insert + text[hunk.End..];
        }

        return text;
    }
}
