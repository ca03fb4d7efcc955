using System.Security.Claims;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Web;
using WordRedline.Api.Hosting;
using WordRedline.Versions;
using WordRedline.Versions.Storage;

namespace WordRedline.Api.Versions;

/// <summary>Where contract versions are kept. The default is the embedded SQLite file in the user's data folder; a
/// team or a hosted deployment with several instances points every instance at one PostgreSQL database.</summary>
internal sealed class VersionsOptions
{
    public const string SectionName = "WordRedline:Versions";

    /// <summary>"sqlite" (default) or "postgres".</summary>
    public string Provider { get; set; } = "sqlite";

    /// <summary>SQLite: "Data Source=PATH" (default: versions.db in the user's data folder). PostgreSQL: required.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The database these options describe, or the reason they describe none.</summary>
    public (VersionsDatabase? Database, string? Error) Open()
    {
        VersionsProvider provider;
        switch (Provider.ToLowerInvariant())
        {
            case "sqlite":
                provider = VersionsProvider.Sqlite;
                break;
            case "postgres" or "postgresql":
                provider = VersionsProvider.Postgres;
                break;
            default:
                return (null, $"{SectionName}:Provider must be \"sqlite\" or \"postgres\", not \"{Provider}\".");
        }

        try
        {
            return (new VersionsDatabase(provider, ConnectionString), null);
        }
        catch (ArgumentException e)
        {
            // The connection string's parser names the bad keyword; the value itself (a password) is not repeated.
            return (null, $"{SectionName}:ConnectionString: {e.Message}");
        }
    }
}

internal static class VersionsHosting
{
    public static void AddWordRedlineVersions(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<VersionsOptions>().BindConfiguration(VersionsOptions.SectionName).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<VersionsOptions>, VersionsOptionsValidator>();
        builder.Services.AddSingleton(services => services.GetRequiredService<IOptions<VersionsOptions>>().Value.Open().Database!);
        builder.Services.AddHostedService<VersionsMigration>();
        builder.Services.AddSingleton(TimeProvider.System);
    }

    /// <summary>The owner of the records a request may touch: the token's tenant and object id with Entra ID on,
    /// the machine's local user in local mode. Null when a token names no user (the handler answers 403).</summary>
    public static Owner? OwnerOf(ClaimsPrincipal user, IOptions<EntraOptions> entra)
    {
        if (!entra.Value.Enabled)
        {
            return Owner.Local;
        }

        var objectId = user.GetObjectId();
        var tenantId = user.GetTenantId();
        return string.IsNullOrEmpty(objectId) || string.IsNullOrEmpty(tenantId)
            ? null
            : new Owner(tenantId, objectId, user.GetDisplayName());
    }
}

internal sealed class VersionsOptionsValidator : IValidateOptions<VersionsOptions>
{
    public ValidateOptionsResult Validate(string? name, VersionsOptions options) =>
        options.Open().Error is { } error ? ValidateOptionsResult.Fail(error) : ValidateOptionsResult.Success;
}

/// <summary>Applies the migrations before the service answers its first request. Instances starting together take
/// EF Core's migration lock in turn, so each migration runs once.</summary>
internal sealed partial class VersionsMigration(VersionsDatabase database, ILogger<VersionsMigration> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await database.MigrateAsync(cancellationToken);
        }
        catch (Exception e) when (e is System.Data.Common.DbException or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            throw new InvalidOperationException(
                $"WordRedline cannot open the versions database ({database.Describe()}): {e.Message} " +
                $"Check {VersionsOptions.SectionName}:Provider and {VersionsOptions.SectionName}:ConnectionString.", e);
        }

        LogReady(logger, database.Provider);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Versions database ready ({Provider})")]
    private static partial void LogReady(ILogger logger, VersionsProvider provider);
}
