using Microsoft.EntityFrameworkCore;
using WordRedline.Versions.Storage;

namespace WordRedline.Versions.Tests;

[TestClass]
public sealed class VersionStoreTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    [DataRow(Databases.Sqlite)]
    [DataRow(Databases.Postgres)]
    public async Task SaveVersion_ThreeVersions_ChainLinksEachToThePrevious(string provider)
    {
        var database = await Databases.OpenAsync(provider);
        await using var store = database.Open(Databases.NewOwner(), Contracts.Engine, new FakeClock(Start));
        var contract = await store.CreateContractAsync(new ContractInput(), TestContext.CancellationToken);

        var (first, second, third) = await SaveNegotiationAsync(store, contract.Id);

        Assert.AreEqual(1, first.Sequence);
        Assert.IsNull(first.Record.Previous);
        Assert.AreEqual(first.Hash, second.Record.Previous);
        Assert.AreEqual(second.Hash, third.Record.Previous);
        Assert.AreEqual(HashChain.Hash(third.Record.ToCanonicalJson()), third.Hash);
        var listed = await store.ListVersionsAsync(contract.Id, TestContext.CancellationToken);
        Assert.AreEqual("1,2,3", string.Join(",", listed!.Select(v => v.Sequence)));
        Assert.AreEqual("Design Services Agreement", third.Record.Facts!.Title);
        Assert.AreEqual("Jane Doe", third.Record.Facts.PartyName);
        Assert.AreEqual("Brightline Creative Agency LLC", third.Record.Facts.CounterpartyName);
        var report = await store.VerifyAsync(contract.Id, TestContext.CancellationToken);
        Assert.IsTrue(report!.Intact, string.Join("; ", report.Problems));
        Assert.AreEqual(third.Hash, report.Head);
    }

    [TestMethod]
    [DataRow(Databases.Sqlite)]
    [DataRow(Databases.Postgres)]
    public async Task Diff_FirstToLast_NamesTheProtectionsAdded(string provider)
    {
        var database = await Databases.OpenAsync(provider);
        await using var store = database.Open(Databases.NewOwner(), Contracts.Engine, new FakeClock(Start));
        var contract = await store.CreateContractAsync(new ContractInput(), TestContext.CancellationToken);
        await SaveNegotiationAsync(store, contract.Id);

        var diff = await store.DiffAsync(contract.Id, 1, 3, TestContext.CancellationToken);

        Assert.AreEqual(StoreStatus.Ok, diff.Status);
        var added = diff.Value!.Added.Select(p => p.Key).ToList();
        Assert.AreEqual("ai-provider-notice,ai-training-carve-out,human-derivatives-only,purpose-limited-usage", string.Join(",", added.Order(StringComparer.Ordinal)));
        Assert.IsEmpty(diff.Value.Removed);
        Assert.IsGreaterThan(diff.Value.ScoreFrom, diff.Value.ScoreTo);
        var back = await store.DiffAsync(contract.Id, 3, 1, TestContext.CancellationToken);
        Assert.AreEqual(string.Join(",", added), string.Join(",", back.Value!.Removed.Select(p => p.Key)));
    }

    [TestMethod]
    [DataRow(Databases.Sqlite)]
    [DataRow(Databases.Postgres)]
    public async Task SaveVersion_AfterAcceptAll_RecordsAcceptedChangesAndTheCarveOutClause(string provider)
    {
        var database = await Databases.OpenAsync(provider);
        await using var store = database.Open(Databases.NewOwner(), Contracts.Engine, new FakeClock(Start));
        var contract = await store.CreateContractAsync(new ContractInput(), TestContext.CancellationToken);

        var (first, _, third) = await SaveNegotiationAsync(store, contract.Id);

        Assert.IsTrue(first.Record.Changes!.All(c => c.Status == RecordChange.Proposed));
        Assert.Contains(c => c.Rule == "usage-scope.open-purpose" && c.Clause == "3" && c.Heading == "License", first.Record.Changes!);
        Assert.Contains(c => c.Status == RecordChange.Accepted && c.Rule == "usage-scope.open-purpose" && c.Clause == "3", third.Record.Changes!);
        var carveOut = third.Record.CarveOut;
        Assert.IsNotNull(carveOut);
        Assert.Contains("train", carveOut.Text);
        Assert.AreEqual(DocumentText.Sha256(carveOut.Text), carveOut.Sha256);
        Assert.IsNull(first.Record.CarveOut);
        Assert.Contains(c => c.Roles.Contains(RecordClause.GrantRole) && c.Number == "3", first.Record.Clauses!);
        Assert.DoesNotContain(f => f.Title.Contains("for any and all purposes", StringComparison.Ordinal), first.Record.Findings!);
    }

    [TestMethod]
    [DataRow(Databases.Sqlite)]
    [DataRow(Databases.Postgres)]
    public async Task SaveVersion_WithoutOptIn_KeepsOnlyHashAndClauses(string provider)
    {
        var database = await Databases.OpenAsync(provider);
        await using var store = database.Open(Databases.NewOwner(), Contracts.Engine, new FakeClock(Start));
        var contract = await store.CreateContractAsync(new ContractInput(), TestContext.CancellationToken);

        var saved = await store.SaveVersionAsync(contract.Id, Contracts.Input(Contracts.Sample), TestContext.CancellationToken);

        Assert.IsFalse(saved.Value!.Record.Document!.TextStored);
        Assert.IsNull(await store.GetTextAsync(contract.Id, 1, TestContext.CancellationToken));
        var record = saved.Value.Record.ToCanonicalJson();
        Assert.DoesNotContain("Schedule A", record, "the fees clause is not an AI clause, so its words are not kept");
        Assert.Contains("for any and all purposes", record, "the grant is kept word for word");
    }

    [TestMethod]
    [DataRow(Databases.Sqlite)]
    [DataRow(Databases.Postgres)]
    public async Task SaveVersion_OptedIn_KeepsTheTextUntilOptedOut(string provider)
    {
        var database = await Databases.OpenAsync(provider);
        await using var store = database.Open(Databases.NewOwner(), Contracts.Engine, new FakeClock(Start));
        var contract = await store.CreateContractAsync(new ContractInput { StoreText = true }, TestContext.CancellationToken);

        await store.SaveVersionAsync(contract.Id, Contracts.Input(Contracts.Sample), TestContext.CancellationToken);
        var text = await store.GetTextAsync(contract.Id, 1, TestContext.CancellationToken);
        await store.UpdateContractAsync(contract.Id, new ContractInput { StoreText = false }, TestContext.CancellationToken);

        Assert.AreEqual(string.Join("\n", Contracts.Sample), string.Join("\n", text!.Paragraphs));
        Assert.IsNull(await store.GetTextAsync(contract.Id, 1, TestContext.CancellationToken));
        var version = await store.GetVersionAsync(contract.Id, 1, TestContext.CancellationToken);
        Assert.IsTrue(version!.Record.Document!.TextStored, "the record says what was true when it was made");
    }

    [TestMethod]
    [DataRow(Databases.Sqlite)]
    [DataRow(Databases.Postgres)]
    public async Task Sign_ThenSave_RecordIsClosed(string provider)
    {
        var database = await Databases.OpenAsync(provider);
        await using var store = database.Open(Databases.NewOwner(), Contracts.Engine, new FakeClock(Start));
        var contract = await store.CreateContractAsync(new ContractInput(), TestContext.CancellationToken);
        var (_, second, _) = await SaveNegotiationAsync(store, contract.Id);

        var signed = await store.SignAsync(contract.Id, 2, new DateOnly(2026, 3, 5), TestContext.CancellationToken);
        var again = await store.SignAsync(contract.Id, 3, new DateOnly(2026, 3, 6), TestContext.CancellationToken);
        var after = await store.SaveVersionAsync(contract.Id, Contracts.Input(Contracts.Sample), TestContext.CancellationToken);

        Assert.AreEqual(StoreStatus.Ok, signed.Status);
        Assert.AreEqual(new RecordSignature(2, second.Hash, "2026-03-05"), signed.Value!.Signature);
        Assert.AreEqual(StoreStatus.Conflict, again.Status);
        Assert.AreEqual(StoreStatus.Conflict, after.Status);
        var view = await store.GetContractAsync(contract.Id, TestContext.CancellationToken);
        Assert.AreEqual(2, view!.Signature!.Sequence);
        Assert.AreEqual(3, view.Versions);
        Assert.IsTrue((await store.VerifyAsync(contract.Id, TestContext.CancellationToken))!.Intact);
    }

    [TestMethod]
    [DataRow(Databases.Sqlite)]
    [DataRow(Databases.Postgres)]
    public async Task Verify_OneByteOfAStoredRecordAltered_NamesThatVersion(string provider)
    {
        var database = await Databases.OpenAsync(provider);
        await using var store = database.Open(Databases.NewOwner(), Contracts.Engine, new FakeClock(Start));
        var contract = await store.CreateContractAsync(new ContractInput(), TestContext.CancellationToken);
        await SaveNegotiationAsync(store, contract.Id);

        await StoredRecords.AlterOneByteAsync(database, contract.Id, 2, TestContext.CancellationToken);
        var report = await store.VerifyAsync(contract.Id, TestContext.CancellationToken);

        Assert.IsFalse(report!.Intact);
        var problem = Assert.ContainsSingle(report.Problems);
        Assert.AreEqual(2, problem.Sequence);
        Assert.StartsWith("version 2: the record does not match its recorded hash", problem.ToString());
    }

    [TestMethod]
    [DataRow(Databases.Sqlite)]
    [DataRow(Databases.Postgres)]
    public async Task EveryOperation_AnotherUsersContract_IsNotFound(string provider)
    {
        var database = await Databases.OpenAsync(provider);
        var jane = Databases.NewOwner("Jane Doe");
        var mallory = Databases.NewOwner("Mallory");
        Guid id;
        await using (var janes = database.Open(jane, Contracts.Engine, new FakeClock(Start)))
        {
            id = (await janes.CreateContractAsync(new ContractInput { StoreText = true }, TestContext.CancellationToken)).Id;
            await SaveNegotiationAsync(janes, id);
        }

        await using var store = database.Open(mallory, Contracts.Engine, new FakeClock(Start));
        var ct = TestContext.CancellationToken;
        Assert.IsEmpty(await store.ListContractsAsync(ct));
        Assert.IsNull(await store.GetContractAsync(id, ct));
        Assert.IsNull(await store.ListVersionsAsync(id, ct));
        Assert.IsNull(await store.GetVersionAsync(id, 1, ct));
        Assert.IsNull(await store.GetTextAsync(id, 1, ct));
        Assert.IsNull(await store.VerifyAsync(id, ct));
        Assert.IsNull(await store.ExportAsync(id, ct));
        Assert.IsNull(await store.UpdateContractAsync(id, new ContractInput { Title = "Mine now", StoreText = false }, ct));
        Assert.AreEqual(StoreStatus.NotFound, (await store.DiffAsync(id, 1, 3, ct)).Status);
        Assert.AreEqual(StoreStatus.NotFound, (await store.SaveVersionAsync(id, Contracts.Input(Contracts.Sample), ct)).Status);
        Assert.AreEqual(StoreStatus.NotFound, (await store.SignAsync(id, 1, new DateOnly(2026, 3, 5), ct)).Status);
        Assert.IsFalse(await store.DeleteContractAsync(id, ct));

        await using var again = database.Open(jane, Contracts.Engine, new FakeClock(Start));
        var contract = await again.GetContractAsync(id, ct);
        Assert.AreEqual(3, contract!.Versions, "nothing Mallory did reached Jane's record");
        Assert.IsNull(contract.Title is "Mine now" ? contract : null);
        Assert.IsNotNull(await again.GetTextAsync(id, 1, ct));
        Assert.IsTrue((await again.VerifyAsync(id, ct))!.Intact);
    }

    [TestMethod]
    [DataRow(Databases.Sqlite)]
    [DataRow(Databases.Postgres)]
    public async Task DeleteContract_RemovesEveryVersionAndText(string provider)
    {
        var database = await Databases.OpenAsync(provider);
        await using var store = database.Open(Databases.NewOwner(), Contracts.Engine, new FakeClock(Start));
        var contract = await store.CreateContractAsync(new ContractInput { StoreText = true }, TestContext.CancellationToken);
        await SaveNegotiationAsync(store, contract.Id);
        Assert.AreEqual((3, 3), await StoredRecords.CountAsync(database, contract.Id, TestContext.CancellationToken));

        var deleted = await store.DeleteContractAsync(contract.Id, TestContext.CancellationToken);

        Assert.IsTrue(deleted);
        Assert.AreEqual((0, 0), await StoredRecords.CountAsync(database, contract.Id, TestContext.CancellationToken));
        Assert.IsNull(await store.GetContractAsync(contract.Id, TestContext.CancellationToken));
    }

    [TestMethod]
    [DataRow(Databases.Sqlite)]
    [DataRow(Databases.Postgres)]
    public async Task SaveVersion_ManyAtOnce_ChainStaysContiguous(string provider)
    {
        var database = await Databases.OpenAsync(provider);
        var owner = Databases.NewOwner();
        Guid id;
        await using (var store = database.Open(owner, Contracts.Engine, TimeProvider.System))
        {
            id = (await store.CreateContractAsync(new ContractInput(), TestContext.CancellationToken)).Id;
        }

        // Eight writers, each with its own connection, as eight API instances would be.
        await Task.WhenAll(Enumerable.Range(0, 8).Select(async i =>
        {
            await using var store = database.Open(owner, Contracts.Engine, TimeProvider.System);
            var saved = await store.SaveVersionAsync(id, Contracts.Input([.. Contracts.Sample, $"Note {i}."]), TestContext.CancellationToken);
            Assert.AreEqual(StoreStatus.Ok, saved.Status, saved.Message);
        }));

        await using var reader = database.Open(owner, Contracts.Engine, TimeProvider.System);
        var versions = await reader.ListVersionsAsync(id, TestContext.CancellationToken);
        Assert.AreEqual("1,2,3,4,5,6,7,8", string.Join(",", versions!.Select(v => v.Sequence)));
        Assert.IsTrue((await reader.VerifyAsync(id, TestContext.CancellationToken))!.Intact);
    }

    /// <summary>The negotiation the issue describes: the draft as received, a second look, then Accept all.</summary>
    internal static async Task<(VersionView First, VersionView Second, VersionView Third)> SaveNegotiationAsync(VersionStore store, Guid id)
    {
        var draft = Contracts.Sample;
        var first = await store.SaveVersionAsync(id, Contracts.Input(draft, "pane"));
        var second = await store.SaveVersionAsync(id, Contracts.Input(draft, "pane"));
        var accepted = Contracts.AcceptAll(draft);
        var third = await store.SaveVersionAsync(id, Contracts.Input(accepted, "accept-all", Contracts.AcceptedDecisions(draft)));
        Assert.AreEqual(StoreStatus.Ok, third.Status, third.Message);
        return (first.Value!, second.Value!, third.Value!);
    }
}

