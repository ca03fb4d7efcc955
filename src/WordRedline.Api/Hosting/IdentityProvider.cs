using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace WordRedline.Api.Hosting;

/// <summary>Entra ID's metadata and signing keys as this process last saw them, for /readyz and for the one warning
/// an outage is worth.</summary>
internal sealed partial class IdentityProviderHealth(ILogger<IdentityProviderHealth> logger, TimeProvider time)
{
    private readonly Lock gate = new();
    private bool failing;

    /// <summary>"not-used" (local mode), "configured" (keys given in configuration, not fetched), "pending" (the first
    /// fetch is under way), "reachable", "degraded" (the last refresh failed; the cached keys still validate tokens)
    /// or "unreachable" (no keys: tokens cannot be validated).</summary>
    public string Status { get; private set; } = "not-used";

    /// <summary>Ready means tokens can be validated: every status but "pending" and "unreachable".</summary>
    public bool Ready => Status is not ("pending" or "unreachable");

    public DateTimeOffset? KeysFetchedAt { get; private set; }

    public void Expecting(bool fetched) => Status = fetched ? "pending" : "configured";

    public void Fetched(string address)
    {
        lock (gate)
        {
            KeysFetchedAt = time.GetUtcNow();
            Status = "reachable";
            if (failing)
            {
                failing = false;
                LogRecovered(logger, address);
            }
        }
    }

    /// <summary>Logs one warning when an outage starts (the reason without a stack); the retries during it at Debug.</summary>
    public void Failed(string address, Exception error, bool keysCached, TimeSpan retryIn)
    {
        lock (gate)
        {
            Status = keysCached ? "degraded" : "unreachable";
            var reason = $"{error.GetType().Name}: {error.Message.Split('\n', 2)[0].Trim()}";
            if (failing)
            {
                LogStillFailing(logger, address, reason, retryIn.TotalSeconds);
                return;
            }

            failing = true;
            LogOutage(logger, address, reason, keysCached
                ? $"tokens are validated with the signing keys fetched at {KeysFetchedAt:u}"
                : "no signing keys yet, so requests with a token get 503 until it answers");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Entra ID metadata at {Address} cannot be fetched ({Reason}); {Consequence}. Retrying with back-off (up to 5 minutes apart); this is logged once per outage.")]
    private static partial void LogOutage(ILogger logger, string address, string reason, string consequence);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Entra ID metadata at {Address} still cannot be fetched ({Reason}); next try in {RetrySeconds} s")]
    private static partial void LogStillFailing(ILogger logger, string address, string reason, double retrySeconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Entra ID metadata at {Address} is reachable again")]
    private static partial void LogRecovered(ILogger logger, string address);
}

/// <summary>Thrown, cheaply and at once, when a token arrives and no signing keys have ever been fetched.</summary>
internal sealed class IdentityProviderUnavailableException()
    : Exception("The identity provider's signing keys are not available yet.");

/// <summary>Entra ID's OpenID metadata and keys, fetched once and then kept: refreshed every 12 hours, or when a token
/// names an unknown key (at most every 5 minutes), in the background. A failed fetch keeps the cached keys and is
/// retried with exponential back-off (1 s doubling to 5 minutes), never once per request; without any keys a request
/// fails at once instead of waiting on the network. Only the first fetch, started with the service, is waited for, and
/// for at most <see cref="FirstFetchPatience"/>: a provider that accepts connections and never answers would otherwise
/// hold the first requests for the whole backchannel timeout. Replaces IdentityModel's manager, which retries the
/// first fetch on every request with no back-off and logs each failure with its stack.</summary>
internal sealed class OpenIdMetadata(string address, IDocumentRetriever retriever, IdentityProviderHealth health, TimeProvider time)
    : IConfigurationManager<OpenIdConnectConfiguration>
{
    public static readonly TimeSpan AutomaticRefresh = TimeSpan.FromHours(12);
    public static readonly TimeSpan MinimumRequestedRefresh = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan MaximumBackoff = TimeSpan.FromMinutes(5);

    /// <summary>How long a request that arrives during the first fetch waits for it: long enough for a provider that
    /// answers at all (Entra's metadata comes back in well under a second), short enough to answer 503 promptly.</summary>
    public static readonly TimeSpan FirstFetchPatience = TimeSpan.FromSeconds(2);

    private readonly Lock gate = new();
    private OpenIdConnectConfiguration? current;
    private Task? fetching;
    private DateTimeOffset refreshAfter = DateTimeOffset.MinValue;
    private DateTimeOffset lastRequested = DateTimeOffset.MinValue;
    private TimeSpan backoff = TimeSpan.FromSeconds(1);
    private bool failedBefore;
    private bool firstFetchOverdue;

    public async Task<OpenIdConnectConfiguration> GetConfigurationAsync(CancellationToken cancel)
    {
        Task? fetch;
        bool wait;
        lock (gate)
        {
            if (fetching is null && time.GetUtcNow() >= refreshAfter)
            {
                fetching = FetchAsync();
            }

            fetch = fetching;
            // Until a fetch has failed, a request waits for it (the one started with the service). After that the
            // retries run behind the requests: a provider that accepts connections and never answers would
            // otherwise hold every request that finds a retry under way for the whole backchannel timeout.
            // Once one request has given up on the first fetch, the others do not wait for it either.
            wait = !failedBefore && !firstFetchOverdue;
        }

        if (current is { } cached)
        {
            return cached;
        }

        if (fetch is not null && wait)
        {
            try
            {
                await fetch.WaitAsync(FirstFetchPatience, time, cancel);
            }
            catch (TimeoutException)
            {
                lock (gate)
                {
                    firstFetchOverdue = true;
                }

                // The fetch goes on behind this request; its outcome is recorded by the health and the next request.
                throw new IdentityProviderUnavailableException();
            }
        }

        return current ?? throw new IdentityProviderUnavailableException();
    }

    /// <summary>A token named a key we do not have: fetch again soon, unless a fetch is failing (back-off rules).</summary>
    public void RequestRefresh()
    {
        lock (gate)
        {
            var now = time.GetUtcNow();
            if (current is not null && now - lastRequested >= MinimumRequestedRefresh && refreshAfter > now)
            {
                lastRequested = now;
                refreshAfter = now;
            }
        }
    }

    private async Task FetchAsync()
    {
        try
        {
            var configuration = await OpenIdConnectConfigurationRetriever.GetAsync(address, retriever, CancellationToken.None);
            if (configuration.SigningKeys.Count == 0)
            {
                throw new InvalidOperationException("The metadata lists no signing keys.");
            }

            lock (gate)
            {
                current = configuration;
                refreshAfter = time.GetUtcNow() + AutomaticRefresh;
                backoff = TimeSpan.FromSeconds(1);
            }

            health.Fetched(address);
        }
        catch (Exception e)
        {
            TimeSpan retryIn;
            lock (gate)
            {
                retryIn = backoff;
                failedBefore = true;
                refreshAfter = time.GetUtcNow() + backoff;
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaximumBackoff.Ticks));
            }

            health.Failed(address, e, current is not null, retryIn);
        }
        finally
        {
            lock (gate)
            {
                fetching = null;
            }
        }
    }
}

internal static class IdentityProvider
{
    /// <summary>Entra mode: the resilient metadata manager, issuers known without a fetch, a generic
    /// WWW-Authenticate, and 503 (not 401) when no keys could ever be fetched.</summary>
    public static void AddWordRedlineIdentityProvider(this IServiceCollection services, EntraOptions entra)
    {
        services.Configure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, options =>
            options.BackchannelTimeout = TimeSpan.FromSeconds(10));
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .PostConfigure<IdentityProviderHealth, TimeProvider>((options, health, time) => Harden(options, entra, health, time));
        services.AddHostedService<IdentityProviderWarmup>();
    }

