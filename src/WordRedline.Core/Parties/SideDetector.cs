namespace WordRedline.Core;

/// <summary>The side to protect, the words that name it, and the reason to show the user.</summary>
internal sealed record SideDecision(List<string> Terms, PronounGroup Pronouns, bool PreferPronoun, bool Certain, string Reason);

/// <summary>Chooses the side a creator or a customer would take. The party whose content or data the contract is
/// about comes first ("Customer Data" in a cloud agreement); otherwise the party that supplies the work (a supplier
/// role such as Contractor, or the one that creates and delivers it); in terms addressed to "you", the reader, unless
/// the text shows that "we" are the ones doing the work and being paid.</summary>
internal static class SideDetector
{
    private static readonly string[] MaterialNouns = ["Data", "Content", "Materials", "Material", "Information", "Input", "Inputs", "Output", "Outputs", "Submissions", "Feedback", "Personal Data", "Files"];
    private static readonly string[] SupplierVerbs = ["create", "design", "build", "develop", "deliver", "produce", "write", "make", "photograph", "invoice", "charge", "perform", "provide the Services", "complete"];
    private static readonly string[] WeSupplierCues = ["our work", "our designs", "our design", "our fees", "our invoice", "our invoices", "our rates", "pay us", "paid us", "you'll own", "you will own", "you’ll own", "we create", "we design", "we'll design", "we’ll design", "we'll create", "we’ll create", "we'll build", "we’ll build", "we'll deliver", "we’ll deliver", "we will deliver", "we will design", "we will create"];
    private static readonly string[] YouUserCues = ["your content", "your data", "your information", "your account", "your inputs", "your input", "you upload", "you post", "you submit", "our services", "our service", "our platform", "our site", "our website", "our app", "use of the service", "use the services", "your use of"];

    public static SideDecision FromRequest(string requested, PartyCandidates candidates, DocumentWords words, IReadOnlyList<DefinedTerm> defined)
    {
        var request = requested.Trim();
        var terms = candidates.Terms.Concat(defined.Select(d => d.Text)).Distinct(StringComparer.Ordinal)
            .Where(t => !Pronouns.IsAny(t) && MentionsWord(request, t)).ToList();
        var pronouns = MentionsWord(request, "we") || MentionsWord(request, "us") ? PronounGroup.We
            : MentionsWord(request, "I", ignoreCase: false) || MentionsWord(request, "me") || MentionsWord(request, "my") ? PronounGroup.I
            : MentionsWord(request, "you") || MentionsWord(request, "your") ? PronounGroup.You
            : PronounGroup.None;

        var pieces = Pieces(request);
        if (terms.Count == 0 && pronouns == PronounGroup.None && (NamedAs(request, defined, candidates) ?? DefinedNear(request, words.Texts, defined)) is { } named)
        {
            // The party's own name ("Gianluca Rotino", "KIROMIC BIOPHARMA, INC.") for the term the document gives it
            // ("Gianluca Rotino ("Consultant")").
            terms.Add(named);
            return new SideDecision(terms, pronouns, false, true, $"You chose {request}, whom the document calls {named}.");
        }

        if (terms.Count == 0 && pronouns == PronounGroup.None)
        {
            // A side the document never defines ("Designer" for a bare clause): name it as asked.
            terms.AddRange(pieces.Take(3));
        }

        var first = pieces.FirstOrDefault() ?? request;
        var preferPronoun = Pronouns.IsAny(first) || (terms.Count == 0 && pronouns != PronounGroup.None);
        if (pronouns == PronounGroup.None && terms.Count > 0 && words.YouCount >= 3 && !candidates.Terms.Any(t => MentionsWord(request, t) && !terms.Contains(t)))
        {
            // A named party the document also addresses as "you" (an offer letter, a contributor agreement).
            pronouns = PronounGroup.You;
        }

        // The chosen side's own term leads ("Disclosing Party" from "Either party ... as Disclosing Party").
        terms = [.. terms.OrderBy(t => request.IndexOf(t, StringComparison.OrdinalIgnoreCase) is var at && at < 0 ? int.MaxValue : at)];
        return new SideDecision(terms, pronouns, preferPronoun, true, $"You chose {request}.");
    }

