using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using WordRedline.Cli.Input;
using WordRedline.Versions;
using WordRedline.Versions.Storage;

namespace WordRedline.Cli.Versions;

/// <summary>wordredline versions save|list|diff|export|verify|sign|delete: the record of a contract's versions, on
/// the same database the pane's service uses.</summary>
internal static class VersionsCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("versions", "Keep a tamper-evident record of each version of a contract, and export the proof.");
        command.Subcommands.Add(Save(console));
        command.Subcommands.Add(List(console));
        command.Subcommands.Add(Diff(console));
        command.Subcommands.Add(Export(console));
        command.Subcommands.Add(VerifyStored(console));
        command.Subcommands.Add(Sign(console));
        command.Subcommands.Add(Delete(console));
        return command;
    }

    private static Command Save(CliConsole console)
    {
        var file = new Argument<string>("FILE") { Description = "The contract: .docx, .txt (one paragraph per line) or .json (an AnalyzeRequest)." };
        var contract = new Option<string?>("--contract") { Description = "Add the version to this contract (id or its beginning); a new contract otherwise." };
        var title = new Option<string?>("--title") { Description = "The contract's title (detected from the document when omitted)." };
        var partyName = new Option<string?>("--party-name") { Description = "Your legal name as the letters should write it (detected when omitted)." };
        var counterpartyName = new Option<string?>("--counterparty-name") { Description = "The other side's legal name (detected when omitted)." };
        var storeText = new Option<bool>("--store-text") { Description = "Keep the full text of this contract's versions (otherwise only its hash and the AI-related clauses)." };
        var party = Analyze.CommonOptions.Party();
        var (provider, connection) = (VersionsDatabaseOptions.Provider(), VersionsDatabaseOptions.Connection());
        var command = new Command("save", "Record a version of a contract: its fingerprint, score, findings, protections and AI-related clauses.")
        {
            file, contract, title, partyName, counterpartyName, storeText, party,
        };
        VersionsDatabaseOptions.AddTo(command, provider, connection);
        command.SetAction(result =>
        {
            var request = DocumentLoader.Load(result.GetValue(file)!);
            var database = VersionsDatabaseOptions.Open(result, provider, connection);
            using var store = new SyncStore(database);
            var details = new ContractInput
            {
                Title = result.GetValue(title),
                PartyName = result.GetValue(partyName),
                CounterpartyName = result.GetValue(counterpartyName),
                StoreText = result.GetValue(storeText) ? true : null,
            };
            Guid id;
            if (result.GetValue(contract) is { } existing)
            {
                id = VersionsDatabaseOptions.Resolve(store.Store, existing);
                if (details != new ContractInput() && store.Run(s => s.UpdateContractAsync(id, details)) is null)
                {
                    throw new CliException($"no contract {id}");
                }
            }
            else
            {
                id = store.Run(s => s.CreateContractAsync(details)).Id;
            }

            var saved = store.Run(s => s.SaveVersionAsync(id, new VersionInput
            {
                Paragraphs = request.Paragraphs,
                Party = result.GetValue(party) ?? request.Party,
                Source = "cli",
            }));
            var version = Expect(saved);
            var record = version.Record;
            var present = record.Protections!.Count(p => p.Present);
            console.Out.WriteLine($"Saved version {version.Sequence} of contract {id} ({record.Facts!.Title ?? "untitled"}): " +
                                  $"score {record.Analysis!.Score} ({record.Analysis.Grade}), {present} of {record.Protections!.Count} protections present.");
            console.Out.WriteLine($"Document SHA-256 {record.Document!.Sha256}; entry hash {version.Hash}.");
            if (record.CarveOut is { } clause)
            {
                console.Out.WriteLine($"AI training is excluded by {Describe(clause)}.");
            }

            return CliApp.Ok;
        });
        return command;
    }

    private static Command List(CliConsole console)
    {
        var contract = new Argument<string?>("CONTRACT") { Arity = ArgumentArity.ZeroOrOne, Description = "List this contract's versions; all your contracts otherwise." };
        var format = new Option<string>("--format") { Description = "table or json.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var (provider, connection) = (VersionsDatabaseOptions.Provider(), VersionsDatabaseOptions.Connection());
        var command = new Command("list", "List your contracts, or one contract's versions in order.") { contract, format };
        VersionsDatabaseOptions.AddTo(command, provider, connection);
        command.SetAction(result =>
        {
            using var store = new SyncStore(VersionsDatabaseOptions.Open(result, provider, connection));
            var json = result.GetValue(format) == "json";
            var rich = console.Rich();
            if (result.GetValue(contract) is not { } wanted)
            {
                var contracts = store.Run(s => s.ListContractsAsync());
                if (json)
                {
                    console.Out.WriteLine(JsonSerializer.Serialize(contracts, CliVersionsJson.Default.IReadOnlyListContractView));
                    return CliApp.Ok;
                }

                var table = new Table().AddColumns("Contract", "Title", "Counterparty", "Versions", "Signed");
                foreach (var c in contracts)
                {
                    table.AddRow(c.Id.ToString(), Markup.Escape(c.Title ?? ""), Markup.Escape(c.CounterpartyName ?? ""),
                        c.Versions.ToString(CultureInfo.InvariantCulture), c.Signature is { } s ? $"version {s.Sequence}, {s.SignedOn}" : "");
                }

                rich.Write(table);
                return CliApp.Ok;
            }

            var id = VersionsDatabaseOptions.Resolve(store.Store, wanted);
            var versions = store.Run(s => s.ListVersionsAsync(id)) ?? throw new CliException($"no contract {id}");
            if (json)
            {
                console.Out.WriteLine(JsonSerializer.Serialize(versions, CliVersionsJson.Default.IReadOnlyListVersionView));
                return CliApp.Ok;
            }

            var rows = new Table().AddColumns("Version", "Recorded (UTC)", "From", "Score", "Protections present", "Entry hash", "Signed");
            foreach (var v in versions)
            {
                rows.AddRow(v.Sequence.ToString(CultureInfo.InvariantCulture), v.Record.RecordedAt, v.Record.Source ?? "",
                    $"{v.Record.Analysis!.Score} ({v.Record.Analysis.Grade})",
                    Markup.Escape(string.Join(", ", v.Record.Protections!.Where(p => p.Present).Select(p => p.Key))),
                    v.Hash[..16], v.Signature is { } s ? s.SignedOn : "");
            }

            rich.Write(rows);
            return CliApp.Ok;
        });
        return command;
    }

    private static Command Diff(CliConsole console)
    {
        var contract = new Argument<string>("CONTRACT") { Description = "The contract (id or its beginning)." };
        var from = new Argument<int?>("FROM") { Arity = ArgumentArity.ZeroOrOne, Description = "The earlier version (default: the first)." };
        var to = new Argument<int?>("TO") { Arity = ArgumentArity.ZeroOrOne, Description = "The later version (default: the last)." };
        var (provider, connection) = (VersionsDatabaseOptions.Provider(), VersionsDatabaseOptions.Connection());
        var command = new Command("diff", "What changed in the AI-related rights between two versions: protections added and removed.") { contract, from, to };
        VersionsDatabaseOptions.AddTo(command, provider, connection);
        command.SetAction(result =>
        {
            using var store = new SyncStore(VersionsDatabaseOptions.Open(result, provider, connection));
            var id = VersionsDatabaseOptions.Resolve(store.Store, result.GetValue(contract)!);
            var versions = store.Run(s => s.ListVersionsAsync(id)) ?? throw new CliException($"no contract {id}");
            if (versions.Count == 0)
            {
                throw new CliException($"contract {id} has no versions yet");
            }

            var diff = Expect(store.Run(s => s.DiffAsync(id, result.GetValue(from) ?? versions[0].Sequence, result.GetValue(to) ?? versions[^1].Sequence)));
            console.Out.WriteLine($"From version {diff.From} to version {diff.To}: score {diff.ScoreFrom} ({diff.GradeFrom}) -> {diff.ScoreTo} ({diff.GradeTo})" +
                                  (diff.SameDocument ? "; the document's text is the same." : "."));
            Lines(console, "Added", diff.Added);
            Lines(console, "Removed", diff.Removed);
            Lines(console, "Kept", diff.Kept);
            Lines(console, "Still missing", diff.StillMissing);
            return CliApp.Ok;
        });
        return command;
    }

    private static Command Export(CliConsole console)
    {
        var contract = new Argument<string>("CONTRACT") { Description = "The contract (id or its beginning)." };
        var output = new Option<string[]>("--output", "-o") { Description = "Where to write the proof: a .json file, a .docx file, or both (repeat -o).", Required = true, AllowMultipleArgumentsPerToken = true };
        var (provider, connection) = (VersionsDatabaseOptions.Provider(), VersionsDatabaseOptions.Connection());
        var command = new Command("export", "Export the proof: the hash chain as JSON (for `wordredline verify`) and as a readable Word document.") { contract, output };
        VersionsDatabaseOptions.AddTo(command, provider, connection);
        command.SetAction(result =>
        {
            var outputs = result.GetValue(output)!;
            foreach (var path in outputs)
            {
                if (Path.GetExtension(path).ToLowerInvariant() is not (".json" or ".docx"))
                {
                    throw new CliException($"{path}: the proof is written as .json or .docx");
                }
            }

            using var store = new SyncStore(VersionsDatabaseOptions.Open(result, provider, connection));
            var id = VersionsDatabaseOptions.Resolve(store.Store, result.GetValue(contract)!);
            var export = store.Run(s => s.ExportAsync(id)) ?? throw new CliException($"no contract {id}");
            foreach (var path in outputs)
            {
                var json = Path.GetExtension(path).Equals(".json", StringComparison.OrdinalIgnoreCase);
                WriteFile(path, json ? System.Text.Encoding.UTF8.GetBytes(export.ToJson()) : ProofDocument.Write(export));
                console.Out.WriteLine($"Wrote {path} ({export.Chain.Count} entries, head {export.Head}).");
            }

            return CliApp.Ok;
        });
        return command;
    }

    private static Command VerifyStored(CliConsole console)
    {
        var contract = new Argument<string>("CONTRACT") { Description = "The contract (id or its beginning)." };
        var (provider, connection) = (VersionsDatabaseOptions.Provider(), VersionsDatabaseOptions.Connection());
        var command = new Command("verify", "Recompute every hash of a contract's stored record and check every link (to verify an export against a document, use `wordredline verify`).") { contract };
        VersionsDatabaseOptions.AddTo(command, provider, connection);
        command.SetAction(result =>
        {
            using var store = new SyncStore(VersionsDatabaseOptions.Open(result, provider, connection));
            var id = VersionsDatabaseOptions.Resolve(store.Store, result.GetValue(contract)!);
            var report = store.Run(s => s.VerifyAsync(id)) ?? throw new CliException($"no contract {id}");
            if (report.Intact)
            {
                console.Out.WriteLine($"Intact: {report.Entries} entries, head {report.Head}.");
                return CliApp.Ok;
            }

            foreach (var problem in report.Problems)
            {
                console.Error.WriteLine($"wordredline: {problem}");
            }

            return CliApp.Failed;
        });
        return command;
    }

    private static Command Sign(CliConsole console)
    {
        var contract = new Argument<string>("CONTRACT") { Description = "The contract (id or its beginning)." };
        var version = new Argument<int>("VERSION") { Description = "The version that was signed." };
        var on = new Option<string?>("--on") { Description = "The date it was signed (yyyy-MM-dd; default today)." };
        var (provider, connection) = (VersionsDatabaseOptions.Provider(), VersionsDatabaseOptions.Connection());
        var command = new Command("sign", "Mark a version as the one signed. The record is then closed.") { contract, version, on };
        VersionsDatabaseOptions.AddTo(command, provider, connection);
        command.SetAction(result =>
        {
            var date = DateOnly.FromDateTime(DateTime.UtcNow);
            if (result.GetValue(on) is { } text && !DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
            {
                throw new CliException($"--on: '{text}' is not a date (yyyy-MM-dd)");
            }

            using var store = new SyncStore(VersionsDatabaseOptions.Open(result, provider, connection));
            var id = VersionsDatabaseOptions.Resolve(store.Store, result.GetValue(contract)!);
            var signed = Expect(store.Run(s => s.SignAsync(id, result.GetValue(version), date)));
            console.Out.WriteLine($"Marked version {signed.Sequence} as signed on {signed.Signature!.SignedOn}.");
            return CliApp.Ok;
        });
        return command;
    }

    private static Command Delete(CliConsole console)
    {
        var contract = new Argument<string>("CONTRACT") { Description = "The contract (id or its beginning)." };
        var yes = new Option<bool>("--yes") { Description = "Confirm: every version and every kept text of the contract is deleted." };
        var (provider, connection) = (VersionsDatabaseOptions.Provider(), VersionsDatabaseOptions.Connection());
        var command = new Command("delete", "Delete a contract with all its versions and kept text.") { contract, yes };
        VersionsDatabaseOptions.AddTo(command, provider, connection);
        command.SetAction(result =>
        {
            if (!result.GetValue(yes))
            {
                throw new CliException("deleting a contract deletes its whole record; add --yes to confirm");
            }

            using var store = new SyncStore(VersionsDatabaseOptions.Open(result, provider, connection));
            var id = VersionsDatabaseOptions.Resolve(store.Store, result.GetValue(contract)!);
            if (!store.Run(s => s.DeleteContractAsync(id)))
            {
                throw new CliException($"no contract {id}");
            }

            console.Out.WriteLine($"Deleted contract {id} and its record.");
            return CliApp.Ok;
        });
        return command;
    }

    internal static T Expect<T>(StoreResult<T> result) => result.Status == StoreStatus.Ok
        ? result.Value!
        : throw new CliException(result.Message ?? result.Status.ToString());

    internal static string Describe(RecordClause clause) =>
        new ClauseNumber(clause.Number, clause.Heading).Describe() ?? $"paragraph {clause.Paragraph}";

    internal static void WriteFile(string path, byte[] bytes)
    {
        try
        {
            File.WriteAllBytes(path, bytes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new CliException($"{path}: cannot be written ({e.Message})");
        }
    }

    private static void Lines(CliConsole console, string label, IReadOnlyList<ProtectionChange> changes)
    {
        if (changes.Count > 0)
        {
            console.Out.WriteLine($"  {label}: {string.Join("; ", changes.Select(c => c.Clause is null ? c.Title : $"{c.Title} (clause {c.Clause})"))}");
        }
    }
}

/// <summary>The store, driven synchronously: commands run one operation after another on one thread.</summary>
internal sealed class SyncStore(VersionsDatabase database) : IDisposable
{
    public VersionStore Store { get; } = database.Open(Owner.Local, ClauseEngine.CreateDefault(), TimeProvider.System);

    public T Run<T>(Func<VersionStore, Task<T>> operation) => operation(Store).GetAwaiter().GetResult();

    public void Dispose() => Store.DisposeAsync().AsTask().GetAwaiter().GetResult();
}

[System.Text.Json.Serialization.JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true)]
[System.Text.Json.Serialization.JsonSerializable(typeof(IReadOnlyList<ContractView>))]
[System.Text.Json.Serialization.JsonSerializable(typeof(IReadOnlyList<VersionView>))]
internal sealed partial class CliVersionsJson : System.Text.Json.Serialization.JsonSerializerContext;
