namespace WordRedline.Core;

/// <summary>What a paragraph is, which decides whether it can give anything away and whether it may be edited.</summary>
internal enum ParagraphKind : byte
{
    Empty,
    Body,
    Heading,
    Definition,
    DraftingNote,
    FormOption,
    ListItem,
    Recital,
}

/// <summary>A paragraph's place in the document: kind, its own clause number, the inline heading it starts with, the
/// lead-in whose sentence its list item completes, and the heading it sits under.</summary>
internal sealed class ParagraphInfo
{
    public ParagraphKind Kind { get; set; }

    /// <summary>The number the paragraph starts with ("7.2", "(a)"), or "".</summary>
    public string Number { get; set; } = "";

    /// <summary>Characters of the leading number and its spaces.</summary>
    public int NumberLength { get; set; }

    /// <summary>Where an inline heading ("Ownership. ") ends, or 0: findings are never taken from a heading.</summary>
    public int InlineHeadingEnd { get; set; }

    /// <summary>The inline heading's words, or the nearest heading paragraph above, for the reader's bearings.</summary>
    public string Heading { get; set; } = "";

    /// <summary>The clause number a reader would cite: the paragraph's own, or the one of the clause it belongs to.</summary>
    public string Clause { get; set; } = "";

    /// <summary>The paragraph ending in a colon whose sentence this list item completes, or -1.</summary>
    public int LeadIn { get; set; } = -1;

    /// <summary>True when the next paragraph continues this one's sentence (hard-wrapped text).</summary>
    public bool RunsOn { get; set; }

    public bool IsOperative => Kind is ParagraphKind.Body or ParagraphKind.ListItem or ParagraphKind.FormOption;

    /// <summary>Where the engine may propose an edit: operative text that is not a form's option.</summary>
    public bool IsEditable => Kind is ParagraphKind.Body or ParagraphKind.ListItem;
}

/// <summary>Reads the structure every rule and the fix writer rely on.</summary>
internal static class DocumentStructure
{
    private static readonly string[] NoteOpenings =
        ["Note:", "NOTE:", "Note to draft", "Note to Draft", "NTD", "Drafting note", "Drafting Note", "DRAFTING NOTE", "Instructions:", "INSTRUCTIONS:", "Guidance:", "Comment:", "Tip:", "[Note", "[NOTE", "[Drafting", "(Drafting", "[Instructions", "[Optional", "[OPTIONAL"];

    private static readonly HashSet<string> SmallWords = new(["a", "an", "and", "the", "of", "to", "in", "for", "or", "on", "by", "with", "as", "at", "from", "its", "vs", "&", "-", "–"], StringComparer.Ordinal);

    public static ParagraphInfo[] Build(IReadOnlyList<string> texts)
    {
        var infos = new ParagraphInfo[texts.Count];
        for (var i = 0; i < texts.Count; i++)
        {
            infos[i] = Classify(texts[i]);
        }

        for (var i = 0; i < texts.Count; i++)
        {
            if (infos[i].Kind == ParagraphKind.Heading && i + 1 < texts.Count && infos[i + 1].Kind == ParagraphKind.Empty)
            {
                continue;
            }

            // A "heading" with nothing after it, or followed by another short line, is more likely a list line.
            if (infos[i].Kind == ParagraphKind.Heading && (i + 1 >= texts.Count || texts[i + 1].Length < texts[i].Length))
            {
                infos[i].Kind = ParagraphKind.Body;
            }
        }

        LinkLeadIns(texts, infos);
        LinkRunOns(texts, infos);
        AssignHeadings(texts, infos);
        return infos;
    }