    public static SideDecision Detect(DocumentWords words, PartyCandidates candidates, CompiledPlaybook playbook)
    {
        if (words.ICount >= 5 && words.ICount > words.YouCount && words.ICount > words.WeCount)
        {
            return new SideDecision([.. candidates.Terms.Where(playbook.SupplierRoles.Contains).Take(1)], PronounGroup.I, true, true,
                "The document is written in the first person (\"I\") by the side that gives the rights.");
        }

        // The author of terms written to "you" ("Meta Materials", "our Materials") speaks of its own material: that is
        // not the side whose content the terms are about.
        var material = candidates.Terms.Where(t => words.YouCount < 5 || !candidates.WeNames.Contains(t))
            .Select(t => (Term: t, Count: MaterialCount(words, t))).OrderByDescending(x => x.Count).FirstOrDefault();
        var deliverables = playbook.DeliverableTerms.Sum(words.CountCapitalized);
        if (material.Term is not null && material.Count >= 3 && material.Count >= deliverables)
        {
            return new SideDecision([material.Term], words.YouCount >= 3 ? PronounGroup.You : PronounGroup.None, false, true,
                $"The contract is mostly about what happens to {material.Term}'s own content and data ({material.Count} mentions such as \"{material.Term} Data\").");
        }

        if (words.YouCount >= 5)
        {
            var weSupplier = CountCues(words, WeSupplierCues) + CountWeSupplier(words);
            var youUser = CountCues(words, YouUserCues);
            if (words.WeCount >= 3 && weSupplier > youUser)
            {
                return new SideDecision([.. candidates.WeNames], PronounGroup.We, true, weSupplier >= 2,
                    "The document is written by the side doing the work (\"we\" create and deliver it, and are paid for it).");
            }

            var supplierYou = candidates.Terms.FirstOrDefault(t => playbook.SupplierRoles.Contains(t) && words.CountCapitalized(t) >= 3);
            if (supplierYou is not null && youUser == 0)
            {
                return new SideDecision([supplierYou], PronounGroup.You, false, true, $"{supplierYou} supplies the work; the document also calls {supplierYou} \"you\".");
            }

            return new SideDecision([.. candidates.YouNames], PronounGroup.You, true, true,
                "The terms are addressed to \"you\", the user whose content and data they cover.");
        }

        var scored = candidates.Terms
            .Select(t => (Term: t, Score: (playbook.SupplierRoles.Contains(t) ? 2 : 0) - (playbook.RecipientRoles.Contains(t) ? 2 : 0) + Supplies(words, t)))
            .OrderByDescending(x => x.Score)
            .ToList();
        if (scored.Count > 0 && scored[0].Score > 0 && (scored.Count == 1 || scored[0].Score > scored[1].Score))
        {
            return new SideDecision([scored[0].Term], PronounGroup.None, false, true, $"{scored[0].Term} supplies the work the contract is about.");
        }

        var guess = scored.Count > 0 ? scored[0].Term : null;
        return new SideDecision(guess is null ? [] : [guess], guess is null && words.YouCount > 0 ? PronounGroup.You : PronounGroup.None, false, false,
            "The document does not say which side supplies the work or the content. Choose your side.");
    }

    /// <summary>"Customer Data", "Customer's content": how often the document speaks of the term's own material.</summary>
    private static int MaterialCount(DocumentWords words, string term)
    {
        var count = 0;
        foreach (var noun in MaterialNouns)
        {
            count += words.CountCapitalized($"{term} {noun}");
        }

        foreach (var noun in (ReadOnlySpan<string>)["'s data", "'s content", "’s data", "’s content", "'s materials", "’s materials", "'s Data", "’s Data", "'s Content", "’s Content"])
        {
            count += words.CountCapitalized(term + noun);
        }

        // A data-processing agreement: personal data processed "on behalf of Customer" is Customer's.
        if (words.CountCapitalized("Personal Data") >= 3)
        {
            count += words.CountCapitalized($"on behalf of {term}") + words.CountCapitalized($"received from {term}");
        }

        return count;
    }

    private static int Supplies(DocumentWords words, string term)
    {
        var count = 0;
        foreach (var verb in SupplierVerbs)
        {
            count += words.CountCapitalized($"{term} shall {verb}") + words.CountCapitalized($"{term} will {verb}") + words.CountCapitalized($"{term} agrees to {verb}");
        }

        return Math.Min(count, 3);
    }

    private static int CountCues(DocumentWords words, string[] cues)
    {
        var count = 0;
        foreach (var cue in cues)
        {
            count += words.CountCapitalized(cue) + words.CountCapitalized(char.ToUpperInvariant(cue[0]) + cue[1..]);
        }

        return count;
    }

    private static int CountWeSupplier(DocumentWords words)
    {
        var count = 0;
        foreach (var verb in SupplierVerbs)
        {
            count += words.CountCapitalized($"we {verb}") + words.CountCapitalized($"We {verb}") + words.CountCapitalized($"we will {verb}") + words.CountCapitalized($"We will {verb}");
        }

        return count;
    }

