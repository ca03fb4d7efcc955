using System.Text;
using System.Text.RegularExpressions;

namespace WordRedline.Core.Tests;

/// <summary>The words a pattern requires are a filter in front of the regex engine, so the one thing they must never do
/// is reject a text the pattern matches. Checked on hand-picked patterns, on every pattern of the embedded playbook
/// against every sentence of the tests' clauses (and the dev corpus when present), and on random patterns.</summary>
[TestClass]
public sealed class RequiredLiteralsTests
{
    private const RegexOptions Options = RegexOptions.NonBacktracking | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    [TestMethod]
    [DataRow(@"\bhereby\s+(?:irrevocably\s+)?assigns?\b", "hereby;assign")]
    [DataRow(@"\blicen[sc]es?\b", "licence|license")]
    [DataRow(@"\bfor\s+any\s+and\s+all\s+(?:commercial\s+)?purposes?", "purpose;for;any;and;all")]
    [DataRow(@"(?:share|disclose)\w*\s+with", "disclose|share;with")]
    [DataRow(@"\bwork\s+made\s+for\s+hire\b", "work;made;for;hire")]
    public void Of_TypicalPattern_RequiresItsWords(string pattern, string expected)
    {
        var clauses = RequiredLiterals.Of(pattern).Select(c => string.Join("|", c.Order(StringComparer.Ordinal))).Order(StringComparer.Ordinal);

        Assert.AreEqual(string.Join(";", expected.Split(';').Order(StringComparer.Ordinal)), string.Join(";", clauses));
    }

    [TestMethod]
    [DataRow(@"(?:[^\s;]+\s+){0,5}?")]
    [DataRow(@"a*b?c{0,3}")]
    [DataRow(@"(?x) hereby granted")]
    [DataRow(@"(hereby)\1")]
    [DataRow(@"(?:hereby|\w+)\s+granted|x")]
    [DataRow(@"[a-z]+")]
    [DataRow(@"(unclosed")]
    public void Of_NothingCertain_RequiresNothing(string pattern) => Assert.IsEmpty(RequiredLiterals.Of(pattern));

    [TestMethod]
    public void Of_OptionalRun_NotGluedToItsNeighbours()
    {
        // "a(?:bc)*d" may match "ad" or "abcbcd": neither "ad" nor "abcd" is required, only what each side says alone.
        var clauses = RequiredLiterals.Of("alpha(?:bc)*delta").Select(c => string.Join("|", c)).Order(StringComparer.Ordinal).ToList();

        Assert.AreEqual("alpha;delta", string.Join(";", clauses));
    }

    [TestMethod]
    public void Of_EveryPlaybookPattern_NeverRejectsASentenceItMatches()
    {
        var playbook = Playbook.LoadEmbedded();
        var compiled = new CompiledPlaybook(playbook);
        var patterns = compiled.Rules.SelectMany(r => r.Patterns.Concat(r.Requires).Concat(r.Unless))
            .Concat(compiled.Gives).Concat(compiled.Receives).Concat(compiled.BindsParty).ToList();
        var lexicon = new RoleLexicon(PartyResolver.Resolve(["\"Client\" and \"Contractor\""], DocumentScan.Run(["\"Client\" and \"Contractor\""], compiled), "Contractor", compiled));
        var sentences = SampleSentences().Select(s => RoleText.Create(s, lexicon).View).ToList();
        var checkedMatches = 0;
        foreach (var pattern in patterns)
        {
            foreach (var sentence in sentences.Where(s => pattern.Regex.IsMatch(s)))
            {
                checkedMatches++;
                foreach (var clause in pattern.Clauses)
                {
                    var words = compiled.Clauses[clause].Select(w => compiled.Words[w]).ToList();
                    var satisfied = words.Any(w => sentence.Contains(w, StringComparison.OrdinalIgnoreCase));
                    Assert.IsTrue(satisfied, $"/{pattern.Regex}/ matches \"{sentence}\" without any of {string.Join("|", words)}");
                }
            }
        }

        Assert.IsGreaterThan(300, checkedMatches, "the sample exercises the patterns");
    }

    [TestMethod]
    public void Of_RandomPatterns_NeverRejectAMatchingText()
    {
        var random = new Random(2024);
        var checkedMatches = 0;
        for (var round = 0; round < 4_000; round++)
        {
            var pattern = RandomPattern(random, depth: 0);
            Regex regex;
            try
            {
                regex = new Regex(pattern, Options);
            }
            catch (Exception e) when (e is ArgumentException or NotSupportedException)
            {
                continue;
            }

            var clauses = RequiredLiterals.Of(pattern);
            for (var t = 0; t < 25; t++)
            {
                var text = RandomText(random);
                if (!regex.IsMatch(text))
                {
                    continue;
                }

                checkedMatches++;
                var lowered = text.ToLowerInvariant();
                foreach (var clause in clauses)
                {
                    var satisfied = clause.Any(w => lowered.Contains(w, StringComparison.Ordinal));
                    Assert.IsTrue(satisfied, $"/{pattern}/ matches \"{text}\" without any of {string.Join("|", clause)}");
                }
            }
        }

        Assert.IsGreaterThan(2_000, checkedMatches);
    }

