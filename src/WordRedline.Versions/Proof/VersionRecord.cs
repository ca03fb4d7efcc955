using System.Text.Json;
using System.Text.Json.Serialization;

namespace WordRedline.Versions;

/// <summary>One link of a contract's hash chain, exactly as it is hashed: a version of the contract, or the mark
/// that a version was signed. Serialised canonically (<see cref="CanonicalJson"/>); its SHA-256 is the entry's hash,
/// and the next entry quotes that hash in <see cref="Previous"/>. The schema is documented in the README
/// ("Contract versions and letters"); change it only with a new <see cref="Schema"/>.</summary>
public sealed record VersionRecord
{
    public const string CurrentSchema = "wordredline/version-record/1";
    public const string VersionKind = "version";
    public const string SignedKind = "signed";

    public required string Schema { get; init; }
    public required Guid Contract { get; init; }

    /// <summary>1, 2, 3... in the order the entries were recorded, without gaps.</summary>
    public required int Sequence { get; init; }

    /// <summary>"version" or "signed".</summary>
    public required string Kind { get; init; }

    /// <summary>The previous entry's hash; null for the first.</summary>
    public required string? Previous { get; init; }

    /// <summary>UTC, ISO 8601 with milliseconds ("2026-12-04T16:45:00.123Z").</summary>
    public required string RecordedAt { get; init; }

    public required RecordAuthor RecordedBy { get; init; }

    /// <summary>Where the version came from: "pane", "accept-all", "api" or "cli".</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Source { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public RecordFacts? Facts { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public RecordDocument? Document { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public RecordAnalysis? Analysis { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<RecordProtection>? Protections { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<RecordFinding>? Findings { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<RecordChange>? Changes { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<RecordClause>? Clauses { get; init; }

    /// <summary>For a "signed" entry: which version was signed, and when.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public RecordSignature? Signs { get; init; }

    /// <summary>The canonical text that is hashed and stored.</summary>
    public string ToCanonicalJson() =>
        CanonicalJson.Serialize(JsonSerializer.SerializeToElement(this, VersionsJson.Default.VersionRecord));

    public static VersionRecord Parse(string json) =>
        JsonSerializer.Deserialize(json, VersionsJson.Default.VersionRecord)
        ?? throw new JsonException("The record is null.");

    /// <summary>The clause that excludes AI training, if this version has one.</summary>
    public RecordClause? CarveOut => Clauses?.FirstOrDefault(c => c.Roles.Contains(RecordClause.CarveOutRole));

    /// <summary>"version 3", or "entry 4 (signature of version 3)", as messages name an entry.</summary>
    public string Name => Kind == SignedKind && Signs is not null
        ? $"entry {Sequence} (signature of version {Signs.Sequence})"
        : $"version {Sequence}";
}

/// <summary>Who recorded the entry: the Entra ID tenant and object id, or "local" and the account name.</summary>
public sealed record RecordAuthor(string TenantId, string ObjectId, string? Name);

/// <summary>The contract's own words for the parties and the work, and its title and date.</summary>
public sealed record RecordFacts
{
    public required string? Title { get; init; }

    /// <summary>The defined term of the side the user represents ("Designer").</summary>
    public required string Party { get; init; }

    /// <summary>The legal name behind it ("Jane Doe"), as the contract or the user gives it.</summary>
    public required string? PartyName { get; init; }

    public required string Counterparty { get; init; }
    public required string? CounterpartyName { get; init; }
    public required string WorkTerm { get; init; }

    /// <summary>The date the contract says it is made or effective ("2026-03-01"), if it says one.</summary>
    public required string? AgreementDate { get; init; }
}

/// <summary>The document's fingerprint (SHA-256 of <see cref="DocumentText.Canonical(IEnumerable{string})"/>).</summary>
public sealed record RecordDocument(string Sha256, int Words, int Paragraphs, bool TextStored);

public sealed record RecordAnalysis(string Playbook, int Score, string Grade);

/// <summary>One line of the protections checklist, with the clause that provides it when present.</summary>
public sealed record RecordProtection(string Key, string Title, bool Present, string? Clause);

/// <summary>A finding without its quote (the contract's words are kept only in <see cref="RecordClause"/>).</summary>
public sealed record RecordFinding(string Rule, string Category, string Severity, string Title, string? Clause, int Paragraph, bool Mitigated, bool HasFix);

/// <summary>A change WordRedline proposed and what the user did with it.</summary>
/// <param name="Status">"proposed", "accepted" or "rejected".</param>
/// <param name="Placement">"edit" (words changed in the clause) or "insert-after" (new wording after it).</param>
/// <param name="Comment">The explanation written for the counterparty (third person), as the engine wrote it.</param>
/// <param name="Wording">The protective wording proposed.</param>
public sealed record RecordChange(string Rule, string Title, string? Clause, string? Heading, int? Paragraph, string Status, string Placement, string Comment, string Wording)
{
    public const string Proposed = "proposed";
    public const string Accepted = "accepted";
    public const string Rejected = "rejected";
}

/// <summary>A clause that matters for AI rights, kept word for word with its own SHA-256 even when the contract's
/// text is not stored: the grant, data sharing, and the clauses that protect (the AI-training carve-out first).</summary>
public sealed record RecordClause(IReadOnlyList<string> Roles, string? Number, string? Heading, int Paragraph, string Text, string Sha256)
{
    public const string GrantRole = "grant";
    public const string DataSharingRole = "data-sharing";
    public const string CarveOutRole = "carve-out";
    public const string ProtectionRole = "protection";
}

/// <summary>A signature mark: the version signed, by its hash, and the date the user says it was signed.</summary>
public sealed record RecordSignature(int Sequence, string Hash, string SignedOn);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(VersionRecord))]
[JsonSerializable(typeof(List<string>))]
internal sealed partial class VersionsJson : JsonSerializerContext;
