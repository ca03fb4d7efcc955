namespace WordRedline.Core;

/// <summary>The protections checklist, the 0-100 score and the grade.</summary>
internal static class Scorecard
{
    public static List<Protection> Protections(List<Draft> drafts, AttachedAddendum addendum, CompiledPlaybook playbook, IReadOnlyList<ParagraphInput> paragraphs)
    {
        List<Protection> result = [];
        foreach (var check in playbook.Protections)
        {
            var present = drafts.FirstOrDefault(d => check.PresentWhenRules.Contains(d.Rule.Id));
            var absentRisk = check.AbsentWhenCategories.Count > 0
                && drafts.Any(d => check.GrantCategories.Contains(d.Category.Id()))
                && !drafts.Any(d => !d.Mitigated && check.AbsentWhenCategories.Contains(d.Category.Id()));
            var attached = check.PresentWhenRules.Contains(RuleIds.Addendum) && addendum.MentionedAt >= 0;
            result.Add(new Protection
            {
                Key = check.Key,
                Title = check.Title,
                Present = present is not null || absentRisk || attached,
                ParagraphId = present is not null ? paragraphs[present.Paragraph].Id : attached ? paragraphs[addendum.MentionedAt].Id : null,
            });
        }

        return result;
    }

    public static int Score(List<Draft> drafts, bool silent, List<Protection> protections, CompiledPlaybook playbook)
    {
        var weights = playbook.Scoring;
        var penalty = drafts.Where(d => !d.IsProtection).Sum(d => playbook.Severities[d.Severity]);
        var score = 100 - Math.Min(weights.FindingsCap, penalty)
            - (silent ? weights.Silent : 0)
            - weights.MissingProtection * protections.Count(p => !p.Present);
        return Math.Clamp(score, 0, 100);
    }

    public static string Grade(int score, CompiledPlaybook playbook)
    {
        var grades = playbook.Scoring.Grades;
        for (var i = 0; i < grades.Count; i++)
        {
            if (score >= grades[i])
            {
                return ((char)('A' + i)).ToString();
            }
        }

        return "F";
    }
}
