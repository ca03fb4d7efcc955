using System.Text.RegularExpressions;

namespace WordRedline.Core.Tests;

/// <summary>What the accept-all reading checks about the clauses an edit adds: the same protection added twice in one
/// contract, a pronoun in the wrong case ("granted to we"), a term written with a determiner the document never gives it
/// ("Content" where the document always writes "your Content", "the Quora" where it writes "Quora"), and a carve-out
/// naming material its own sentence does not license.</summary>
internal static partial class AcceptedText
{
    // A term as a document writes it: capitalised words, hyphenated ones included ("Pre-Existing Materials").
    [GeneratedRegex(@"(?<![\w-])[A-Z][a-z]+(?:-[A-Z][a-z]+)*(?:\s[A-Z][a-z]+(?:-[A-Z][a-z]+)*)*(?![\w-])")]
    private static partial Regex TermRun();

    [GeneratedRegex(@"\b(?:to|by|with|for|from|of|in)\s+(?:we|I|they|he|she)\b")]
    private static partial Regex SubjectAfterPreposition();

    /// <summary>Material a sentence can license, by its head noun.</summary>
    private static readonly HashSet<string> MaterialHeads = new(StringComparer.Ordinal)
    {
        "Materials", "Material", "Content", "Data", "Deliverables", "Work", "Works", "Product", "Products", "Software",
        "Feedback", "Images", "Input", "Inputs", "Output", "Outputs", "Submissions", "Contributions", "Code", "Assets",
        "Photographs", "Recordings", "Designs", "Artwork",
    };

    private static readonly string[] Determiners = ["the", "your", "our", "its", "their", "such", "any", "all", "this", "that", "a", "an", "each", "no", "other"];