    [TestMethod]
    public void MayMatch_KelvinSign_IsNotFiltered()
    {
        // The regex engine takes the Kelvin sign for a 'k' when ignoring case; an ordinal search would not.
        var regex = new Regex("kelvin", Options);
        var pattern = new Pattern(regex, [0]);
        var presence = new LiteralPresence([[0]], ["kelvin"]);

        Begin(presence, "\u212Aelvin");

        Assert.IsTrue(regex.IsMatch("\u212Aelvin"));
        Assert.IsTrue(presence.MayMatch(pattern));
    }

    [TestMethod]
    public void MayMatch_EveryCharacterTheRegexEngineFoldsToAscii_DisablesTheFilter()
    {
        var presence = new LiteralPresence([[0]], ["q"]);
        var pattern = new Pattern(new Regex("q", Options), [0]);
        var folding = new Regex("[a-z]", Options);
        for (var c = 0x80; c <= 0xFFFF; c++)
        {
            var text = ((char)c).ToString();
            if (c is >= 0xD800 and <= 0xDFFF || !folding.IsMatch(text))
            {
                continue;
            }

            Begin(presence, text);
            Assert.IsTrue(presence.MayMatch(pattern), $"U+{c:X4} is a letter to the regex engine, so the filter must stand aside");
        }
    }

    [TestMethod]
    public void MayMatch_WordAbsent_RejectsAndWordPresent_Accepts()
    {
        var pattern = new Pattern(new Regex("x", Options), [0, 1]);
        var presence = new LiteralPresence([[0], [1, 2]], ["hereby", "grant", "licen"]);

        Begin(presence, "The Client HEREBY grants the rights.");
        Assert.IsTrue(presence.MayMatch(pattern));
        Begin(presence, "The Client hereby assigns the rights.");
        Assert.IsFalse(presence.MayMatch(pattern));
        Begin(presence, "Licensed, HEREBY.");
        Assert.IsTrue(presence.MayMatch(pattern), "answers are per sentence, not remembered from the last");
    }

    [TestMethod]
    public void MayMatch_SentenceInsideABlock_SeesOnlyTheSentence()
    {
        var pattern = new Pattern(new Regex("x", Options), [0]);
        var presence = new LiteralPresence([[0]], ["hereby"]);
        const string Block = "Client hereby grants. Client assigns.";

        presence.Begin(Block, 22, Block.Length - 22);

        Assert.IsFalse(presence.MayMatch(pattern), "\"hereby\" is in the block's first sentence, not this one");
    }

    private static void Begin(LiteralPresence presence, string sentence) => presence.Begin(sentence, 0, sentence.Length);

    /// <summary>Sentences from the test clauses and, when present, the dev corpus.</summary>
    private static IEnumerable<string> SampleSentences()
    {
        // Every string argument of every data-driven test: the clauses the other tests were written with.
        var texts = typeof(RequiredLiteralsTests).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods())
            .SelectMany(m => m.GetCustomAttributes(typeof(DataRowAttribute), inherit: false).Cast<DataRowAttribute>())
            .SelectMany(row => row.Data.OfType<string>())
            .Where(text => text.Length > 20)
            .ToList();
        if (DevCorpus.Directory is not null)
        {
            texts.AddRange(DevCorpus.Documents().SelectMany(d => d.Paragraphs));
        }

        return texts.SelectMany(t => Sentences.Split(t).Select(s => t[s.Start..s.End]));
    }

    private static readonly string[] Words = ["grant", "hereby", "any", "all", "purpose", "train", "model", "share", "with", "third", "part"];

    private static string RandomPattern(Random random, int depth)
    {
        var sb = new StringBuilder();
        var parts = random.Next(1, 5);
        for (var i = 0; i < parts; i++)
        {
            var atom = random.Next(depth > 2 ? 6 : 9) switch
            {
                0 or 1 => Words[random.Next(Words.Length)],
                2 => @"\s+",
                3 => @"\b",
                4 => "[" + "aeiost"[random.Next(6)] + "xz]",
                5 => @"\w*",
                6 => "(?:" + RandomPattern(random, depth + 1) + "|" + RandomPattern(random, depth + 1) + ")",
                7 => "(?:" + RandomPattern(random, depth + 1) + ")",
                _ => "(?<q>" + RandomPattern(random, depth + 1) + ")",
            };
            sb.Append(atom).Append(random.Next(8) switch
            {
                0 => "?",
                1 => "*",
                2 => "+",
                3 => "{0,3}?",
                4 => "{2}",
                _ => "",
            });
        }

        return sb.ToString();
    }

    private static string RandomText(Random random)
    {
        var sb = new StringBuilder();
        for (var i = random.Next(1, 9); i > 0; i--)
        {
            var word = Words[random.Next(Words.Length)];
            sb.Append(random.Next(4) == 0 ? word.ToUpperInvariant() : word[..random.Next(1, word.Length + 1)]).Append(" .x"[random.Next(3)]);
        }

        return sb.ToString();
    }
}
