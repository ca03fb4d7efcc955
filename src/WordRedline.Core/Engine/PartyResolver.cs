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

    public static PartyTerms Resolve(IReadOnlyList<string> texts, DocumentScan scan, string? requestedParty, CompiledPlaybook compiled)
    {
        var playbook = compiled.Source;
        var found = FindDefinedTerms(texts, scan, compiled);
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

    private static FoundTerms FindDefinedTerms(IReadOnlyList<string> texts, DocumentScan scan, CompiledPlaybook playbook)
    {
        var roles = playbook.Roles.Set;
        var workTerms = playbook.WorkTerms;
        var definedParties = new List<string>();
        var definedWork = new List<string>();
        var weNames = new List<string>();
        var youNames = new List<string>();

        // Definitions are read from the same leading part of the document as the scan counted party words in.
        for (var i = 0; i < texts.Count; i++)
        {
            var length = scan.PartyTextLengths[i];
            if (length == 0)
            {
                continue;
            }

            var text = texts[i].Length > length ? texts[i][..length] : texts[i];

            // A parenthetical definition needs a bracket and a quote, "hereinafter" needs the word; most paragraphs have
            // neither and skip the patterns.
            var parenthetical = text.AsSpan().IndexOfAny(DefinitionMarks) >= 0 && text.Contains('(');
            var hereinafter = text.Contains("hereinafter", StringComparison.Ordinal);
            if (!parenthetical && !hereinafter)
            {
                continue;
            }

            try
            {
                if (parenthetical)
                {
                    ReadParentheticals(text, roles, workTerms, definedParties, definedWork, weNames, youNames);
                }

                if (hereinafter)
                {
                    foreach (Match m in Hereinafter().Matches(text))
                    {
                        var term = m.Groups[1].Value;
                        if (!workTerms.Contains(term))
                        {
                            definedParties.Add(term);
                        }
                    }
                }
            }
            catch (RegexMatchTimeoutException)
            {
                // Hostile text: definitions are a nicety; the analysis goes on without them.
            }
        }

        var terms = new List<string>();
        foreach (var term in definedParties.Where(t => !IsPronoun(t)).Concat(scan.RoleCounts.Where(kv => kv.Value >= 2).OrderByDescending(kv => kv.Value).Select(kv => kv.Key)))
        {
            if (!terms.Contains(term, StringComparer.OrdinalIgnoreCase))
            {
                terms.Add(term);
            }
        }

        var work = MostFrequentWorkTerm(scan, playbook.Source, definedWork);
        return new FoundTerms(terms, work, scan.YouCount, scan.WeCount, weNames, youNames);
    }

    /// <summary>("Agency"), (the "Client"), ("GitHub," "We," or "Us"): defined parties, defined work terms, and the names
    /// that "we" and "you" stand for.</summary>
    private static void ReadParentheticals(string text, HashSet<string> roles, HashSet<string> workTerms, List<string> definedParties,
        List<string> definedWork, List<string> weNames, List<string> youNames)
    {
        foreach (Match definition in ParentheticalDefinition().Matches(text))
        {
            var quotedTerms = Quoted().Matches(definition.Value).Select(q => q.Groups[1].Value.Trim().TrimEnd(',', '.', ';').Trim()).ToList();
            var names = quotedTerms.Where(t => t.Length > 0 && !IsPronoun(t) && !workTerms.Contains(t)).ToList();
            if (quotedTerms.Any(t => t.ToLowerInvariant() is "we" or "us" or "our"))
            {
                weNames.AddRange(names);
            }
            else if (quotedTerms.Any(t => t.ToLowerInvariant() is "you" or "your"))
            {
                youNames.AddRange(names);
            }

            foreach (var term in quotedTerms.Where(t => t.Length > 0))
            {
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
    }

    private static string? MostFrequentWorkTerm(DocumentScan scan, Playbook playbook, List<string> defined)
    {
        // Written as a defined term (capitalised), whole words only ("Design" never counts inside "Designer"), and
        // weighted by length, so "Your Content" beats the "Content" inside it; a quoted definition counts extra.
        // The document scan counted them; preference order breaks ties.
        var counts = scan.WorkTermCounts;
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

    /// <summary>The pronouns the document scan counts to tell terms of service from a contract: side 0 is "you", 1 "we".</summary>
    internal static readonly (string Word, int Side)[] CountedPronouns = [("you", 0), ("your", 0), ("we", 1), ("us", 1), ("our", 1)];

    private static readonly SearchValues<char> DefinitionMarks = SearchValues.Create("\"“”");
}
