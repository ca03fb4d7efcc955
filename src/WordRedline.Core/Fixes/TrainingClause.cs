namespace WordRedline.Core;

/// <summary>Finds the part of a sentence that allows training and can be struck without breaking the rest: a bracketed
/// example ("(including training ... models)"), an "including" tail (", including but not limited to developing or
/// training large language models"), or a coordinated purpose ("and to train our models"). Null when training is the
/// sentence's whole point, and the whole sentence should go.</summary>
internal static class TrainingClause
{
    private static readonly string[] Openers =
        [", including but not limited to", ", including without limitation", ", including", " including", ", such as", ", for example", ", e.g.",
         ", and to", " and to", ", or to", " or to", ", and for", " and for", ", and", ", or"];

    public static (int Start, int End)? Find(string text, int sentenceStart, int sentenceEnd, int quoteStart, int quoteEnd)
    {
        var body = TrimEnd(text, sentenceStart, sentenceEnd);
        var found = InBrackets(text, sentenceStart, body, quoteStart, quoteEnd) ?? AfterOpener(text, sentenceStart, body, quoteStart, quoteEnd);
        if (found is not { } span)
        {
            return null;
        }

        // Striking most of the sentence leaves a fragment: then the sentence goes.
        return (span.End - span.Start) * 10 > (body - sentenceStart) * 6 ? null : span;
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
