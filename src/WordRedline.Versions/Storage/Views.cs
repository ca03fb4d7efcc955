namespace WordRedline.Versions;

/// <summary>A contract and where its record stands.</summary>
public sealed record ContractView
{
    public required Guid Id { get; init; }
    public required string? Title { get; init; }
    public required string? PartyName { get; init; }
    public required string? CounterpartyName { get; init; }
    public required bool StoreText { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>How many versions are recorded (signature marks not counted).</summary>
    public required int Versions { get; init; }

    /// <summary>The version marked as signed, if any.</summary>
    public RecordSignature? Signature { get; init; }

    /// <summary>The hash of the last entry: anchors the whole record.</summary>
    public string? Head { get; init; }
}

/// <summary>What the user gives when creating a contract or changing its details. Null leaves a field as it is
/// (when creating: detected from the first version).</summary>
public sealed record ContractInput
{
    public string? Title { get; init; }
    public string? PartyName { get; init; }
    public string? CounterpartyName { get; init; }

    /// <summary>Keep the full text of each version. Turning it off deletes the texts already kept.</summary>
    public bool? StoreText { get; init; }
}

/// <summary>One recorded version, with its place in the chain and whether it was signed.</summary>
public sealed record VersionView(int Sequence, string Hash, VersionRecord Record, RecordSignature? Signature);

/// <summary>The full text kept for a version (only for contracts whose owner opted in).</summary>
public sealed record StoredText(int Sequence, IReadOnlyList<string> Paragraphs);

/// <summary>What changed in the AI-related rights between two versions.</summary>
public sealed record ProtectionDiff
{
    public required int From { get; init; }
    public required int To { get; init; }
    public required IReadOnlyList<ProtectionChange> Added { get; init; }
    public required IReadOnlyList<ProtectionChange> Removed { get; init; }

    /// <summary>Present in both.</summary>
    public required IReadOnlyList<ProtectionChange> Kept { get; init; }

    /// <summary>Absent in both.</summary>
    public required IReadOnlyList<ProtectionChange> StillMissing { get; init; }

    public required int ScoreFrom { get; init; }
    public required int ScoreTo { get; init; }
    public required string GradeFrom { get; init; }
    public required string GradeTo { get; init; }

    /// <summary>True when both versions have the same document fingerprint.</summary>
    public required bool SameDocument { get; init; }
}

/// <summary>A protection's key and title, and its clause in the later version (or the earlier, when removed).</summary>
public sealed record ProtectionChange(string Key, string Title, string? Clause);

/// <summary>The result of checking a stored chain.</summary>
public sealed record ChainReport(bool Intact, int Entries, string? Head, IReadOnlyList<ChainProblem> Problems);

/// <summary>The outcome of an operation that can meet a missing record or a state that forbids it.</summary>
public enum StoreStatus
{
    Ok,
    NotFound,
    Conflict,
}

public sealed record StoreResult<T>(StoreStatus Status, T? Value, string? Message);

public static class StoreResult
{
    public static StoreResult<T> Ok<T>(T value) => new(StoreStatus.Ok, value, null);
    public static StoreResult<T> NotFound<T>(string message) => new(StoreStatus.NotFound, default, message);
    public static StoreResult<T> Conflict<T>(string message) => new(StoreStatus.Conflict, default, message);
}
