using System.Text;

namespace WordRedline.Core;

/// <summary>Fills {party}, {counterparty}, {workTerm} and their possessive forms ({party's}) into playbook wording.</summary>
internal static class TermText
{
    private static readonly string[] Determiners = ["your ", "our ", "its ", "their ", "the "];

    public static string Fill(string template, AddendumTerms terms)
    {
        // "the {workTerm}" with a work term that brings its own determiner ("your Content") drops the article.
        if (Determiners.Any(d => terms.WorkTerm.StartsWith(d, StringComparison.OrdinalIgnoreCase)))
        {
            template = template.Replace("the {workTerm}", "{workTerm}", StringComparison.Ordinal);
        }

        return Substitute(template, name => name switch
        {
            "party" => terms.Party,
            "party's" => Possessive(terms.Party),
            "counterparty" => terms.Counterparty,
            "counterparty's" => Possessive(terms.Counterparty),
            "workTerm" => terms.WorkTerm,
            _ => null,
        }, value => true);
    }

    /// <summary>Replaces each {name} with <paramref name="valueOf"/>'s answer (an unknown name stays as written) and
    /// capitalises a value that starts a sentence when <paramref name="capitalise"/> allows it (a pronoun: "You shall").</summary>
    public static string Substitute(string template, Func<string, string?> valueOf, Func<string, bool> capitalise)
    {
        var text = new StringBuilder(template.Length + 64);
        var at = 0;
        while (at < template.Length)
        {
            var open = template.IndexOf('{', at);
            var close = open < 0 ? -1 : template.IndexOf('}', open);
            if (close < 0)
            {
                text.Append(template, at, template.Length - at);
                break;
            }

            text.Append(template, at, open - at);
            var value = valueOf(template[(open + 1)..close]) ?? template[open..(close + 1)];
            text.Append(StartsSentence(text) && value.Length > 0 && capitalise(value) ? char.ToUpperInvariant(value[0]) + value[1..] : value);
            at = close + 1;
        }

        return text.ToString();
    }

    /// <summary>"you" -> "your", "we" -> "our", "Agency" -> "Agency's", "Papa Johns" -> "Papa Johns'".</summary>
    public static string Possessive(string term) => term.ToLowerInvariant() switch
    {
        "you" => "your",
        "we" or "us" => "our",
        _ when term.EndsWith('s') => term + "'",
        _ => term + "'s",
    };

    private static bool StartsSentence(StringBuilder text)
    {
        var i = text.Length - 1;
        while (i >= 0 && text[i] == ' ')
        {
            i--;
        }

        return i < 0 || text[i] is '.' or '!' or '?' or ':';
    }
}
