namespace WordRedline.Core;

/// <summary>A protection in the same paragraph, or in the paragraph right after it (a carve-out added below a grant),
/// lowers the risks it covers to low and withdraws their fixes: the fix is already there. A protection that stands on
/// its own (a covenant not to train, the AI-provider notice) covers, anywhere in the contract, the risks whose fix it is,
/// when it names the material the risk's sentence gives: the fix would only write it a second time.</summary>
internal static class Mitigation
{
    public static void Apply(List<Draft> drafts, Func<Draft, NamedTerm> material, IReadOnlyList<string> texts)
    {
        var protections = drafts.Where(d => d.IsProtection).ToList();
        foreach (var draft in drafts.Where(d => !d.IsProtection))
        {
            draft.Mitigated = protections.Any(p => (p.Paragraph == draft.Paragraph || p.Paragraph == draft.Paragraph + 1)
                && p.Rule.Mitigates.Contains(draft.Category.Id()));
            if (!draft.Mitigated && draft.Rule.Fix?.Group is { } group && protections.Any(p => p.Rule.Covers == group))
            {
                var named = material(draft).Bare;
                draft.Mitigated = named.Length > 0 && protections.Any(p => p.Rule.Covers == group
                    && texts[p.Paragraph].Contains(named, StringComparison.Ordinal));
            }
        }
    }
}
