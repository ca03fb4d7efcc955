namespace WordRedline.Core;

/// <summary>Fills {party}, {counterparty}, {workTerm} and their possessives ({party's}) with the document's own terms
/// ({licence} with its spelling of the noun),
/// each with the article the document uses ("the Agency", "Customer Data"), capitalised at the start of a sentence.
/// Text inserted into the contract may use the contract's pronouns ("you", "we"); a comment, which the other side
/// reads, names both sides in the third person.</summary>
internal static class FixWording
{
    public static string Fill(string template, PartyRoles roles) => Fill(template, roles, comment: false);

    public static string FillComment(string template, PartyRoles roles) => Fill(template, roles, comment: true);

    private static string Fill(string template, PartyRoles roles, bool comment)
    {
        var party = comment ? ThirdPerson(roles.Party, "user", "author") : roles.Party;
        var counterparty = comment ? ThirdPerson(roles.Counterparty, "provider", "provider") : roles.Counterparty;
        var work = roles.Work;
        if (comment && work.Article is "your" or "our")
        {
            // "your Content" in a note to the other side is the user's, not theirs.
            work = work with { Article = party.Possessive };
        }

        template = ObjectCase(template);
        if (work.Article.Length == 0 || Starts(work.Bare, "your ") || Starts(work.Bare, "our "))
        {
            // "the {workTerm}" with a term written without an article ("Customer Data", "Your Content").
            template = template.Replace("the {workTerm}", "{workTerm}", StringComparison.Ordinal);
        }
        else
        {
            template = template.Replace("the {workTerm}", "{theWorkTerm}", StringComparison.Ordinal);
        }

        return TermText.Substitute(template, name => name switch
        {
            "party" => Object(party),
            "party's" => party.Possessive,
            "counterparty" => counterparty.InSentence,
            "counterpartyObject" => Object(counterparty),
            "counterparty's" => counterparty.Possessive,
            "workTerm" => work.Bare,
            "theWorkTerm" => work.InSentence,
            "purpose" => roles.PurposeText.Text,
            "licence" => roles.LicenceNoun,
            _ => null,
        }, value => !IsStyledName(value));
    }

    /// <summary>{counterparty} is the subject only before its verb ("{counterparty} shall"); elsewhere ("granted to
    /// {counterparty}", "favours {counterparty}") it takes the object form: "us", not "we".</summary>
    private static string ObjectCase(string template)
    {
        const string Name = "{counterparty}";
        var text = new System.Text.StringBuilder(template.Length + 16);
        var at = 0;
        for (var i = template.IndexOf(Name, StringComparison.Ordinal); i >= 0; i = template.IndexOf(Name, at, StringComparison.Ordinal))
        {
            var next = template[(i + Name.Length)..].TrimStart();
            var subject = SubjectVerbs.Any(v => next.StartsWith(v, StringComparison.Ordinal) && (next.Length == v.Length || !char.IsLetter(next[v.Length])));
            text.Append(template, at, i - at).Append(subject ? Name : "{counterpartyObject}");
            at = i + Name.Length;
        }

        return text.Append(template, at, template.Length - at).ToString();
    }

    private static readonly string[] SubjectVerbs = ["shall", "will", "may", "must", "covenants", "agrees", "does", "is", "has", "can"];

    /// <summary>The form after a verb or preposition: "notify us", "to me".</summary>
    private static string Object(NamedTerm term) => term.Bare.ToLowerInvariant() switch
    {
        "we" => "us",
        "i" => "me",
        _ => term.InSentence,
    };

    /// <summary>"you" becomes "the user", "we" "the author": a comment names both sides in the third person.</summary>
    private static NamedTerm ThirdPerson(NamedTerm term, string forYou, string forWe) => term.Bare.ToLowerInvariant() switch
    {
        "you" => new NamedTerm(forYou, "the", false),
        "we" or "us" or "i" => new NamedTerm(forWe, "the", false),
        _ => term,
    };

    // "xAI", "eBay", "plan_b": a name written in lower case keeps its own spelling at the start of a sentence.
    private static bool IsStyledName(string value)
    {
        var word = value.Split(' ')[0];
        return char.IsLower(word[0]) && (word.Skip(1).Any(char.IsUpper) || word.Contains('_', StringComparison.Ordinal));
    }

    private static bool Starts(string text, string prefix) => text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase);
}
