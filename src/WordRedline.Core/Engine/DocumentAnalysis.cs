using System.Text.RegularExpressions;

namespace WordRedline.Core;

/// <summary>One run of the engine over one document: find, decide direction, fix, mitigate, score.</summary>
internal sealed class DocumentAnalysis
{
    private readonly CompiledPlaybook playbook;
    private readonly IReadOnlyList<ParagraphInput> paragraphs;
    private readonly string[] texts;
    private readonly PartyTerms terms;
    private readonly AddendumTerms wording;
    private readonly RoleLexicon lexicon;
    private readonly DocumentScan scan;
    private readonly LiteralPresence presence;

    // One risk finding per paragraph and category: the first, strongest match is the one a reviewer needs. Each
    // protection is kept (slot = rule index), since each mitigates its own risks and ticks its own checklist line,
    // and so is each phrase rule, since each phrase needs its own replacement.
    private readonly Dictionary<(int Paragraph, Category Category, int Slot), Draft> drafts = [];

    public DocumentAnalysis(CompiledPlaybook playbook, AnalyzeRequest request)
    {
        this.playbook = playbook;
        paragraphs = request.Paragraphs;
        texts = [.. paragraphs.Select(p => p.Text ?? "")];
        scan = DocumentScan.Run(texts, playbook);
        terms = PartyResolver.Resolve(texts, scan, request.Party, playbook);
        wording = terms.ToAddendumTerms();
        lexicon = new RoleLexicon(terms);
        presence = new LiteralPresence(playbook);
    }

    public AnalyzeResponse Run()
    {
        foreach (var (start, end) in TextBlocks.Build(texts))
        {
            ScanBlock(start, end);
        }

        DropRisksInsideAttachedAddendum();
        Mitigate();
        var findings = drafts.Values.OrderBy(d => d.Paragraph).ThenBy(d => d.Start).ThenBy(d => d.Rule.Index).ToList();
        var silent = SilentFinding(findings);
        AssignEdits(findings);
        var reference = FindAddendumReference(out var attachedAt);
        var protections = Protections(findings, attachedAt);
        var score = Score(findings, silent is not null, protections);
        return new AnalyzeResponse
        {
            Party = new PartyInfo
            {
                Name = terms.Name,
                Counterparty = terms.Counterparty,
                WorkTerm = terms.WorkTerm,
                Detected = terms.Detected,
                Candidates = terms.Candidates,
            },
            Score = score,
            Grade = Grade(score),
            Findings = [.. findings.Select((d, i) => d.ToFinding($"f{i + 1}", paragraphs[d.Paragraph].Id, texts[d.Paragraph], wording))],
            DocumentFindings = silent is null ? [] : [silent],
            Protections = protections,
            AddendumReference = reference,
            Playbook = $"{playbook.Source.Id}@{playbook.Source.Version}",
        };
    }

    private void ScanBlock(int start, int end)
    {
        // Most paragraphs wake no rule: the document scan already knows, and they cost nothing more.
        var blockHits = scan.Hits(start, end);
        if (blockHits.IsEmpty)
        {
            return;
        }

        // The block's paragraphs joined by '\n', which sentence splitting treats as a space.
        var paragraphStarts = new int[end - start];
        var joined = end - start == 1 ? texts[start] : JoinBlock(start, end, paragraphStarts);
        var view = RoleText.Create(joined, lexicon);
        var hits = ViewHits(blockHits, view, start, paragraphStarts);
        if (hits.Count == 0)
        {
            return;
        }

        var candidates = new bool[playbook.Rules.Count];
        var next = 0;
        foreach (var (sStart, sEnd) in Sentences.Split(view.View))
        {
            // A sentence's candidate rules are those woken by the trigger words inside it.
            Array.Clear(candidates);
            var any = false;
            for (; next < hits.Count && hits[next].Position < sEnd; next++)
            {
                if (hits[next].Position < sStart)
                {
                    continue;
                }

                foreach (var rule in hits[next].Rules)
                {
                    candidates[rule] = true;
                }

                any = true;
            }

            if (!any)
            {
                continue;
            }

            var sentence = new Sentence(this, view, start, paragraphStarts, sStart, sEnd);
            if (ScanProtections(sentence, candidates))
            {
                continue;
            }

            ScanRisks(sentence, candidates, paragraphScope: false);
        }

        // Rules that read a whole paragraph ("you waive these rights" after "moral rights") see the block at once.
        if (playbook.HasParagraphRules)
        {
            Array.Clear(candidates);
            var anyParagraphRule = false;
            foreach (var (_, rules) in hits)
            {
                foreach (var rule in rules)
                {
                    candidates[rule] = true;
                    anyParagraphRule |= playbook.Rules[rule].ParagraphScope;
                }
            }

            if (anyParagraphRule)
            {
                ScanRisks(new Sentence(this, view, start, paragraphStarts, 0, view.View.Length), candidates, paragraphScope: true);
            }
        }
    }

