namespace WordRedline.Core;

/// <summary>One run of the engine over one document: read the structure and the parties, read every sentence that can
/// matter into clause frames, decide the findings, write the fixes, score what is left.</summary>
internal static class DocumentAnalysis
{
    public static AnalyzeResponse Run(CompiledPlaybook playbook, AnalyzeRequest request)
    {
        var paragraphs = request.Paragraphs;
        string[] texts = [.. paragraphs.Select(p => p.Text ?? "")];

        var infos = DocumentStructure.Build(texts);
        var document = new DocumentText(texts, playbook.Lexicon);
        var words = new DocumentWords(texts);
        var defined = DefinedTermScanner.Scan(words.Head, DocumentWords.ReadCharacters);
        var roles = PartyResolver.Resolve(words, defined, request.Party, playbook);
        MentionMatcher.Mark(document, roles.Mentions, defined, roles.Work);

        var sentences = SentenceSplitter.Split(document, infos);
        var drafts = new FindingCollector(document, infos, playbook).Collect(sentences);
        var addendum = AttachedAddendum.Find(texts, playbook);
        addendum.DropRisksInside(drafts);
        // The wording uses each term as the document writes it; the roles the rules read stay as resolved.
        var wording = FixTerms.Settle(roles, words, defined);
        var heads = SentenceMaterial.Heads(playbook.WorkTermList);
        Mitigation.Apply(drafts, d => SentenceMaterial.Of(texts[d.Paragraph], d.Sentence, d.Start, wording, texts, heads), texts);

        new FixWriter(texts, infos, wording, heads).Write(drafts, SilentOnAi.Anchor(drafts) is var anchor and >= 0 ? drafts[anchor].Paragraph : -1);
        var silent = SilentOnAi.Find(drafts, wording, playbook, paragraphs);
        var reference = addendum.Reference(texts, roles, playbook, paragraphs);
        var protections = Scorecard.Protections(drafts, addendum, playbook, paragraphs);
        var score = Scorecard.Score(drafts, SilentOnAi.IsSilent(drafts), protections, playbook);

        return new AnalyzeResponse
        {
            Party = new PartyInfo
            {
                Name = roles.Party.Bare,
                Counterparty = roles.Counterparty.Bare,
                WorkTerm = roles.Work.Bare,
                Detected = roles.Detected,
                Certain = roles.Certain,
                Reason = roles.Reason,
                Candidates = roles.Candidates,
            },
            Score = score,
            Grade = Scorecard.Grade(score, playbook),
            Findings = [.. drafts.Select((d, i) => ToFinding(d, i, paragraphs, texts, infos, wording))],
            DocumentFindings = silent is null ? [] : [silent],
            SilentOnAiTraining = SilentOnAi.IsSilent(drafts),
            Protections = protections,
            AddendumReference = reference,
            Playbook = playbook.Label,
        };
    }

    private static Finding ToFinding(Draft draft, int index, IReadOnlyList<ParagraphInput> paragraphs, string[] texts, ParagraphInfo[] infos, PartyRoles roles)
    {
        var text = texts[draft.Paragraph];
        var fix = draft.Rule.Fix;
        return new Finding
        {
            Id = $"f{index + 1}",
            ParagraphId = paragraphs[draft.Paragraph].Id,
            Category = draft.Category,
            Severity = draft.Severity,
            Title = draft.Rule.Title,
            Explanation = draft.Rule.Explanation,
            Start = draft.Start,
            Length = draft.Length,
            Quote = text.Substring(draft.Start, draft.Length),
            Edits = draft.Edits,
            Changes = WordDiff.Changes(text, draft.Edits),
            Rationale = draft.Edits.Count > 0 && fix is not null ? fix.Rationale : "",
            Comment = draft.Edits.Count > 0 && fix is not null ? FixWording.FillComment(fix.Comment, draft.Material is null ? roles : roles with { Work = draft.Material }) : "",
            RuleId = draft.Rule.Id,
            Mitigated = draft.Mitigated,
            Clause = infos[draft.Paragraph].Clause,
            Heading = infos[draft.Paragraph].Heading,
            FillIns = draft.FillIns,
        };
    }
}
