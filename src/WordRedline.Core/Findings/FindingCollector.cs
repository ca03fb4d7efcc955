namespace WordRedline.Core;

/// <summary>Reads every sentence that can matter and collects one finding per paragraph and category (the first, most
/// severe; each protection kind is kept separately since each ticks its own checklist line).</summary>
internal sealed class FindingCollector
{
    // A sentence without any of these words cannot carry a finding: most sentences are skipped here.
    private const Concept Relevant = ConceptSets.Acting | ConceptSets.Giving | ConceptSets.Ownership | ConceptSets.Breadth
        | Concept.OpenScope | Concept.FreeOfObligation | Concept.MoralRights | Concept.NoAttribution | Concept.Train | Concept.AiObject;

    private readonly DocumentText document;
    private readonly ParagraphInfo[] infos;
    private readonly CompiledPlaybook playbook;
    private readonly Dictionary<(int Paragraph, Category Category, string Kind), Draft> drafts = [];

    public FindingCollector(DocumentText document, ParagraphInfo[] infos, CompiledPlaybook playbook)
    {
        this.document = document;
        this.infos = infos;
        this.playbook = playbook;
    }

    public List<Draft> Collect(List<(int Start, int End)> sentences)
    {
        var evidence = new List<Evidence>();
        var lastSentenceOf = new Dictionary<int, (int Start, int End)>();
        foreach (var range in sentences)
        {
            lastSentenceOf[document.ParagraphOf(range.End - 1)] = range;
        }

        foreach (var range in sentences)
        {
            var paragraph = document.ParagraphOf(range.Start);
            var recipientRow = infos[paragraph].RecipientRow && OpensParagraph(range, paragraph);
            if (!AnyRelevant(range.Start, range.End) && !CompletesRelevantLeadIn(range, paragraph, lastSentenceOf) && !recipientRow)
            {
                continue;
            }

            var sentence = Build(range, paragraph, lastSentenceOf);
            if (sentence is null)
            {
                continue;
            }

            var reader = new ClauseReader(document, sentence);
            var facts = new SentenceFacts(reader);
            evidence.Clear();
            CategoryRules.Evaluate(facts, infos[paragraph].IsOperative, evidence);
            ProtectionRules.Evaluate(reader, evidence);
            if (infos[paragraph].PurposeRow && !evidence.Any(e => e.Category is Category.AiTraining or Category.AiProtection))
            {
                CategoryRules.PurposeRow(reader, evidence);
            }

            if (recipientRow && !evidence.Any(e => e.Category == Category.DataSharing))
            {
                // The row's first cell names who receives the data.
                var at = reader.Sentence.BodyFrom;
                while (at < reader.Count && reader.Tok(at).Shape == Shape.Punctuation)
                {
                    at++;
                }

                evidence.Add(new Evidence(Category.DataSharing, RuleIds.ThirdParties, Math.Min(at, reader.Count - 1), Math.Min(at + 1, reader.Count)));
            }

            foreach (var item in evidence)
            {
                Record(item, reader, range);
            }
        }

        return [.. drafts.Values.OrderBy(d => d.Paragraph).ThenBy(d => d.Start).ThenBy(d => d.Category)];
    }

