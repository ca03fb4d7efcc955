using System.CommandLine;
using WordRedline.Versions;
using WordRedline.Versions.Storage;

namespace WordRedline.Cli.Versions;

/// <summary>--provider and --connection, shared by every command that reads the record. Without them the CLI uses
/// what the API uses (WordRedline__Versions__Provider and WordRedline__Versions__ConnectionString in the
/// environment), and otherwise the SQLite file in the user's data folder, so versions saved from the pane in local
/// mode are listed here.</summary>
internal static class VersionsDatabaseOptions
{
    public static Option<string?> Provider() => new("--provider") { Description = "sqlite (default) or postgres." };

    public static Option<string?> Connection() => new("--connection") { Description = "The SQLite file (Data Source=PATH, or just PATH) or the PostgreSQL connection string." };

    public static void AddTo(Command command, Option<string?> provider, Option<string?> connection)
    {
        command.Options.Add(provider);
        command.Options.Add(connection);
    }

    public static VersionsDatabase Open(ParseResult result, Option<string?> provider, Option<string?> connection)
    {
        var name = result.GetValue(provider) ?? Environment.GetEnvironmentVariable("WordRedline__Versions__Provider") ?? "sqlite";
        var value = result.GetValue(connection) ?? Environment.GetEnvironmentVariable("WordRedline__Versions__ConnectionString");
        var kind = name.ToLowerInvariant() switch
        {
            "sqlite" => VersionsProvider.Sqlite,
            "postgres" or "postgresql" => VersionsProvider.Postgres,
            _ => throw new CliException($"--provider: '{name}' is not sqlite or postgres"),
        };
        if (kind == VersionsProvider.Sqlite && value is not null && !value.Contains('=', StringComparison.Ordinal))
        {
            value = $"Data Source={value}";
        }

        VersionsDatabase database;
        try
        {
            database = new VersionsDatabase(kind, value);
        }
        catch (ArgumentException e)
        {
            throw new CliException($"--connection: {e.Message}");
        }

        try
        {
            database.MigrateAsync().GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is Microsoft.Data.Sqlite.SqliteException or Npgsql.NpgsqlException or IOException or UnauthorizedAccessException)
        {
            throw new CliException($"cannot open the versions database ({database.Describe()}): {e.Message}");
        }

        return database;
    }

    /// <summary>A contract by its id or a unique beginning of it (as `versions list` shows it).</summary>
    public static Guid Resolve(VersionStore store, string idOrPrefix)
    {
        if (Guid.TryParse(idOrPrefix, out var id))
        {
            return id;
        }

        if (idOrPrefix.Length < 4)
        {
            throw new CliException($"'{idOrPrefix}': give at least the first 4 characters of the contract id");
        }

        var matches = store.ListContractsAsync().GetAwaiter().GetResult()
            .Where(c => c.Id.ToString().StartsWith(idOrPrefix, StringComparison.OrdinalIgnoreCase)).ToList();
        return matches.Count switch
        {
            1 => matches[0].Id,
            0 => throw new CliException($"no contract id starts with '{idOrPrefix}' (see: wordredline versions list)"),
            _ => throw new CliException($"'{idOrPrefix}' is the start of {matches.Count} contract ids; give more of it"),
        };
    }
}
