using System.Text;
using WordRedline.Core;

namespace WordRedline.Benchmarks;

/// <summary>The benchmark's contract: paragraphs drawn from the shared dev corpus (read at run time, never copied
/// into the repo), or, without it, sentences of our own, mixed with a fixed seed so every run sees the same text.</summary>
internal static class ContractText
{
    public const int Paragraphs = 1_000;
    public const int Words = 60_000;
    private const int Seed = 20_240_601;

    /// <summary>Where the text came from, for the run's header.</summary>
    public static string Source { get; } = FindCorpus() is { } dir ? $"corpus {dir}" : "synthetic sentences (no ../shared/corpus/dev)";

    /// <summary>The paragraph pool: the corpus's non-empty lines after each file's SOURCE line, or generated ones.</summary>
    public static IReadOnlyList<string> Pool { get; } = LoadPool();

    /// <summary>1,000 paragraphs of about 60,000 words: lines drawn at random from <paramref name="pool"/> and joined
    /// until the running word count reaches its share, so the mix is realistic and the size is fixed.</summary>
    public static string[] Build(IReadOnlyList<string> pool, int paragraphs = Paragraphs, int words = Words)
    {
        var random = new Random(Seed);
        var result = new string[paragraphs];
        var total = 0;
        var builder = new StringBuilder();
        for (var i = 0; i < paragraphs; i++)
        {
            builder.Clear();
            var target = (long)words * (i + 1) / paragraphs;
            do
            {
                var line = pool[random.Next(pool.Count)];
                builder.Append(builder.Length == 0 ? "" : " ").Append(line);
                total += CountWords(line);
            }
            while (total < target);

            result[i] = builder.ToString();
        }

        return result;
    }

    public static AnalyzeRequest Request(IEnumerable<string> paragraphs) => new()
    {
        Paragraphs = [.. paragraphs.Select((text, i) => new ParagraphInput($"p{i}", text))],
    };

    public static int CountWords(string text)
    {
        var count = 0;
        var inWord = false;
        foreach (var c in text)
        {
            var isSpace = char.IsWhiteSpace(c);
            count += !isSpace && !inWord ? 1 : 0;
            inWord = !isSpace;
        }

        return count;
    }

    /// <summary>../shared/corpus/dev beside the repo, found from the working directory or the binaries upward.</summary>
    private static string? FindCorpus()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "WordRedline.sln")))
                {
                    var corpus = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "corpus", "dev"));
                    return Directory.Exists(corpus) && Directory.EnumerateFiles(corpus, "*.txt").Any() ? corpus : null;
                }
            }
        }

        return null;
    }

    private static List<string> LoadPool()
    {
        var corpus = FindCorpus();
        if (corpus is null)
        {
            return SyntheticPool();
        }

        List<string> pool = [];
        foreach (var file in Directory.EnumerateFiles(corpus, "*.txt").Order(StringComparer.Ordinal))
        {
            // The first line names the source and licence; it is not contract text.
            pool.AddRange(File.ReadLines(file).Skip(1).Select(l => l.Trim()).Where(l => l.Length > 0));
        }

        return pool;
    }

    /// <summary>Contract sentences of our own, assembled from parts: risky grants, neutral boilerplate and headings,
    /// in roughly the proportions of a real services agreement.</summary>
    private static List<string> SyntheticPool()
    {
        string[] grants =
        [
            "{p} hereby grants {c} a perpetual, irrevocable, worldwide, royalty-free license to use, reproduce and display the {w} for any and all purposes.",
            "{c} may modify, adapt, translate and create derivative works of the {w}, including all future modifications.",
            "{p} hereby assigns to {c} all right, title and interest in and to the {w}, which shall be deemed a work made for hire.",
            "{c} may share the {w} with its affiliates, partners and third-party service providers, including providers of artificial intelligence services.",
            "{c} may use the {w} to train, fine-tune and improve its machine learning models.",
            "To the extent permitted by law, {p} waives all moral rights in the {w}.",
            "{c} shall not use the {w} to train any artificial intelligence system without {p}'s prior written consent.",
        ];
        string[] boilerplate =
        [
            "{c} shall pay each invoice within thirty (30) days of receipt, and late amounts bear interest at one percent per month.",
            "This Agreement is governed by the laws of the State of New York, without regard to its conflict of laws principles.",
            "Either party may terminate this Agreement on thirty (30) days' written notice to the other party.",
            "{p} is an independent contractor and nothing in this Agreement creates a partnership, joint venture or employment relationship.",
            "Each party shall keep the other party's Confidential Information in confidence and use it only to perform this Agreement.",
            "Notices must be in writing and are effective when delivered by hand, by courier or by email with confirmation of receipt.",
            "{p} shall perform the services in a professional and workmanlike manner, consistent with generally accepted industry standards.",
            "If any provision of this Agreement is held unenforceable, the remaining provisions remain in full force and effect.",
            "This Agreement is the entire agreement between the parties and supersedes all prior agreements on its subject matter.",
            "Neither party is liable for any delay caused by events beyond its reasonable control, including fire, flood or strike.",
        ];
        string[] headings = ["1. Services", "2. Fees and Payment", "3. Intellectual Property", "4. Confidentiality", "5. Term and Termination", "6. General"];

        var random = new Random(Seed);
        List<string> pool = [.. headings];
        for (var i = 0; i < 600; i++)
        {
            var templates = random.Next(5) == 0 ? grants : boilerplate;
            var sentences = Enumerable.Range(0, 1 + random.Next(3)).Select(_ => templates[random.Next(templates.Length)]);
            pool.Add(string.Join(' ', sentences)
                .Replace("{p}", "Contractor", StringComparison.Ordinal)
                .Replace("{c}", "Client", StringComparison.Ordinal)
                .Replace("{w}", "Deliverables", StringComparison.Ordinal));
        }

        return pool;
    }
}
