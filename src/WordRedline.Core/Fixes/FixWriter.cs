namespace WordRedline.Core;

/// <summary>Turns each unmitigated finding into edits on its paragraph, in the document's own terms, the way a careful
/// lawyer marks up: a sentence whose point is what the fix forbids is struck (or just its training clause is) rather
/// than contradicted; an open-ended phrase is replaced by the document's own purpose; a carve-out is added after a
/// grant. Headings, definitions, drafting notes and form options are never edited, and no two edits touch the same
/// words.</summary>
internal sealed class FixWriter(string[] texts, ParagraphInfo[] infos, PartyRoles roles, HashSet<string> materialHeads)
{
    private readonly Dictionary<int, List<(int Start, int End)>> edited = [];
    private readonly HashSet<(int Paragraph, string Group)> written = [];
    private readonly PartyRoles named = AsWritten(roles, texts);

    // Clauses that stand on their own (a covenant, a notice) and are already in the contract: a second finding of the
    // group keeps only its local edit.
    private readonly HashSet<string> inContract = [];

    /// <summary>Writes the drafts' edits; <paramref name="carveOutAnchor"/> is the grant a silent contract's carve-out
    /// paragraph would follow (-1 when the contract is not silent): its own "no training" sentence is left to that
    /// paragraph, unless a covenant is written, which binds an owner too and leaves no carve-out to add.</summary>
    public void Write(List<Draft> drafts, int carveOutAnchor)
    {
        var used = new HashSet<(int Paragraph, int At, string Group)>();

        // Strikes first: a sentence rewritten needs no carve-out after it, and nothing else may edit inside it. Then the
        // clauses that stand on their own (a covenant says "no training" for every licence, so no carve-out follows it):
        // the covenant after the first assignment, the others in the clauses with the fewest findings, where their
        // subject is the clause's own (the AI-provider notice after "may share ... with its service providers", not
        // piled onto a broad grant).
        var findingsIn = drafts.Where(d => d.Rule.Fix is not null).CountBy(d => d.Paragraph).ToDictionary();
        var groupMaterial = GroupMaterials(drafts);
        var order = drafts.Where(d => d.Rule.Fix?.Kind == FixKind.RewriteSentence)
            .Concat(drafts.Where(d => d.Rule.Fix?.Kind != FixKind.RewriteSentence)
                .OrderBy(d => d.Rule.Fix?.OncePerContract == true ? 0 : 1)
                .ThenBy(d => d.Rule.Fix?.Group == "no-training" ? 0 : findingsIn.GetValueOrDefault(d.Paragraph)));
        foreach (var draft in order)
        {
            var fix = draft.Rule.Fix;
            if (fix is null || draft.Mitigated || draft.IsProtection || !infos[draft.Paragraph].IsEditable)
            {
                continue;
            }

            var text = texts[draft.Paragraph];
            var sentence = draft.Sentence;
            var group = fix.Group ?? draft.Rule.Id;
            // A covenant is written once per paragraph, and one that stands on its own once per contract: a second
            // sentence granting training loses its training clause.
            var again = written.Contains((draft.Paragraph, group)) || inContract.Contains(group);
            var material = fix.NamesEveryMaterial && !again && groupMaterial.TryGetValue(group, out var all)
                ? all : SentenceMaterial.Of(text, sentence, draft.Start, roles, texts, materialHeads);
            var wording = FixWording.Fill(fix.Text, named with { Work = material });
            var leftToCarveOut = draft.Paragraph == carveOutAnchor && group == "no-training";
            IReadOnlyList<Edit> edits = fix.Kind switch
            {
                FixKind.ReplaceMatch => Replace(text, draft, wording),
                FixKind.RewriteSentence => Rewrite(text, draft, again ? null : wording),
                _ when again || leftToCarveOut => [],
                _ => Insert(draft, wording),
            };

            if (edits.Count == 0 || !Free(draft.Paragraph, edits))
            {
                continue;
            }

            // One sentence of each kind after a sentence: the first finding that asks for it writes it.
            if (fix.Kind != FixKind.ReplaceMatch && sentence.End >= 0 && !used.Add((draft.Paragraph, sentence.End, group)))
            {
                continue;
            }

            if (fix.Kind == FixKind.RewriteSentence && sentence.End >= 0)
            {
                // A struck or narrowed sentence says "no training" itself: no carve-out is added after it again.
                used.Add((draft.Paragraph, sentence.End, "no-training"));
            }

            Take(draft.Paragraph, edits);
            written.Add((draft.Paragraph, group));
            if (fix.OncePerContract && !again)
            {
                inContract.Add(group);
            }

            draft.Material = material;
            draft.Edits = edits;
            draft.FillIns = FillIns(edits);
        }
    }

    /// <summary>What a clause written once per contract protects when it names every material (the AI-provider notice):
    /// the material of every finding it stands for ("Usage Data or Discloser's Confidential Information"), so it covers
    /// each of them, not only the first one's (the others get no edit of their own).</summary>
    private Dictionary<string, NamedTerm> GroupMaterials(List<Draft> drafts)
    {
        var groups = drafts
            .Where(d => d.Rule.Fix is { OncePerContract: true } && !d.Mitigated && !d.IsProtection && infos[d.Paragraph].IsEditable)
            .GroupBy(d => d.Rule.Fix!.Group ?? d.Rule.Id);
        var joined = new Dictionary<string, NamedTerm>();
        foreach (var group in groups)
        {
            var terms = group.Select(d => SentenceMaterial.Of(texts[d.Paragraph], d.Sentence, d.Start, roles, texts, materialHeads))
                .DistinctBy(t => t.Bare, StringComparer.OrdinalIgnoreCase).ToList();
            var defined = terms.Where(t => t.Defined).ToList();
            if (defined.Count > 1)
            {
                // One term inside another's ("Customer Content" and "Content") is the same material named twice.
                var distinct = defined.Where(t => !defined.Any(o => o != t && o.Bare.Contains(t.Bare, StringComparison.Ordinal))).Take(3).ToList();
                var names = distinct.Select(t => t.InSentence).ToList();
                if (names.Count > 1)
                {
                    joined[group.Key] = new NamedTerm(string.Join(", ", names[..^1]) + (names.Count > 2 ? ", or " : " or ") + names[^1], "", true);
                }
            }
        }

        return joined;
    }

