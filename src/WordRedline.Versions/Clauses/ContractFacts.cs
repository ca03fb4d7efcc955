using System.Globalization;
using System.Text.RegularExpressions;

namespace WordRedline.Versions;

/// <summary>What a letter needs from the contract itself: its title, the parties' legal names behind their defined
/// terms, and the date it is made. Each is null when the text does not say it plainly; the user then supplies it.</summary>
public sealed partial record ContractFacts(string? Title, string? PartyName, string? CounterpartyName, DateOnly? AgreementDate)
{
    private static readonly string[] Months =
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

    /// <summary>Reads the facts from the paragraphs, given the defined terms the engine found ("Designer", "Agency").</summary>
    public static ContractFacts Read(IReadOnlyList<string> paragraphs, string party, string counterparty)
    {
        ArgumentNullException.ThrowIfNull(paragraphs);
        // Parties, title and date are stated at the top (a preamble, or a cover page's table); the first forty
        // paragraphs keep this cheap on long contracts.
        var opening = paragraphs.Where(p => !string.IsNullOrWhiteSpace(p)).Take(40).Select(p => p.Trim()).ToList();
        return new ContractFacts(ReadTitle(opening), LegalName(opening, party), LegalName(opening, counterparty), Date(opening));
    }

    private static string? ReadTitle(List<string> opening)
    {
        if (opening.Count == 0)
        {
            return null;
        }

        var first = opening[0];
        if (first.Length <= 100 && !first.EndsWith('.') && TitleWords().IsMatch(first) && first.Any(char.IsLetter))
        {
            return IsAllCaps(first) ? TitleCase(first) : first;
        }

        foreach (var paragraph in opening)
        {
            var match = ThisAgreement().Match(paragraph);
            if (match.Success)
            {
                return match.Groups["t"].Value;
            }
        }

        return null;
    }

    /// <summary>The name written before a defined term's parenthesis: "between Brightline Creative Agency LLC (the
    /// "Agency") and Jane Doe, an independent designer (the "Designer")" gives "Brightline Creative Agency LLC" for
    /// Agency and "Jane Doe" for Designer.</summary>
    internal static string? LegalName(IReadOnlyList<string> opening, string term)
    {
        if (string.IsNullOrWhiteSpace(term))
        {
            return null;
        }

        var definition = new Regex(
            @"(?<before>[^()""“”]{2,200}?)\s*\(\s*(?:the\s+|hereinafter\s+(?:referred\s+to\s+as\s+)?(?:the\s+)?)?[""“']" + Regex.Escape(term) + @"[""”']\s*\)",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        foreach (var paragraph in opening)
        {
            var match = definition.Match(paragraph);
            if (match.Success && Clean(match.Groups["before"].Value) is { } name)
            {
                return name;
            }
        }

        // A cover page: a cell that is just the term ("Contractor") and the cell after it, the name and address
        // ("Rosa Alvarez, 18 Canal Street, Portland").
        for (var i = 0; i + 1 < opening.Count; i++)
        {
            if (string.Equals(opening[i].Trim().TrimEnd(':'), term, StringComparison.OrdinalIgnoreCase)
                && Clean(BeforeAddress(opening[i + 1])) is { } name)
            {
                return name;
            }
        }

        return null;
    }

    /// <summary>"Northwind Outdoor Co., 500 Pine Avenue" gives "Northwind Outdoor Co.": the name ends where the street
    /// number begins.</summary>
    private static string BeforeAddress(string text)
    {
        var address = Address().Match(text);
        return address.Success ? text[..address.Index] : text;
    }

    private static string? Clean(string before)
    {
        var text = before;
        var between = LastIntroducer().Matches(text).LastOrDefault();
        if (between is not null)
        {
            text = text[(between.Index + between.Length)..];
        }
        else
        {
            text = LeadingJoiner().Replace(text, "");
        }

        // "Jane Doe, an independent designer" and "Acme LLC, a Delaware limited liability company": the
        // description after the comma is not the name; "Acme, Inc." keeps its comma.
        var description = Description().Match(text);
        if (description.Success)
        {
            text = text[..description.Index];
        }

        text = text.Trim().Trim(',', ';', ':').Trim();
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length is 0 or > 10 || !(char.IsUpper(text[0]) || char.IsDigit(text[0])))
        {
            return null;
        }

        return text;
    }

