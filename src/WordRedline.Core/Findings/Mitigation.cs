namespace WordRedline.Core;

/// <summary>A protection in the same paragraph, or in the paragraph right after it (a carve-out added below a grant),
/// lowers the risks it covers to low and withdraws their fixes: the fix is already there. A protection that stands on
/// its own (a covenant not to train, the AI-provider notice) covers, anywhere in the contract, the risks whose fix it is,
/// when it names the material the risk's sentence gives: the fix would only write it a second time.</summary>
internal static class Mitigation
{
    public static void Apply(List<Draft> drafts, Func<Draft, NamedTerm> material, IReadOnlyList<string> texts)
    {
        // A clause that forbids training and in the same paragraph allows it ("We do not use Your Data to train our
        // models except when you have not opted out ... to train our models") protects nothing against its own
        // training permission, and is no covenant for the rest of the contract.
        var training = drafts.Where(d => !d.IsProtection && d.Category == Category.AiTraining).Select(d => d.Paragraph).ToHashSet();
        var protections = drafts.Where(d => d.IsProtection).ToList();
        var covenants = protections.Where(p => !training.Contains(p.Paragraph)).ToList();
        foreach (var draft in drafts.Where(d => !d.IsProtection))
        {
            draft.Mitigated = (draft.Category == Category.AiTraining ? covenants : protections)
                .Any(p => (p.Paragraph == draft.Paragraph || p.Paragraph == draft.Paragraph + 1) && p.Rule.Mitigates.Contains(draft.Category.Id()));
            if (!draft.Mitigated && draft.Rule.Fix?.Group is { } group && covenants.Any(p => p.Rule.Covers == group))
            {
                var named = material(draft).Bare;
                draft.Mitigated = named.Length > 0 && covenants.Any(p => p.Rule.Covers == group
                    && texts[p.Paragraph].Contains(named, StringComparison.Ordinal));
            }
        }
    }
}
