namespace WordRedline.Versions;

/// <summary>A stored record no longer reads as a version record: someone changed the database by hand.</summary>
public sealed class DamagedRecordException(int sequence)
    : Exception($"The stored record of entry {sequence} is damaged (it is no longer a readable version record). Verify the chain to see which entries changed.")
{
    public int Sequence { get; } = sequence;
}