    private bool AnyRelevant(int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            if (document[i].Is(Relevant))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A list item's first sentence with no telling word of its own ("Financial Institutions.") still
    /// completes its lead-in ("We may share your data with the following parties:").</summary>
    private bool CompletesRelevantLeadIn((int Start, int End) range, int paragraph, Dictionary<int, (int Start, int End)> lastSentenceOf) =>
        OpensParagraph(range, paragraph) && infos[paragraph].LeadIn is >= 0 and var leadIn
        && lastSentenceOf.TryGetValue(leadIn, out var context) && AnyRelevant(context.Start, context.End);

    /// <summary>The sentence's tokens, after the item's own number or bullet, with its lead-in sentence first when the
    /// paragraph is a list item.</summary>
    private Sentence? Build((int Start, int End) range, int paragraph, Dictionary<int, (int Start, int End)> lastSentenceOf)
    {
        var focusStart = range.Start;
        if (focusStart == document.ParagraphStart(paragraph))
        {
            // Skip the paragraph's own number, bullet or check box: "(a)" must not read as a bracketed clause.
            var numberEnd = infos[paragraph].NumberLength;
            while (focusStart < range.End && (document[focusStart].Start < numberEnd || IsMarker(document[focusStart])))
            {
                focusStart++;
            }
        }

        if (focusStart >= range.End)
        {
            return null;
        }

        // The clause's inline heading ("Adapt and Display Content:") is read but grants nothing.
        var bodyStart = focusStart;
        while (bodyStart < range.End && document[bodyStart].Start < infos[paragraph].InlineHeadingEnd)
        {
            bodyStart++;
        }

        if (bodyStart >= range.End)
        {
            bodyStart = focusStart;
        }

        // Only the item's first sentence completes the lead-in; a later full sentence stands on its own.
        var leadIn = OpensParagraph(range, paragraph) ? infos[paragraph].LeadIn : -1;
        if (leadIn < 0 || !lastSentenceOf.TryGetValue(leadIn, out var context))
        {
            return new Sentence(Range(focusStart, range.End), 0, bodyStart - focusStart);
        }

        // The lead-in of a lead-in ("You grant us a licence that is:" under "Licence."), at most one level up.
        var tokens = new List<int>(context.End - context.Start + range.End - focusStart);
        var outer = infos[leadIn].LeadIn;
        if (outer >= 0 && lastSentenceOf.TryGetValue(outer, out var outerContext))
        {
            tokens.AddRange(Enumerable.Range(outerContext.Start, outerContext.End - outerContext.Start));
        }

        tokens.AddRange(Enumerable.Range(context.Start, context.End - context.Start));
        var focusFrom = tokens.Count;
        tokens.AddRange(Enumerable.Range(focusStart, range.End - focusStart));
        return new Sentence([.. tokens], focusFrom, focusFrom + bodyStart - focusStart);
    }

    /// <summary>The sentence is the paragraph's first, counting from after its number: "1." alone can read as a
    /// sentence of its own, and the text after it is still the item that completes the lead-in.</summary>
    private bool OpensParagraph((int Start, int End) range, int paragraph)
    {
        var first = document.ParagraphStart(paragraph);
        var numberEnd = infos[paragraph].NumberLength;
        while (first < document.ParagraphEnd(paragraph) && (document[first].Start < numberEnd || IsMarker(document[first])))
        {
            first++;
        }

        return range.Start <= first;
    }

    private static bool IsMarker(Token token) =>
        token.Shape == Shape.Punctuation && token.Mark is '*' or '-' or '•' or '–' or '·' or '▪' or '◦' or '☐' or '☒' or '☑' or '□' or '■' or '…' or '(' or ')' or '[' or ']' or '‣' or '○' or '●';

    private static int[] Range(int start, int end)
    {
        var tokens = new int[end - start];
        for (var i = 0; i < tokens.Length; i++)
        {
            tokens[i] = start + i;
        }

        return tokens;
    }

    private void Record(Evidence item, ClauseReader reader, (int Start, int End) range)
    {
        var first = reader.Sentence[item.At];
        var paragraph = document.ParagraphOf(first);
        var info = infos[paragraph];
        var firstToken = document[first];

        // Findings never come from a heading, whether a heading line or the inline heading a clause starts with; but
        // the label of an item under a sharing lead-in ("Regulatory Authorities. Such as ...") names the recipient.
        if (firstToken.Start < info.InlineHeadingEnd && item.Category != Category.AiProtection && !(item.Category == Category.DataSharing && info.LeadIn >= 0))
        {
            return;
        }

        var end = first;
        for (var k = item.At; k < item.End && k < reader.Count; k++)
        {
            var token = reader.Sentence[k];
            if (document.ParagraphOf(token) != paragraph)
            {
                break;
            }

            end = token;
        }

        var start = firstToken.Start;
        var length = Math.Max(1, document[end].End - start);
        var rule = playbook.Rule(item.Kind);
        // One finding per paragraph and category, except protections (each ticks its own checklist line) and open-ended
        // phrases (each is replaced on its own).
        // Training permissions likewise: each sentence that grants one is struck or narrowed on its own.
        var key = (paragraph, item.Category, item.Category == Category.AiProtection ? item.Kind
            : item.Category == Category.UsageScope && rule.Fix?.Kind == FixKind.ReplaceMatch ? item.Kind
            : item.Category == Category.AiTraining && rule.Fix?.Kind == FixKind.RewriteSentence ? "s" + range.Start.ToString(System.Globalization.CultureInfo.InvariantCulture)
            : "");
        if (drafts.TryGetValue(key, out var existing) && existing.Rule.Severity >= rule.Severity)
        {
            // The same open-ended phrase again in the paragraph: one finding, one replacement at each place.
            if (existing.Rule == rule && rule.Fix?.Kind == FixKind.ReplaceMatch && start >= existing.Start + existing.Length && (existing.AlsoAt.Count == 0 || existing.AlsoAt[^1].Start < start))
            {
                existing.AlsoAt.Add((start, length));
            }

            return;
        }

        drafts[key] = new Draft(rule, paragraph, start, length, SpanOf(range, paragraph));
    }

    /// <summary>Where the sentence lies in the paragraph's text, and whether it ends there.</summary>
    private SentenceSpan SpanOf((int Start, int End) range, int paragraph)
    {
        var paragraphStart = document.ParagraphStart(paragraph);
        var paragraphEnd = document.ParagraphEnd(paragraph);
        var first = Math.Max(range.Start, paragraphStart);
        var last = Math.Min(range.End, paragraphEnd) - 1;
        var info = infos[paragraph];
        var body = Math.Max(info.NumberLength, info.InlineHeadingEnd);

        // A sentence that starts the paragraph starts after its number and inline heading ("3.3.1 Use of Customer Data:").
        while (first < paragraphEnd - 1 && document[first].Start < body && document.ParagraphOf(first) == paragraph && first < last)
        {
            first++;
        }

        var start = document[first].Start;
        var runsOn = range.End > paragraphEnd;
        var end = runsOn ? -1 : document[last].End;
        var whole = !runsOn && range.Start <= paragraphStart + 0 + CountLeading(paragraph, body) && range.End >= paragraphEnd;
        return new SentenceSpan(start, end, whole);
    }

    private int CountLeading(int paragraph, int bodyStart)
    {
        var count = 0;
        for (var i = document.ParagraphStart(paragraph); i < document.ParagraphEnd(paragraph) && document[i].Start < bodyStart; i++)
        {
            count++;
        }

        return count;
    }
}