    /// <summary>The block's trigger hits at their places in the role view, with the rules each wakes. A trigger that a
    /// party name covers ("Owner" as a defined party) is that party, not the trigger.</summary>
    private List<(int Position, int[] Rules)> ViewHits(ReadOnlySpan<TriggerHit> blockHits, RoleText view, int firstParagraph, int[] paragraphStarts)
    {
        List<(int, int[])> hits = new(blockHits.Length);
        foreach (var hit in blockHits)
        {
            if (view.TryToView(paragraphStarts[hit.Paragraph - firstParagraph] + hit.Position, out var at))
            {
                hits.Add((at, playbook.RulesByTrigger[hit.Trigger]));
            }
        }

        return hits;
    }

    private string JoinBlock(int start, int end, int[] paragraphStarts)
    {
        var length = 0;
        for (var i = start; i < end; i++)
        {
            paragraphStarts[i - start] = length;
            length += texts[i].Length + 1;
        }

        return string.Join('\n', texts[start..end]);
    }

    /// <summary>Protective wording is reported and then shields its sentence from the risk rules.</summary>
    private bool ScanProtections(Sentence sentence, bool[] candidates)
    {
        var protective = false;
        foreach (var rule in playbook.Rules)
        {
            if (rule.IsProtection && candidates[rule.Index] && sentence.MayMatch(rule) && sentence.Satisfies(rule) && Record(rule, sentence))
            {
                protective = true;
            }
        }

        return protective;
    }

    private void ScanRisks(Sentence sentence, bool[] candidates, bool paragraphScope)
    {
        foreach (var rule in playbook.Rules)
        {
            if (rule.IsProtection || !candidates[rule.Index] || rule.ParagraphScope != paragraphScope)
            {
                continue;
            }

            // Words the patterns need come first: a rule none of whose patterns can match costs no regex at all.
            var fixesEveryOccurrence = rule.Source.Fix?.Kind == "replace-match";
            if ((!fixesEveryOccurrence && sentence.AlreadyFound(rule.Category)) || !sentence.MayMatch(rule) || !sentence.Satisfies(rule))
            {
                continue;
            }

            if (rule.NeedsGiving && !sentence.GivesAway)
            {
                continue;
            }

            Record(rule, sentence);
        }
    }

