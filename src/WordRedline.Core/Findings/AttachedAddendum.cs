namespace WordRedline.Core;

/// <summary>Where the AI Protection Addendum already is (attached, or referred to), and where the one-sentence reference
/// to it belongs: after the entire-agreement clause.</summary>
internal sealed class AttachedAddendum
{
    private AttachedAddendum(int mentionedAt, int titleAt, int endsAt)
    {
        MentionedAt = mentionedAt;
        TitleAt = titleAt;
        EndsAt = endsAt;
    }

    /// <summary>The first paragraph that names the addendum, or -1.</summary>
    public int MentionedAt { get; }

    /// <summary>The addendum's title paragraph, or -1.</summary>
    public int TitleAt { get; }

    /// <summary>The paragraph after the addendum's last.</summary>
    public int EndsAt { get; }

    public static AttachedAddendum Find(string[] texts, CompiledPlaybook playbook)
    {
        var addendum = playbook.Addendum;
        var mentioned = Array.FindIndex(texts, t => addendum.Attached.Any(a => Contains(t, a)));
        var title = Array.FindIndex(texts, t => t.AsSpan().Trim().Equals(addendum.Title, StringComparison.OrdinalIgnoreCase));
        var end = title;
        if (title >= 0)
        {
            end = title + 1;
            while (end < texts.Length && !addendum.EndsAt.Any(w => texts[end].AsSpan().TrimStart().StartsWith(w, StringComparison.Ordinal)))
            {
                end++;
            }
        }

        return new AttachedAddendum(mentioned, title, end);
    }

    /// <summary>The attached addendum is protective wording from its heading to its end: its definitions name AI
    /// training and its precedence clause names work made for hire, and neither gives anything away.</summary>
    public void DropRisksInside(List<Draft> drafts)
    {
        if (TitleAt >= 0)
        {
            drafts.RemoveAll(d => d.Paragraph >= TitleAt && d.Paragraph < EndsAt && !d.IsProtection);
        }
    }

    public AddendumReference? Reference(string[] texts, PartyRoles roles, CompiledPlaybook playbook, IReadOnlyList<ParagraphInput> paragraphs)
    {
        if (MentionedAt >= 0)
        {
            return null;
        }

        var entireAgreement = Array.FindIndex(texts, t => playbook.Addendum.EntireAgreement.Any(phrase => Contains(t, phrase)));
        if (entireAgreement < 0)
        {
            return null;
        }

        var target = texts[entireAgreement];
        var end = target.AsSpan().TrimEnd().Length;
        var edit = new Edit(end, 0, " " + FixWording.Fill(playbook.Addendum.Reference, roles));
        return new AddendumReference(paragraphs[entireAgreement].Id, edit) { Changes = WordDiff.Changes(target, [edit]) };
    }

    /// <summary>A phrase as whole words, case ignored.</summary>
    internal static bool Contains(string text, string phrase)
    {
        for (var at = text.IndexOf(phrase, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(phrase, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            var end = at + phrase.Length;
            if ((at == 0 || !char.IsLetterOrDigit(text[at - 1])) && (end == text.Length || !char.IsLetterOrDigit(text[end])))
            {
                return true;
            }
        }

        return false;
    }
}