    private static void Harden(JwtBearerOptions options, EntraOptions entra, IdentityProviderHealth health, TimeProvider time)
    {
        // "invalid_token" and the validator's reason ("The token expired at ...") stay in the log, not the header.
        options.IncludeErrorDetails = false;
        if (Guid.TryParse(entra.TenantId, out _))
        {
            // Single tenant: the issuers are known, so issuer validation never waits on a metadata fetch.
            options.TokenValidationParameters.ValidIssuers =
                [$"{entra.Instance.TrimEnd('/')}/{entra.TenantId}/v2.0", $"https://sts.windows.net/{entra.TenantId}/"];
        }

        if (options.ConfigurationManager is ConfigurationManager<OpenIdConnectConfiguration> && options.MetadataAddress is { Length: > 0 } address)
        {
            options.ConfigurationManager = new OpenIdMetadata(address,
                new HttpDocumentRetriever(options.Backchannel) { RequireHttps = options.RequireHttpsMetadata }, health, time);
        }

        options.Events ??= new JwtBearerEvents();
        var failed = options.Events.OnAuthenticationFailed;
        options.Events.OnAuthenticationFailed = context =>
        {
            if (context.Exception is IdentityProviderUnavailableException)
            {
                context.Fail(context.Exception);
                return Task.CompletedTask;
            }

            return failed(context);
        };
        var challenge = options.Events.OnChallenge;
        options.Events.OnChallenge = async context =>
        {
            if (context.AuthenticateFailure is not IdentityProviderUnavailableException)
            {
                await challenge(context);
                return;
            }

            context.HandleResponse();
            context.Response.Headers.RetryAfter = "5";
            await Errors.WriteProblemAsync(context.HttpContext, StatusCodes.Status503ServiceUnavailable,
                "Sign-in cannot be checked right now: the identity provider is unreachable. Retry in a moment.");
        };
    }
}

/// <summary>Fetches the metadata as the service starts, in the background: /readyz tells the truth from the start and
/// the first request does not wait for the fetch.</summary>
internal sealed class IdentityProviderWarmup(
    Microsoft.Extensions.Options.IOptionsMonitor<JwtBearerOptions> options, IdentityProviderHealth health) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var manager = options.Get(JwtBearerDefaults.AuthenticationScheme).ConfigurationManager;
        health.Expecting(fetched: manager is OpenIdMetadata);
        if (manager is OpenIdMetadata metadata)
        {
            // Failures are recorded by IdentityProviderHealth; nothing waits for this task.
            _ = metadata.GetConfigurationAsync(CancellationToken.None).ContinueWith(
                fetch => fetch.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