    /// <summary>Records the rule's matches in the sentence, one finding per paragraph it touches. Returns whether any
    /// pattern matched at all, recorded or not (a protection shields its sentence either way).</summary>
    private bool Record(CompiledRule rule, Sentence sentence)
    {
        var matchedAny = false;
        foreach (var pattern in rule.Patterns)
        {
            var recorded = false;
            if (!presence.MayMatch(pattern))
            {
                continue;
            }

            // "will not share", "may not be used for any purpose": a negated risk is no risk.
            var spans = Matches(pattern.Regex, sentence, skipNegated: !rule.IsProtection && rule.Source.Negatable, out var matched);
            matchedAny |= matched;
            foreach (var (index, matchLength) in spans)
            {
                var (paragraph, start, length) = sentence.Locate(index, matchLength);
                var key = (paragraph, rule.Category, rule.IsProtection || rule.Source.Fix?.Kind == "replace-match" ? rule.Index : -1);
                if (drafts.TryGetValue(key, out var existing) && existing.Rule.Severity >= rule.Severity)
                {
                    // Every occurrence of a phrase that is replaced in place is fixed by the same finding.
                    if (existing.Rule == rule && rule.Source.Fix?.Kind == "replace-match" && start >= existing.Start + existing.Length)
                    {
                        existing.AlsoAt.Add((start, length));
                    }

                    continue;
                }

                drafts[key] = new Draft(rule, paragraph, start, length, sentence.End(paragraph));
                recorded = true;
            }

            if (recorded)
            {
                return true;
            }
        }

        return matchedAny;
    }

    /// <summary>Every non-empty, non-negated match that stays inside one paragraph; a pattern with a group named
    /// "q" quotes just that group, so it can require context around the words it quotes. After a negated match the
    /// search resumes just after its start, so "not disclose X to third parties, but may disclose X to its employees"
    /// still finds the second. <paramref name="matched"/> says whether the pattern matched anywhere at all.</summary>
    private static List<(int Index, int Length)> Matches(Regex regex, Sentence sentence, bool skipNegated, out bool matched)
    {
        List<(int, int)> found = [];
        var quoteGroup = regex.GroupNumberFromName("q");
        matched = false;
        var at = 0;
        while (at < sentence.Length && Next(regex, quoteGroup, sentence, at) is var (matchIndex, matchLength, quoteIndex, quoteLength))
        {
            matched = true;
            var text = sentence.Span;
            if (quoteLength > 0 && skipNegated && Negation.Precedes(text, quoteIndex))
            {
                at = matchIndex + 1;
                continue;
            }

            if (quoteLength > 0 && !text.Slice(quoteIndex, quoteLength).Contains('\n'))
            {
                found.Add((quoteIndex, quoteLength));
            }

            at = matchIndex + Math.Max(matchLength, 1);
        }

        return found;
    }

    /// <summary>The next match from <paramref name="at"/> and the span it quotes. Only patterns that quote a group pay
    /// for captures (and for the sentence as a string); the rest take the capture-free path over the view.</summary>
    private static (int Index, int Length, int QuoteIndex, int QuoteLength)? Next(Regex regex, int quoteGroup, Sentence sentence, int at)
    {
        if (quoteGroup < 0)
        {
            foreach (var plain in regex.EnumerateMatches(sentence.Span, at))
            {
                return (plain.Index, plain.Length, plain.Index, plain.Length);
            }

            return null;
        }

        var match = regex.Match(sentence.Text, at);
        if (!match.Success)
        {
            return null;
        }

        var quote = match.Groups[quoteGroup];
        return (match.Index, match.Length, quote.Index, quote.Success ? quote.Length : 0);
    }

    /// <summary>The attached AI Protection Addendum is protective wording from its heading to the end (or to the next
    /// schedule): its definitions name AI training and its precedence clause names work made for hire, and neither
    /// gives anything away.</summary>
    private void DropRisksInsideAttachedAddendum()
    {
        var title = playbook.Source.Addendum.Title;
        var start = Array.FindIndex(texts, t => t.AsSpan().Trim().Equals(title, StringComparison.OrdinalIgnoreCase));
        if (start < 0)
        {
            return;
        }

        var end = start + 1;
        while (end < texts.Length && !playbook.AddendumEnds.Any(p => p.Regex.IsMatch(texts[end])))
        {
            end++;
        }

        foreach (var key in drafts.Keys.Where(k => k.Paragraph >= start && k.Paragraph < end && k.Category != Category.AiProtection).ToList())
        {
            drafts.Remove(key);
        }
    }

