using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WordRedline.Versions;
using WordRedline.Versions.Storage;

namespace WordRedline.Api.Tests.Versions;

/// <summary>One user's calls to the versions API on a host, with their own token.</summary>
internal sealed class VersionsClient(WordRedlineApiFactory host, string? token, CancellationToken cancellationToken) : IDisposable
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    private readonly HttpClient client = host.CreateClient();

    /// <summary>A new user (their own object id) on the Entra ID host whose versions live in <paramref name="provider"/>.</summary>
    public static VersionsClient NewUser(string provider, CancellationToken cancellationToken) =>
        new(provider == Postgres ? WordRedlineApiFactory.EntraPostgres : WordRedlineApiFactory.Entra,
            TestTokens.Create(objectId: Guid.NewGuid().ToString()), cancellationToken);

    public WordRedlineApiFactory Host => host;

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (token is not null)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return await client.SendAsync(request, cancellationToken);
    }

    public async Task<JsonElement> JsonAsync(HttpMethod method, string path, object? body = null, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await SendAsync(method, path, body);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        Assert.AreEqual(expected, response.StatusCode, text);
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    public async Task<string> CreateContractAsync(object? body = null) =>
        (await JsonAsync(HttpMethod.Post, "/api/v1/contracts", body ?? new { }, HttpStatusCode.Created)).GetProperty("id").GetString()!;

    public Task<JsonElement> SaveAsync(string contract, IReadOnlyList<string> paragraphs, string source = "pane", object? decisions = null) =>
        JsonAsync(HttpMethod.Post, $"/api/v1/contracts/{contract}/versions", new
        {
            paragraphs = paragraphs.Select((text, i) => new { id = $"p{i}", text }),
            source,
            decisions,
        }, HttpStatusCode.Created);

    public async Task<byte[]> BytesAsync(string path)
    {
        using var response = await SendAsync(HttpMethod.Get, path);
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken));
        return await response.Content.ReadAsByteArrayAsync(cancellationToken);
    }

    public void Dispose() => client.Dispose();

    /// <summary>Changes one byte of a stored record, as someone with access to the database could.</summary>
    public async Task AlterOneByteAsync(string contract, int sequence)
    {
        var database = host.Services.GetRequiredService<VersionsDatabase>();
        await using var db = database.CreateContext(Owner.Local);
        var id = Guid.Parse(contract);
        var row = await db.Entries.IgnoreQueryFilters().SingleAsync(e => e.ContractId == id && e.Sequence == sequence, cancellationToken);
        var at = row.Record.IndexOf("\"score\":", StringComparison.Ordinal) + "\"score\":".Length;
        var altered = row.Record[..at] + (row.Record[at] == '9' ? '8' : (char)(row.Record[at] + 1)) + row.Record[(at + 1)..];
        await db.Entries.IgnoreQueryFilters().Where(e => e.ContractId == id && e.Sequence == sequence)
            .ExecuteUpdateAsync(set => set.SetProperty(e => e.Record, altered), cancellationToken);
    }

    public async Task<(int Entries, int Texts)> CountRowsAsync(string contract)
    {
        var database = host.Services.GetRequiredService<VersionsDatabase>();
        await using var db = database.CreateContext(Owner.Local);
        var id = Guid.Parse(contract);
        return (await db.Entries.IgnoreQueryFilters().CountAsync(e => e.ContractId == id, cancellationToken),
            await db.Texts.IgnoreQueryFilters().CountAsync(t => t.ContractId == id, cancellationToken));
    }
}

/// <summary>The real `wordredline` CLI, in its own process, as anyone holding an export would run it.</summary>
internal static class Cli
{
    public static async Task<(int Code, string Output)> RunAsync(CancellationToken cancellationToken, params string[] args)
    {
        // The CLI is built beside this assembly (a build-order reference): artifacts/bin/WordRedline.Cli/<config>.
        var here = AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar);
        var cli = Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(here)!)!, "WordRedline.Cli", Path.GetFileName(here), "wordredline.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(cli);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return (process.ExitCode, await output + await error);
    }
}

/// <summary>The sample contract and what Accept all makes of it.</summary>
internal static class Negotiation
{
    public static readonly string[] Draft =
    [
        "DESIGN SERVICES AGREEMENT",
        "This Design Services Agreement is made on 2 March 2026 between Brightline Creative Agency LLC (the \"Agency\") and Jane Doe, an independent designer (the \"Designer\").",
        "1. Services. Designer will create logo concepts, brand guidelines and marketing illustrations (the \"Deliverables\") for the Agency's client campaign.",
        "2. Fees. Agency will pay Designer the fees in Schedule A within thirty (30) days of each invoice.",
        "3. License. Designer hereby grants Agency a perpetual, irrevocable, worldwide, royalty-free license to use, reproduce, modify and distribute the Deliverables for any and all purposes, in any media now known or hereafter devised.",
        "4. Entire Agreement. This Agreement is the entire agreement between the parties and supersedes all prior discussions.",
    ];

    /// <summary>The version after the counterparty agreed the carve-out, as signed.</summary>
    public static readonly string[] Signed =
    [
        .. Draft[..4],
        "3. License. Designer hereby grants Agency a worldwide, royalty-free license to use, reproduce and distribute the Deliverables for the sole purpose of Agency's internal marketing and deployment of the Deliverables.",
        "3.2 No AI Training. Agency shall not use the Deliverables to train, fine-tune, or develop machine learning models or artificial intelligence systems.",
        Draft[5],
    ];

    public static readonly object[] Accepted =
    [
        new { ruleId = "usage-scope.open-purpose", paragraphId = "p4", status = "accepted" },
        new { ruleId = "license-breadth.perpetual-irrevocable", paragraphId = "p4", status = "rejected" },
    ];
}
