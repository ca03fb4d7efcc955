namespace WordRedline.Versions;

public enum LetterKind
{
    /// <summary>A short cover note to the counterparty explaining the proposed changes.</summary>
    Cover,

    /// <summary>A request for information about the counterparty's use of the work and its data-usage policies.</summary>
    Audit,

    /// <summary>A formal notice of breach citing the signed clause that excludes AI training.</summary>
    Breach,
}

/// <summary>What the user adds to a letter; everything else comes from the record.</summary>
public sealed record LetterOptions
{
    /// <summary>The person to address ("Ms Patel"); "Sir or Madam" when absent.</summary>
    public string? Recipient { get; init; }

    /// <summary>What the user knows (the breach, or why they ask), in their own words, set as its own paragraph.</summary>
    public string? Details { get; init; }

    /// <summary>Days the counterparty has to answer (audit and breach).</summary>
    public int RespondWithinDays { get; init; } = 14;

    /// <summary>The letter's date; today when absent.</summary>
    public DateOnly? Date { get; init; }
}

/// <summary>A drafted letter: never sent by WordRedline; the user copies it or opens it in Word.</summary>
public sealed record Letter(LetterKind Kind, string Subject, IReadOnlyList<LetterBlock> Blocks)
{
    /// <summary>The letter as plain text for the clipboard: paragraphs separated by a blank line.</summary>
    public string ToText()
    {
        var text = new System.Text.StringBuilder();
        for (var i = 0; i < Blocks.Count; i++)
        {
            var block = Blocks[i];
            // Address lines and list items sit on consecutive lines; every other paragraph after a blank line.
            var tight = i > 0 && ((block.Style == LetterStyle.Item && Blocks[i - 1].Style == LetterStyle.Item)
                                  || Blocks[i - 1].Style == LetterStyle.Address || i == 1);
            text.Append(i == 0 ? "" : tight ? "\n" : "\n\n");
            text.Append(block.Style switch
            {
                LetterStyle.Quote => $"    \u201C{block.Text}\u201D",
                LetterStyle.Item => $"  {block.Text.Replace('\t', ' ')}",
                _ => block.Text,
            });
        }

        return text.Append('\n').ToString();
    }

    /// <summary>The letter as a new Word document.</summary>
    public byte[] ToDocx()
    {
        var writer = new WordWriter();
        foreach (var block in Blocks)
        {
            switch (block.Style)
            {
                case LetterStyle.Subject:
                    writer.Mixed((block.Text, true));
                    break;
                case LetterStyle.Quote:
                    writer.Quote($"\u201C{block.Text}\u201D");
                    break;
                case LetterStyle.Item:
                    writer.Indented(block.Text);
                    break;
                default:
                    writer.Text(block.Text);
                    break;
            }
        }

        return writer.ToBytes();
    }
}

public enum LetterStyle
{
    Text,
    Subject,
    Quote,
    Item,

    /// <summary>A line of the recipient's address block, kept with the next.</summary>
    Address,
}

public sealed record LetterBlock(string Text, LetterStyle Style = LetterStyle.Text);

/// <summary>The record cannot make this letter (a name is missing, nothing to explain, nothing signed); the message
/// says what to do.</summary>
public sealed class LetterException(string message) : Exception(message);