    /// <summary>A protection in the same paragraph (or a carve-out paragraph right after it) lowers the risks it covers
    /// to low and withdraws their edits: the fix is already there.</summary>
    private void Mitigate()
    {
        var protections = drafts.Values.Where(d => d.Rule.IsProtection).ToList();
        foreach (var draft in drafts.Values)
        {
            if (draft.Rule.IsProtection)
            {
                continue;
            }

            if (protections.Any(p => (p.Paragraph == draft.Paragraph || p.Paragraph == draft.Paragraph + 1) && p.Rule.Mitigates.Contains(draft.Rule.Category)))
            {
                draft.Mitigated = true;
            }
        }
    }

    /// <summary>Turns each unmitigated finding's fix into edits; where several findings would add the same kind of
    /// sentence at the same place, only the first does.</summary>
    private void AssignEdits(List<Draft> findings)
    {
        var used = new HashSet<(int Paragraph, int At, string Group)>();
        foreach (var draft in findings)
        {
            var fix = draft.Rule.Source.Fix;
            if (fix is null || draft.Mitigated || draft.Rule.IsProtection)
            {
                continue;
            }

            var text = TermText.Fill(fix.Text, wording);
            if (fix.Kind == "replace-match")
            {
                draft.Edits = [new Edit(draft.Start, draft.Length, text), .. draft.AlsoAt.Select(span => new Edit(span.Start, span.Length, text))];
                continue;
            }

            // Inserting after a sentence that runs on into the next line would cut it in half.
            if (draft.SentenceEnd < 0 || draft.CoveredByDocumentFinding)
            {
                continue;
            }

            if (used.Add((draft.Paragraph, draft.SentenceEnd, fix.Group ?? draft.Rule.Source.Id)))
            {
                draft.Edits = [new Edit(draft.SentenceEnd, 0, " " + text)];
            }
        }
    }

    private DocumentFinding? SilentFinding(List<Draft> findings)
    {
        if (findings.Any(d => d.Rule.Category is Category.AiTraining or Category.AiProtection))
        {
            return null;
        }

        var grants = findings.Where(d => d.Rule.Category is Category.LicenseBreadth or Category.IpAssignment or Category.UsageScope or Category.DerivativeWorks).ToList();
        if (grants.Count == 0)
        {
            return null;
        }

        var anchor = grants.FirstOrDefault(d => d.Rule.Category is Category.LicenseBreadth or Category.IpAssignment) ?? grants[0];

        // The carve-out paragraph covers the grant it follows; the same words inline would say it twice.
        foreach (var draft in findings.Where(d => d.Paragraph == anchor.Paragraph && d.Rule.Source.Fix?.Group == "no-training"))
        {
            draft.CoveredByDocumentFinding = true;
        }

        var silent = playbook.Source.Silent;
        return new DocumentFinding
        {
            Id = "d1",
            Category = Category.AiTrainingSilent,
            Severity = Enum.Parse<Severity>(silent.Severity, ignoreCase: true),
            Title = silent.Title,
            Explanation = TermText.Fill(silent.Explanation, wording),
            InsertAfterParagraphId = paragraphs[anchor.Paragraph].Id,
            Paragraphs = [.. silent.Paragraphs.Select(p => p with { Text = TermText.Fill(p.Text, wording) })],
            Rationale = TermText.Fill(silent.Rationale, wording),
            Comment = TermText.Fill(silent.Comment, wording),
        };
    }

    private AddendumReference? FindAddendumReference(out int attachedAt)
    {
        attachedAt = -1;
        var entireAgreement = -1;
        for (var i = 0; i < texts.Length; i++)
        {
            var text = texts[i];
            // The patterns run only on the few paragraphs where the scan saw one of their words.
            var gate = scan.Gates[i];
            if (attachedAt < 0 && gate.HasFlag(ScanGate.AddendumAttached) && playbook.AddendumAttached.Any(p => p.Regex.IsMatch(text)))
            {
                attachedAt = i;
            }

            if (entireAgreement < 0 && gate.HasFlag(ScanGate.EntireAgreement) && playbook.EntireAgreement.Any(p => p.Regex.IsMatch(text)))
            {
                entireAgreement = i;
            }
        }

        if (attachedAt >= 0 || entireAgreement < 0)
        {
            return null;
        }

        var target = texts[entireAgreement];
        var end = target.AsSpan().TrimEnd().Length;
        var sentence = TermText.Fill(playbook.Source.Addendum.Reference, wording);
        var edit = new Edit(end, 0, " " + sentence);
        return new AddendumReference(paragraphs[entireAgreement].Id, edit) { Changes = WordDiff.Changes(target, [edit]) };
    }

