namespace WordRedline.Core.Tests;

/// <summary>The vectorised word-start scan and the three-letter buckets behind the document scan, checked against
/// their one-character-at-a-time definitions on text built to hit every edge: non-ASCII letters on either side of a
/// vector block, digits, surrogates, the dotless i and the Kelvin sign.</summary>
[TestClass]
public sealed class WordScanTests
{
    private const string Alphabet = "abcXYZ019 .,'’-_\n\téÉıİſ\u212A\u0301\u05D0\uE000\uD83D\uDE00";

    public static IEnumerable<object[]> VectorPaths() => [[true], [false]];

    [TestMethod]
    [DynamicData(nameof(VectorPaths))]
    public void Collect_RandomText_FindsExactlyTheWordStarts(bool vectors)
    {
        var random = new Random(17);
        for (var round = 0; round < 3_000; round++)
        {
            var text = RandomText(random, random.Next(0, 90));
            var expected = Enumerable.Range(0, text.Length).Where(i => WordStarts.IsStart(text, i)).ToList();

            Assert.AreEqual(string.Join(",", expected), string.Join(",", CollectAll(text, random.Next(17, 70), vectors)), Visible(text));
        }
    }

    [TestMethod]
    [DynamicData(nameof(VectorPaths))]
    public void Collect_BufferFillsUp_ResumesWhereItStopped(bool vectors)
    {
        var text = string.Concat(Enumerable.Repeat("a b c d e f g h i j ", 50));

        var starts = CollectAll(text, bufferSize: 17, vectors);

        Assert.HasCount(500, starts);
        Assert.AreEqual(string.Join(",", Enumerable.Range(0, 500).Select(i => i * 2)), string.Join(",", starts), "in order, none twice");
    }

    [TestMethod]
    public void IsStart_LetterAfterDigit_IsAStart() =>
        Assert.IsTrue(WordStarts.IsStart("2you", 1), "a digit is not a letter, so a word may start after it");

    [TestMethod]
    public void WordKey_WordStartingAnywhere_FindsItsKey()
    {
        var random = new Random(5);
        string[] words = ["any and all", "us", "we", "ai", "Owner", "fine-tun", "ıt", "KELVIN", "Zoë's", "Client's", "royalty-free", "any"];
        for (var round = 0; round < 2_000; round++)
        {
            var word = words[random.Next(words.Length)];
            var endsWord = random.Next(2) == 0;
            var after = endsWord ? " .,2-’"[random.Next(6)].ToString() : RandomText(random, random.Next(0, 5));
            var text = RandomText(random, random.Next(0, 6)) + RandomCase(random, word) + after;
            var at = text.Length - after.Length - word.Length;
            if (!text.AsSpan(at).StartsWith(word, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            Assert.Contains(WordKey.At(text, at), WordKey.For(word, endsWord).ToList(), $"{word} in {Visible(text)}");
            var (signature, mask) = WordKey.SignatureOf(word, endsWord);
            Assert.AreEqual(signature, WordKey.Signature(text, at) & mask, $"signature of {word} in {Visible(text)}");
        }
    }

    [TestMethod]
    public void WordIndex_SeveralEntriesPerKey_ReturnsThemInTheOrderGiven()
    {
        var index = new WordIndex<string>([("Client's", true, "possessive"), ("Client", true, "term"), ("CLIENT", true, "capitals"), ("contract", true, "other")]);

        Assert.AreEqual("possessive,term,capitals", string.Join(",", Entries(index, "the Client's work", 4)), "a bucket's candidates in insertion order");
        Assert.IsEmpty(Entries(index, "the Clinic", 4), "the letters after the key rule all three out");
        Assert.AreEqual("possessive,term,capitals", string.Join(",", Entries(index, "the CLIENT may", 4)), "the signature ignores case and punctuation; the comparison decides");
        Assert.IsTrue(index.At("the Agency may", 4).IsEmpty);
    }

    [TestMethod]
    [DataRow(20)]
    [DataRow(600)]
    public void WordIndex_SmallAndLargeIndexes_FindEveryWord(int words)
    {
        // Under 256 keys the index searches its keys; from there on it keeps a table of all of them.
        var all = Enumerable.Range(0, words).Select(i => $"{(char)('a' + i % 26)}{(char)('a' + i / 26 % 26)}{(char)('a' + i / 676)}x").ToList();
        var index = new WordIndex<string>(all.Select(w => (w, true, w)));

        foreach (var word in all)
        {
            Assert.AreEqual(word, string.Join(",", Entries(index, "(" + word.ToUpperInvariant() + ")", 1)));
        }

        Assert.IsEmpty(Entries(index, "zzzz", 0));
    }

    [TestMethod]
    [DataRow("Client", "CLIENT", true, true)]
    [DataRow("Client", "CLIENT", false, false)]
    [DataRow("any and all", "Any And All purposes", true, true)]
    [DataRow("any and all", "any and al", true, false)]
    [DataRow("kelvin", "\u212Aelvin", true, false)]
    [DataRow("is", "\u0131s", true, false)]
    [DataRow("artist’s", "ARTIST’S", true, true)]
    public void StartsAt_ComparesLikeOrdinalOrOrdinalIgnoreCase(string word, string text, bool ignoreCase, bool expected)
    {
        Assert.AreEqual(expected, WordMatch.StartsAt(text, 0, word, ignoreCase));
        var reference = text.AsSpan().StartsWith(word, ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
        Assert.AreEqual(reference, WordMatch.StartsAt(text, 0, word, ignoreCase), "same as the framework's comparison");
    }

    [TestMethod]
    public void StartsAt_RandomText_SameAsTheFrameworksComparison()
    {
        var random = new Random(3);
        for (var round = 0; round < 20_000; round++)
        {
            var word = RandomText(random, random.Next(1, 5));
            var text = random.Next(3) == 0 ? RandomCase(random, word) + RandomText(random, 2) : RandomText(random, random.Next(0, 7));
            foreach (var ignoreCase in new[] { true, false })
            {
                var expected = text.AsSpan().StartsWith(word, ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
                Assert.AreEqual(expected, WordMatch.StartsAt(text, 0, word, ignoreCase), $"{Visible(word)} at {Visible(text)}, ignoreCase {ignoreCase}");
            }
        }
    }

    private static List<string> Entries(WordIndex<string> index, string text, int at)
    {
        List<string> entries = [];
        foreach (var entry in index.At(text, at))
        {
            entries.Add(entry);
        }

        return entries;
    }

    private static List<int> CollectAll(string text, int bufferSize, bool vectors)
    {
        List<int> all = [];
        var buffer = new int[bufferSize];
        for (var from = 0; from < text.Length;)
        {
            var count = WordStarts.Collect(text, ref from, buffer, vectors);
            all.AddRange(buffer[..count]);
        }

        return all;
    }

    private static string RandomText(Random random, int length) =>
        new([.. Enumerable.Range(0, length).Select(_ => Alphabet[random.Next(Alphabet.Length)])]);

    private static string RandomCase(Random random, string word) =>
        new([.. word.Select(c => random.Next(2) == 0 ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c))]);

    private static string Visible(string text) => string.Concat(text.Select(c => c < 0x80 && !char.IsControl(c) ? c.ToString() : $"\\u{(int)c:X4}"));
}