    /// <summary>The defined term whose names match the requested name: the same words once case, punctuation and
    /// company suffixes are set aside, or the same distinctive first word ("Kiromic Biopharma, Inc." and "Kiromic,
    /// Inc"). A party term is preferred to any other defined term.</summary>
    private static string? NamedAs(string request, IReadOnlyList<DefinedTerm> defined, PartyCandidates candidates)
    {
        var wanted = NameWords(request);
        if (wanted.Count == 0)
        {
            return null;
        }

        string? best = null;
        var bestScore = 0;
        foreach (var term in defined)
        {
            foreach (var name in term.Names)
            {
                var words = NameWords(name);
                var score = words.Count == 0 ? 0
                    : words.SequenceEqual(wanted) ? 3
                    : words[0] == wanted[0] && words[0].Length >= 4 ? 2
                    : 0;
                if (score > 0 && candidates.Terms.Contains(term.Text))
                {
                    score += 1;
                }

                if (score > bestScore)
                {
                    (best, bestScore) = (term.Text, score);
                }
            }
        }

        return best;
    }

    /// <summary>The term defined right after the requested name in the opening paragraphs ("Data Call Technologies, Inc.
    /// 600 Kenrick, Suite B-12, Houston ... hereinafter referred to as "Licensor"").</summary>
    private static string? DefinedNear(string request, IReadOnlyList<string> texts, IReadOnlyList<DefinedTerm> defined)
    {
        var wanted = NameWords(request);
        if (wanted.Count == 0 || wanted[0].Length < 4)
        {
            return null;
        }

        for (var p = 0; p < texts.Count && p < 40; p++)
        {
            var text = texts[p];
            for (var at = text.IndexOf(wanted[0], StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(wanted[0], at + 1, StringComparison.OrdinalIgnoreCase))
            {
                if (at > 0 && char.IsLetterOrDigit(text[at - 1]))
                {
                    continue;
                }

                var window = text.AsSpan(at, Math.Min(300, text.Length - at));
                var first = -1;
                string? found = null;
                foreach (var term in defined)
                {
                    foreach (var quoted in (ReadOnlySpan<string>)[$"\"{term.Text}\"", $"“{term.Text}”"])
                    {
                        var where = window.IndexOf(quoted, StringComparison.Ordinal);
                        if (where > 0 && (first < 0 || where < first))
                        {
                            (first, found) = (where, term.Text);
                        }
                    }
                }

                if (found is not null)
                {
                    return found;
                }
            }
        }

        return null;
    }

    private static readonly HashSet<string> CompanySuffixes = new(StringComparer.Ordinal)
    {
        "inc", "incorporated", "llc", "llp", "lp", "ltd", "limited", "corp", "corporation", "co", "company", "plc", "gmbh", "ag", "sa", "nv", "bv", "pbc", "the",
    };

    private static List<string> NameWords(string name)
    {
        var words = new List<string>();
        foreach (var raw in name.Split([' ', ',', '.', '(', ')', '"', '“', '”', '\u00A0'], StringSplitOptions.RemoveEmptyEntries))
        {
            var word = raw.ToLowerInvariant();
            if (!CompanySuffixes.Contains(word))
            {
                words.Add(word);
            }
        }

        return words;
    }

    /// <summary>The meaningful pieces of a side the user typed: "Licensor / copyright holder (author)" gives
    /// "Licensor", "copyright holder", "author".</summary>
    private static List<string> Pieces(string request)
    {
        var pieces = new List<string>();
        foreach (var raw in request.Split(['(', ')', '/', ',', ';', ':', '"', '“', '”'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var piece = raw;
            foreach (var prefix in (ReadOnlySpan<string>)["the ", "a ", "an ", "on behalf of ", "as "])
            {
                if (piece.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                {
                    piece = piece[prefix.Length..];
                }
            }

            if (piece.Length > 1 && piece.Split(' ').Length <= 4)
            {
                pieces.Add(piece);
            }
        }

        return pieces;
    }

    internal static bool MentionsWord(string text, string word, bool ignoreCase = true)
    {
        var comparison = ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        for (var at = text.IndexOf(word, comparison); at >= 0; at = text.IndexOf(word, at + 1, comparison))
        {
            var end = at + word.Length;
            if ((at == 0 || !char.IsLetterOrDigit(text[at - 1])) && (end == text.Length || !char.IsLetterOrDigit(text[end])))
            {
                return true;
            }
        }

        return false;
    }
}