    private List<Protection> Protections(List<Draft> findings, int attachedAt)
    {
        List<Protection> result = [];
        foreach (var check in playbook.Source.Protections)
        {
            var present = findings.FirstOrDefault(d => check.PresentWhenRules.Contains(d.Rule.Source.Id));
            var absentRisk = check.AbsentWhenCategories.Count > 0
                && !findings.Any(d => !d.Mitigated && check.AbsentWhenCategories.Contains(d.Rule.Category.Id()));
            var addendum = check.Key == "ai-addendum" && attachedAt >= 0;
            result.Add(new Protection
            {
                Key = check.Key,
                Title = check.Title,
                Present = present is not null || absentRisk || addendum,
                ParagraphId = present is not null ? paragraphs[present.Paragraph].Id : addendum ? paragraphs[attachedAt].Id : null,
            });
        }

        return result;
    }

    private int Score(List<Draft> findings, bool silent, List<Protection> protections)
    {
        var weights = playbook.Source.Scoring;
        var penalty = findings.Where(d => !d.Rule.IsProtection).Sum(d => playbook.Severities[d.Severity]);
        var score = 100 - Math.Min(weights.FindingsCap, penalty)
            - (silent ? weights.Silent : 0)
            - weights.MissingProtection * protections.Count(p => !p.Present);
        return Math.Clamp(score, 0, 100);
    }

    private string Grade(int score)
    {
        var grades = playbook.Source.Scoring.Grades;
        for (var i = 0; i < grades.Count; i++)
        {
            if (score >= grades[i])
            {
                return ((char)('A' + i)).ToString();
            }
        }

        return "F";
    }

    /// <summary>A sentence of a block, in the role view, with lazily computed direction. Patterns run only when the
    /// sentence holds the words they need (<see cref="LiteralPresence"/>).</summary>
    private sealed class Sentence
    {
        private readonly DocumentAnalysis owner;
        private readonly RoleText view;
        private readonly int firstParagraph;
        private readonly int[] paragraphStarts;
        private readonly int start;
        private bool? givesAway;
        private string? text;

        public Sentence(DocumentAnalysis owner, RoleText view, int firstParagraph, int[] paragraphStarts, int start, int end)
        {
            this.owner = owner;
            this.view = view;
            this.firstParagraph = firstParagraph;
            this.paragraphStarts = paragraphStarts;
            this.start = start;
            Length = end - start;
            owner.presence.Begin(view.View, start, Length);
        }

        public int Length { get; }

        /// <summary>The sentence in the role view, where the patterns run.</summary>
        public ReadOnlySpan<char> Span => view.View.AsSpan(start, Length);

        /// <summary>The same as a string, made only for the few patterns that quote a group.</summary>
        public string Text => text ??= view.View.Substring(start, Length);

        public bool GivesAway => givesAway ??= ComputeGivesAway();

        /// <summary>False when no pattern of the rule can match: none has its required words here.</summary>
        public bool MayMatch(CompiledRule rule)
        {
            foreach (var pattern in rule.Patterns)
            {
                if (owner.presence.MayMatch(pattern))
                {
                    return true;
                }
            }

            return false;
        }

        public bool Satisfies(CompiledRule rule)
        {
            foreach (var pattern in rule.Requires)
            {
                if (!IsMatch(pattern))
                {
                    return false;
                }
            }

            foreach (var pattern in rule.Unless)
            {
                if (IsMatch(pattern))
                {
                    return false;
                }
            }

            return true;
        }

