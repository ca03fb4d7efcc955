namespace WordRedline.Core;

/// <summary>Checks a parsed playbook so that a bad file fails at load, naming the rule and the problem.</summary>
internal static class PlaybookChecks
{
    public static void Check(Playbook playbook)
    {
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
        }
    }
}
