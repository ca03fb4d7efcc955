using System.Collections.Concurrent;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace WordRedline.Api.Tests;

/// <summary>The real service in memory: real configuration, validators, engine and middleware. It swaps only what a
/// test cannot have: Entra ID's signing keys (see <see cref="TestTokens"/>) and the console logger (captured instead).
/// Settings add to or override appsettings.json, as environment variables would.</summary>
public sealed class WordRedlineApiFactory(IReadOnlyDictionary<string, string?>? settings = null) : WebApplicationFactory<Program>
{
    /// <summary>Entra ID on, with the test tenant and API registration.</summary>
    public static readonly IReadOnlyDictionary<string, string?> EntraSettings = new Dictionary<string, string?>
    {
        ["AzureAd:Instance"] = "https://login.microsoftonline.com/",
        ["AzureAd:TenantId"] = TestTokens.TenantId,
        ["AzureAd:ClientId"] = TestTokens.ClientId,
        ["AzureAd:Scopes"] = "access_as_user",
    };

    private static readonly Lazy<WordRedlineApiFactory> SharedLocal = new(() => new WordRedlineApiFactory());
    private static readonly Lazy<WordRedlineApiFactory> SharedEntra = new(() => new WordRedlineApiFactory(EntraSettings));

    /// <summary>The host most tests share: local mode, default limits.</summary>
    public static WordRedlineApiFactory Local => SharedLocal.Value;

    /// <summary>The shared host with Entra ID on.</summary>
    public static WordRedlineApiFactory Entra => SharedEntra.Value;

    public CapturedLogs Logs { get; } = new();

    public static WordRedlineApiFactory With(IReadOnlyDictionary<string, string?> baseSettings, params (string Key, string? Value)[] more)
    {
        var merged = new Dictionary<string, string?>(baseSettings);
        foreach (var (key, value) in more)
        {
            merged[key] = value;
        }

        return new WordRedlineApiFactory(merged);
    }

    public static WordRedlineApiFactory With(params (string Key, string? Value)[] settings) =>
        With(new Dictionary<string, string?>(), settings);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Shared hosts serve many parallel tests from one client address; only the rate-limit tests set a low limit.
        builder.UseSetting("WordRedline:RateLimit:TokensPerPeriod", "1000000");
        builder.UseSetting("WordRedline:RateLimit:BurstLimit", "1000000");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.ClearProviders().AddProvider(Logs));
        builder.ConfigureTestServices(services => services.PostConfigure<JwtBearerOptions>(
            JwtBearerDefaults.AuthenticationScheme, TestTokens.TrustTestIssuer));
    }

    public static async Task DisposeSharedAsync()
    {
        foreach (var shared in new[] { SharedLocal, SharedEntra }.Where(lazy => lazy.IsValueCreated))
        {
            await shared.Value.DisposeAsync();
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
    public static Task CleanupAsync() => WordRedlineApiFactory.DisposeSharedAsync();
}
