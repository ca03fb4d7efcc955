using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace WordRedline.Versions;

/// <summary>The proof of a contract's record, as JSON: every entry of the chain exactly as stored, the head hash,
/// and a summary of the final version (the signed one, else the latest) with the clause that excludes AI training.
/// <c>wordredline verify</c> checks it against a copy of the signed document.</summary>
public sealed record ProofExport
{
    public const string CurrentFormat = "wordredline/proof/1";

    public required string Format { get; init; }
    public required string ExportedAt { get; init; }
    public required ProofContract Contract { get; init; }

    /// <summary>How the hashes are made, in words, so the proof explains itself to anyone who holds it.</summary>
    public required ProofMethod Method { get; init; }

    /// <summary>The last entry's hash; it commits to every entry before it.</summary>
    public required string? Head { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ProofFinal? Final { get; init; }

    public required IReadOnlyList<ProofEntry> Chain { get; init; }

    public static ProofExport Create(ContractView contract, IReadOnlyList<ChainLink> links, DateTimeOffset now)
    {
        var chain = links.Select(ProofEntry.From).ToList();
        return new ProofExport
        {
            Format = CurrentFormat,
            ExportedAt = now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            Contract = new ProofContract(contract.Id, contract.Title, contract.PartyName, contract.CounterpartyName),
            Method = ProofMethod.Current,
            Head = links.Count > 0 ? links[^1].Hash : null,
            Final = ProofFinal.From(links),
            Chain = chain,
        };
    }

    public string ToJson() => JsonSerializer.Serialize(this, ProofJson.Indented.ProofExport);

    public static ProofExport Parse(string json) =>
        JsonSerializer.Deserialize(json, ProofJson.Default.ProofExport) ?? throw new JsonException("The export is null.");
}

public sealed record ProofContract(Guid Id, string? Title, string? PartyName, string? CounterpartyName);

public sealed record ProofMethod(string Records, string Chain, string Document, string Clauses)
{
    public static ProofMethod Current { get; } = new(
        Records: "Each entry's hash is the lower-case hex SHA-256 of the UTF-8 bytes of its record serialised as RFC 8785 canonical JSON (members sorted, no whitespace, minimal string escaping).",
        Chain: "Each record's 'previous' is the hash of the entry before it (null for the first); 'head' is the hash of the last entry.",
        Document: "A document's fingerprint is the SHA-256 of its words in order: every paragraph joined by one space, each run of whitespace made one space, zero-width characters and soft hyphens removed, ends trimmed.",
        Clauses: "A clause's sha256 is the SHA-256 of its text written the same way.");
}

/// <summary>One entry as stored. <see cref="Record"/> is the record itself; when the stored text is no longer JSON
/// (it was damaged), <see cref="RecordText"/> carries it instead, so the verifier can name the entry.</summary>
public sealed record ProofEntry
{
    public required int Sequence { get; init; }
    public required string Hash { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public JsonElement? Record { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? RecordText { get; init; }

    internal static ProofEntry From(ChainLink link)
    {
        try
        {
            using var document = JsonDocument.Parse(link.Record);
            return new ProofEntry { Sequence = link.Sequence, Hash = link.Hash, Record = document.RootElement.Clone() };
        }
        catch (JsonException)
        {
            return new ProofEntry { Sequence = link.Sequence, Hash = link.Hash, RecordText = link.Record };
        }
    }

    internal ChainLink ToLink() => new(Sequence, Record is { } record ? record.GetRawText() : RecordText ?? "", Hash);
}

/// <summary>The final version at a glance: which it is, whether it was signed, its fingerprint, and the exact
/// clause that excludes AI training with that clause's hash.</summary>
public sealed record ProofFinal
{
    public required int Sequence { get; init; }
    public required string Hash { get; init; }
    public required bool IsSigned { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? SignedOn { get; init; }

    public required string DocumentSha256 { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public RecordClause? CarveOut { get; init; }

    public IReadOnlyList<RecordProtection> Protections { get; init; } = [];

    /// <summary>The final version of an intact-looking chain; null when there is no readable version.</summary>
    internal static ProofFinal? From(IReadOnlyList<ChainLink> links)
    {
        var records = new List<(ChainLink Link, VersionRecord Record)>();
        foreach (var link in links)
        {
            try
            {
                records.Add((link, VersionRecord.Parse(link.Record)));
            }
            catch (JsonException)
            {
                // A damaged entry: the verifier names it; the summary comes from what is readable.
            }
        }

        var signature = records.Select(r => r.Record).LastOrDefault(r => r.Kind == VersionRecord.SignedKind)?.Signs;
        var final = signature is not null
            ? records.FirstOrDefault(r => r.Record.Sequence == signature.Sequence && r.Record.Kind == VersionRecord.VersionKind)
            : records.LastOrDefault(r => r.Record.Kind == VersionRecord.VersionKind);
        if (final.Record is null)
        {
            return null;
        }

        return new ProofFinal
        {
            Sequence = final.Record.Sequence,
            Hash = final.Link.Hash,
            IsSigned = signature is not null,
            SignedOn = signature?.SignedOn,
            DocumentSha256 = final.Record.Document?.Sha256 ?? "",
            CarveOut = final.Record.CarveOut,
            Protections = final.Record.Protections ?? [],
        };
    }
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(ProofExport))]
internal sealed partial class ProofJson : JsonSerializerContext
{
    public static ProofJson Indented { get; } = new(new JsonSerializerOptions(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        // Clause texts quote the contract ("Client's"); keep them readable in the file.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