    private static ParagraphInfo Classify(string text)
    {
        var info = new ParagraphInfo();
        var trimmed = text.AsSpan().Trim();
        if (trimmed.IsEmpty || !ContainsLetterOrDigit(trimmed))
        {
            info.Kind = ParagraphKind.Empty;
            return info;
        }

        var leading = text.Length - text.AsSpan().TrimStart().Length;
        info.NumberLength = ClauseNumbering.NumberLength(text);
        info.Number = info.NumberLength > 0 ? ClauseNumbering.Read(text) : "";
        var body = text.AsSpan(Math.Max(info.NumberLength, leading)).Trim();
        var bullet = IsBullet(body);
        body = StripMarkup(body);
        if (body.IsEmpty)
        {
            info.Kind = ParagraphKind.Heading;
            info.Heading = info.Number;
            return info;
        }

        if (IsFormOption(body))
        {
            info.Kind = ParagraphKind.FormOption;
        }
        else if (body.StartsWith("WHEREAS", StringComparison.OrdinalIgnoreCase) || body.StartsWith("RECITAL", StringComparison.Ordinal))
        {
            // Recitals say why the parties contract; they grant nothing.
            info.Kind = ParagraphKind.Recital;
        }
        else if (IsDraftingNote(body))
        {
            info.Kind = ParagraphKind.DraftingNote;
        }
        else if (bullet)
        {
            info.Kind = ParagraphKind.ListItem;
        }
        else if (IsDefinition(body))
        {
            info.Kind = ParagraphKind.Definition;
        }
        else if (IsHeading(body))
        {
            info.Kind = ParagraphKind.Heading;
            info.Heading = body.TrimEnd('.').TrimEnd(':').Trim().ToString();
        }
        else
        {
            info.Kind = info.Number.StartsWith('(') || (info.Number.Length is > 0 and <= 3 && char.IsLetter(info.Number[0]))
                ? ParagraphKind.ListItem
                : ParagraphKind.Body;
            info.InlineHeadingEnd = InlineHeadingEnd(text, Math.Max(info.NumberLength, leading));
            if (info.InlineHeadingEnd > 0)
            {
                info.Heading = text[Math.Max(info.NumberLength, leading)..info.InlineHeadingEnd].Trim().TrimEnd('.', ':').Trim();
            }
        }

        return info;
    }

