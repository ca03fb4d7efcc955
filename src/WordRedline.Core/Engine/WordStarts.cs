using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace WordRedline.Core;

/// <summary>Every position where a word starts: a letter or digit that does not follow a letter. The engine looks
/// for its trigger words, party names and work terms only there, so most of a contract is read sixteen characters at a
/// time by vector instructions and only word starts reach scalar code.</summary>
internal static class WordStarts
{
    /// <summary>A good buffer size for <see cref="Collect"/>.</summary>
    public const int BufferSize = 256;

    public static bool IsStart(ReadOnlySpan<char> text, int at) =>
        char.IsLetterOrDigit(text[at]) && (at == 0 || !char.IsLetter(text[at - 1]));

    /// <summary>Writes the word starts from <paramref name="from"/> on into <paramref name="into"/>, in order, until the
    /// text ends or the buffer is nearly full, and moves <paramref name="from"/> past what it read. Returns how many it
    /// wrote; call again while <paramref name="from"/> is short of the text's length.</summary>
    public static int Collect(ReadOnlySpan<char> text, ref int from, Span<int> into) =>
        Collect(text, ref from, into, Vector128.IsHardwareAccelerated);

    /// <summary><see cref="Collect(ReadOnlySpan{char}, ref int, Span{int})"/> with or without vectors, so tests can check
    /// both paths on any machine.</summary>
    internal static int Collect(ReadOnlySpan<char> text, ref int from, Span<int> into, bool vectors)
    {
        const int Block = 16;
        var count = 0;
        var at = from;
        if (at == 0 && text.Length > 0)
        {
            if (IsStart(text, 0))
            {
                into[count++] = 0;
            }

            at = 1;
        }

        // Sixteen characters a step, as two 128-bit halves: SSE, AVX and Arm's NEON all run them.
        ref var first = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(text));
        for (; vectors && at + Block <= text.Length && count + Block <= into.Length; at += Block)
        {
            var (sureLow, unsureLow) = Classify(ref first, at);
            var (sureHigh, unsureHigh) = Classify(ref first, at + Block / 2);
            count = Emit(text, at, sureLow | (sureHigh << (Block / 2)), unsureLow | (unsureHigh << (Block / 2)), into, count);
        }

        // The tail, and machines without vectors; a full buffer returns first, to be called again.
        if (!vectors || at + Block > text.Length)
        {
            for (; at < text.Length && count < into.Length; at++)
            {
                if (IsStart(text, at))
                {
                    into[count++] = at;
                }
            }
        }

        from = at;
        return count;
    }

    /// <summary>The eight characters at <paramref name="at"/>: certain starts (an ASCII letter or digit after an ASCII
    /// non-letter) and starts to check (a non-ASCII character on either side), one bit each.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (uint Sure, uint Unsure) Classify(ref ushort first, int at)
    {
        var current = Vector128.LoadUnsafe(ref first, (nuint)at);
        var previous = Vector128.LoadUnsafe(ref first, (nuint)(at - 1));
        var word = AsciiLetter(current) | Vector128.LessThan(current - Vector128.Create((ushort)'0'), Vector128.Create((ushort)10));
        var wide = Vector128.GreaterThanOrEqual(current, Vector128.Create((ushort)0x80));
        var previousLetter = AsciiLetter(previous);
        var previousWide = Vector128.GreaterThanOrEqual(previous, Vector128.Create((ushort)0x80));
        var sure = Vector128.AndNot(Vector128.AndNot(word, previousLetter), previousWide).ExtractMostSignificantBits();
        var unsure = (Vector128.AndNot(wide, previousLetter) | (previousWide & (word | wide))).ExtractMostSignificantBits();
        return (sure, unsure);
    }

    /// <summary>Certain starts (an ASCII letter or digit after an ASCII non-letter) are written as they are; starts next
    /// to a non-ASCII character, where only char.IsLetter can tell, are checked first.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Emit(ReadOnlySpan<char> text, int at, uint sure, uint unsure, Span<int> into, int count)
    {
        var all = sure | unsure;
        while (all != 0)
        {
            var bit = BitOperations.TrailingZeroCount(all);
            all &= all - 1;
            if ((unsure & (1u << bit)) == 0 || IsStart(text, at + bit))
            {
                into[count++] = at + bit;
            }
        }

        return count;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<ushort> AsciiLetter(Vector128<ushort> c) =>
        Vector128.LessThan((c | Vector128.Create((ushort)0x20)) - Vector128.Create((ushort)'a'), Vector128.Create((ushort)26));
}

