namespace WordRedline.Core;

/// <summary>A contract that gives rights in the work and never mentions AI training: silence favours the other side, so
/// the engine proposes an express carve-out paragraph after the main grant.</summary>
internal static class SilentOnAi
{
    public static (DocumentFinding? Finding, int CoveredParagraph) Find(List<Draft> drafts, PartyRoles roles, CompiledPlaybook playbook, IReadOnlyList<ParagraphInput> paragraphs)
    {
        if (drafts.Any(d => d.Category is Category.AiTraining or Category.AiProtection))
        {
            return (null, -1);
        }

        var grants = drafts.Where(d => d.Category is Category.LicenseBreadth or Category.IpAssignment or Category.UsageScope or Category.DerivativeWorks).ToList();
        if (grants.Count == 0)
        {
            return (null, -1);
        }

        var anchor = grants.FirstOrDefault(d => d.Category is Category.LicenseBreadth or Category.IpAssignment) ?? grants[0];
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

        // The carve-out paragraph covers the grant it follows; the same words inline would say it twice.
        return (finding, anchor.Paragraph);
    }
}
