using System.Buffers;
using System.Text.RegularExpressions;

namespace WordRedline.Core;

/// <summary>Detects the parties' defined terms and the work-product term, and decides which side is protected.</summary>
internal static partial class PartyResolver
{
    private static readonly string[] YouWords = ["you", "yourself"];
    private static readonly string[] YouPossessives = ["your", "yours"];
    private static readonly string[] WeWords = ["we", "us", "ourselves"];
    private static readonly string[] WePossessives = ["our", "ours"];

    // ("Agency"), (the "Client"), ("GitHub," "We," or "Us"), (each a "Party"). Bounded so hostile text stays linear.
    [GeneratedRegex("""\((?:[^()"“”]{0,30})["“]([^"”()]{1,40})["”][^()]{0,80}\)""", RegexOptions.None, matchTimeoutMilliseconds: 200)]
    private static partial Regex ParentheticalDefinition();

    [GeneratedRegex("""["“]([^"”]{1,40})["”]""", RegexOptions.None, matchTimeoutMilliseconds: 200)]
    private static partial Regex Quoted();

    [GeneratedRegex("""\bhereinafter\s+(?:referred\s+to\s+as\s+|called\s+)?(?:the\s+)?["“]?([A-Z][\w'’&.-]*(?:\s[A-Z][\w'’&.-]*){0,3})""", RegexOptions.None, matchTimeoutMilliseconds: 200)]
    private static partial Regex Hereinafter();

    public static PartyTerms Resolve(IReadOnlyList<ParagraphInput> paragraphs, string? requestedParty, Playbook playbook)
    {
        var found = FindDefinedTerms(paragraphs, playbook);
        var usesYou = found.YouCount >= 2;
        var usesWe = found.WeCount >= 2;

        List<string> party = [];
        bool partyIsWe;
        var detected = string.IsNullOrWhiteSpace(requestedParty);
        if (!detected)
        {
            // The caller may name the side loosely ("You (the user)", "ABG / CELEBRITY (celebrity side)"): take every
            // document term the phrase mentions, and the pronoun group it mentions.
            var requested = requestedParty!.Trim();
            party.AddRange(found.Terms.Where(t => MentionsWord(requested, t)));
            partyIsWe = MentionsWord(requested, "we") || MentionsWord(requested, "us");
            if (party.Count == 0 && !partyIsWe && !MentionsWord(requested, "you"))
            {
                party.Add(requested);
            }
        }
        else
        {
            var supplier = found.Terms.FirstOrDefault(t => playbook.SupplierRoles.Contains(t, StringComparer.OrdinalIgnoreCase));
            if (supplier is not null)
            {
                party.Add(supplier);
            }

            partyIsWe = false;
        }

        var partySet = new HashSet<string>(party, StringComparer.OrdinalIgnoreCase);
        var counterparty = found.Terms.Where(t => !partySet.Contains(t)).ToList();
        var counterIsYou = partyIsWe;

        // A named party that the document also addresses as "you" (an offer letter) keeps "you"; otherwise "you" is the
        // reader, which in terms of service and freelancer contracts is the side supplying the work.
        List<string> partyWords = [.. party];
        List<string> partyPossessives = [];
        List<string> counterWords = [.. counterparty];
        List<string> counterPossessives = [];
        if (partyIsWe)
        {
            partyWords.AddRange(WeWords);
            partyPossessives.AddRange(WePossessives);
            counterWords.AddRange(YouWords);
            counterPossessives.AddRange(YouPossessives);
        }
        else
        {
            partyWords.AddRange(YouWords);
            partyPossessives.AddRange(YouPossessives);
            counterWords.AddRange(WeWords);
            counterPossessives.AddRange(WePossessives);
        }

        var name = party.FirstOrDefault(t => found.Terms.Contains(t)) ?? (party.Count > 0 ? party[0] : null)
            ?? (partyIsWe ? "we" : usesYou || party.Count == 0 ? "you" : "Contractor");
        // In terms of service the other side is "we": suggested wording names it ("GitHub shall not...").
        var pronounNames = counterIsYou ? found.YouNames : found.WeNames;
        var counterName = counterparty.FirstOrDefault(t => playbook.RecipientRoles.Contains(t, StringComparer.OrdinalIgnoreCase))
            ?? (counterparty.Count > 0 ? counterparty[0] : null)
            ?? (pronounNames.Count > 0 ? pronounNames[0] : null)
            ?? (counterIsYou ? "you" : "the other party");
        counterWords.AddRange(pronounNames.Where(n => !partySet.Contains(n)));

        List<string> candidates = [.. found.Terms];
        if (usesYou)
        {
            candidates.Add("you");
        }

        if (usesWe)
        {
            candidates.Add("we");
        }

        return new PartyTerms
        {
            Name = name,
            Counterparty = counterName,
            // A document without a work term of its own gets plain words, never a defined term it does not define.
            WorkTerm = found.WorkTerm ?? (name == "you" ? "your content" : "work product"),
            Detected = detected,
            Candidates = candidates,
            PartyWords = partyWords,
            CounterpartyWords = counterWords,
            PartyPossessives = partyPossessives,
            CounterpartyPossessives = counterPossessives,
        };
    }