    /// <summary>Sentences an edit added: one protection of a kind per contract (a clause that refers to the sentence
    /// before it, "The foregoing licence ...", "Such use ...", qualifies that sentence and may recur).</summary>
    private static void Repeated(List<string> defects, IEnumerable<string> inserted)
    {
        var kinds = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var sentence in inserted.SelectMany(Sentences))
        {
            if (Regex.IsMatch(sentence, @"^(?:The foregoing|Such|This|These)\b") || Kind(sentence) is not { } kind)
            {
                continue;
            }

            kinds[kind] = kinds.GetValueOrDefault(kind) + 1;
            if (kinds[kind] == 2)
            {
                defects.Add($"the same protection ({kind}) added twice: {sentence}");
            }
        }
    }

    private static string? Kind(string sentence) =>
        sentence.Contains("notify", StringComparison.Ordinal) ? "notice"
        : sentence.Contains("human agents", StringComparison.Ordinal) ? "human agents"
        : sentence.Contains("sublicen", StringComparison.OrdinalIgnoreCase) ? "sublicence"
        : sentence.Contains("train", StringComparison.Ordinal) ? "no training"
        : null;

    private static IEnumerable<string> Sentences(string text) =>
        Regex.Split(text.Trim(), @"(?<=[.!?])\s+(?=[A-Z])").Where(s => s.Length > 0);

    private static void PronounCase(List<string> defects, IEnumerable<string> inserted)
    {
        foreach (var text in inserted.Where(t => SubjectAfterPreposition().IsMatch(t)))
        {
            defects.Add($"a subject pronoun after a preposition: {text.Trim()}");
        }
    }

    /// <summary>A term the edit writes with a determiner (or none) that the document never writes with it, where the
    /// document writes it standing alone at least three times.</summary>
    private static void Determined(List<string> defects, string original, IEnumerable<string> inserted)
    {
        var usage = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        foreach (var text in inserted.Select(t => t.Trim()).Distinct())
        {
            foreach (Match m in TermRun().Matches(text))
            {
                // "The Quora shall ..." at a sentence start: the article, then the term.
                var (term, written) = m.Value.StartsWith("The ", StringComparison.Ordinal) ? (m.Value[4..], "the") : (m.Value, DeterminerBefore(text[..m.Index]));
                if (term is "Agreement" or "Section" or "Addendum" || term.Split(' ')[0] is "Your" or "Our")
                {
                    continue;
                }

                if (!usage.TryGetValue(term, out var counts))
                {
                    usage[term] = counts = Usage(original, term);
                }

                if (counts.Values.Sum() >= 3 && counts.GetValueOrDefault(written) == 0)
                {
                    var usual = counts.MaxBy(c => c.Value).Key;
                    defects.Add($"'{(written.Length == 0 ? "" : written + " ")}{term}' where the document writes '{(usual.Length == 0 ? "" : usual + " ")}{term}': {text}");
                }
            }
        }
    }

    /// <summary>How the document writes a term standing alone (not inside a longer name, not in its definition's
    /// quotes, not at a sentence start): counts by the determiner before it ("" for none).</summary>
    private static Dictionary<string, int> Usage(string original, string term)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (Match m in Regex.Matches(original, $@"(?<![\w""“'‘-]){Regex.Escape(term)}(?![\w-])(?!\s[A-Z])"))
        {
            var before = original[..m.Index];
            if (Regex.IsMatch(before, @"(?:^|\n|[.!?:;(]\s*|[A-Z][\w-]*\s)$"))
            {
                continue;
            }

            var determiner = DeterminerBefore(before);
            counts[determiner] = counts.GetValueOrDefault(determiner) + 1;
        }

        return counts;
    }

    private static string DeterminerBefore(string before)
    {
        var word = Regex.Match(before, @"(\S+)\s+$");
        if (!word.Success)
        {
            return "";
        }

        var w = word.Groups[1].Value;
        return Determiners.Contains(w.ToLowerInvariant()) ? w.ToLowerInvariant() : w.EndsWith("'s", StringComparison.Ordinal) || w.EndsWith("’s", StringComparison.Ordinal) ? "'s" : "";
    }

    /// <summary>A sentence an edit adds after a grant names material that grant does not mention, while the grant names
    /// other material of its own ("the Deliverables" after a licence of "Designer Materials").</summary>
    private static void ForeignMaterial(List<string> defects, IReadOnlyList<ParagraphInput> paragraphs, AnalyzeResponse response)
    {
        var parties = new[] { response.Party.Counterparty, response.Party.Name };
        foreach (var finding in response.Findings)
        {
            var text = paragraphs.Single(p => p.Id == finding.ParagraphId).Text;
            foreach (var edit in finding.Edits.Where(e => e.Replacement.TrimEnd().EndsWith('.')))
            {
                var start = edit.Length > 0 ? edit.Start : SentenceStart(text, edit.Start);
                var sentence = text[start..(edit.Start + edit.Length)];
                var item = Item(text, start, edit.Start + edit.Length, finding.Start);
                var licensed = Materials(item, parties).Where(m => !item.Contains(Theirs(response) + m, StringComparison.Ordinal)).ToList();
                var named = Materials(edit.Replacement, parties).Where(m => !sentence.Contains(m, StringComparison.Ordinal)).ToList();
                if (licensed.Count > 0 && named.Count > 0 && !licensed.Any(l => edit.Replacement.Contains(l, StringComparison.Ordinal)))
                {
                    defects.Add($"{finding.ParagraphId}: the fix names '{named[0]}' where its sentence licenses '{licensed[0]}': {edit.Replacement.Trim()}");
                }
            }
        }
    }

    /// <summary>A clause an edit adds that protects the other side's own material: "our Products" where "we" is the
    /// other side, "Provider Materials" where Provider is.</summary>
    private static void TheirMaterial(List<string> defects, AnalyzeResponse response, IEnumerable<string> inserted)
    {
        var theirs = Theirs(response);
        foreach (var text in inserted.Where(t => Materials(t, []).Any(m => t.Contains(theirs + m, StringComparison.Ordinal) || m.StartsWith(theirs, StringComparison.Ordinal))))
        {
            defects.Add($"a fix protects the other side's own material: {text.Trim()}");
        }
    }

    private static string Theirs(AnalyzeResponse response) => response.Party.Counterparty.ToLowerInvariant() switch
    {
        "we" or "us" => "our ",
        "you" => "your ",
        _ => response.Party.Counterparty + " ",
    };

    // A run followed by a year ends a title, not a material: "Literary and Artistic Works 1886", "Copyright Act 1988".
    private static IEnumerable<string> Materials(string text, string[] parties) =>
        TermRun().Matches(text).Where(m => !(m.Index + m.Length + 1 < text.Length && text[m.Index + m.Length] == ' ' && char.IsDigit(text[m.Index + m.Length + 1])))
            .Select(m => m.Value)
            .Where(v => MaterialHeads.Contains(v.Split(' ')[^1]) && !parties.Any(p => p.Length > 0 && v.StartsWith(p + " ", StringComparison.Ordinal)));

    /// <summary>The list item or semicolon clause of the sentence the finding is in: "(b) ..." licenses its own material.</summary>
    private static string Item(string text, int start, int end, int at)
    {
        if (at < start || at >= end)
        {
            return text[start..end];
        }

        var marks = Regex.Matches(text[start..end], @"[;:]|\((?:[a-z]|i{1,3}|iv|v|vi{1,3}|ix|x)\)").Select(m => start + m.Index).ToList();
        var from = marks.LastOrDefault(m => m < at, start);
        var to = marks.FirstOrDefault(m => m > at, end);
        return text[from..to];
    }

    private static int SentenceStart(string text, int at)
    {
        for (var i = at - 2; i > 0; i--)
        {
            if (text[i] == ' ' && text[i - 1] is '.' or '!' or '?')
            {
                return i + 1;
            }
        }

        return 0;
    }
}
