namespace WordRedline.Core;

/// <summary>A finding under construction: the rule, where it is, the sentence it sits in (for the fix), and what the
/// later passes decide (mitigated, edits).</summary>
internal sealed class Draft(PlaybookRule rule, int paragraph, int start, int length, SentenceSpan sentence)
{
    public PlaybookRule Rule { get; } = rule;
    public Category Category => Rule.Category;
    public int Paragraph { get; } = paragraph;
    public int Start { get; } = start;
    public int Length { get; } = length;

    /// <summary>The sentence in the paragraph's text.</summary>
    public SentenceSpan Sentence { get; } = sentence;

    public bool Mitigated { get; set; }

    public bool IsProtection => Rule.Category == Category.AiProtection;

    public Severity Severity => Mitigated && !IsProtection ? Severity.Low : Rule.Severity;

    public IReadOnlyList<Edit> Edits { get; set; } = [];

    /// <summary>What the edits name as the material given away: the work term, or what the sentence itself licenses.</summary>
    public NamedTerm? Material { get; set; }

    /// <summary>Further places in the paragraph where the same phrase occurs; the same replacement fixes each.</summary>
    public List<(int Start, int Length)> AlsoAt { get; } = [];

    /// <summary>Where, in the replacement text of an edit, the user must fill something in before accepting.</summary>
    public IReadOnlyList<FillIn> FillIns { get; set; } = [];
}

/// <summary>A sentence's place in one paragraph's text. <see cref="End"/> is -1 when the sentence runs on into the next
/// paragraph (nothing can be inserted after it there); <see cref="WholeParagraph"/> when it is all the paragraph
/// holds besides its number and heading.</summary>
internal readonly record struct SentenceSpan(int Start, int End, bool WholeParagraph);
