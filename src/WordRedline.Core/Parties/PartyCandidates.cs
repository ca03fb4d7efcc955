namespace WordRedline.Core;

/// <summary>The terms that name parties: terms defined right after a name or as a role ("Jane Doe (the "Designer")"),
/// role words the document keeps using ("Contractor"), and the names it gives "we" and "you".</summary>
internal sealed class PartyCandidates
{
    public required List<string> Terms { get; init; }
    public required List<string> WeNames { get; init; }
    public required List<string> YouNames { get; init; }

    public static PartyCandidates Find(DocumentWords words, IReadOnlyList<DefinedTerm> defined, CompiledPlaybook playbook)
    {
        var terms = new List<string>();
        var weNames = new List<string>();
        var youNames = new List<string>();
        foreach (var term in defined)
        {
            var lower = term.Text.ToLowerInvariant();
            if (lower is "we" or "us" or "our")
            {
                weNames.AddRange(term.Names.Where(n => !Pronouns.IsAny(n)));
                continue;
            }

            if (lower is "you" or "your")
            {
                youNames.AddRange(term.Names.Where(n => !Pronouns.IsAny(n)));
                continue;
            }

            if (IsPartyTerm(term, playbook))
            {
                Add(terms, term.Text);
            }
        }

        // Role words used as names without a definition ("Designer will deliver ..."), most used first.
        // ("Customer" in "Customer Service Data" is a kind of data, not a use of the role.)
        foreach (var role in playbook.Roles.Where(r => words.CountStandalone(r) >= 2).OrderByDescending(words.CountCapitalized))
        {
            Add(terms, role);
        }

        // A name the document never defines but keeps making the subject of a promise ("Anthropic will", "Mistral AI
        // may"): a party all the same.
        foreach (var name in ActingNames(words).Where(n => !terms.Contains(n, StringComparer.OrdinalIgnoreCase) && !weNames.Contains(n) && !playbook.NotParties.Contains(n)))
        {
            Add(terms, name);
        }

        // A name defined as "we" is that side's name too ("GitHub" for "we").
        return new PartyCandidates { Terms = terms, WeNames = weNames.Distinct().ToList(), YouNames = youNames.Distinct().ToList() };
    }

    private static readonly System.Text.RegularExpressions.Regex ActingName = new(
        @"\b(?<name>[A-Z][A-Za-z0-9&-]{2,}(?: [A-Z][A-Za-z0-9&-]{1,})?)(?:['’]s)? (?:will|shall|may|must) ",
        System.Text.RegularExpressions.RegexOptions.CultureInvariant | System.Text.RegularExpressions.RegexOptions.NonBacktracking);

    private static IEnumerable<string> ActingNames(DocumentWords words)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var text in words.Texts)
        {
            foreach (System.Text.RegularExpressions.Match match in ActingName.Matches(text))
            {
                var name = match.Groups["name"].Value;
                counts[name] = counts.GetValueOrDefault(name) + 1;
            }
        }

        // Of two words, the first names too ("Mistral AI", not "The Author" or "Each Party").
        return counts.Where(c => c.Value >= 5 && !Pronouns.IsAny(c.Key) && !NotNames.Contains(c.Key) && !NotNames.Contains(c.Key.Split(' ')[0])
                && !Determiners.Contains(c.Key.Split(' ')[0]) && !CommonNouns.Any(n => c.Key.Contains(n, StringComparison.OrdinalIgnoreCase)))
            .OrderByDescending(c => c.Value).Select(c => c.Key).Take(2);
    }

    private static readonly HashSet<string> Determiners = new(StringComparer.OrdinalIgnoreCase) { "The", "A", "An", "Our", "Your", "Their", "Its", "Every", "No" };

    /// <summary>Capitalised words that start sentences with a modal but name no one.</summary>
    private static readonly HashSet<string> NotNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "This", "These", "That", "Each", "Either", "Neither", "Both", "Such", "Any", "All", "Nothing", "Party", "Parties", "Which", "Who", "Notice", "Notices",
        "Payment", "Payments", "Termination", "There", "It", "They", "He", "She", "Licensee", "Licensor",
    };

    private static bool IsPartyTerm(DefinedTerm term, CompiledPlaybook playbook)
    {
        if (playbook.WorkTerms.Contains(term.Text) || playbook.PurposeTerms.Contains(term.Text) || playbook.NotParties.Contains(term.Text))
        {
            return false;
        }

        if (playbook.Roles.Contains(term.Text))
        {
            return true;
        }

        // "Brightline Creative Agency LLC (the "Agency")", "Jane Doe (the "Designer")", ("GitHub," "We," or "Us"): a short
        // term standing for a company's or a person's name, or defined together with "we" or "you". "Your Information"
        // and "User Content" name material, not a party.
        var first = term.Text.Split(' ')[0];
        if (first is "Your" or "Our" or "My" or "Their" || CommonNouns.Any(n => term.Text.Contains(n, StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        // A person's name counts only in the preamble, where the parties are introduced ("Jane Doe (the "Designer")").
        return term.Text.Split(' ').Length <= 3 && (char.IsUpper(term.Text[0]) || char.IsLetter(term.Text[0]))
            && !playbook.NotParties.Any(w => term.Text.EndsWith(w, StringComparison.OrdinalIgnoreCase))
            && term.Names.Any(n => Pronouns.IsAny(n) || IsCompany(n) || (term.Paragraph < 12 && IsPerson(n)));
    }

    private static readonly string[] CommonNouns =
        ["Agreement", "Terms", "Policy", "Service", "Data", "Content", "Information", "Material", "Date", "Order", "Work", "Product",
         "Software", "Platform", "Site", "Feedback", "Input", "Output", "Account", "Fee", "Period", "Law", "Rights", "Property", "Documentation", "Addendum", "Schedule", "Exhibit",
         "Clause", "Regulation", "Directive", "Decision", "Act"];

    private static readonly string[] CompanySuffixes =
        ["Inc", "Inc.", "LLC", "L.L.C.", "Ltd", "Ltd.", "Limited", "Corp", "Corp.", "Corporation", "Co.", "Company", "GmbH", "AG", "B.V.", "BV", "S.A.", "SA", "SAS", "LLP", "LP", "PLC", "plc", "Pty", "Pte", "N.V.", "S.r.l.", "SpA", "AB", "AS", "Oy", "KK"];

    /// <summary>"Northwind Creative LLC", "GitHub, Inc.": a name with a company suffix.</summary>
    private static bool IsCompany(string name)
    {
        var words = name.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries);
        return words.Length > 0 && CompanySuffixes.Contains(words[^1].TrimEnd(','), StringComparer.Ordinal);
    }

    /// <summary>"Jane Doe": two to four capitalised words that read as a person's name.</summary>
    private static bool IsPerson(string name)
    {
        var words = name.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries);

        return words.Length is >= 2 and <= 4 && !CommonNouns.Any(n => name.Contains(n, StringComparison.OrdinalIgnoreCase))
            && words.All(w => char.IsUpper(w[0]) && w.Skip(1).All(c => char.IsLetter(c) || c is '.' or '-' or '\'' or '’'));
    }

    private static void Add(List<string> terms, string term)
    {
        if (!terms.Contains(term, StringComparer.OrdinalIgnoreCase))
        {
            terms.Add(term);
        }
    }
}
