using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace WordRedline.Api.Tests;

/// <summary>The real service in memory: real configuration, validators, engine and middleware. It swaps only what a
/// test cannot have: Entra ID's signing keys (see <see cref="TestTokens"/>) and the console logger (captured instead).
/// Settings add to or override appsettings.json, as environment variables would.
/// <para>Tests share the named hosts below (each built once, on first use, and stopped after the run). A test that
/// needs a host of its own (a start-up failure, a file made for it, a fake identity provider) calls
/// <see cref="With(ValueTuple{string, string}[])"/> and says why.</para></summary>
public sealed class WordRedlineApiFactory : WebApplicationFactory<Program>
{
    /// <summary>Entra ID on, with the test tenant and API registration.</summary>
    public static readonly IReadOnlyDictionary<string, string?> EntraSettings = new Dictionary<string, string?>
    {
        ["AzureAd:Instance"] = "https://login.microsoftonline.com/",
        ["AzureAd:TenantId"] = TestTokens.TenantId,
        ["AzureAd:ClientId"] = TestTokens.ClientId,
        ["AzureAd:Scopes"] = "access_as_user",
    };

    /// <summary>The limits of <see cref="Small"/>: bodies, uploads and texts small enough to cross in a test.</summary>
    public static class SmallLimits
    {
        public const int MaxRequestBytes = 8 * 1024;
        public const int MaxUploadBytes = 64 * 1024;
        public const int MaxParagraphs = 10;
        public const int MaxParagraphChars = 100;
        public const int MaxTotalChars = 300;
    }

    /// <summary>The buckets of <see cref="Limited"/>.</summary>
    public static class LimitedSettings
    {
        public const int AnalyzeBurst = 2;
    }

    private static readonly ConcurrentDictionary<string, Lazy<WordRedlineApiFactory>> Shared = new(StringComparer.Ordinal);

    private readonly IReadOnlyDictionary<string, string?> settings;
    private readonly string environment;
    private readonly bool trustTestKeys;

    private WordRedlineApiFactory(IReadOnlyDictionary<string, string?> settings, string environment, bool trustTestKeys)
    {
        this.settings = settings;
        this.environment = environment;
        this.trustTestKeys = trustTestKeys;
    }

    /// <summary>Local mode with the default limits, as a developer runs it (Development environment).</summary>
    public static WordRedlineApiFactory Local => Named(nameof(Local), () => new(new Dictionary<string, string?>(), "Development", true));

    /// <summary>Entra ID on, trusting <see cref="TestTokens"/>' signing key.</summary>
    public static WordRedlineApiFactory Entra => Named(nameof(Entra), () => new(EntraSettings, "Development", true));

    /// <summary>Entra ID on, with contract versions on this run's PostgreSQL database (tests/postgres.sh) instead of
    /// the host's own SQLite file: the versions suite runs on both.</summary>
    public static WordRedlineApiFactory EntraPostgres => Named(nameof(EntraPostgres), () => new(Merge(EntraSettings,
        [("WordRedline:Versions:Provider", "postgres"), ("WordRedline:Versions:ConnectionString", WordRedline.Tests.Postgres.TestPostgres.ConnectionString)]),
        "Development", true));

    /// <summary>The Production environment with its defaults (no settings added).</summary>
    public static WordRedlineApiFactory Production => Named(nameof(Production), () => new(new Dictionary<string, string?>(), "Production", true));

    /// <summary>Local mode with <see cref="SmallLimits"/>.</summary>
    public static WordRedlineApiFactory Small => Named(nameof(Small), () => new(SmallSettings(), "Development", true));

    /// <summary><see cref="Small"/> on a real Kestrel socket (loopback, a free port), for what only a real connection
    /// shows: bodies cut off while they arrive, chunked uploads, early answers. Call <see cref="KestrelClient"/>.</summary>
    public static WordRedlineApiFactory SmallKestrel => Named(nameof(SmallKestrel), () =>
    {
        var host = new WordRedlineApiFactory(SmallSettings(), "Development", true);
        host.UseKestrel();
        host.StartServer();
        return host;
    });

