using System.Collections.Frozen;

namespace WordRedline.Core;

/// <summary>The playbook's word lists compiled for lookup: each word's concepts, and the phrases ("make available",
/// "any and all purposes", "right, title and interest") that start at a word. Entries are written as words or
/// phrases; "~" after a word adds its inflections (share~ = share, shares, shared, sharing) and "*" in a phrase stands
/// for up to three words ("make~ * available" matches "make your content available"). Case never matters.</summary>
internal sealed class Lexicon
{
    private const int MaxGap = 3;
    private const int Gap = -1;

    private readonly FrozenDictionary<string, Entry> words;
    private readonly FrozenDictionary<string, Entry>.AlternateLookup<ReadOnlySpan<char>> lookup;
    private readonly Phrase[][] phrasesByFirstWord;

    private readonly record struct Entry(Concept Concepts, int WordId);

    private sealed record Phrase(int[] Words, Concept Concepts);

    public Lexicon(IReadOnlyDictionary<string, IReadOnlyList<string>> lists, string source)
    {
        var concepts = new Dictionary<string, Concept>(StringComparer.OrdinalIgnoreCase);
        var ids = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var phrases = new List<Phrase>();
        foreach (var (name, entries) in lists)
        {
            if (!Enum.TryParse<Concept>(name, ignoreCase: true, out var concept) || concept == Concept.None || name.Contains(',', StringComparison.Ordinal))
            {
                throw new PlaybookException(source, null, $"lexicon names an unknown concept '{name}'");
            }

            foreach (var entry in entries)
            {
                // Commas are skipped when phrases are matched, so they are dropped here: "right, title and interest".
                var parts = entry.Replace(",", " ", StringComparison.Ordinal).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                if (parts.Length == 0 || parts[0] == "*" || parts[^1] == "*")
                {
                    throw new PlaybookException(source, null, $"lexicon entry '{entry}' of '{name}' is empty or starts or ends with *");
                }

                if (parts.Length == 1)
                {
                    foreach (var form in Expand(parts[0]))
                    {
                        concepts[form] = concepts.GetValueOrDefault(form) | concept;
                    }

                    continue;
                }

                // A phrase is each combination of its words' forms (only the words marked ~ have more than one).
                foreach (var sequence in Combinations(parts.Select(p => p == "*" ? ["*"] : Expand(p).ToArray()).ToList()))
                {
                    var wordIds = sequence.Select(w => w == "*" ? Gap : IdOf(w, ids)).ToArray();
                    phrases.Add(new Phrase(wordIds, concept));
                }
            }
        }

        foreach (var word in ids.Keys)
        {
            concepts.TryAdd(word, Concept.None);
        }

        words = concepts.ToFrozenDictionary(kv => kv.Key, kv => new Entry(kv.Value, ids.GetValueOrDefault(kv.Key, Gap)), StringComparer.OrdinalIgnoreCase);
        lookup = words.GetAlternateLookup<ReadOnlySpan<char>>();

        // The longest phrase first, so "any and all purposes" wins over "any purpose" where both could start.
        phrasesByFirstWord = new Phrase[ids.Count][];
        foreach (var group in phrases.GroupBy(p => p.Words[0]))
        {
            phrasesByFirstWord[group.Key] = [.. group.OrderByDescending(p => p.Words.Length)];
        }

        for (var i = 0; i < phrasesByFirstWord.Length; i++)
        {
            phrasesByFirstWord[i] ??= [];
        }
    }

    /// <summary>Sets each word token's concepts, then each phrase's concepts on the token where the phrase starts.</summary>
    public void Annotate(string text, List<Token> tokens)
    {
        Span<int> wordIds = tokens.Count <= 512 ? stackalloc int[tokens.Count] : new int[tokens.Count];
        Span<char> folded = stackalloc char[64];
        var anyPhrase = false;
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            wordIds[i] = Gap;
            if (token.Shape == Shape.Punctuation)
            {
                // Commas and brackets are invisible to phrases ("right, title and interest") but stop them otherwise.
                wordIds[i] = token.Mark is ',' ? CommaId : Gap;
                continue;
            }

            scoped ReadOnlySpan<char> word = text.AsSpan(token.Start, token.Length);
            if (word.Length <= folded.Length && word.IndexOfAny('’', '‑') >= 0)
            {
                // Typographic apostrophes and non-breaking hyphens are looked up as their ASCII forms.
                word.CopyTo(folded);
                folded[..word.Length].Replace('’', '\'');
                folded[..word.Length].Replace('‑', '-');
                word = folded[..word.Length];
            }

            if (lookup.TryGetValue(word, out var entry))
            {
                token.Concepts = entry.Concepts;
                wordIds[i] = entry.WordId;
                anyPhrase |= entry.WordId >= 0 && phrasesByFirstWord[entry.WordId].Length > 0;
                tokens[i] = token;
            }
        }

        if (!anyPhrase)
        {
            return;
        }

        for (var i = 0; i < tokens.Count; i++)
        {
            var id = wordIds[i];
            if (id < 0)
            {
                continue;
            }

            foreach (var phrase in phrasesByFirstWord[id])
            {
                var end = Match(phrase.Words, wordIds, i);
                if (end > 0)
                {
                    var token = tokens[i];
                    token.Concepts |= phrase.Concepts;
                    token.PhraseEnd = Math.Max(token.PhraseEnd, end);
                    tokens[i] = token;
                }
            }
        }
    }

    // Commas inside a phrase are skipped: "right, title and interest" and "right title and interest" both match.
    private const int CommaId = -2;

    /// <summary>The token index just past the phrase, or 0 when it does not match at <paramref name="start"/>.</summary>
    private static int Match(int[] phrase, ReadOnlySpan<int> wordIds, int start)
    {
        var at = start;
        for (var p = 0; p < phrase.Length; p++)
        {
            while (at < wordIds.Length && wordIds[at] == CommaId)
            {
                at++;
            }

            if (phrase[p] == Gap)
            {
                // Up to MaxGap words of anything, then the next phrase word.
                var next = phrase[p + 1];
                var found = -1;
                for (var skip = 0; skip <= MaxGap && at + skip < wordIds.Length; skip++)
                {
                    if (wordIds[at + skip] == next)
                    {
                        found = at + skip;
                        break;
                    }
                }

                if (found < 0)
                {
                    return 0;
                }

                at = found;
                continue;
            }

            if (at >= wordIds.Length || wordIds[at] != phrase[p])
            {
                return 0;
            }

            at++;
        }

        return at;
    }

    private static int IdOf(string word, Dictionary<string, int> ids)
    {
        if (!ids.TryGetValue(word, out var id))
        {
            id = ids.Count;
            ids[word] = id;
        }

        return id;
    }

    private static IEnumerable<string> Expand(string word)
    {
        var normal = word.Replace('’', '\'');
        return normal.EndsWith('~') ? Inflection.Forms(normal[..^1]).Distinct(StringComparer.OrdinalIgnoreCase) : [normal];
    }

    private static IEnumerable<string[]> Combinations(List<string[]> choices)
    {
        IEnumerable<string[]> result = [[]];
        foreach (var options in choices)
        {
            result = result.SelectMany(prefix => options.Select(o => (string[])[.. prefix, o]));
        }

        return result;
    }
}
