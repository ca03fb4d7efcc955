namespace WordRedline.Core;

/// <summary>A protection in the same paragraph, or in the paragraph right after it (a carve-out added below a grant),
/// lowers the risks it covers to low and withdraws their fixes: the fix is already there.</summary>
internal static class Mitigation
{
    public static void Apply(List<Draft> drafts)
    {
        var protections = drafts.Where(d => d.IsProtection).ToList();
        foreach (var draft in drafts.Where(d => !d.IsProtection))
        {
            draft.Mitigated = protections.Any(p => (p.Paragraph == draft.Paragraph || p.Paragraph == draft.Paragraph + 1)
                && p.Rule.Mitigates.Contains(draft.Category.Id()));
        }
    }
}
