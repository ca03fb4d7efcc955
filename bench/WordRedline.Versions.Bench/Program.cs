using System.Data.Common;
using System.Diagnostics;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using WordRedline.Versions;
using WordRedline.Versions.Storage;

// dotnet run -c Release --project bench/WordRedline.Versions.Bench -- [sqlite|postgres CONNECTION] [rounds]
// The two paths every request of the versions API takes: append an entry (read the chain's head, insert the next
// link) and list a contract's 20 entries (owner-filtered). The same SQL shape both ways; EF Core through
// VersionsDbContext (query filters, change tracking for the insert), Dapper by hand. Times are medians of the rounds.
var provider = args.Length > 0 ? args[0] : "sqlite";
var rounds = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 400;
var connection = provider == "postgres"
    ? args[1]
    : $"Data Source={Path.Combine(Path.GetTempPath(), $"wordredline-bench-{Guid.NewGuid():N}.db")}";
var database = new VersionsDatabase(provider == "postgres" ? VersionsProvider.Postgres : VersionsProvider.Sqlite, connection);

var cold = Stopwatch.StartNew();
await database.MigrateAsync();
var migrate = cold.Elapsed;

var owner = new Owner("bench", Guid.NewGuid().ToString(), null);
var record = new string('x', 6_000); // a version record is 4 to 8 KB of canonical JSON
var efContract = await NewContractAsync();
var dapperContract = await NewContractAsync();

// First call in the process: EF Core builds its model and compiles the query; Dapper builds its mapper.
var efFirst = await TimeAsync(() => EfAppendAsync(efContract));
var dapperFirst = await TimeAsync(() => DapperAppendAsync(dapperContract));

var efAppend = new List<double>();
var dapperAppend = new List<double>();
for (var i = 0; i < rounds; i++)
{
    efAppend.Add(await TimeAsync(() => EfAppendAsync(efContract)));
    dapperAppend.Add(await TimeAsync(() => DapperAppendAsync(dapperContract)));
}

var efList = new List<double>();
var dapperList = new List<double>();
var listed = await NewContractAsync(20);
for (var i = 0; i < rounds; i++)
{
    efList.Add(await TimeAsync(() => EfListAsync(listed)));
    dapperList.Add(await TimeAsync(() => DapperListAsync(listed)));
}

Console.WriteLine($"provider {provider}, {rounds} rounds, migrate (create) {migrate.TotalMilliseconds:F0} ms");
Console.WriteLine($"first call in process  EF Core {efFirst:F2} ms   Dapper {dapperFirst:F2} ms");
Console.WriteLine($"append (head + insert) EF Core {Median(efAppend):F3} ms   Dapper {Median(dapperAppend):F3} ms   ratio {Median(efAppend) / Median(dapperAppend):F2}");
if (provider != "postgres")
{
    SqliteConnection.ClearAllPools();
    var file = new SqliteConnectionStringBuilder(database.ConnectionString).DataSource;
    foreach (var path in new[] { file, file + "-wal", file + "-shm" })
    {
        File.Delete(path);
    }
}

Console.WriteLine($"list 20 entries        EF Core {Median(efList):F3} ms   Dapper {Median(dapperList):F3} ms   ratio {Median(efList) / Median(dapperList):F2}");

async Task<Guid> NewContractAsync(int entries = 0)
{
    await using var db = database.CreateContext(owner);
    var id = Guid.CreateVersion7();
    db.Contracts.Add(new ContractRow { Id = id, OwnerTenant = owner.TenantId, OwnerObject = owner.ObjectId, CreatedAt = DateTimeOffset.UtcNow });
    for (var i = 1; i <= entries; i++)
    {
        db.Entries.Add(new EntryRow { ContractId = id, Sequence = i, Kind = "version", Record = record, Hash = new string('a', 64), RecordedAt = DateTimeOffset.UtcNow });
    }

    await db.SaveChangesAsync();
    return id;
}

async Task EfAppendAsync(Guid id)
{
    await using var db = database.CreateContext(owner);
    var head = await db.Entries.AsNoTracking().Where(e => e.ContractId == id)
        .OrderByDescending(e => e.Sequence).Select(e => new { e.Sequence, e.Hash }).FirstOrDefaultAsync();
    db.Entries.Add(new EntryRow { ContractId = id, Sequence = (head?.Sequence ?? 0) + 1, Kind = "version", Record = record, Hash = new string('b', 64), RecordedAt = DateTimeOffset.UtcNow });
    await db.SaveChangesAsync();
}

async Task EfListAsync(Guid id)
{
    await using var db = database.CreateContext(owner);
    var rows = await db.Entries.AsNoTracking().Where(e => e.ContractId == id).OrderBy(e => e.Sequence).ToListAsync();
    if (rows.Count != 20) throw new InvalidOperationException("list");
}

async Task DapperAppendAsync(Guid id)
{
    await using var db = Open();
    var head = await db.QueryFirstOrDefaultAsync<(int Sequence, string Hash)?>(
        "SELECT e.sequence, e.hash FROM version_entries e JOIN contracts c ON c.id = e.contract_id " +
        "WHERE e.contract_id = @id AND c.owner_tenant = @tenant AND c.owner_object = @object ORDER BY e.sequence DESC LIMIT 1",
        new { id = Key(id), tenant = owner.TenantId, @object = owner.ObjectId });
    await db.ExecuteAsync(
        "INSERT INTO version_entries (contract_id, sequence, kind, record, hash, recorded_at) VALUES (@id, @sequence, 'version', @record, @hash, @at)",
        new { id = Key(id), sequence = (head?.Sequence ?? 0) + 1, record, hash = new string('b', 64), at = provider == "postgres" ? (object)DateTimeOffset.UtcNow : DateTimeOffset.UtcNow.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFFzzz", System.Globalization.CultureInfo.InvariantCulture) });
}

async Task DapperListAsync(Guid id)
{
    await using var db = Open();
    var rows = (await db.QueryAsync<(int Sequence, string Kind, string Record, string Hash)>(
        "SELECT e.sequence, e.kind, e.record, e.hash FROM version_entries e JOIN contracts c ON c.id = e.contract_id " +
        "WHERE e.contract_id = @id AND c.owner_tenant = @tenant AND c.owner_object = @object ORDER BY e.sequence",
        new { id = Key(id), tenant = owner.TenantId, @object = owner.ObjectId })).AsList();
    if (rows.Count != 20) throw new InvalidOperationException("list");
}

DbConnection Open() => provider == "postgres" ? new NpgsqlConnection(database.ConnectionString) : new SqliteConnection(database.ConnectionString);

// SQLite keeps EF Core's GUIDs as upper-case text; PostgreSQL as uuid.
object Key(Guid id) => provider == "postgres" ? id : id.ToString().ToUpperInvariant();

static async Task<double> TimeAsync(Func<Task> action)
{
    var start = Stopwatch.GetTimestamp();
    await action();
    return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
}

static double Median(List<double> values)
{
    var sorted = values.Order().ToList();
    return sorted[sorted.Count / 2];
}
