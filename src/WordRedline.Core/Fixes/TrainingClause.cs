namespace WordRedline.Core;

/// <summary>Finds the part of a sentence that allows training and can be struck without breaking the rest: a bracketed
/// example ("(including training ... models)"), an "including" tail (", including but not limited to developing or
/// training large language models"), or a coordinated purpose ("and to train our models"), with what takes its place
/// (empty, or the series' conjunction moved: "provide and maintain the AI System" for "provide, maintain,
/// develop, and improve the AI System"). Null when training is the sentence's whole point, and the whole sentence
/// should go.</summary>
internal static class TrainingClause
{
    private static readonly string[] Openers =
        [", including but not limited to", ", including without limitation", ", including", " including", ", such as", ", for example", ", e.g.",
         ", and to", " and to", ", or to", " or to", ", and for", " and for", ", and", ", or"];

    public static (int Start, int End, string Replacement)? Find(string text, int sentenceStart, int sentenceEnd, int quoteStart, int quoteEnd)
    {
        var body = TrimEnd(text, sentenceStart, sentenceEnd);
        var found = InBrackets(text, sentenceStart, body, quoteStart, quoteEnd) ?? AfterOpener(text, sentenceStart, body, quoteStart, quoteEnd);
        if (found is not { } span)
        {
            return null;
        }

        // Striking most of the sentence leaves a fragment: then the sentence goes.
        if ((span.End - span.Start) * 10 > (body - sentenceStart) * 6)
        {
            return null;
        }

        return SharedObject(text, sentenceStart, span, quoteStart) ?? (span.Start, span.End, "");
    }

