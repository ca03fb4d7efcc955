namespace WordRedline.Core;

/// <summary>What ties paragraphs together: a lead-in and the list items it governs, lines that run on, the heading a clause sits under.</summary>
internal static partial class DocumentStructure
{
    /// <summary>A paragraph ending in a colon (or an ellipsis) governs the list items after it: "Licensee may:" then
    /// "(a) reproduce ...". Items are bullets, enumerated lines, check-box options, lines starting lower-case or with
    /// an ellipsis, and lines ending in ";" or "and"/"or".</summary>
    private static void LinkLeadIns(IReadOnlyList<string> texts, ParagraphInfo[] infos)
    {
        for (var i = 0; i < texts.Count; i++)
        {
            var text = texts[i].AsSpan().TrimEnd();
            if (text.IsEmpty || infos[i].Kind is ParagraphKind.Empty or ParagraphKind.DraftingNote)
            {
                continue;
            }

            var endsLeadIn = text[^1] == ':' || text.EndsWith("…", StringComparison.Ordinal) || text.EndsWith("...", StringComparison.Ordinal)
                || text.EndsWith(": and", StringComparison.Ordinal);
            if (!endsLeadIn || infos[i].Kind == ParagraphKind.Heading)
            {
                continue;
            }

            // "11.2 Don'ts" / "You agree that you will not:" / "11.2.1 ...": the lead-in belongs to the section above it.
            var section = infos[i].Number.Length > 0 ? infos[i]
                : i > 0 && infos[i - 1].Number.Length > 0 ? infos[i - 1]
                : infos[i];
            var open = OpenLeadIn(text);
            var counted = 0;
            for (var j = i + 1; j < texts.Count && j <= i + 40; j++)
            {
                if (infos[j].Kind == ParagraphKind.Empty)
                {
                    continue;
                }

                // "5. Licence" / "... you grant us a licence to:" / "1. Operate ..." "2. Adapt ...": a list that counts
                // from 1 again under a numbered section is the lead-in's own.
                var counts = infos[j].Number == (counted + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
                if (!counts && !IsItem(texts[j], infos[j], section) && !IsUnmarkedItem(texts[j], infos[j], open))
                {
                    break;
                }

                counted = counts ? counted + 1 : -1;

                infos[j].LeadIn = i;
                if (infos[j].Kind is ParagraphKind.Body or ParagraphKind.Heading)
                {
                    infos[j].Kind = ParagraphKind.ListItem;
                }

                // A nested lead-in starts its own list; its items are linked when the loop reaches it.
                if (texts[j].AsSpan().TrimEnd().EndsWith(":", StringComparison.Ordinal))
                {
                    break;
                }
            }
        }
    }

    /// <summary>What a lead-in leaves open for unmarked items to complete (bullets are often lost when a document is
    /// copied or converted): a verb ("To do so, we:", "You agree not to:") or a named group ("with the following
    /// parties:").</summary>
    private enum OpenSlot : byte
    {
        None,
        Verb,
        Group,
    }

    private static OpenSlot OpenLeadIn(ReadOnlySpan<char> leadIn)
    {
        var body = leadIn.TrimEnd().TrimEnd(':').TrimEnd();
        foreach (var word in GrantWords)
        {
            if (!body.Contains(word, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            // "Contributor grants Publisher the right to:" then "Publish ...": lines of a grant read as they stand, as
            // conversions leave them, so a right listed there is not also read as a sharing.
            return OpenSlot.None;
        }

        var space = body.LastIndexOf(' ');
        var last = (space < 0 ? body : body[(space + 1)..]).TrimStart('(').ToString().ToLowerInvariant();
        if (last is "we" or "you" or "i" or "us" or "may" or "will" or "shall" or "can" or "must" or "to" or "not" or "should" or "might")
        {
            return OpenSlot.Verb;
        }

        return body.Contains(" following ", StringComparison.OrdinalIgnoreCase) || body.Contains(" include", StringComparison.OrdinalIgnoreCase)
            ? OpenSlot.Group
            : OpenSlot.None;
    }

    /// <summary>A paragraph with no marker that still completes an open lead-in: after "we:" a line that starts with a
    /// verb rather than a subject ("Improve our products ..."), after "the following parties:" a line that starts with
    /// a short label ("Service Providers. ...", "Affiliates: ...").</summary>
    private static bool IsUnmarkedItem(string text, ParagraphInfo info, OpenSlot open)
    {
        var trimmed = text.AsSpan().Trim();
        if (open == OpenSlot.None || trimmed.IsEmpty || info.Number.Length > 0 || info.Kind is ParagraphKind.Definition or ParagraphKind.DraftingNote
            || (info.Kind == ParagraphKind.Heading && open == OpenSlot.Verb)
            || !char.IsUpper(trimmed[0]) || trimmed[^1] == ':')
        {
            return false;
        }

        var space = trimmed.IndexOf(' ');
        var first = (space < 0 ? trimmed : trimmed[..space]).ToString();
        if (open == OpenSlot.Verb)
        {
            return !SentenceOpeners.Contains(first);
        }

        // A label of at most five words, then a full stop or colon.
        var words = 0;
        for (var k = 0; k < trimmed.Length && k < 60; k++)
        {
            if (trimmed[k] == ' ')
            {
                words++;
            }
            else if (trimmed[k] is '.' or ':')
            {
                return words < 5 && k + 1 < trimmed.Length;
            }
        }

        return false;
    }

    private static readonly string[] GrantWords = ["grant", "licen", "right to", "rights to", "authori", "permit"];

    /// <summary>Words that open a sentence of its own (a subject, a determiner, a condition), not a list item after "we:".</summary>
    private static readonly HashSet<string> SentenceOpeners = new(StringComparer.OrdinalIgnoreCase)
    {
        "We", "You", "I", "Our", "Your", "The", "This", "These", "That", "Those", "It", "They", "If", "When", "Where", "In",
        "For", "To", "As", "Any", "All", "Each", "Some", "A", "An", "No", "Please", "Note", "Learn", "See", "For", "Unless",
        "Depending", "However", "Additionally", "Also", "Finally", "Otherwise",
    };

    private static bool IsItem(string text, ParagraphInfo info, ParagraphInfo leadIn)
    {
        if (IsDecimal(info.Number))
        {
            // "11.2.1" under "11.2 ... not:", or "1." under an unnumbered lead-in; "15.2" is the next section.
            // Under "b. ... Customer grants to IBM:" a "1." starts a list of its own style.
            return leadIn.Number.Length > 0 && IsDecimal(leadIn.Number)
                ? info.Number.StartsWith(leadIn.Number.TrimEnd('.') + ".", StringComparison.Ordinal)
                : !info.Number.TrimEnd('.').Contains('.', StringComparison.Ordinal);
        }

        if (info.Kind is ParagraphKind.ListItem or ParagraphKind.FormOption)
        {
            return true;
        }

        var trimmed = text.AsSpan().Trim();
        if (trimmed.IsEmpty || info.Kind is ParagraphKind.Definition or ParagraphKind.DraftingNote)
        {
            return false;
        }

        return char.IsLower(trimmed[0]) || trimmed[0] == '…' || info.Number.Length > 0 || trimmed[^1] == ';'
            || trimmed.EndsWith("; and", StringComparison.Ordinal) || trimmed.EndsWith("; or", StringComparison.Ordinal)
            || trimmed.EndsWith(", and", StringComparison.Ordinal) || trimmed.EndsWith(", or", StringComparison.Ordinal)
            || (info.Kind == ParagraphKind.Heading && trimmed.Length < 60);
    }

    /// <summary>A table written as text rows ("| Categories of recipients | Categories of data | Reason |", then "| --- |")
    /// whose first column header names recipients (every data row under it is a disclosure) or purposes (every row
    /// says what the data is used for).</summary>
    private static void MarkRecipientTables(IReadOnlyList<string> texts, ParagraphInfo[] infos)
    {
        for (var i = 0; i + 1 < texts.Count; i++)
        {
            if (!IsRow(texts[i]) || !IsSeparatorRow(texts[i + 1]))
            {
                continue;
            }

            var firstCell = texts[i].Trim().TrimStart('|').Split('|')[0].Trim();
            var recipients = RecipientHeaders.Any(h => firstCell.Contains(h, StringComparison.OrdinalIgnoreCase));
            var purposes = firstCell.Contains("purpose", StringComparison.OrdinalIgnoreCase);
            for (var j = i + 2; j < texts.Count && IsRow(texts[j]) && (recipients || purposes); j++)
            {
                infos[j].RecipientRow = recipients;
                infos[j].PurposeRow = purposes;
            }
        }
    }

    private static readonly string[] RecipientHeaders = ["recipient", "shared with", "disclosed to", "who we share", "whom we share", "who we disclose"];

    private static bool IsRow(string text) => text.AsSpan().TrimStart().StartsWith("|", StringComparison.Ordinal);

    private static bool IsSeparatorRow(string text) =>
        IsRow(text) && text.Contains('-', StringComparison.Ordinal) && text.All(c => c is '|' or '-' or ':' or ' ' or '\t');

    private static bool IsDecimal(string number) => number.Length > 0 && char.IsDigit(number[0]) && number.All(c => char.IsDigit(c) || c == '.');

    /// <summary>A line that stops mid-sentence and a next line that starts lower-case are one sentence wrapped over two
    /// lines.</summary>
    private static void LinkRunOns(IReadOnlyList<string> texts, ParagraphInfo[] infos)
    {
        for (var i = 0; i + 1 < texts.Count; i++)
        {
            var current = texts[i].AsSpan().TrimEnd();
            var next = texts[i + 1].AsSpan().TrimStart();
            if (current.IsEmpty || next.IsEmpty || infos[i + 1].LeadIn >= 0 || infos[i + 1].Kind is ParagraphKind.ListItem or ParagraphKind.FormOption)
            {
                continue;
            }

            if (current[^1] is not ('.' or '!' or '?' or ':' or ';') && char.IsLower(next[0]))
            {
                infos[i].RunsOn = true;
                if (infos[i].Kind == ParagraphKind.Heading)
                {
                    infos[i].Kind = ParagraphKind.Body;
                }

                if (infos[i + 1].Kind == ParagraphKind.Heading)
                {
                    infos[i + 1].Kind = ParagraphKind.Body;
                }
            }
        }
    }

    private static void AssignHeadings(IReadOnlyList<string> texts, ParagraphInfo[] infos)
    {
        var heading = "";
        var number = "";
        for (var i = 0; i < texts.Count; i++)
        {
            var info = infos[i];
            if (info.Kind == ParagraphKind.Heading)
            {
                heading = info.Heading;
                number = info.Number;
                info.Clause = number;
                continue;
            }

            if (info.Number.Length > 0 && info.Kind != ParagraphKind.ListItem)
            {
                number = info.Number;
            }

            if (info.Heading.Length == 0)
            {
                info.Heading = heading;
            }
            else if (info.Kind == ParagraphKind.Body)
            {
                heading = info.Heading;
            }

            info.Clause = info.Kind == ParagraphKind.ListItem && info.Number.Length > 0 && number.Length > 0 && number != info.Number && !IsDecimal(info.Number)
                ? number + info.Number
                : info.Number.Length > 0 ? info.Number : number;
        }
    }
}
