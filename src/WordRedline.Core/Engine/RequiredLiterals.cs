namespace WordRedline.Core;

/// <summary>Reads a regular expression and works out words that every match of it must contain: for
/// <c>\bhereby\s+(?:irrevocably\s+)?assigns?\b</c>, "hereby" and "assign". A sentence that contains none of a clause's
/// words cannot match, so the engine skips the pattern without running it; the answer is the same either way.
/// Conservative by construction: anything it does not understand adds no requirement, and only ASCII words (and
/// the party markers) are kept, so a case-insensitive substring test is exact for them.</summary>
internal static class RequiredLiterals
{
    // Past these sizes a set of exact strings says little and costs more to test than it saves.
    private const int MaxExactStrings = 16;
    private const int MaxExactLength = 24;
    private const int MaxClauseWords = 24;
    private const double MinClauseStrength = 2.5;

    /// <summary>Clauses of words, all of which must hold: each clause is satisfied when the text contains one of its
    /// words (ignoring case). Empty when nothing useful can be said.</summary>
    public static string[][] Of(string pattern)
    {
        Info info;
        try
        {
            var parser = new Parser(pattern);
            info = parser.Alternation();
            if (!parser.AtEnd)
            {
                return [];
            }
        }
        catch (FormatException)
        {
            return [];
        }

        // The strongest clauses first: each further one rejects a few more sentences that cannot match.
        return [.. info.AllClauses()
            .Select(Minimal)
            .Where(c => c.Length is > 0 and <= MaxClauseWords && Strength(c) >= MinClauseStrength)
            .DistinctBy(c => string.Join('\u0001', c))
            .OrderByDescending(Strength)
            .Take(6)];
    }

    /// <summary>A word is redundant when another word of the clause is inside it ("share" covers "shares").</summary>
    private static string[] Minimal(HashSet<string> clause)
    {
        var words = clause.OrderBy(w => w.Length).ThenBy(w => w, StringComparer.Ordinal).ToList();
        List<string> kept = [];
        foreach (var word in words)
        {
            if (!kept.Any(k => word.Contains(k, StringComparison.Ordinal)))
            {
                kept.Add(word);
            }
        }

        return [.. kept];
    }

    /// <summary>How rarely a clause holds by chance: its weakest word decides. Letters count one, a party marker four
    /// (a sentence names a party far less often than it has any given letter), spaces and punctuation a half.</summary>
    private static double Strength(string[] clause) => clause.Min(word => word.Sum(c => c switch
    {
        >= RoleText.Party and <= RoleText.CounterpartyPossessive => 4.0,
        _ when char.IsAsciiLetterOrDigit(c) => 1.0,
        _ => 0.5,
    }));

    private static bool IsKeepable(char c) => char.IsAscii(c) || c is >= RoleText.Party and <= RoleText.CounterpartyPossessive;

    /// <summary>What is known of the strings a part of the pattern matches.</summary>
    private sealed class Info
    {
        /// <summary>The part matches exactly one of these (lower case), or null when the set is unknown or too big.</summary>
        public HashSet<string>? Exact { get; init; }

        /// <summary>Clauses every match satisfies, beside what <see cref="Exact"/> says.</summary>
        public List<HashSet<string>> Clauses { get; init; } = [];

        public static Info Any => new();

        public static Info Empty => new() { Exact = [""] };

        public static Info Char(char c) => IsKeepable(c) ? new() { Exact = [char.ToLowerInvariant(c).ToString()] } : Any;

        public IEnumerable<HashSet<string>> AllClauses() => ExactAsClause() is { } exact ? Clauses.Append(exact) : Clauses;

        public HashSet<string>? ExactAsClause() => Exact is { Count: > 0 } exact && exact.All(s => s.Length > 0) ? exact : null;

        /// <summary>A sequence: neighbouring exact parts multiply into longer words ("licen" [sc] "e" → licence, license);
        /// every other part contributes its clauses.</summary>
        public static Info Sequence(List<Info> parts)
        {
            List<HashSet<string>> clauses = [];
            HashSet<string>? run = [""];
            var allExact = true;
            foreach (var part in parts)
            {
                clauses.AddRange(part.Clauses);
                if (part.Exact is not { } exact)
                {
                    Flush();
                    allExact = false;
                    continue;
                }

                if (run is not null && run.Count * exact.Count <= MaxExactStrings && run.Max(s => s.Length) + exact.Max(s => s.Length) <= MaxExactLength)
                {
                    run = [.. run.SelectMany(l => exact.Select(r => l + r))];
                    continue;
                }

                Flush();
                allExact = false;
                run = exact;
            }

            if (allExact)
            {
                return new Info { Exact = run, Clauses = clauses };
            }

            Flush();
            return new Info { Clauses = clauses };

            void Flush()
            {
                if (run is not null && run.Count > 0 && run.All(s => s.Length > 0))
                {
                    clauses.Add(run);
                }

                run = null;
            }
        }