    private static DateOnly? Date(List<string> opening)
    {
        foreach (var paragraph in opening)
        {
            var match = DatedPhrase().Match(paragraph);
            if (match.Success && ParseDate(match.Groups["d"].Value) is { } date)
            {
                return date;
            }
        }

        return null;
    }

    internal static DateOnly? ParseDate(string text)
    {
        var iso = IsoDate().Match(text);
        if (iso.Success)
        {
            return DateOnly.TryParseExact(iso.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
        }

        var words = DateWords().Match(text);
        if (!words.Success)
        {
            return null;
        }

        var month = Array.IndexOf(Months, (words.Groups["m1"].Success ? words.Groups["m1"] : words.Groups["m2"]).Value.ToLowerInvariant()) + 1;
        var day = int.Parse(words.Groups["d1"].Success ? words.Groups["d1"].Value : words.Groups["d2"].Value, CultureInfo.InvariantCulture);
        var year = int.Parse(words.Groups["y"].Value, CultureInfo.InvariantCulture);
        return month > 0 && day >= 1 && day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null;
    }

    private static bool IsAllCaps(string text) => text.Where(char.IsLetter).All(char.IsUpper);

    private static string TitleCase(string text)
    {
        var small = new HashSet<string>(StringComparer.Ordinal) { "of", "and", "or", "the", "for", "to", "in", "on", "a", "an" };
        var words = text.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < words.Length; i++)
        {
            if (i == 0 || !small.Contains(words[i]))
            {
                words[i] = char.ToUpperInvariant(words[i][0]) + words[i][1..];
            }
        }

        return string.Join(' ', words);
    }

    [GeneratedRegex(@"^[\p{L}\d][\p{L}\d\s&,'’-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex TitleWords();

    [GeneratedRegex(@"\bThis\s+(?<t>(?:[A-Z][\w-]*\s+){0,5}(?:Agreement|Contract))\b", RegexOptions.CultureInvariant)]
    private static partial Regex ThisAgreement();

    [GeneratedRegex(@"\b(?:by\s+and\s+between|between|among|by\s+and\s+among)\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LastIntroducer();

    [GeneratedRegex(@"^\s*(?:,?\s*and\s+|,\s*|by\s+|with\s+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LeadingJoiner();

    [GeneratedRegex(@"\s+(?:of|at|whose\s+(?:registered\s+)?(?:office|address)\s+is(?:\s+at)?)\s+\d|,\s*(?:an?\s|the\s|having\s|whose\s|with\s|located\s|residing\s|of\s|incorporated\s|organi[sz]ed\s|registered\s|a\s+company\b|an\s+individual\b|trading\s)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Description();

    [GeneratedRegex(@"\b(?:dated(?:\s+as\s+of)?|effective(?:\s+as\s+of|\s+on)?|made(?:\s+and\s+entered\s+into)?\s+(?:on|as\s+of)|entered\s+into\s+(?:on|as\s+of)|as\s+of)\s+(?:the\s+)?(?<d>\d{4}-\d{2}-\d{2}|\d{1,2}(?:st|nd|rd|th)?\s+(?:day\s+)?(?:of\s+)?[A-Z][a-z]+,?\s+\d{4}|[A-Z][a-z]+\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DatedPhrase();

    [GeneratedRegex(@",\s*\d", RegexOptions.CultureInvariant)]
    private static partial Regex Address();

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}", RegexOptions.CultureInvariant)]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"^(?:(?<d1>\d{1,2})(?:st|nd|rd|th)?\s+(?:day\s+)?(?:of\s+)?(?<m1>[A-Za-z]+),?\s+|(?<m2>[A-Za-z]+)\s+(?<d2>\d{1,2})(?:st|nd|rd|th)?,?\s+)(?<y>\d{4})$", RegexOptions.CultureInvariant)]
    private static partial Regex DateWords();
}