    /// <summary>"We do not use Your Data to train our models except (a) when ..., in which case ...": the denial
    /// stands and the exception that reopens it goes, up to the sentence's end. Null when the sentence does not deny
    /// training before the quote.</summary>
    public static (int Start, int End)? Exception(string text, int sentenceStart, int sentenceEnd, int quoteStart, int quoteEnd)
    {
        var body = TrimEnd(text, sentenceStart, sentenceEnd);
        var before = text.AsSpan(sentenceStart, quoteStart - sentenceStart);
        if (!(before.Contains(" not ", StringComparison.OrdinalIgnoreCase) || before.Contains("n't ", StringComparison.OrdinalIgnoreCase)
            || before.Contains("n’t ", StringComparison.OrdinalIgnoreCase) || before.Contains(" never ", StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }

        var except = text.IndexOf(" except", quoteEnd, Math.Max(0, body - quoteEnd), StringComparison.OrdinalIgnoreCase);
        if (except < 0 || text.AsSpan(quoteEnd, except - quoteEnd).ContainsAny(";:".AsSpan()))
        {
            return null;
        }

        // A comma before the exception goes with it.
        var start = except > sentenceStart && text[except - 1] == ',' ? except - 1 : except;
        return (start, body);
    }

    /// <summary>The last verb of a series whose verbs share one object ("to provide, maintain, develop, and improve the
    /// AI System, provided that ..."): striking ", and improve the AI System" would take the others' object with it, so
    /// only the verbs that develop it go and the conjunction moves to the item before ("provide and maintain the AI System").
    /// </summary>
    private static (int Start, int End, string Replacement)? SharedObject(string text, int sentenceStart, (int Start, int End) span, int quoteStart)
    {
        var opener = text.AsSpan(span.Start, quoteStart - span.Start).Trim();
        var conjunction = opener is ", and" ? "and" : opener is ", or" ? "or" : null;
        // The verb is the quote's first word ("improve" of "improve the AI System"); what follows it is the object.
        var verbEnd = text.IndexOf(' ', quoteStart, Math.Max(0, span.End - quoteStart));
        var objectFollows = verbEnd > quoteStart && verbEnd + 1 < span.End && char.IsLetter(text[verbEnd + 1]);
        if (conjunction is null || !objectFollows || !IsWord(text.AsSpan(quoteStart, verbEnd - quoteStart)))
        {
            return null;
        }

        // Verbs before it that also develop the object go with it ("develop" an AI system is training too).
        var cursor = span.Start;
        string previous;
        int comma;
        while (true)
        {
            comma = cursor > sentenceStart ? text.LastIndexOf(',', cursor - 1, cursor - sentenceStart) : -1;
            if (comma < sentenceStart)
            {
                return null;
            }

            previous = text[(comma + 1)..cursor].Trim();
            if (!IsWord(previous))
            {
                return null;
            }

            if (!TrainingVerbs.Contains(previous))
            {
                break;
            }

            cursor = comma;
        }

        // Two items left ("to provide and maintain the AI System") take no comma; three or more keep the series' own.
        var keptStart = text.IndexOf(previous, comma + 1, StringComparison.Ordinal);
        var before = comma > sentenceStart ? text.LastIndexOf(',', comma - 1, comma - sentenceStart) : -1;
        var series = before >= sentenceStart && IsWord(text[(before + 1)..comma].Trim());
        return series ? (keptStart, verbEnd, $"{conjunction} {previous}") : (comma, verbEnd, $" {conjunction} {previous}");
    }

    private static readonly HashSet<string> TrainingVerbs = new(StringComparer.OrdinalIgnoreCase)
    {
        "develop", "improve", "enhance", "train", "retrain", "fine-tune", "refine",
    };

    private static readonly System.Buffers.SearchValues<char> WordLetters =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-");

    private static bool IsWord(ReadOnlySpan<char> text) => text.Length > 0 && !text.ContainsAnyExcept(WordLetters);

    private static (int Start, int End)? InBrackets(string text, int sentenceStart, int body, int quoteStart, int quoteEnd)
    {
        var open = text.LastIndexOf('(', quoteStart, quoteStart - sentenceStart + 1 > 0 ? quoteStart - sentenceStart : 0);
        if (open < sentenceStart || text.IndexOf(')', open, quoteStart - open) >= 0)
        {
            return null;
        }

        var close = text.IndexOf(')', quoteEnd, Math.Max(0, body - quoteEnd));
        if (close < 0 || text.IndexOf('(', quoteEnd, close - quoteEnd) >= 0)
        {
            return null;
        }

        var start = open;
        while (start > sentenceStart && text[start - 1] == ' ')
        {
            start--;
        }

        return (start, close + 1);
    }

    private static (int Start, int End)? AfterOpener(string text, int sentenceStart, int body, int quoteStart, int quoteEnd)
    {
        // The opener nearest the training words; of two ending at the same word (", including" and " including") the
        // one with its comma, so the comma goes with the struck clause.
        var best = -1;
        var bestEnd = -1;
        foreach (var opener in Openers)
        {
            var at = text.LastIndexOf(opener, quoteStart, quoteStart - sentenceStart + 1, StringComparison.OrdinalIgnoreCase);
            var openerEnd = at + opener.Length;
            if (at >= sentenceStart && (openerEnd > bestEnd || (openerEnd == bestEnd && at < best)) && !text.AsSpan(openerEnd, quoteStart - openerEnd).ContainsAny(",;:()".AsSpan()))
            {
                best = at;
                bestEnd = openerEnd;
            }
        }

        if (best < 0)
        {
            return null;
        }

        // The struck part runs to the end of the training item: the next comma, semicolon or bracket, or the sentence end.
        var end = text.AsSpan(quoteEnd, body - quoteEnd).IndexOfAny(",;)(");
        end = end < 0 ? body : quoteEnd + end;

        // "..., including training our models, unless you opt out of training": the opt-out of what is struck goes with it.
        var rest = text.AsSpan(end, body - end).TrimStart(", ");
        if (rest.StartsWith("unless", StringComparison.OrdinalIgnoreCase) && (rest.Contains("opt", StringComparison.OrdinalIgnoreCase) || rest.Contains("train", StringComparison.OrdinalIgnoreCase)))
        {
            end = body;
        }

        return (best, end);
    }

    // The sentence without its closing punctuation.
    private static int TrimEnd(string text, int start, int end)
    {
        while (end > start && (char.IsWhiteSpace(text[end - 1]) || text[end - 1] is '.' or '!' or '?' or '"' or '”' or '\''))
        {
            end--;
        }

        return end;
    }
}
