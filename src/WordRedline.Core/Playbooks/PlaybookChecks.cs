namespace WordRedline.Core;

/// <summary>Checks a parsed playbook so that a bad file fails at load, naming the rule and the problem. The lexicon is
/// checked when it is compiled (<see cref="Lexicon"/>), which every load does.</summary>
internal static class PlaybookChecks
{
    private static readonly HashSet<string> Terms = ["party", "party's", "counterparty", "counterparty's", "workTerm", "purpose", "licence"];

    public static void Check(Playbook playbook)
    {
        if (string.IsNullOrWhiteSpace(playbook.Id))
        {
            throw new PlaybookException(playbook.Source, null, "has no id");
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var rule in playbook.Rules)
        {
            if (string.IsNullOrWhiteSpace(rule.Id))
            {
                throw new PlaybookException(playbook.Source, null, "has a rule without an id");
            }

            if (!ids.Add(rule.Id))
            {
                throw new PlaybookException(playbook.Source, rule.Id, "the id is used twice");
            }

            Require(playbook, rule, rule.Title.Length > 0 && rule.Explanation.Length > 0, "needs a title and an explanation");
            Require(playbook, rule, rule.Id.StartsWith(rule.Category.Id() + ".", StringComparison.Ordinal), $"its id must start with its category '{rule.Category.Id()}.'");
            if (rule.Fix is { } fix)
            {
                Require(playbook, rule, fix.Text.Length > 0 && fix.Rationale.Length > 0 && fix.Comment.Length > 0, "fix needs a text, a rationale and a comment");
                Require(playbook, rule, !fix.OncePerContract || fix.Group is not null, "a fix written once per contract needs a group");
                CheckWording(playbook, rule.Id, fix.Text);
                CheckWording(playbook, rule.Id, fix.Comment);
            }
        }

        foreach (var id in RuleIds.All.Where(id => !ids.Contains(id)))
        {
            throw new PlaybookException(playbook.Source, id, "is missing: the engine reports this kind of finding and needs its wording");
        }

        foreach (var word in playbook.WorkTerms.Concat(playbook.PurposeTerms).Where(w => w.Length == 0 || !char.IsLetterOrDigit(w[0])))
        {
            throw new PlaybookException(playbook.Source, null, $"term '{word}' must start with a letter or digit");
        }

        foreach (var check in playbook.Protections)
        {
            foreach (var ruleId in check.PresentWhenRules.Where(id => !ids.Contains(id)))
            {
                throw new PlaybookException(playbook.Source, null, $"protection '{check.Key}' names unknown rule '{ruleId}'");
            }

            foreach (var category in check.AbsentWhenCategories.Concat(check.GrantCategories).Where(c => !Categories.TryParse(c, out _)))
            {
                throw new PlaybookException(playbook.Source, null, $"protection '{check.Key}' names unknown category '{category}'");
            }

            if (check.AbsentWhenCategories.Count > 0 && check.GrantCategories.Count == 0)
            {
                throw new PlaybookException(playbook.Source, null, $"protection '{check.Key}' is present by absence, so it must name the grantCategories it judges");
            }
        }

        foreach (var paragraph in playbook.Addendum.Paragraphs.Concat(playbook.Silent.Paragraphs))
        {
            CheckWording(playbook, null, paragraph.Text);
        }

        CheckWording(playbook, null, playbook.Addendum.Reference);
        CheckWording(playbook, null, playbook.Silent.Comment);
        if (playbook.Scoring.Grades.Count != 4)
        {
            throw new PlaybookException(playbook.Source, null, "scoring.grades needs the lowest score for A, B, C and D");
        }
    }

    private static void Require(Playbook playbook, PlaybookRule rule, bool condition, string problem)
    {
        if (!condition)
        {
            throw new PlaybookException(playbook.Source, rule.Id, problem);
        }
    }

    // Wording may only name the document's own terms; anything else would reach the user as a raw placeholder.
    private static void CheckWording(Playbook playbook, string? ruleId, string text)
    {
        for (var open = text.IndexOf('{', StringComparison.Ordinal); open >= 0; open = text.IndexOf('{', open + 1))
        {
            var close = text.IndexOf('}', open + 1);
            var name = close < 0 ? text[(open + 1)..] : text[(open + 1)..close];
            if (close < 0 || !Terms.Contains(name))
            {
                throw new PlaybookException(playbook.Source, ruleId, $"wording uses unknown placeholder {{{name}}} (use {{party}}, {{counterparty}}, {{workTerm}}, {{purpose}}, {{licence}} or a possessive)");
            }
        }
    }
}
