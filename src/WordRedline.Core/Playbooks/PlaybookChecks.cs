using System.Text.RegularExpressions;

namespace WordRedline.Core;

/// <summary>Checks a parsed playbook so that a bad file fails at load, naming the rule and the problem. Patterns are
/// checked when they are compiled (<see cref="CompiledPlaybook"/>), which every load does.</summary>
internal static partial class PlaybookChecks
{
    private static readonly HashSet<string> FixKinds = ["replace-match", "insert-after-sentence"];
    private static readonly HashSet<string> Directions = ["gives", "any"];
    private static readonly HashSet<string> Scopes = ["sentence", "paragraph"];
    private static readonly HashSet<string> Terms = ["party", "party's", "counterparty", "counterparty's", "workTerm"];

    [GeneratedRegex(@"\{([^{}\s]*)\}")]
    private static partial Regex Placeholder();

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

            Require(playbook, rule, rule.Triggers.Count > 0 && rule.Triggers.All(t => t.Length > 0), "needs at least one non-empty trigger word");

            // Triggers are looked for where a word starts, so one that starts with a space or a bracket would never fire.
            foreach (var trigger in rule.Triggers.Where(t => !char.IsLetterOrDigit(t[0])))
            {
                throw new PlaybookException(playbook.Source, rule.Id, $"trigger '{trigger}' must start with a letter or digit (triggers match where a word starts)");
            }
            Require(playbook, rule, rule.Patterns.Count > 0, "needs at least one pattern");
            Require(playbook, rule, Directions.Contains(rule.Direction), $"direction '{rule.Direction}' is not 'gives' or 'any'");
            Require(playbook, rule, Scopes.Contains(rule.Scope), $"scope '{rule.Scope}' is not 'sentence' or 'paragraph'");
            if (rule.Fix is { } fix)
            {
                Require(playbook, rule, FixKinds.Contains(fix.Kind), $"fix kind '{fix.Kind}' is not one of {string.Join(", ", FixKinds)}");
                Require(playbook, rule, fix.Text.Length > 0 && fix.Rationale.Length > 0 && fix.Comment.Length > 0, "fix needs a text, a rationale and a comment");
                CheckWording(playbook, rule.Id, fix.Text);
            }
        }

        foreach (var word in playbook.WorkTerms.Concat(playbook.Addendum.EntireAgreementTriggers).Concat(playbook.Addendum.AttachedTriggers)
            .Where(w => w.Length == 0 || !char.IsLetterOrDigit(w[0])))
        {
            throw new PlaybookException(playbook.Source, null, $"word '{word}' must start with a letter or digit (work terms and addendum triggers match where a word starts)");
        }

        foreach (var check in playbook.Protections)
        {
            foreach (var ruleId in check.PresentWhenRules.Where(id => !ids.Contains(id)))
            {
                throw new PlaybookException(playbook.Source, null, $"protection '{check.Key}' names unknown rule '{ruleId}'");
            }
        }

        foreach (var paragraph in playbook.Addendum.Paragraphs.Concat(playbook.Silent.Paragraphs))
        {
            CheckWording(playbook, null, paragraph.Text);
        }

        CheckWording(playbook, null, playbook.Addendum.Reference);
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
        foreach (Match m in Placeholder().Matches(text))
        {
            if (!Terms.Contains(m.Groups[1].Value))
            {
                throw new PlaybookException(playbook.Source, ruleId, $"wording uses unknown placeholder {m.Value} (use {{party}}, {{counterparty}}, {{workTerm}} or a possessive)");
            }
        }
    }
}
