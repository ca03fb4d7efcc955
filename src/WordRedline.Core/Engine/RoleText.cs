namespace WordRedline.Core;

/// <summary>A view of a text in which every mention of a party is replaced by one marker character, so that the
/// playbook's patterns can say "{party} hereby grants {counterparty}" once, compiled once, for every document.
/// Keeps the map back to the original offsets.</summary>
internal sealed class RoleText
{
    public const char Party = '\uE000';
    public const char PartyPossessive = '\uE001';
    public const char Counterparty = '\uE002';
    public const char CounterpartyPossessive = '\uE003';

    // (view index, original index, original length, marker) of each marker, in order.
    private readonly List<(int View, int Original, int Length, char Marker)> markers;

    private RoleText(string view, List<(int, int, int, char)> markers)
    {
        View = view;
        this.markers = markers;
    }

    public string View { get; }

    /// <summary>The original offset of a view offset. Binary search over the markers: a paragraph that names a party
    /// thousands of times must not make every lookup walk them all.</summary>
    public int ToOriginal(int viewIndex)
    {
        // The last marker that starts before viewIndex; between markers the text is unchanged.
        var last = LastMarkerBelow(viewIndex, byOriginal: false);
        if (last < 0)
        {
            return viewIndex;
        }

        var (view, original, length, _) = markers[last];
        return viewIndex + (original + length - (view + 1));
    }

    /// <summary>The view offset of an original offset, or false when a marker replaced the text there.</summary>
    public bool TryToView(int original, out int viewIndex)
    {
        var last = LastMarkerBelow(original + 1, byOriginal: true);
        if (last < 0)
        {
            viewIndex = original;
            return true;
        }

        var (view, start, length, _) = markers[last];
        viewIndex = view + 1 + (original - (start + length));
        return original >= start + length;
    }

    /// <summary>The last marker whose view (or original) offset is below <paramref name="bound"/>, or -1.</summary>
    private int LastMarkerBelow(int bound, bool byOriginal)
    {
        int lo = 0, hi = markers.Count - 1, last = -1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            if ((byOriginal ? markers[mid].Original : markers[mid].View) < bound)
            {
                last = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return last;
    }

    public static RoleText Create(string text, RoleLexicon lexicon)
    {
        // First the party words and their markers, then the view in one allocation of its exact length.
        List<(int View, int Original, int Length, char Marker)> markers = [];
        var shrink = 0;
        var copied = 0;
        var span = text.AsSpan();
        Span<int> starts = stackalloc int[WordStarts.BufferSize];
        for (var from = 0; from < span.Length;)
        {
            foreach (var i in starts[..WordStarts.Collect(span, ref from, starts)])
            {
                // A party word starts with a letter after neither a letter nor a digit, outside any word already tagged.
                if (i < copied || !lexicon.MayStartAt(span, i) || !char.IsLetter(text[i]) || (i > 0 && char.IsDigit(text[i - 1]))
                    || !lexicon.TryMatch(span, i, out var length, out var marker))
                {
                    continue;
                }

                markers.Add((i - shrink, i, length, marker));
                shrink += length - 1;
                copied = i + length;
            }
        }

        if (markers.Count == 0)
        {
            return new RoleText(text, markers);
        }

        var view = string.Create(text.Length - shrink, (text, markers), static (view, state) =>
        {
            var (text, markers) = state;
            var copied = 0;
            foreach (var (at, original, length, marker) in markers)
            {
                text.AsSpan(copied, original - copied).CopyTo(view[(at - (original - copied))..]);
                view[at] = marker;
                copied = original + length;
            }

            text.AsSpan(copied).CopyTo(view[(view.Length - (text.Length - copied))..]);
        });
        return new RoleText(view, markers);
    }
}

/// <summary>The party words of one document, looked up by first letter so tagging stays one pass.</summary>
internal sealed class RoleLexicon
{
    private readonly List<(string Word, char Marker, bool IgnoreCase)> entries = [];

    public RoleLexicon(PartyTerms terms)
    {
        foreach (var word in terms.PartyWords)
        {
            AddTerm(word, RoleText.Party, RoleText.PartyPossessive);
        }

        foreach (var word in terms.CounterpartyWords)
        {
            AddTerm(word, RoleText.Counterparty, RoleText.CounterpartyPossessive);
        }

        foreach (var word in terms.PartyPossessives)
        {
            entries.Add((word, RoleText.PartyPossessive, true));
        }

        foreach (var word in terms.CounterpartyPossessives)
        {
            entries.Add((word, RoleText.CounterpartyPossessive, true));
        }

        // Longest first, so "Work Product Owner" beats "Work" and "Company's" beats "Company"; kept by the first
        // letters of the word so each word start tries only the terms that could begin there.
        entries.Sort((a, b) => b.Word.Length.CompareTo(a.Word.Length));
        byWordKey = new WordIndex<(string, char, bool)>(entries.Select(e => (e.Word, true, e)));
    }

    private readonly WordIndex<(string Word, char Marker, bool IgnoreCase)> byWordKey;

    private void AddTerm(string word, char marker, char possessive)
    {
        if (word.Length == 0)
        {
            return;
        }

        // Pronouns match in any case; defined terms match as written or in capitals ("COMPANY").
        var pronoun = PartyResolver.IsPronoun(word);
        entries.Add((word + "'s", possessive, pronoun));
        entries.Add((word + "’s", possessive, pronoun));
        entries.Add((word, marker, pronoun));
        if (!pronoun && !word.Equals(word.ToUpperInvariant(), StringComparison.Ordinal))
        {
            entries.Add((word.ToUpperInvariant() + "'S", possessive, false));
            entries.Add((word.ToUpperInvariant() + "’S", possessive, false));
            entries.Add((word.ToUpperInvariant(), marker, false));
        }
    }


    /// <summary>Whether any party word starts with the letters at <paramref name="at"/>; false for most words.</summary>
    public bool MayStartAt(ReadOnlySpan<char> text, int at) => !byWordKey.At(text, at).IsEmpty;

    public bool TryMatch(ReadOnlySpan<char> text, int at, out int length, out char marker)
    {
        length = 0;
        marker = '\0';
        foreach (var (word, m, ignoreCase) in byWordKey.At(text, at))
        {
            if (!WordMatch.StartsAt(text, at, word, ignoreCase))
            {
                continue;
            }

            var end = at + word.Length;
            if (end < text.Length && char.IsLetterOrDigit(text[end]))
            {
                continue;
            }

            // "US" in capitals is usually the country, not "us".
            if (word == "us" && text.Slice(at, 2).SequenceEqual("US"))
            {
                continue;
            }

            length = word.Length;
            marker = m;
            return true;
        }

        return false;
    }
}