    private sealed record FoundTerms(List<string> Terms, string? WorkTerm, int YouCount, int WeCount, List<string> WeNames, List<string> YouNames);

    private static FoundTerms FindDefinedTerms(IReadOnlyList<ParagraphInput> paragraphs, Playbook playbook)
    {
        var roles = new HashSet<string>(playbook.SupplierRoles.Concat(playbook.RecipientRoles), StringComparer.OrdinalIgnoreCase);
        var withPronouns = RoleNeedles.GetValue(playbook, p => SearchValues.Create([.. Pronouns, .. p.SupplierRoles, .. p.RecipientRoles], StringComparison.OrdinalIgnoreCase));
        var rolesOnly = RoleOnlyNeedles.GetValue(playbook, p => SearchValues.Create([.. p.SupplierRoles, .. p.RecipientRoles], StringComparison.OrdinalIgnoreCase));
        var workTerms = new HashSet<string>(playbook.WorkTerms, StringComparer.OrdinalIgnoreCase);
        var roleCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        var definedParties = new List<string>();
        var definedWork = new List<string>();
        var weNames = new List<string>();
        var youNames = new List<string>();
        int you = 0, we = 0;

        // Parties are defined and named near the top: the first 200,000 characters (some 60 pages) decide who is
        // who, so the cost of detection stays bounded however long the contract is.
        var budget = DetectionBudget;
        foreach (var paragraph in paragraphs)
        {
            if (budget <= 0)
            {
                break;
            }

            var text = paragraph.Text ?? "";
            if (text.Length > 20_000)
            {
                text = text[..20_000];
            }

            budget -= text.Length;

            // Two of each pronoun settle the question; after that only role words are worth finding ("we" and "us"
            // hide inside many words, so searching for them is the expensive part).
            CountWords(text, you >= 2 && we >= 2 ? rolesOnly : withPronouns, roles, roleCounts, ref you, ref we);

            // Definitions need a quote or "hereinafter"; most paragraphs have neither and skip the patterns.
            if (text.AsSpan().IndexOfAny(DefinitionMarks) < 0 && !text.Contains("hereinafter", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            try
            {
                foreach (Match definition in ParentheticalDefinition().Matches(text))
                {
                    var quotedTerms = Quoted().Matches(definition.Value).Select(q => q.Groups[1].Value.Trim().TrimEnd(',', '.', ';').Trim()).ToList();

                    // ("GitHub," "We," or "Us"): the name that the pronouns stand for.
                    var names = quotedTerms.Where(t => t.Length > 0 && !IsPronoun(t) && !workTerms.Contains(t)).ToList();
                    if (quotedTerms.Any(t => t.ToLowerInvariant() is "we" or "us" or "our"))
                    {
                        weNames.AddRange(names);
                    }
                    else if (quotedTerms.Any(t => t.ToLowerInvariant() is "you" or "your"))
                    {
                        youNames.AddRange(names);
                    }

                    foreach (var term in quotedTerms)
                    {
                        if (term.Length == 0)
                        {
                            continue;
                        }

                        if (workTerms.Contains(term))
                        {
                            definedWork.Add(term);
                        }
                        else if (roles.Contains(term) || IsPronoun(term))
                        {
                            definedParties.Add(term);
                        }
                    }
                }

                foreach (Match m in Hereinafter().Matches(text))
                {
                    var term = m.Groups[1].Value;
                    if (!workTerms.Contains(term))
                    {
                        definedParties.Add(term);
                    }
                }
            }
            catch (RegexMatchTimeoutException)
            {
                // Hostile text: definitions are a nicety; the analysis goes on without them.
            }
        }

        var terms = new List<string>();
        foreach (var term in definedParties.Where(t => !IsPronoun(t)).Concat(roleCounts.Where(kv => kv.Value >= 2).OrderByDescending(kv => kv.Value).Select(kv => kv.Key)))
        {
            if (!terms.Contains(term, StringComparer.OrdinalIgnoreCase))
            {
                terms.Add(term);
            }
        }

        var work = MostFrequentWorkTerm(paragraphs, playbook, definedWork);
        return new FoundTerms(terms, work, you, we, weNames, youNames);
    }

    private static string? MostFrequentWorkTerm(IReadOnlyList<ParagraphInput> paragraphs, Playbook playbook, List<string> defined)
    {
        // Written as a defined term (capitalised), whole words only ("Design" never counts inside "Designer"), and
        // weighted by length, so "Your Content" beats the "Content" inside it; a quoted definition counts extra.
        // One vectorised pass over the text finds every candidate start. Preference order breaks ties.
        var needles = WorkNeedles.GetValue(playbook, p => SearchValues.Create([.. p.WorkTerms], StringComparison.Ordinal));
        var counts = new int[playbook.WorkTerms.Count];
        foreach (var paragraph in paragraphs)
        {
            var text = (paragraph.Text ?? "").AsSpan();
            var offset = 0;
            while (offset < text.Length)
            {
                var at = text[offset..].IndexOfAny(needles);
                if (at < 0)
                {
                    break;
                }

                at += offset;
                offset = at + 1;
                if (at > 0 && char.IsLetter(text[at - 1]))
                {
                    continue;
                }

                for (var i = 0; i < counts.Length; i++)
                {
                    var term = playbook.WorkTerms[i];
                    var end = at + term.Length;
                    if (counts[i] < 1000 && text[at..].StartsWith(term, StringComparison.Ordinal) && (end == text.Length || !char.IsLetter(text[end])))
                    {
                        counts[i]++;
                    }
                }
            }
        }

        string? best = null;
        var bestCount = 0;
        for (var i = 0; i < counts.Length; i++)
        {
            var term = playbook.WorkTerms[i];
            var count = (counts[i] + (defined.Contains(term, StringComparer.OrdinalIgnoreCase) ? 5 : 0)) * (term.Count(c => c == ' ') + 1);
            if (count > bestCount)
            {
                best = term;
                bestCount = count;
            }
        }

        return best;
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Playbook, SearchValues<string>> WorkNeedles = new();

    /// <summary>Every form of "you" and "we" that the engine treats as a party word (matched in any case).</summary>
    internal static bool IsPronoun(string term) => YouWords.Concat(YouPossessives).Concat(WeWords).Concat(WePossessives)
        .Contains(term, StringComparer.OrdinalIgnoreCase);

    internal static bool MentionsWord(string text, string word)
    {
        for (var at = text.IndexOf(word, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(word, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            var before = at == 0 || !char.IsLetterOrDigit(text[at - 1]);
            var end = at + word.Length;
            var after = end == text.Length || !char.IsLetterOrDigit(text[end]);
            if (before && after)
            {
                return true;
            }
        }

        return false;
    }

    private const int DetectionBudget = 200_000;
    private static readonly string[] Pronouns = ["you", "your", "we", "us", "our"];
    private static readonly SearchValues<char> DefinitionMarks = SearchValues.Create("\"“”");

    /// <summary>Counts the pronouns and role words of one paragraph. A vectorised search jumps between candidate words,
    /// so the cost is in the few hits, not in every character.</summary>
    private static void CountWords(string text, SearchValues<string> needles, HashSet<string> roles, Dictionary<string, int> roleCounts, ref int you, ref int we)
    {
        var roleLookup = roles.GetAlternateLookup<ReadOnlySpan<char>>();
        var span = text.AsSpan();
        var offset = 0;
        while (offset < span.Length)
        {
            var at = span[offset..].IndexOfAny(needles);
            if (at < 0)
            {
                return;
            }

            at += offset;
            var end = at;
            while (end < span.Length && char.IsLetter(span[end]))
            {
                end++;
            }

            offset = end + 1;
            if ((at > 0 && char.IsLetter(span[at - 1])) || end == at)
            {
                continue;
            }

            var word = span[at..end];
            if (word.Equals("you", StringComparison.OrdinalIgnoreCase) || word.Equals("your", StringComparison.OrdinalIgnoreCase))
            {
                you++;
            }
            else if (word.Equals("we", StringComparison.OrdinalIgnoreCase) || word.SequenceEqual("us") || word.Equals("our", StringComparison.OrdinalIgnoreCase))
            {
                we++;
            }
            else if (char.IsUpper(word[0]) && roleLookup.TryGetValue(word, out var canonical))
            {
                // Only role words become strings, and only once each.
                var key = IsAllUpper(word) || canonical.AsSpan().SequenceEqual(word) ? canonical : word.ToString();
                roleCounts[key] = roleCounts.GetValueOrDefault(key) + 1;
            }
        }
    }

    // The search over pronouns and a playbook's role words, built once per playbook.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Playbook, SearchValues<string>> RoleNeedles = new();
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Playbook, SearchValues<string>> RoleOnlyNeedles = new();

    private static bool IsAllUpper(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
        {
            if (char.IsLower(c))
            {
                return false;
            }
        }

        return true;
    }
}