    /// <summary>Entra ID on a real Kestrel socket with small, slow buckets (one token an hour: analyze bursts of
    /// <see cref="LimitedSettings.AnalyzeBurst"/>, .docx bursts of 1) and a .docx gate of one slot and a queue of one.
    /// Tests keep out of each other's buckets with their own user (object id) or client address (127.0.0.x).</summary>
    public static WordRedlineApiFactory Limited => Named(nameof(Limited), () =>
    {
        var host = new WordRedlineApiFactory(new Dictionary<string, string?>(EntraSettings)
        {
            ["WordRedline:RateLimit:Analyze:TokensPerPeriod"] = "1",
            ["WordRedline:RateLimit:Analyze:PeriodSeconds"] = "3600",
            ["WordRedline:RateLimit:Analyze:BurstLimit"] = Invariant(LimitedSettings.AnalyzeBurst),
            ["WordRedline:RateLimit:Docx:TokensPerPeriod"] = "1",
            ["WordRedline:RateLimit:Docx:PeriodSeconds"] = "3600",
            ["WordRedline:RateLimit:Docx:BurstLimit"] = "1",
            ["WordRedline:DocxWork:MaxConcurrent"] = "1",
            ["WordRedline:DocxWork:QueueLimit"] = "1",
            ["WordRedline:DocxWork:RetryAfterSeconds"] = "7",
        }, "Development", true);
        host.UseKestrel();
        host.StartServer();
        return host;
    });

    /// <summary>Every log level on (Trace), for the tests that search the logs for contract text.</summary>
    public static WordRedlineApiFactory Traced => Named(nameof(Traced), () => new(new Dictionary<string, string?>
    {
        ["Logging:LogLevel:Default"] = "Trace",
        ["Logging:LogLevel:Microsoft"] = "Trace",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace",
    }, "Development", true));

    public CapturedLogs Logs { get; } = new();

    /// <summary>A host of the test's own; dispose it. Prefer a named host: every host built costs a second.</summary>
    public static WordRedlineApiFactory With(IReadOnlyDictionary<string, string?> baseSettings, params (string Key, string? Value)[] more) =>
        new(Merge(baseSettings, more), "Development", true);

    /// <inheritdoc cref="With(IReadOnlyDictionary{string, string?}, ValueTuple{string, string}[])"/>
    public static WordRedlineApiFactory With(params (string Key, string? Value)[] settings) =>
        With(new Dictionary<string, string?>(), settings);

    /// <inheritdoc cref="With(IReadOnlyDictionary{string, string?}, ValueTuple{string, string}[])"/>
    public static WordRedlineApiFactory WithEnvironment(string environment, params (string Key, string? Value)[] settings) =>
        new(Merge(new Dictionary<string, string?>(), settings), environment, true);

    /// <summary>A host in the given environment whose Entra ID metadata and keys come from wherever its settings
    /// say (a fake identity provider), not from <see cref="TestTokens"/>.</summary>
    public static WordRedlineApiFactory WithRealKeys(string environment, params (string Key, string? Value)[] settings) =>
        new(Merge(new Dictionary<string, string?>(), settings), environment, false);

    /// <summary>A client over the real socket of a host started with Kestrel (<see cref="SmallKestrel"/>,
    /// <see cref="Limited"/>), connecting from the given loopback address (127.0.0.1 unless told).</summary>
    public HttpClient KestrelClient(string from = "127.0.0.1")
    {
        var source = IPAddress.Parse(from);
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
                try
                {
                    socket.Bind(new IPEndPoint(source, 0));
                    await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        return new HttpClient(handler) { BaseAddress = ClientOptions.BaseAddress };
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        // Shared hosts serve many parallel tests from one client address; only the rate-limit tests set a low limit.
        foreach (var bucket in new[] { "Analyze", "Docx" })
        {
            builder.UseSetting($"WordRedline:RateLimit:{bucket}:TokensPerPeriod", "1000000");
            builder.UseSetting($"WordRedline:RateLimit:{bucket}:BurstLimit", "1000000");
        }

        // Parallel tests send many uploads at once to one host; only the gate tests set a small gate.
        builder.UseSetting("WordRedline:DocxWork:MaxConcurrent", "64");
        builder.UseSetting("WordRedline:DocxWork:QueueLimit", "1000");
        // Kestrel picks a free loopback port for the hosts that use it (TestServer ignores the endpoint).
        builder.UseSetting("Kestrel:Endpoints:Https:Url", "http://127.0.0.1:0");
        // Contract versions go to a file of this host's own, never to the user's data folder.
        builder.UseSetting("WordRedline:Versions:ConnectionString", $"Data Source={TestFiles.VersionsDatabase()}");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.ClearProviders().AddProvider(Logs));
        if (trustTestKeys)
        {
            builder.ConfigureTestServices(services => services.PostConfigure<JwtBearerOptions>(
                JwtBearerDefaults.AuthenticationScheme, TestTokens.TrustTestIssuer));
        }
        else
        {
            // A fake identity provider on loopback speaks plain HTTP.
            builder.ConfigureTestServices(services => services.Configure<JwtBearerOptions>(
                JwtBearerDefaults.AuthenticationScheme, options => options.RequireHttpsMetadata = false));
        }
    }

