namespace WordRedline.Core;

/// <summary>The written forms of an English verb or noun, so the lexicon lists "share~" once and matches shares,
/// shared and sharing. Over-generation is harmless: a form that is not a word never occurs.</summary>
internal static class Inflection
{
    private static readonly Dictionary<string, string[]> Irregular = new(StringComparer.OrdinalIgnoreCase)
    {
        ["give"] = ["gives", "gave", "given", "giving"],
        ["make"] = ["makes", "made", "making"],
        ["sell"] = ["sells", "sold", "selling"],
        ["send"] = ["sends", "sent", "sending"],
        ["show"] = ["shows", "showed", "shown", "showing"],
        ["build"] = ["builds", "built", "building"],
        ["hold"] = ["holds", "held", "holding"],
        ["take"] = ["takes", "took", "taken", "taking"],
        ["get"] = ["gets", "got", "gotten", "getting"],
        ["see"] = ["sees", "saw", "seen", "seeing"],
        ["keep"] = ["keeps", "kept", "keeping"],
        ["leave"] = ["leaves", "left", "leaving"],
        ["put"] = ["puts", "putting"],
        ["let"] = ["lets", "letting"],
        ["be"] = ["is", "are", "was", "were", "been", "being", "am"],
        ["have"] = ["has", "had", "having"],
        ["do"] = ["does", "did", "done", "doing"],
        ["write"] = ["writes", "wrote", "written", "writing"],
        ["teach"] = ["teaches", "taught", "teaching"],
        ["learn"] = ["learns", "learned", "learnt", "learning"],
        ["run"] = ["runs", "ran", "running"],
        ["bring"] = ["brings", "brought", "bringing"],
        ["buy"] = ["buys", "bought", "buying"],
        ["lend"] = ["lends", "lent", "lending"],
        ["feed"] = ["feeds", "fed", "feeding"],
    };

    /// <summary>The base form and its inflections.</summary>
    public static IEnumerable<string> Forms(string word)
    {
        yield return word;
        if (Irregular.TryGetValue(word, out var forms))
        {
            foreach (var form in forms)
            {
                yield return form;
            }

            yield break;
        }

        var lower = word.ToLowerInvariant();
        var last = lower[^1];
        var beforeLast = lower.Length > 1 ? lower[^2] : '\0';

        // Plural and third person.
        if (lower.EndsWith('s') || lower.EndsWith('x') || lower.EndsWith('z') || lower.EndsWith("ch", StringComparison.Ordinal) || lower.EndsWith("sh", StringComparison.Ordinal))
        {
            yield return word + "es";
        }
        else if (last == 'y' && !IsVowel(beforeLast))
        {
            yield return word[..^1] + "ies";
        }
        else
        {
            yield return word + "s";
        }

        // Past tense and participle.
        if (last == 'e')
        {
            yield return word + "d";
        }
        else if (last == 'y' && !IsVowel(beforeLast))
        {
            yield return word[..^1] + "ied";
        }
        else
        {
            yield return word + "ed";
            if (EndsConsonantVowelConsonant(lower))
            {
                yield return word + word[^1] + "ed";
            }
        }

        // Gerund.
        if (lower.EndsWith("ie", StringComparison.Ordinal))
        {
            yield return word[..^2] + "ying";
        }
        else if (last == 'e' && beforeLast != 'e')
        {
            yield return word[..^1] + "ing";
        }
        else
        {
            yield return word + "ing";
            if (EndsConsonantVowelConsonant(lower))
            {
                yield return word + word[^1] + "ing";
            }
        }
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';

    // permit -> permitted, transfer -> transferred: the doubled form is added beside the plain one.
    private static bool EndsConsonantVowelConsonant(string word) =>
        word.Length >= 3 && !IsVowel(word[^1]) && word[^1] is not ('w' or 'x' or 'y') && IsVowel(word[^2]) && !IsVowel(word[^3]);
}
