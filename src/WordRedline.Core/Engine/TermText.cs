using System.Text;

namespace WordRedline.Core;

/// <summary>Fills {party}, {counterparty}, {workTerm} and their possessive forms ({party's}) into playbook wording.</summary>
internal static class TermText
{
    public static string Fill(string template, AddendumTerms terms)
    {
        var text = new StringBuilder(template);
        text.Replace("{party's}", Possessive(terms.Party))
            .Replace("{counterparty's}", Possessive(terms.Counterparty))
            .Replace("{workTerm}", terms.WorkTerm)
            .Replace("{party}", terms.Party)
            .Replace("{counterparty}", terms.Counterparty);
        return Capitalize(text.ToString());
    }

    /// <summary>"you" -> "your", "we" -> "our", "Agency" -> "Agency's", "Papa Johns" -> "Papa Johns'".</summary>
    public static string Possessive(string term) => term.ToLowerInvariant() switch
    {
        "you" => "your",
        "we" or "us" => "our",
        _ when term.EndsWith('s') => term + "'",
        _ => term + "'s",
    };

    // A pronoun filled at the start of a sentence ("you shall...") must be capitalised.
    private static string Capitalize(string text)
    {
        var chars = text.ToCharArray();
        var sentenceStart = true;
        for (var i = 0; i < chars.Length; i++)
        {
            if (char.IsLetter(chars[i]))
            {
                if (sentenceStart)
                {
                    chars[i] = char.ToUpperInvariant(chars[i]);
                }

                sentenceStart = false;
            }
            else if (chars[i] is '.' or '!' or '?')
            {
                sentenceStart = true;
            }
        }

        return new string(chars);
    }
}