        public static Info Or(Info a, Info b)
        {
            if (a.Exact is { } x && b.Exact is { } y && x.Count + y.Count <= MaxExactStrings)
            {
                return new Info { Exact = [.. x, .. y] };
            }

            // Either branch may match: a word required by both sides' best clauses together.
            var left = a.Best();
            var right = b.Best();
            return left is null || right is null ? Any : new Info { Clauses = [[.. left, .. right]] };
        }

        private HashSet<string>? Best() => AllClauses()
            .Select(c => (Clause: c, Strength: Strength([.. c])))
            .Where(c => c.Clause.Count > 0)
            .OrderByDescending(c => c.Strength)
            .Select(c => c.Clause)
            .FirstOrDefault();

        public Info Repeat(int min, int max)
        {
            if (min == 0)
            {
                // The part may be absent: only "it or nothing" is still exact, and nothing is required.
                return max == 1 && Exact is { } x && x.Count < MaxExactStrings ? new Info { Exact = [.. x, ""] } : Any;
            }

            return min == 1 && max == 1 ? this : new Info { Clauses = [.. AllClauses()] };
        }
    }

    /// <summary>Recursive descent over the .NET syntax the non-backtracking engine accepts.</summary>
    private sealed class Parser(string pattern)
    {
        private int at;

        public bool AtEnd => at >= pattern.Length;

        private char Peek => pattern[at];

        public Info Alternation()
        {
            var info = Sequence();
            while (!AtEnd && Peek == '|')
            {
                at++;
                info = Info.Or(info, Sequence());
            }

            return info;
        }

        private Info Sequence()
        {
            List<Info> parts = [];
            while (!AtEnd && Peek is not ('|' or ')'))
            {
                parts.Add(Quantified(Atom()));
            }

            return Info.Sequence(parts);
        }

        private Info Quantified(Info atom)
        {
            while (!AtEnd)
            {
                int min, max;
                switch (Peek)
                {
                    case '*':
                        (min, max) = (0, int.MaxValue);
                        at++;
                        break;
                    case '+':
                        (min, max) = (1, int.MaxValue);
                        at++;
                        break;
                    case '?':
                        (min, max) = (0, 1);
                        at++;
                        break;
                    case '{' when TryBraces(out min, out max):
                        break;
                    default:
                        return atom;
                }

                if (!AtEnd && Peek == '?')
                {
                    at++; // lazy: the same strings
                }

                atom = atom.Repeat(min, max);
            }

            return atom;
        }

        private bool TryBraces(out int min, out int max)
        {
            min = max = 0;
            var close = pattern.IndexOf('}', at);
            if (close < 0)
            {
                return false;
            }

            var body = pattern.AsSpan(at + 1, close - at - 1);
            var comma = body.IndexOf(',');
            var ok = comma < 0
                ? int.TryParse(body, System.Globalization.NumberStyles.None, null, out min) && (max = min) >= 0
                : int.TryParse(body[..comma], System.Globalization.NumberStyles.None, null, out min)
                  && (comma == body.Length - 1 ? (max = int.MaxValue) > 0 : int.TryParse(body[(comma + 1)..], System.Globalization.NumberStyles.None, null, out max));
            if (ok)
            {
                at = close + 1;
            }

            return ok;
        }

        private Info Atom()
        {
            var c = pattern[at++];
            switch (c)
            {
                case '(':
                    return Group();
                case '[':
                    return Class();
                case '\\':
                    return Escape();
                case '.':
                    return Info.Any;
                case '^' or '$':
                    return Info.Empty;
                case ')' or '|':
                    throw new FormatException();
                default:
                    return Info.Char(c);
            }
        }

