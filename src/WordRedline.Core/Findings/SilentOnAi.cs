namespace WordRedline.Core;

/// <summary>A contract that gives rights in the work and never mentions AI training: silence favours the other side, so
/// the engine proposes an express carve-out paragraph after the main grant. An assignment's covenant already says "no
/// training" for the whole contract, whatever was licensed before it: then the carve-out would say it twice.</summary>
internal static class SilentOnAi
{
    /// <summary>The contract gives rights in the work and never mentions AI training: the score counts it whatever the
    /// fix.</summary>
    public static bool IsSilent(List<Draft> drafts) =>
        !drafts.Any(d => d.Category is Category.AiTraining or Category.AiProtection) && drafts.Any(IsGrant);

    /// <summary>The finding with its carve-out, or null when the contract is not silent or an assignment's covenant is
    /// written. Runs after the fixes are written, so it knows whether a covenant is in.</summary>
    public static DocumentFinding? Find(List<Draft> drafts, PartyRoles roles, CompiledPlaybook playbook, IReadOnlyList<ParagraphInput> paragraphs)
    {
        if (!IsSilent(drafts) || drafts.Any(d => d.Rule.Fix is { Group: "no-training", OncePerContract: true } && d.Edits.Count > 0))
        {
            return null;
        }

        var anchor = drafts[Anchor(drafts)];
        var silent = playbook.Silent;
        var finding = new DocumentFinding
        {
            Id = "d1",
            Category = Category.AiTrainingSilent,
            Severity = silent.Severity,
            Title = silent.Title,
            Explanation = FixWording.Fill(silent.Explanation, roles),
            InsertAfterParagraphId = paragraphs[anchor.Paragraph].Id,
            Paragraphs = [.. silent.Paragraphs.Select(p => p with { Text = FixWording.Fill(p.Text, roles) })],
            Rationale = FixWording.Fill(silent.Rationale, roles),
            Comment = FixWording.FillComment(silent.Comment, roles),
        };

        return finding;
    }

    /// <summary>The draft of the main grant the carve-out follows, or -1 when the contract is not silent.</summary>
    public static int Anchor(List<Draft> drafts)
    {
        if (!IsSilent(drafts))
        {
            return -1;
        }

        var grants = drafts.Where(IsGrant).ToList();
        return drafts.IndexOf(grants.FirstOrDefault(d => d.Category is Category.LicenseBreadth or Category.IpAssignment) ?? grants[0]);
    }

    private static bool IsGrant(Draft draft) =>
        draft.Category is Category.LicenseBreadth or Category.IpAssignment or Category.UsageScope or Category.DerivativeWorks;
}
