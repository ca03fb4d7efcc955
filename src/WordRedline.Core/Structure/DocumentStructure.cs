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

    /// <summary>A row of a table whose first column lists who receives the data ("| Categories of recipients |
    /// ..."): each row names a recipient.</summary>
    public bool RecipientRow { get; set; }

    /// <summary>A row of a table whose first column states the purposes data is used for ("| Purpose for processing
    /// your data | Categories of personal data used |").</summary>
    public bool PurposeRow { get; set; }

    /// <summary>True when the next paragraph continues this one's sentence (hard-wrapped text).</summary>
    public bool RunsOn { get; set; }

    public bool IsOperative => Kind is ParagraphKind.Body or ParagraphKind.ListItem or ParagraphKind.FormOption;

    /// <summary>Where the engine may propose an edit: operative text that is not a form's option.</summary>
    public bool IsEditable => Kind is ParagraphKind.Body or ParagraphKind.ListItem;
}

/// <summary>Reads the structure every rule and the fix writer rely on.</summary>
internal static partial class DocumentStructure
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
        MarkRecipientTables(texts, infos);
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

    /// <summary>Where the first full sentence ends: the first ". " after at least six words (so an inline heading such as
    /// "Assignment of Work Product." or a number does not end it), else the end of the span.</summary>
    private static int FirstSentenceEnd(ReadOnlySpan<char> text)
    {
        var words = 0;
        for (var i = 0; i + 1 < text.Length; i++)
        {
            if (text[i] == ' ')
            {
                words++;
            }
            else if (text[i] == '.' && text[i + 1] == ' ' && words >= 6)
            {
                return i;
            }
        }

        return text.Length;
    }

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

        // The quoted term must be defined in the paragraph's first sentence: "Employee hereby assigns all Inventions.
        // "Inventions" means ..." is an assignment that defines its object on the way, not a definition.
        var firstSentence = FirstSentenceEnd(head);
        foreach (var verb in (ReadOnlySpan<string>)["\" shall be defined as", "” shall be defined as", "\" means", "” means", "\" shall mean", "” shall mean", "\" refers to", "” refers to", "\" refer to", "” refer to"])
        {
            var at = head.IndexOf(verb, StringComparison.Ordinal);
            if (at >= 0 && at < 200 && at < firstSentence)
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
}