    private static bool ContainsLetterOrDigit(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                return true;
            }
        }

        return false;
    }

    // Markdown emphasis and heading marks around a line ("## Ownership", "**Feedback.**").
    private static ReadOnlySpan<char> StripMarkup(ReadOnlySpan<char> text) => text.TrimStart('#').Trim().Trim('*').Trim('_').Trim();

    private static bool IsFormOption(ReadOnlySpan<char> text) =>
        text.Length > 1 && (text[0] is '☐' or '☒' or '☑' or '□' or '■' or '▢' or '◻' or '❏' or '⬜'
            || text.StartsWith("[ ]", StringComparison.Ordinal) || text.StartsWith("[x]", StringComparison.OrdinalIgnoreCase)
            || text.StartsWith("[_", StringComparison.Ordinal) || IsEmptyBrackets(text));

    // "( )", "(   )", "(x)" before an option's text.
    private static bool IsEmptyBrackets(ReadOnlySpan<char> text)
    {
        if (text[0] != '(')
        {
            return false;
        }

        var close = text[..Math.Min(text.Length, 8)].IndexOf(')');
        return close > 0 && text[1..close].Trim().Length <= 1 && (text[1..close].Trim().IsEmpty || text[1..close].Trim()[0] is 'x' or 'X' or '✓');
    }

    private static bool IsDraftingNote(ReadOnlySpan<char> text)
    {
        foreach (var opening in NoteOpenings)
        {
            if (text.StartsWith(opening, StringComparison.Ordinal))
            {
                return true;
            }
        }

        // A paragraph wholly in square brackets is an instruction or an option to fill in, not agreed text.
        return text.Length > 2 && text[0] == '[' && text[^1] == ']' && text[1..^1].IndexOf(']') < 0;
    }

    private static bool IsBullet(ReadOnlySpan<char> text) =>
        text.Length > 1 && text[0] is '*' or '-' or '•' or '–' or '·' or '▪' or '◦' or '‣' or '…' or '○' or '●'
        && (text[0] == '…' || char.IsWhiteSpace(text[1]));

    private static bool IsDefinition(ReadOnlySpan<char> text)
    {
        // "X" means / X shall mean / "X" or "Y" refers to, within the first words.
        var window = text[..Math.Min(text.Length, 90)];
        // "For purposes of this Agreement, "Approval" (...) shall be defined as ...": a quoted term defined anywhere in
        // the opening words.
        var head = text[..Math.Min(text.Length, 220)];
        if (head.Contains(" shall be defined as ", StringComparison.Ordinal) || head.Contains(" is defined as ", StringComparison.Ordinal))
        {
            return true;
        }

        foreach (var verb in (ReadOnlySpan<string>)["\" shall be defined as", "” shall be defined as", "\" means", "” means", "\" shall mean", "” shall mean", "\" refers to", "” refers to", "\" refer to", "” refer to"])
        {
            var at = head.IndexOf(verb, StringComparison.Ordinal);
            if (at >= 0 && at < 200)
            {
                return true;
            }
        }

        foreach (var verb in (ReadOnlySpan<string>)[" means ", " shall mean ", " will mean ", " refers to ", " refer to ", " shall refer to ", " is defined as ", " has the meaning "])
        {
            var at = window.IndexOf(verb, StringComparison.Ordinal);
            if (at <= 0)
            {
                continue;
            }

            // The defined term: quoted, or a few capitalised words ("Customer Data means"), never a clause with a
            // verb of its own ("Publisher may exploit the Work by any means").
            var subject = window[..at];
            var quoted = window[0] is '"' or '“' || window[at - 1] is '"' or '”';
            if (quoted && CountWords(subject) <= 8)
            {
                return true;
            }

            if (char.IsUpper(window[0]) && CountWords(subject) <= 4 && AllCapitalized(subject))
            {
                return true;
            }
        }

        return false;
    }

    private static bool AllCapitalized(ReadOnlySpan<char> words)
    {
        foreach (var range in words.Split(' '))
        {
            var word = words[range];
            if (!word.IsEmpty && !char.IsUpper(word[0]) && !SmallWords.Contains(word.ToString()))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsHeading(ReadOnlySpan<char> text)
    {
        if (text.Length > 90 || text[^1] is ';' or ',' || text.IndexOf(';') >= 0)
        {
            return false;
        }

        var words = CountWords(text);
        if (words > 10 || (text[^1] == ':' && words >= 3 && !IsAllCaps(text)))
        {
            // "You agree that you will not:" introduces a list; it is not a title.
            return false;
        }

        var allCaps = IsAllCaps(text);
        if (text[^1] is '.' or '!' or '?' && !allCaps)
        {
            return false;
        }

        // A short line that starts with a capital and stops without a full stop: a title, whether or not it states a
        // rule ("Client owns the work product"). A label followed by text ("Training Data: your music...") is not.
        var colon = text.IndexOf(':');
        if (colon >= 0 && colon < text.Length - 1)
        {
            return false;
        }

        return (char.IsUpper(text[0]) || char.IsDigit(text[0])) && (allCaps || words <= 8);
    }

    /// <summary>"Ownership. Consultant hereby..." or "Grant of Rights: ..." : the end of a short title-case lead phrase
    /// (with no modal or verb of its own) followed by a sentence; 0 when there is none.</summary>
    private static int InlineHeadingEnd(string text, int from)
    {
        var limit = Math.Min(text.Length, from + 120);
        for (var i = from; i < limit; i++)
        {
            if (text[i] is not ('.' or ':'))
            {
                continue;
            }

            var next = i + 1;
            if (next >= text.Length || !char.IsWhiteSpace(text[next]))
            {
                continue;
            }

            while (next < text.Length && char.IsWhiteSpace(text[next]))
            {
                next++;
            }

            // The next sentence starts with a capital (or a name styled in lower case: "xAI shall ...").
            if (next >= text.Length)
            {
                return 0;
            }

            var styled = char.IsLower(text[next]) && next + 1 < text.Length && text.AsSpan(next + 1, Math.Min(6, text.Length - next - 1)).IndexOfAnyInRange('A', 'Z') >= 0;
            if (!(char.IsUpper(text[next]) || text[next] is '"' or '“' or '(' || char.IsDigit(text[next]) || styled))
            {
                return 0;
            }

            var phrase = text.AsSpan(from, i - from).Trim('*').Trim();
            return IsTitlePhrase(phrase) || IsGerundTitle(phrase) ? next : 0;
        }

        return 0;
    }

    /// <summary>"Electing whether your User Content is used for model training.", "Connecting to third-party services.":
    /// a short opening phrase led by a gerund, with no modal of its own, titles the paragraph.</summary>
    private static bool IsGerundTitle(ReadOnlySpan<char> phrase)
    {
        var firstEnd = phrase.IndexOf(' ');
        var first = firstEnd < 0 ? phrase : phrase[..firstEnd];
        if (!char.IsUpper(first[0]) || !first.EndsWith("ing", StringComparison.Ordinal) || first.Length < 5 || CountWords(phrase) > 15)
        {
            return false;
        }

        foreach (var range in phrase.Split(' '))
        {
            var word = phrase[range];
            if (word.Equals("may", StringComparison.OrdinalIgnoreCase) || word.Equals("shall", StringComparison.OrdinalIgnoreCase)
                || word.Equals("will", StringComparison.OrdinalIgnoreCase) || word.Equals("must", StringComparison.OrdinalIgnoreCase)
                || word.Equals("can", StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsTitlePhrase(ReadOnlySpan<char> phrase)
    {
        if (phrase.IsEmpty || !char.IsUpper(phrase[0]) || CountWords(phrase) > 7)
        {
            return false;
        }

        var lowercaseWords = 0;
        foreach (var range in phrase.Split(' '))
        {
            var word = phrase[range].Trim(',').Trim('"').Trim('“').Trim('”');
            if (word.IsEmpty)
            {
                continue;
            }

            if (IsVerbLike(word))
            {
                return false;
            }

            if (!char.IsUpper(word[0]) && !char.IsDigit(word[0]) && !SmallWords.Contains(word.ToString()))
            {
                lowercaseWords++;
            }
        }

        // "Ownership of translation" keeps one lower-case word; a sentence has more.
        return lowercaseWords <= 1;
    }

    private static bool IsVerbLike(ReadOnlySpan<char> word) =>
        word.Equals("may", StringComparison.OrdinalIgnoreCase) || word.Equals("shall", StringComparison.OrdinalIgnoreCase)
        || word.Equals("will", StringComparison.OrdinalIgnoreCase) || word.Equals("must", StringComparison.OrdinalIgnoreCase)
        || word.Equals("is", StringComparison.OrdinalIgnoreCase) || word.Equals("are", StringComparison.OrdinalIgnoreCase)
        || word.Equals("owns", StringComparison.OrdinalIgnoreCase) || word.Equals("can", StringComparison.OrdinalIgnoreCase)
        || word.Equals("grants", StringComparison.OrdinalIgnoreCase) || word.Equals("agrees", StringComparison.OrdinalIgnoreCase);

    private static bool IsAllCaps(ReadOnlySpan<char> text)
    {
        var letters = 0;
        foreach (var c in text)
        {
            if (char.IsLetter(c))
            {
                if (char.IsLower(c))
                {
                    return false;
                }

                letters++;
            }
        }

        return letters >= 3;
    }

    private static int CountWords(ReadOnlySpan<char> text)
    {
        var count = 0;
        var inWord = false;
        foreach (var c in text)
        {
            var letter = !char.IsWhiteSpace(c);
            if (letter && !inWord)
            {
                count++;
            }

            inWord = letter;
        }

        return count;
    }

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
            for (var j = i + 1; j < texts.Count && j <= i + 40; j++)
            {
                if (infos[j].Kind == ParagraphKind.Empty)
                {
                    continue;
                }

                if (!IsItem(texts[j], infos[j], section))
                {
                    break;
                }

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

    private static bool IsItem(string text, ParagraphInfo info, ParagraphInfo leadIn)
    {
        if (IsDecimal(info.Number))
        {
            // "11.2.1" under "11.2 ... not:", or "1." under an unnumbered lead-in; "15.2" is the next section.
            return leadIn.Number.Length > 0
                ? info.Number.StartsWith(leadIn.Number.TrimEnd('.') + ".", StringComparison.Ordinal)
                : !info.Number.Contains('.', StringComparison.Ordinal);
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
