namespace WordRedline.Core;

/// <summary>What one pass over every word start of a document finds, before anything else runs: where each trigger
/// word is, how often each work term and party word occurs, and which paragraphs may hold the entire-agreement clause
/// or mention the attached addendum. Everything later reads these instead of the text again.</summary>
internal sealed class DocumentScan
{
    /// <summary>Party words are counted in the first 200,000 characters (some 60 pages, each paragraph at most 20,000):
    /// parties are defined up front, and the cost of detection stays bounded however long the contract is.</summary>
    public const int PartyWordBudget = 200_000;

    public const int PartyWordParagraphLimit = 20_000;


    // A work term counts at most this often: beyond it a term is plainly the document's own.
    private const int WorkTermCap = 1000;

    private readonly List<TriggerHit> hits = [];
    private readonly int[] firstHit;

    private DocumentScan(int paragraphs, int workTerms)
    {
        firstHit = new int[paragraphs + 1];
        PartyTextLengths = new int[paragraphs];
        WorkTermCounts = new int[workTerms];
        Gates = new ScanGate[paragraphs];
    }

    /// <summary>Occurrences of each of the playbook's work terms (whole words, as written), capped.</summary>
    public int[] WorkTermCounts { get; }

    /// <summary>"you"/"your" and "we"/"us"/"our" as whole words within the party-word budget.</summary>
    public int YouCount { get; private set; }

    public int WeCount { get; private set; }

    /// <summary>Role words written as defined terms (capitalised) within the budget, by the spelling to report.</summary>
    public Dictionary<string, int> RoleCounts { get; } = new(StringComparer.Ordinal);

    /// <summary>Per paragraph: how much of its start party detection reads (0 once the budget is spent).</summary>
    public int[] PartyTextLengths { get; }

    /// <summary>Per paragraph: which of the addendum's trigger words begin a word in it.</summary>
    public ScanGate[] Gates { get; }

    /// <summary>The trigger hits of paragraphs [start, end), in text order.</summary>
    public ReadOnlySpan<TriggerHit> Hits(int start, int end) =>
        System.Runtime.InteropServices.CollectionsMarshal.AsSpan(hits)[firstHit[start]..firstHit[end]];

    public static DocumentScan Run(IReadOnlyList<string> texts, CompiledPlaybook playbook)
    {
        var scan = new DocumentScan(texts.Count, playbook.Source.WorkTerms.Count);
        var budget = PartyWordBudget;
        for (var i = 0; i < texts.Count; i++)
        {
            scan.firstHit[i] = scan.hits.Count;
            var text = texts[i];

            var countUpTo = budget > 0 ? Math.Min(text.Length, PartyWordParagraphLimit) : 0;
            budget -= countUpTo;
            scan.PartyTextLengths[i] = countUpTo;
            scan.Paragraph(i, text, countUpTo, playbook);
        }

        scan.firstHit[texts.Count] = scan.hits.Count;
        return scan;
    }

    private void Paragraph(int paragraph, string text, int countUpTo, CompiledPlaybook playbook)
    {
        var span = text.AsSpan();
        Span<int> starts = stackalloc int[WordStarts.BufferSize];
        for (var from = 0; from < span.Length;)
        {
            foreach (var at in starts[..WordStarts.Collect(span, ref from, starts)])
            {
                var entries = playbook.ScanWords.At(span, at);
                if (!entries.IsEmpty)
                {
                    Word(paragraph, span, at, entries, countUpTo);
                }
            }
        }
    }

    /// <summary>Checks each word the playbook could mean at <paramref name="at"/>.</summary>
    private void Word(int paragraph, ReadOnlySpan<char> span, int at, WordIndex<ScanWord>.Candidates entries, int countUpTo)
    {
        foreach (var entry in entries)
        {
            switch (entry.Kind)
            {
                case ScanWordKind.Trigger:
                    if (WordMatch.StartsAt(span, at, entry.Text, ignoreCase: true))
                    {
                        hits.Add(new TriggerHit(paragraph, at, entry.Index));
                    }

                    break;
                case ScanWordKind.WorkTerm:
                    if (WorkTermCounts[entry.Index] < WorkTermCap && IsWholeWord(span, at, entry.Text, ignoreCase: false))
                    {
                        WorkTermCounts[entry.Index]++;
                    }

                    break;
                case ScanWordKind.Pronoun:
                    // "US" in capitals is usually the country, so "us" counts only as written.
                    if (at < countUpTo && IsWholeWord(span[..countUpTo], at, entry.Text, ignoreCase: entry.Text != "us"))
                    {
                        if (entry.Index == 0)
                        {
                            YouCount++;
                        }
                        else
                        {
                            WeCount++;
                        }
                    }

                    break;
                case ScanWordKind.Role:
                    if (at < countUpTo && char.IsUpper(span[at]) && IsWholeWord(span[..countUpTo], at, entry.Text, ignoreCase: true))
                    {
                        // Only role words become strings, and only once each spelling.
                        var word = span.Slice(at, entry.Text.Length);
                        var key = IsAllUpper(word) || entry.Text.AsSpan().SequenceEqual(word) ? entry.Text : word.ToString();
                        RoleCounts[key] = RoleCounts.GetValueOrDefault(key) + 1;
                    }

                    break;
                case ScanWordKind.EntireAgreement or ScanWordKind.AddendumAttached:
                    if (WordMatch.StartsAt(span, at, entry.Text, ignoreCase: true))
                    {
                        Gates[paragraph] |= entry.Kind == ScanWordKind.EntireAgreement ? ScanGate.EntireAgreement : ScanGate.AddendumAttached;
                    }

                    break;
            }
        }
    }

    /// <summary>The word at <paramref name="at"/> is <paramref name="word"/> and the next character is not a letter.</summary>
    private static bool IsWholeWord(ReadOnlySpan<char> text, int at, string word, bool ignoreCase)
    {
        var end = at + word.Length;
        return WordMatch.StartsAt(text, at, word, ignoreCase) && (end == text.Length || !char.IsLetter(text[end]));
    }

    private static bool IsAllUpper(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
        {
            if (char.IsLower(c))
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>A trigger word at <paramref name="Position"/> of paragraph <paramref name="Paragraph"/>.</summary>
internal readonly record struct TriggerHit(int Paragraph, int Position, int Trigger);

[Flags]
internal enum ScanGate : byte
{
    None = 0,
    EntireAgreement = 1,
    AddendumAttached = 2,
}

internal enum ScanWordKind : byte
{
    Trigger,
    WorkTerm,
    Pronoun,
    Role,
    EntireAgreement,
    AddendumAttached,
}

/// <summary>A word the document scan looks for at word starts; <paramref name="Index"/> is its trigger or work-term
/// number, or for a pronoun 0 for "you" and 1 for "we".</summary>
internal readonly record struct ScanWord(ScanWordKind Kind, int Index, string Text);