/// <summary>A clock that moves one minute per reading, so each version has its own time.</summary>
internal sealed class FakeClock(DateTimeOffset start) : TimeProvider
{
    private long ticks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow() =>
        new(Interlocked.Add(ref ticks, TimeSpan.TicksPerMinute), TimeSpan.Zero);
}

/// <summary>Reaches under the store, as someone with the database file would.</summary>
internal static class StoredRecords
{
    public static async Task AlterOneByteAsync(VersionsDatabase database, Guid contract, int sequence, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext(Owner.Local);
        var row = await db.Entries.IgnoreQueryFilters().SingleAsync(e => e.ContractId == contract && e.Sequence == sequence, cancellationToken);
        // The score's first digit, one higher: still valid JSON, a different record.
        var at = row.Record.IndexOf("\"score\":", StringComparison.Ordinal) + "\"score\":".Length;
        var digit = row.Record[at];
        var altered = row.Record[..at] + (char)(digit == '9' ? '8' : digit + 1) + row.Record[(at + 1)..];
        await db.Entries.IgnoreQueryFilters().Where(e => e.ContractId == contract && e.Sequence == sequence)
            .ExecuteUpdateAsync(set => set.SetProperty(e => e.Record, altered), cancellationToken);
    }

    public static async Task<(int Entries, int Texts)> CountAsync(VersionsDatabase database, Guid contract, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext(Owner.Local);
        return (await db.Entries.IgnoreQueryFilters().CountAsync(e => e.ContractId == contract, cancellationToken),
            await db.Texts.IgnoreQueryFilters().CountAsync(t => t.ContractId == contract, cancellationToken));
    }
}
