using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using WordRedline.Core;
using WordRedline.Versions.Storage;

namespace WordRedline.Versions;

/// <summary>One owner's contracts and their version records. Opened per request or command by
/// <see cref="VersionsDatabase.Open"/>; every read and write is confined to that owner (a contract id of anyone else
/// is simply not found).</summary>
public sealed class VersionStore : IAsyncDisposable
{
    private readonly VersionsDbContext db;
    private readonly Owner owner;
    private readonly ClauseEngine engine;
    private readonly TimeProvider clock;
    private readonly ChainAppender chain;

    internal VersionStore(VersionsDbContext db, Owner owner, ClauseEngine engine, TimeProvider clock)
    {
        this.db = db;
        this.owner = owner;
        this.engine = engine;
        this.clock = clock;
        chain = new ChainAppender(db, clock);
    }

    public ValueTask DisposeAsync() => db.DisposeAsync();

    public async Task<ContractView> CreateContractAsync(ContractInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var row = new ContractRow
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()),
            OwnerTenant = owner.TenantId,
            OwnerObject = owner.ObjectId,
            Title = Blank(input.Title),
            PartyName = Blank(input.PartyName),
            CounterpartyName = Blank(input.CounterpartyName),
            StoreText = input.StoreText ?? false,
            CreatedAt = clock.GetUtcNow(),
        };
        db.Contracts.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        return View(row, []);
    }

    public async Task<IReadOnlyList<ContractView>> ListContractsAsync(CancellationToken cancellationToken = default)
    {
        var contracts = await db.Contracts.AsNoTracking().ToListAsync(cancellationToken);
        var entries = await Heads(cancellationToken);
        return contracts
            .OrderByDescending(c => c.CreatedAt)
            .Select(c => View(c, entries.TryGetValue(c.Id, out var e) ? e : []))
            .ToList();
    }

    public async Task<ContractView?> GetContractAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var contract = await db.Contracts.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        return contract is null ? null : View(contract, await EntriesOf(id, cancellationToken));
    }

    /// <summary>Changes the title, names or the text opt-in; turning the opt-in off deletes every kept text.</summary>
    public async Task<ContractView?> UpdateContractAsync(Guid id, ContractInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var contract = await db.Contracts.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (contract is null)
        {
            return null;
        }

        contract.Title = input.Title is null ? contract.Title : Blank(input.Title);
        contract.PartyName = input.PartyName is null ? contract.PartyName : Blank(input.PartyName);
        contract.CounterpartyName = input.CounterpartyName is null ? contract.CounterpartyName : Blank(input.CounterpartyName);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (input.StoreText is { } store)
        {
            contract.StoreText = store;
            if (!store)
            {
                await db.Texts.Where(t => t.ContractId == id).ExecuteDeleteAsync(cancellationToken);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return View(contract, await EntriesOf(id, cancellationToken));
    }

    /// <summary>Deletes the contract, every version and every kept text. False when there is no such contract.</summary>
    public async Task<bool> DeleteContractAsync(Guid id, CancellationToken cancellationToken = default)
    {
        // The database cascades to versions and texts; the owner filter applies to the delete itself.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!await db.Contracts.AnyAsync(c => c.Id == id, cancellationToken))
        {
            return false;
        }

        await db.Texts.Where(t => t.ContractId == id).ExecuteDeleteAsync(cancellationToken);
        await db.Entries.Where(e => e.ContractId == id).ExecuteDeleteAsync(cancellationToken);
        await db.Contracts.Where(c => c.Id == id).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>Runs the engine on the paragraphs and appends the version to the contract's chain.</summary>
    public async Task<StoreResult<VersionView>> SaveVersionAsync(Guid id, VersionInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var contract = await db.Contracts.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (contract is null)
        {
            return StoreResult.NotFound<VersionView>(NoContract(id));
        }

        var parts = VersionSnapshot.Take(engine, input, contract.StoreText, engine.DefaultPlaybook);
        contract.Title ??= parts.Detected.Title;
        contract.PartyName ??= parts.Detected.PartyName;
        contract.CounterpartyName ??= parts.Detected.CounterpartyName;
        var facts = new RecordFacts
        {
            Title = contract.Title,
            Party = parts.Analysis.Party.Name,
            PartyName = contract.PartyName,
            Counterparty = parts.Analysis.Party.Counterparty,
            CounterpartyName = contract.CounterpartyName,
            WorkTerm = parts.Analysis.Party.WorkTerm,
            AgreementDate = parts.Detected.AgreementDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };

        return await chain.AppendAsync(contract, VersionRecord.VersionKind, Author, entry => entry with
        {
            Source = input.Source,
            Facts = facts,
            Document = parts.Document,
            Analysis = new RecordAnalysis(parts.Analysis.Playbook, parts.Analysis.Score, parts.Analysis.Grade),
            Protections = parts.Protections,
            Findings = parts.Findings,
            Changes = parts.Changes,
            Clauses = parts.Clauses,
        }, contract.StoreText ? parts.CanonicalParagraphs : null, cancellationToken);
    }

    /// <summary>Marks a version as the one signed, by appending a signature entry that names its hash. A contract is
    /// signed once; after that no versions are added.</summary>
    public async Task<StoreResult<VersionView>> SignAsync(Guid id, int sequence, DateOnly signedOn, CancellationToken cancellationToken = default)
    {
        var contract = await db.Contracts.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (contract is null)
        {
            return StoreResult.NotFound<VersionView>(NoContract(id));
        }

        var target = await db.Entries.AsNoTracking()
            .SingleOrDefaultAsync(e => e.ContractId == id && e.Sequence == sequence && e.Kind == VersionRecord.VersionKind, cancellationToken);
        if (target is null)
        {
            return StoreResult.NotFound<VersionView>($"Contract {id} has no version {sequence}.");
        }

        var signature = new RecordSignature(sequence, target.Hash, signedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        var appended = await chain.AppendAsync(contract, VersionRecord.SignedKind, Author,
            entry => entry with { Signs = signature }, null, cancellationToken);
        return appended.Status == StoreStatus.Ok
            ? StoreResult.Ok<VersionView>(new VersionView(sequence, target.Hash, Parse(target), signature))
            : appended;
    }

    /// <summary>The contract's versions in order, or null when there is no such contract.</summary>
    public async Task<IReadOnlyList<VersionView>?> ListVersionsAsync(Guid id, CancellationToken cancellationToken = default)
    {
        if (!await db.Contracts.AnyAsync(c => c.Id == id, cancellationToken))
        {
            return null;
        }

        return Versions(await EntriesOf(id, cancellationToken));
    }

    public async Task<VersionView?> GetVersionAsync(Guid id, int sequence, CancellationToken cancellationToken = default) =>
        (await ListVersionsAsync(id, cancellationToken))?.FirstOrDefault(v => v.Sequence == sequence);

    /// <summary>The kept text of a version; null when the contract, the version or the text (not opted in) is missing.</summary>
    public async Task<StoredText?> GetTextAsync(Guid id, int sequence, CancellationToken cancellationToken = default)
    {
        var row = await db.Texts.AsNoTracking().SingleOrDefaultAsync(t => t.ContractId == id && t.Sequence == sequence, cancellationToken);
        return row is null ? null : new StoredText(sequence, JsonSerializer.Deserialize(row.Paragraphs, VersionsJson.Default.ListString)!);
    }

    /// <summary>Protections added and removed from version <paramref name="from"/> to <paramref name="to"/>.</summary>
    public async Task<StoreResult<ProtectionDiff>> DiffAsync(Guid id, int from, int to, CancellationToken cancellationToken = default)
    {
        var versions = await ListVersionsAsync(id, cancellationToken);
        if (versions is null)
        {
            return StoreResult.NotFound<ProtectionDiff>(NoContract(id));
        }

        var a = versions.FirstOrDefault(v => v.Sequence == from);
        var b = versions.FirstOrDefault(v => v.Sequence == to);
        if (a is null || b is null)
        {
            return StoreResult.NotFound<ProtectionDiff>($"Contract {id} has no version {(a is null ? from : to)}.");
        }

        return StoreResult.Ok<ProtectionDiff>(VersionDiff.Between(a, b));
    }

    /// <summary>Recomputes every hash of the stored chain.</summary>
    public async Task<ChainReport?> VerifyAsync(Guid id, CancellationToken cancellationToken = default)
    {
        if (!await db.Contracts.AnyAsync(c => c.Id == id, cancellationToken))
        {
            return null;
        }

        var entries = await EntriesOf(id, cancellationToken);
        var problems = HashChain.Verify(id, entries.Select(e => new ChainLink(e.Sequence, e.Record, e.Hash)).ToList());
        return new ChainReport(problems.Count == 0, entries.Count, entries.LastOrDefault()?.Hash, problems);
    }

    /// <summary>The proof: the whole chain, as stored, and the final version's carve-out.</summary>
    public async Task<ProofExport?> ExportAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var contract = await db.Contracts.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (contract is null)
        {
            return null;
        }

        var entries = await EntriesOf(id, cancellationToken);
        return ProofExport.Create(View(contract, entries), entries.Select(e => new ChainLink(e.Sequence, e.Record, e.Hash)).ToList(), clock.GetUtcNow());
    }

    /// <summary>Drafts a letter from a version. Audit requests and notices of breach default to the signed version.</summary>
    public async Task<StoreResult<Letter>> DraftLetterAsync(Guid id, int? sequence, LetterKind kind, LetterOptions options,
        CancellationToken cancellationToken = default)
    {
        var contract = await GetContractAsync(id, cancellationToken);
        var versions = contract is null ? null : await ListVersionsAsync(id, cancellationToken);
        if (contract is null || versions is null)
        {
            return StoreResult.NotFound<Letter>(NoContract(id));
        }

        var version = sequence is { } n ? versions.FirstOrDefault(v => v.Sequence == n)
            : versions.Count == 0 ? null
            : kind == LetterKind.Cover ? versions[^1]
            : versions.FirstOrDefault(v => v.Signature is not null) ?? versions[^1];
        if (version is null)
        {
            return StoreResult.NotFound<Letter>(sequence is null ? $"Contract {id} has no versions yet." : $"Contract {id} has no version {sequence}.");
        }

        try
        {
            return StoreResult.Ok(LetterDrafter.Draft(kind, contract, version, options with { Date = options.Date ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime) }));
        }
        catch (LetterException e)
        {
            return StoreResult.Conflict<Letter>(e.Message);
        }
    }

    private RecordAuthor Author => new(owner.TenantId, owner.ObjectId, owner.Name);

    private async Task<List<EntryRow>> EntriesOf(Guid id, CancellationToken cancellationToken) =>
        await db.Entries.AsNoTracking().Where(e => e.ContractId == id).OrderBy(e => e.Sequence).ToListAsync(cancellationToken);

    private async Task<Dictionary<Guid, List<EntryRow>>> Heads(CancellationToken cancellationToken)
    {
        var rows = await db.Entries.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync(cancellationToken);
        return rows.GroupBy(e => e.ContractId).ToDictionary(g => g.Key, g => g.ToList());
    }

    private static List<VersionView> Versions(List<EntryRow> entries)
    {
        var signatures = entries.Where(e => e.Kind == VersionRecord.SignedKind)
            .Select(e => Parse(e).Signs)
            .OfType<RecordSignature>()
            .ToDictionary(s => s.Sequence);
        return entries.Where(e => e.Kind == VersionRecord.VersionKind)
            .Select(e => new VersionView(e.Sequence, e.Hash, Parse(e), signatures.GetValueOrDefault(e.Sequence)))
            .ToList();
    }

    private static ContractView View(ContractRow contract, List<EntryRow> entries)
    {
        var signed = entries.Where(e => e.Kind == VersionRecord.SignedKind).Select(e => Parse(e).Signs).FirstOrDefault();
        return new ContractView
        {
            Id = contract.Id,
            Title = contract.Title,
            PartyName = contract.PartyName,
            CounterpartyName = contract.CounterpartyName,
            StoreText = contract.StoreText,
            CreatedAt = contract.CreatedAt,
            Versions = entries.Count(e => e.Kind == VersionRecord.VersionKind),
            Signature = signed,
            Head = entries.LastOrDefault()?.Hash,
        };
    }

    private static VersionRecord Parse(EntryRow entry)
    {
        try
        {
            return VersionRecord.Parse(entry.Record);
        }
        catch (JsonException)
        {
            throw new DamagedRecordException(entry.Sequence);
        }
    }

    private static string NoContract(Guid id) => $"No contract {id}.";

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
