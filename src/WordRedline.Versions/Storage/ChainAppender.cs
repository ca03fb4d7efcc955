using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace WordRedline.Versions.Storage;

/// <summary>Adds an entry at the head of a contract's hash chain: numbers it after the head, hashes it with the head's
/// hash, keeps the opted-in text beside it, and lets several writers (API instances) append to one contract without
/// forking the chain or losing an entry.</summary>
internal sealed class ChainAppender(VersionsDbContext db, TimeProvider clock)
{
    private const int AppendAttempts = 5;

    /// <summary>Appends an entry of <paramref name="kind"/>: its place in the chain (sequence, previous hash, time) is
    /// set here, and <paramref name="complete"/> adds what the entry says; <paramref name="text"/> is kept beside it
    /// when the owner opted in. A conflict when the contract is already signed.</summary>
    public async Task<StoreResult<VersionView>> AppendAsync(ContractRow contract, string kind, RecordAuthor author,
        Func<VersionRecord, VersionRecord> complete, IReadOnlyList<string>? text, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            // Several API instances may append to one contract at once. On PostgreSQL the contract's row is locked for
            // the read-then-insert, so writers queue instead of racing; SQLite serialises writers itself, and the
            // duplicate-key retry below covers the rest.
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (db.Database.IsNpgsql())
            {
                await db.Database.ExecuteSqlInterpolatedAsync(
                    $"SELECT 1 FROM contracts WHERE id = {contract.Id} FOR UPDATE", cancellationToken);
            }

            var entries = await db.Entries.AsNoTracking().Where(e => e.ContractId == contract.Id)
                .Select(e => new { e.Sequence, e.Kind, e.Hash }).ToListAsync(cancellationToken);
            if (entries.Any(e => e.Kind == VersionRecord.SignedKind))
            {
                return StoreResult.Conflict<VersionView>(
                    "This contract is marked as signed, so its record is closed. Record an amendment as a new contract.");
            }

            var head = entries.MaxBy(e => e.Sequence);
            var now = clock.GetUtcNow();
            var record = complete(new VersionRecord
            {
                Schema = VersionRecord.CurrentSchema,
                Contract = contract.Id,
                Sequence = (head?.Sequence ?? 0) + 1,
                Kind = kind,
                Previous = head?.Hash,
                RecordedAt = now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
                RecordedBy = author,
            });
            var canonical = record.ToCanonicalJson();
            var hash = HashChain.Hash(canonical);
            db.Entries.Add(new EntryRow
            {
                ContractId = contract.Id,
                Sequence = record.Sequence,
                Kind = record.Kind,
                Record = canonical,
                Hash = hash,
                RecordedAt = now,
            });
            if (text is not null)
            {
                db.Texts.Add(new TextRow
                {
                    ContractId = contract.Id,
                    Sequence = record.Sequence,
                    Paragraphs = JsonSerializer.Serialize(text.ToList(), VersionsJson.Default.ListString),
                });
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return StoreResult.Ok<VersionView>(new VersionView(record.Sequence, hash, record, null));
            }
            catch (DbUpdateException e) when (IsDuplicateKey(e) && attempt < AppendAttempts)
            {
                // Another save took this place in the chain first: start again from the new head.
                db.ChangeTracker.Clear();
                db.Attach(contract);
            }
        }
    }

    private static bool IsDuplicateKey(DbUpdateException e) => e.InnerException switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode == 19, // SQLITE_CONSTRAINT
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
        _ => false,
    };
}