        private bool IsMatch(Pattern pattern) => owner.presence.MayMatch(pattern) && pattern.Regex.IsMatch(Span);

        private bool AnyMatches(Pattern[] patterns)
        {
            foreach (var pattern in patterns)
            {
                if (IsMatch(pattern))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>True when every paragraph this sentence touches already has a finding of the category.</summary>
        public bool AlreadyFound(Category category)
        {
            var (first, _, _) = Locate(0, 0);
            var (last, _, _) = Locate(Length, 0);
            for (var p = first; p <= last; p++)
            {
                if (!owner.drafts.ContainsKey((p, category, -1)))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>The paragraph, offset and length in that paragraph's original text of a span of this sentence.</summary>
        public (int Paragraph, int Start, int Length) Locate(int index, int length)
        {
            var from = view.ToOriginal(start + index);
            var to = view.ToOriginal(start + index + length);
            var local = Array.BinarySearch(paragraphStarts, from);
            local = local >= 0 ? local : ~local - 1;
            local = Math.Max(local, 0);
            var paragraph = firstParagraph + local;
            var offset = from - paragraphStarts[local];
            var textLength = owner.texts[paragraph].Length;
            offset = Math.Clamp(offset, 0, textLength);
            return (paragraph, offset, Math.Clamp(to - from, 0, textLength - offset));
        }

        /// <summary>Where the sentence ends inside <paramref name="paragraph"/>, or -1 when it runs on into the next.</summary>
        public int End(int paragraph)
        {
            var (last, offset, _) = Locate(Length, 0);
            var trimmed = Span.TrimEnd();
            var endsSentence = trimmed.Length > 0 && trimmed[^1] is '.' or '!' or '?' or '"' or '”' or ')' or '’';
            return last == paragraph && endsSentence ? offset - (Length - trimmed.Length) : -1;
        }

        private bool ComputeGivesAway()
        {
            // A sentence gives something away when a giving cue matches and it is not a licence to the protected
            // party or a restriction on it.
            var playbook = owner.playbook;
            return AnyMatches(playbook.Gives) && !AnyMatches(playbook.Receives) && !AnyMatches(playbook.BindsParty);
        }
    }

    /// <summary>A finding under construction.</summary>
    private sealed class Draft(CompiledRule rule, int paragraph, int start, int length, int sentenceEnd)
    {
        public CompiledRule Rule { get; } = rule;
        public int Paragraph { get; } = paragraph;
        public int Start { get; } = start;
        public int Length { get; } = length;

        /// <summary>Offset just after the sentence in the paragraph, or -1 when the sentence runs on.</summary>
        public int SentenceEnd { get; } = sentenceEnd;

        /// <summary>Further occurrences in the paragraph that the same replacement fixes.</summary>
        public List<(int Start, int Length)> AlsoAt { get; } = [];

        public bool Mitigated { get; set; }
        public bool CoveredByDocumentFinding { get; set; }
        public IReadOnlyList<Edit> Edits { get; set; } = [];
        public Severity Severity => Mitigated ? Severity.Low : Rule.Severity;

        public Finding ToFinding(string id, string paragraphId, string text, AddendumTerms wording) => new()
        {
            Id = id,
            ParagraphId = paragraphId,
            Category = Rule.Category,
            Severity = Severity,
            Title = Rule.Source.Title,
            Explanation = Rule.Source.Explanation,
            Start = Start,
            Length = Length,
            Quote = text.Substring(Start, Length),
            Edits = Edits,
            Changes = WordDiff.Changes(text, Edits),
            Rationale = Edits.Count > 0 ? Rule.Source.Fix!.Rationale : "",
            Comment = Edits.Count > 0 ? TermText.Fill(Rule.Source.Fix!.Comment, wording) : "",
            RuleId = Rule.Source.Id,
            Mitigated = Mitigated,
        };
    }
}
