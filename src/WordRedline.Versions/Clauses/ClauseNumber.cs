using System.Text.RegularExpressions;

namespace WordRedline.Versions;

/// <summary>A clause's number and heading as the contract writes them ("7.2", "Section 5", "(a)"; "License").</summary>
/// <param name="Number">The number without decoration ("3", "7.2", "5", "(a)"), or null when the paragraph has none.</param>
/// <param name="Heading">The run-in heading ("License" in "3. License. Designer grants..."), or null.</param>
public sealed record ClauseNumber(string? Number, string? Heading)
{
    /// <summary>"clause 3 (License)", "clause 7.2", "the clause headed "License"", or null when there is neither.</summary>
    public string? Describe()
    {
        if (Number is not null)
        {
            return Heading is null ? $"clause {Number}" : $"clause {Number} ({Heading})";
        }

        return Heading is null ? null : $"the clause headed \u201C{Heading}\u201D";
    }
}

/// <summary>Reads a clause's number and heading from the start of its paragraph. The engine will carry these per
/// finding; until it does, this is the one place they are derived, so switching is a change here only.</summary>
public static partial class ClauseNumbers
{
    /// <summary>Every paragraph's clause. A plain paragraph (no number, no heading) after a numbered one belongs to
    /// that clause, as a reader takes it: the carve-out Accept all inserts after clause 3 is part of clause 3.</summary>
    public static IReadOnlyList<ClauseNumber> ParseAll(IReadOnlyList<string> paragraphs)
    {
        ArgumentNullException.ThrowIfNull(paragraphs);
        var result = new ClauseNumber[paragraphs.Count];
        ClauseNumber? current = null;
        for (var i = 0; i < paragraphs.Count; i++)
        {
            var own = Parse(paragraphs[i]);
            if (own.Number is not null)
            {
                current = own;
            }

            result[i] = own.Number is null && own.Heading is null && current is not null ? current : own;
        }

        return result;
    }

    public static ClauseNumber Parse(string paragraph)
    {
        ArgumentNullException.ThrowIfNull(paragraph);
        var text = paragraph.TrimStart();
        string? number = null;
        var rest = text;

        var match = Keyword().Match(text);
        if (match.Success)
        {
            number = match.Groups["n"].Value.TrimEnd('.');
            rest = text[match.Length..];
        }
        else if ((match = Dotted().Match(text)).Success)
        {
            number = match.Groups["n"].Value;
            rest = text[match.Length..];
        }
        else if ((match = Lettered().Match(text)).Success)
        {
            number = $"({match.Groups["n"].Value})";
            rest = text[match.Length..];
        }

        return new ClauseNumber(number, Heading(rest));
    }

    /// <summary>A run-in heading: a few capitalised words ending in a full stop or colon before the clause's text
    /// ("License. Designer grants..."), or the whole paragraph when it is a short heading on its own line.</summary>
    private static string? Heading(string rest)
    {
        var match = RunInHeading().Match(rest);
        if (match.Success)
        {
            return match.Groups["h"].Value.Trim();
        }

        return null;
    }

    // "Section 5.", "Clause 7.2", "Article 3:" (the keyword and number only; the heading follows).
    [GeneratedRegex(@"^(?:Section|Clause|Article|§)\s*(?<n>\d+(?:\.\d+)*[A-Za-z]?)[.:)]?\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Keyword();

    // "3. ", "7.2 ", "7.2. ", "12) ". A year or an amount ("2026 fees", "1,000") is not followed by a stop or is
    // too long, so numbers are at most three digits a level.
    [GeneratedRegex(@"^(?<n>\d{1,3}(?:\.\d{1,3})*)(?:\.|\))?\s+(?=\S)", RegexOptions.CultureInvariant)]
    private static partial Regex Dotted();

    // "(a) ", "(iv) ", "(12) ".
    [GeneratedRegex(@"^\((?<n>[a-z]{1,2}|[ivxlc]{1,6}|\d{1,3})\)\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Lettered();

    // Up to six words, each starting with a capital letter or a joining word ("Use of Deliverables"), then ". " or ": ".
    [GeneratedRegex(@"^(?<h>[A-Z][\w'’-]*(?:\s+(?:[A-Z][\w'’-]*|of|and|or|the|to|for|in|on|by|a|an|&)){0,5})[.:]\s+(?=\S)", RegexOptions.CultureInvariant)]
    private static partial Regex RunInHeading();
}