        private Info Group()
        {
            if (!AtEnd && Peek == '?')
            {
                at++;
                if (AtEnd)
                {
                    throw new FormatException();
                }

                switch (Peek)
                {
                    case ':':
                        at++;
                        break;
                    case '<' or '\'' when at + 1 < pattern.Length && pattern[at + 1] is not ('=' or '!'):
                        // A named group: skip the name.
                        var close = pattern.IndexOf(Peek == '<' ? '>' : '\'', at + 1);
                        at = close < 0 ? throw new FormatException() : close + 1;
                        break;
                    case '#':
                        var end = pattern.IndexOf(')', at);
                        at = end < 0 ? throw new FormatException() : end + 1;
                        return Info.Empty;
                    default:
                        // Inline options, or syntax the non-backtracking engine refuses anyway: the group adds no
                        // requirement. (?x) would change how the rest of the pattern reads, so then nothing is said.
                        var options = pattern.AsSpan(at);
                        var stop = options.IndexOfAny(':', ')');
                        if (stop < 0 || options[..stop].Contains('x'))
                        {
                            throw new FormatException();
                        }

                        SkipGroup();
                        return Info.Any;
                }
            }

            var inner = Alternation();
            if (AtEnd || pattern[at++] != ')')
            {
                throw new FormatException();
            }

            return inner;
        }

        private void SkipGroup()
        {
            var depth = 1;
            while (!AtEnd && depth > 0)
            {
                var c = pattern[at++];
                if (c == '\\')
                {
                    at++;
                }
                else if (c == '[')
                {
                    SkipClass();
                }
                else if (c == '(')
                {
                    depth++;
                }
                else if (c == ')')
                {
                    depth--;
                }
            }

            if (depth > 0)
            {
                throw new FormatException();
            }
        }

        private void SkipClass()
        {
            // The first character after [ or [^ is literal even when it is ].
            if (!AtEnd && Peek == '^')
            {
                at++;
            }

            if (!AtEnd && Peek == ']')
            {
                at++;
            }

            while (!AtEnd && Peek != ']')
            {
                if (Peek == '\\')
                {
                    at++;
                }
                else if (Peek == '[')
                {
                    // Subtraction: [a-z-[aeiou]]
                    at++;
                    SkipClass();
                    continue;
                }

                at++;
            }

            if (AtEnd)
            {
                throw new FormatException();
            }

            at++;
        }

        /// <summary>A class of a few plain characters ([sz], [sc]) is an exact set; any other class is any character.</summary>
        private Info Class()
        {
            var start = at;
            SkipClass();
            var body = pattern.AsSpan(start, at - start - 1);
            if (body.IsEmpty || body[0] == '^' || body.IndexOfAny('\\', '[') >= 0 || body.Length > 6)
            {
                return Info.Any;
            }

            HashSet<string> chars = [];
            for (var i = 0; i < body.Length; i++)
            {
                if (body[i] == '-' && i > 0 && i < body.Length - 1)
                {
                    return Info.Any; // a range
                }

                if (!IsKeepable(body[i]))
                {
                    return Info.Any;
                }

                chars.Add(char.ToLowerInvariant(body[i]).ToString());
            }

            return new Info { Exact = chars };
        }

        private Info Escape()
        {
            if (AtEnd)
            {
                throw new FormatException();
            }

            var c = pattern[at++];
            switch (c)
            {
                case 'b' or 'B' or 'A' or 'z' or 'Z' or 'G':
                    return Info.Empty;
                case 'd' or 'D' or 'w' or 'W' or 's' or 'S':
                    return Info.Any;
                case 'p' or 'P':
                    var close = pattern.IndexOf('}', at);
                    at = close < 0 ? throw new FormatException() : close + 1;
                    return Info.Any;
                case 'k':
                    throw new FormatException();
                case >= '0' and <= '9':
                    // Octal escapes and back references: rare, and not worth reading.
                    throw new FormatException();
                case 't' or 'n' or 'r' or 'f' or 'v' or 'e' or 'a':
                    return Info.Char(c switch { 't' => '\t', 'n' => '\n', 'r' => '\r', 'f' => '\f', 'v' => '\v', 'e' => '\u001B', _ => '\u0007' });
                case 'x':
                    return Hex(2);
                case 'u':
                    return Hex(4);
                case 'c':
                    at++;
                    return Info.Any;
                default:
                    return char.IsAsciiLetterOrDigit(c) ? throw new FormatException() : Info.Char(c);
            }
        }

        private Info Hex(int digits)
        {
            if (at + digits > pattern.Length || !int.TryParse(pattern.AsSpan(at, digits), System.Globalization.NumberStyles.HexNumber, null, out var value))
            {
                throw new FormatException();
            }

            at += digits;
            return Info.Char((char)value);
        }
    }
}