    /// <summary>The sides as the fixes may name them: a side the document never names (the default "Contractor" when
    /// the engine could not tell the sides apart) would bring a capitalised term into the contract that it does not
    /// define, so the fix says "the other party" instead.</summary>
    private static PartyRoles AsWritten(PartyRoles roles, string[] texts)
    {
        static NamedTerm InDocument(NamedTerm term, string[] texts) =>
            term.Bare.Length == 0 || !char.IsUpper(term.Bare[0]) || NamedTerm.IsPronoun(term.Bare)
            || texts.Any(t => System.Text.RegularExpressions.Regex.IsMatch(t, $@"\b{System.Text.RegularExpressions.Regex.Escape(term.Bare)}\b"))
                ? term
                : new NamedTerm("other party", "the", false);

        return roles with { Party = InDocument(roles.Party, texts), Counterparty = InDocument(roles.Counterparty, texts) };
    }

    private static bool EndsSentence(string text, int end)
    {
        var i = end - 1;
        while (i >= 0 && text[i] is '"' or '”' or '’' or '\'' or ')' or ']')
        {
            i--;
        }

        return i >= 0 && text[i] is '.' or '!' or '?';
    }

    private IReadOnlyList<Edit> Insert(Draft draft, string wording)
    {
        // Inserting after a sentence that runs on into the next line would cut it in half.
        if (draft.Sentence.End < 0)
        {
            return [];
        }

        // A list item that is a fragment ("non-exclusive, irrevocable, and royalty-free") takes no sentence after it;
        // the carve-out goes after an item that ends a sentence.
        return EndsSentence(texts[draft.Paragraph], draft.Sentence.End) ? [new Edit(draft.Sentence.End, 0, " " + wording)] : [];
    }

    private static List<Edit> Replace(string text, Draft draft, string wording)
    {
        var edits = new List<Edit>();
        foreach (var (at, length) in draft.AlsoAt.Prepend((draft.Start, draft.Length)))
        {
            var (start, widened) = PhraseSpan.Widen(text, at, length, wording);
            edits.Add(new Edit(start, widened, wording));
        }

        return edits;
    }

    /// <summary>Strikes the training clause ("..., including developing or training large language models") and adds
    /// the covenant after the sentence; when training is the sentence's whole point, strikes the sentence and puts the
    /// covenant in its place.</summary>
    private static IReadOnlyList<Edit> Rewrite(string text, Draft draft, string? wording)
    {
        var sentence = draft.Sentence;
        if (sentence.End <= sentence.Start)
        {
            return [];
        }

        // A denial reopened by an exception: striking the exception leaves the denial, which is the covenant.
        if (TrainingClause.Exception(text, sentence.Start, sentence.End, draft.Start, draft.Start + draft.Length) is { } exception)
        {
            return [new Edit(exception.Start, exception.End - exception.Start, "")];
        }

        if (TrainingClause.Find(text, sentence.Start, sentence.End, draft.Start, draft.Start + draft.Length) is { } clause)
        {
            return wording is null
                ? [new Edit(clause.Start, clause.End - clause.Start, clause.Replacement)]
                : [new Edit(clause.Start, clause.End - clause.Start, clause.Replacement), new Edit(sentence.End, 0, " " + wording)];
        }

        // The covenant is already in the paragraph: a sentence whose whole point is training is struck.
        if (wording is null)
        {
            var start = sentence.Start;
            while (start > 0 && text[start - 1] == ' ')
            {
                start--;
            }

            return [new Edit(start, sentence.End - start, "")];
        }

        return [new Edit(sentence.Start, sentence.End - sentence.Start, wording)];
    }

    private bool Free(int paragraph, IReadOnlyList<Edit> edits)
    {
        if (!edited.TryGetValue(paragraph, out var taken))
        {
            return true;
        }

        foreach (var edit in edits)
        {
            var end = edit.Start + edit.Length;
            foreach (var (start, stop) in taken)
            {
                var overlaps = edit.Length == 0 ? edit.Start > start && edit.Start < stop : edit.Start < stop && start < end;
                if (overlaps)
                {
                    return false;
                }
            }
        }

        return true;
    }

    private void Take(int paragraph, IReadOnlyList<Edit> edits)
    {
        if (!edited.TryGetValue(paragraph, out var taken))
        {
            edited[paragraph] = taken = [];
        }

        taken.AddRange(edits.Select(e => (e.Start, e.Start + e.Length)));
    }

    private List<FillIn> FillIns(IReadOnlyList<Edit> edits)
    {
        List<FillIn> blanks = [];
        if (!roles.PurposeText.IsBlank)
        {
            return blanks;
        }

        for (var i = 0; i < edits.Count; i++)
        {
            var at = edits[i].Replacement.IndexOf(PurposePhrase.Blank, StringComparison.Ordinal);
            if (at >= 0)
            {
                blanks.Add(new FillIn(i, at, PurposePhrase.Blank.Length, roles.PurposeText.Prompt));
            }
        }

        return blanks;
    }
}