    public static async Task DisposeSharedAsync()
    {
        foreach (var shared in Shared.Values.Where(lazy => lazy.IsValueCreated))
        {
            await shared.Value.DisposeAsync();
        }
    }

    private static WordRedlineApiFactory Named(string name, Func<WordRedlineApiFactory> create) =>
        Shared.GetOrAdd(name, _ => new Lazy<WordRedlineApiFactory>(create)).Value;

    private static Dictionary<string, string?> SmallSettings() => new()
    {
        ["WordRedline:Limits:MaxRequestBytes"] = Invariant(SmallLimits.MaxRequestBytes),
        ["WordRedline:Limits:MaxUploadBytes"] = Invariant(SmallLimits.MaxUploadBytes),
        ["WordRedline:Limits:MaxParagraphs"] = Invariant(SmallLimits.MaxParagraphs),
        ["WordRedline:Limits:MaxParagraphChars"] = Invariant(SmallLimits.MaxParagraphChars),
        ["WordRedline:Limits:MaxTotalChars"] = Invariant(SmallLimits.MaxTotalChars),
    };

    private static Dictionary<string, string?> Merge(IReadOnlyDictionary<string, string?> baseSettings, (string Key, string? Value)[] more)
    {
        var merged = new Dictionary<string, string?>(baseSettings);
        foreach (var (key, value) in more)
        {
            merged[key] = value;
        }

        return merged;
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>Files the test hosts and processes make, in one folder per test run.</summary>
internal static class TestFiles
{
    private static readonly string Folder = Path.Combine(Path.GetTempPath(), "wordredline-api-tests", Environment.ProcessId.ToString(CultureInfo.InvariantCulture));

    /// <summary>A new SQLite file for a host's contract versions.</summary>
    public static string VersionsDatabase() => Path.Combine(Folder, $"{Guid.NewGuid():N}.db");

    public static void Delete()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }
}

/// <summary>Everything any logger provider could print: the message, every structured value, the exception and the
/// scopes.</summary>
public sealed class CapturedLogs : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<string> lines = new();
    private IExternalScopeProvider scopes = new LoggerExternalScopeProvider();

    public IReadOnlyCollection<string> Lines => lines.ToArray();

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, this);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Logger(string category, CapturedLogs sink) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => sink.scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var parts = new List<string> { $"{logLevel} {category}: {formatter(state, exception)}" };
            if (state is IEnumerable<KeyValuePair<string, object?>> values)
            {
                parts.AddRange(values.Select(value => $"{value.Key}={value.Value}"));
            }

            sink.scopes.ForEachScope((scope, list) =>
            {
                list.Add($"scope={scope}");
                if (scope is IEnumerable<KeyValuePair<string, object?>> pairs)
                {
                    list.AddRange(pairs.Select(pair => $"{pair.Key}={pair.Value}"));
                }
            }, parts);
            if (exception is not null)
            {
                parts.Add(exception.ToString());
            }

            sink.lines.Enqueue(string.Join(" | ", parts));
        }
    }
}

[TestClass]
public static class AssemblyHooks
{
    [AssemblyCleanup]
    public static async Task CleanupAsync()
    {
        await WordRedlineApiFactory.DisposeSharedAsync();
        TestFiles.Delete();
    }
}