/// <summary>Whether a word or phrase starts at a place in a text, compared as the engine compares words: ordinal, or
/// ignoring case as <see cref="StringComparison.OrdinalIgnoreCase"/> does, with a fast path for ASCII.</summary>
internal static class WordMatch
{
    public static bool StartsAt(ReadOnlySpan<char> text, int at, string word, bool ignoreCase)
    {
        if (word.Length > text.Length - at)
        {
            return false;
        }

        for (var i = 0; i < word.Length; i++)
        {
            var t = text[at + i];
            var w = word[i];
            if (t == w)
            {
                continue;
            }

            if (!ignoreCase)
            {
                return false;
            }

            if ((t | w) >= 0x80)
            {
                return text.Slice(at + i, word.Length - i).Equals(word.AsSpan(i), StringComparison.OrdinalIgnoreCase);
            }

            // Two ASCII characters that differ: equal only as the two cases of one letter.
            if ((t | 0x20) != (w | 0x20) || (uint)((w | 0x20) - 'a') >= 26)
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>The first three letters of a word, case-folded, as one number: the bucket in which the engine keeps the
/// words that can start there. Letters that compare equal ignoring case (including the few non-ASCII ones that upper-case
/// to ASCII, such as the dotless i) share a key; every other character is 0.</summary>
internal static class WordKey
{
    public const int Count = 27 * 27 * 27;

    private static readonly byte[] Fold = BuildFold();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int At(ReadOnlySpan<char> text, int at)
    {
        var key = Fold[text[at]] * 729;
        if (at + 1 < text.Length)
        {
            key += Fold[text[at + 1]] * 27;
            if (at + 2 < text.Length)
            {
                key += Fold[text[at + 2]];
            }
        }

        return key;
    }

    /// <summary>The keys at which <paramref name="word"/> can begin a match. A word shorter than three characters
    /// matches before anything when it is a prefix, and only before a non-letter when it must end a word.</summary>
    public static IEnumerable<int> For(string word, bool endsWord)
    {
        var key = 0;
        for (var i = 0; i < 3; i++)
        {
            key = key * 27 + (i < word.Length ? Fold[word[i]] : 0);
        }

        if (word.Length >= 3 || endsWord)
        {
            return [key];
        }

        var free = word.Length == 2 ? 27 : 729;
        return Enumerable.Range(0, free).Select(rest => key + rest);
    }

    /// <summary>The four case-folded characters after the key, five bits each: a second, finer test that most of a
    /// bucket's entries fail without a character comparison ("any purpose" against "any and all").</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Signature(ReadOnlySpan<char> text, int at)
    {
        var signature = 0u;
        var end = Math.Min(text.Length, at + 7);
        for (var i = at + 3; i < end; i++)
        {
            signature |= (uint)Fold[text[i]] << (5 * (i - at - 3));
        }

        return signature;
    }

    /// <summary>The signature a match of <paramref name="word"/> has, and which of its bits are fixed: the word's own
    /// characters, and a non-letter (0) just after it when it must end a word.</summary>
    public static (uint Signature, uint Mask) SignatureOf(string word, bool endsWord)
    {
        uint signature = 0, mask = 0;
        for (var i = 3; i < 7; i++)
        {
            if (i < word.Length)
            {
                signature |= (uint)Fold[word[i]] << (5 * (i - 3));
            }
            else if (i > word.Length || !endsWord)
            {
                continue;
            }

            mask |= 31u << (5 * (i - 3));
        }

        return (signature, mask);
    }

    private static byte[] BuildFold()
    {
        var fold = new byte[char.MaxValue + 1];
        for (var c = 0; c <= char.MaxValue; c++)
        {
            var upper = char.ToUpperInvariant((char)c);
            fold[c] = upper is >= 'A' and <= 'Z' ? (byte)(upper - 'A' + 1) : (byte)0;
        }

        return fold;
    }
}

/// <summary>Entries kept by the <see cref="WordKey"/> of the word they start with, in the order given. Immutable once
/// built, so one index serves every thread; a bit per key answers "nothing starts here" from a table small enough to
/// stay in the fastest cache, and a signature of the next four letters drops most of a bucket before any comparison.</summary>
internal sealed class WordIndex<T>
{
    // Past this many keys a table of every key's first entry (80 KB) beats a binary search; a document's party words
    // have a few dozen keys and should not cost 80 KB a request.
    private const int FlatFrom = 256;

    private readonly ulong[] present = new ulong[(WordKey.Count + 63) / 64];
    private readonly int[] first;
    private readonly int[]? keys;
    private readonly Slot[] slots;

    public WordIndex(IEnumerable<(string Word, bool EndsWord, T Entry)> source)
    {
        var byKey = new List<(int Key, int Order, Slot Slot)>();
        foreach (var (word, endsWord, entry) in source)
        {
            var (signature, mask) = WordKey.SignatureOf(word, endsWord);
            foreach (var key in WordKey.For(word, endsWord))
            {
                byKey.Add((key, byKey.Count, new Slot(entry, signature, mask)));
                present[key >> 6] |= 1UL << key;
            }
        }

        byKey.Sort((a, b) => a.Key != b.Key ? a.Key.CompareTo(b.Key) : a.Order.CompareTo(b.Order));
        slots = [.. byKey.Select(e => e.Slot)];
        var distinct = byKey.Select(e => e.Key).Distinct().ToArray();
        if (distinct.Length >= FlatFrom)
        {
            first = new int[WordKey.Count + 1];
            var next = 0;
            for (var key = 0; key <= WordKey.Count; key++)
            {
                first[key] = next;
                while (next < byKey.Count && byKey[next].Key == key)
                {
                    next++;
                }
            }
        }
        else
        {
            // keys[i]'s entries are slots[first[i]..first[i + 1]]: the sorted slots, cut where the key changes.
            keys = distinct;
            first = new int[distinct.Length + 1];
            for (int i = 0, bucket = 0; i < byKey.Count; i++)
            {
                bucket += i > 0 && byKey[i].Key != byKey[i - 1].Key ? 1 : 0;
                first[bucket + 1] = i + 1;
            }
        }
    }

    /// <summary>The entries that could start at <paramref name="at"/>, in the order given; none for most words.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Candidates At(ReadOnlySpan<char> text, int at)
    {
        var key = WordKey.At(text, at);
        if ((present[key >> 6] & (1UL << key)) == 0)
        {
            return default;
        }

        var bucket = keys is null ? key : Array.BinarySearch(keys, key);
        return new Candidates(slots.AsSpan(first[bucket], first[bucket + 1] - first[bucket]), WordKey.Signature(text, at));
    }

    internal readonly record struct Slot(T Entry, uint Signature, uint Mask);

    /// <summary>The entries of one bucket whose signature fits the text.</summary>
    public ref struct Candidates
    {
        private readonly ReadOnlySpan<Slot> slots;
        private readonly uint signature;
        private int next;

        internal Candidates(ReadOnlySpan<Slot> slots, uint signature)
        {
            this.slots = slots;
            this.signature = signature;
            next = -1;
        }

        public readonly bool IsEmpty => slots.IsEmpty;

        public readonly T Current => slots[next].Entry;

        public readonly Candidates GetEnumerator() => this;

        public bool MoveNext()
        {
            while (++next < slots.Length)
            {
                if ((signature & slots[next].Mask) == slots[next].Signature)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
