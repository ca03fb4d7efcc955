namespace WordRedline.Versions.Storage;

/// <summary>A contract the user keeps versions of. Every query is filtered to the owner (see
/// <see cref="VersionsDbContext"/>), so no code path can read another user's rows.</summary>
internal sealed class ContractRow
{
    public Guid Id { get; set; }
    public required string OwnerTenant { get; set; }
    public required string OwnerObject { get; set; }
    public string? Title { get; set; }
    public string? PartyName { get; set; }
    public string? CounterpartyName { get; set; }

    /// <summary>The user's opt-in: keep the full text of each version of this contract.</summary>
    public bool StoreText { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public List<EntryRow> Entries { get; set; } = [];
}

/// <summary>One link of the chain: the canonical record exactly as hashed, and its hash.</summary>
internal sealed class EntryRow
{
    public Guid ContractId { get; set; }
    public int Sequence { get; set; }
    public required string Kind { get; set; }
    public required string Record { get; set; }
    public required string Hash { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public ContractRow? Contract { get; set; }
}

/// <summary>The full text of a version, kept only for contracts whose owner opted in.</summary>
internal sealed class TextRow
{
    public Guid ContractId { get; set; }
    public int Sequence { get; set; }

    /// <summary>The paragraphs as a JSON array of strings.</summary>
    public required string Paragraphs { get; set; }

    public EntryRow? Entry { get; set; }
}
