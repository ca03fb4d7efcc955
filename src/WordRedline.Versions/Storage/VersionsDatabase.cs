using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using WordRedline.Core;

namespace WordRedline.Versions.Storage;

public enum VersionsProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Where versions are kept: an SQLite file (the default, in the user's data folder, created on first use)
/// or a PostgreSQL database shared by several API instances. Thread-safe; open one <see cref="VersionStore"/> per
/// request or command.</summary>
public sealed class VersionsDatabase
{
    private readonly DbContextOptions options;

    public VersionsDatabase(VersionsProvider provider, string? connectionString)
    {
        Provider = provider;
        ConnectionString = provider switch
        {
            VersionsProvider.Sqlite => SqliteConnection(connectionString),
            VersionsProvider.Postgres => PostgresConnection(connectionString),
            _ => throw new ArgumentOutOfRangeException(nameof(provider)),
        };
        options = provider == VersionsProvider.Sqlite
            ? new DbContextOptionsBuilder<SqliteVersionsDbContext>().UseSqlite(ConnectionString).Options
            : new DbContextOptionsBuilder<PostgresVersionsDbContext>().UseNpgsql(ConnectionString).Options;
    }

    public VersionsProvider Provider { get; }

    public string ConnectionString { get; }

    /// <summary>The SQLite file when no connection string is given: WordRedline/versions.db in the user's local
    /// application data folder (~/.local/share on Linux, %LOCALAPPDATA% on Windows).</summary>
    public static string DefaultSqlitePath => Path.Combine(
        Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify),
        "WordRedline", "versions.db");

    /// <summary>Where the data lives, for messages: the file, or the PostgreSQL host and database (never the password).</summary>
    public string Describe()
    {
        if (Provider == VersionsProvider.Sqlite)
        {
            return new SqliteConnectionStringBuilder(ConnectionString).DataSource;
        }

        var postgres = new NpgsqlConnectionStringBuilder(ConnectionString);
        return $"PostgreSQL database '{postgres.Database}' on {postgres.Host}:{postgres.Port}";
    }

    /// <summary>Creates the database if needed and applies every migration. EF Core takes a lock for the duration
    /// (a table on SQLite, an advisory lock on PostgreSQL), so API instances starting together migrate once.</summary>
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        if (Provider == VersionsProvider.Sqlite)
        {
            var file = new SqliteConnectionStringBuilder(ConnectionString).DataSource;
            if (!string.IsNullOrEmpty(file) && file != ":memory:" && Path.GetDirectoryName(Path.GetFullPath(file)) is { } folder)
            {
                Directory.CreateDirectory(folder);
            }
        }

        await using var context = CreateContext(Owner.Local);
        await context.Database.MigrateAsync(cancellationToken);
        if (Provider == VersionsProvider.Sqlite)
        {
            // The pane's service and the CLI may write at once; WAL lets readers and one writer work together.
            await context.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }

    /// <summary>A store that reads and writes only <paramref name="owner"/>'s records.</summary>
    public VersionStore Open(Owner owner, ClauseEngine engine, TimeProvider clock) =>
        new(CreateContext(owner), owner, engine, clock);

    internal VersionsDbContext CreateContext(Owner owner) => Provider == VersionsProvider.Sqlite
        ? new SqliteVersionsDbContext((DbContextOptions<SqliteVersionsDbContext>)options, owner)
        : new PostgresVersionsDbContext((DbContextOptions<PostgresVersionsDbContext>)options, owner);

    private static string SqliteConnection(string? connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(connectionString)
            ? $"Data Source={DefaultSqlitePath}"
            : connectionString);
        if (string.IsNullOrWhiteSpace(builder.DataSource))
        {
            throw new ArgumentException("The SQLite connection string names no file (Data Source=...).", nameof(connectionString));
        }

        // A bare path is the usual thing to write; give SQLite the pooled, shared-cache-free defaults.
        builder.Mode = SqliteOpenMode.ReadWriteCreate;
        builder.ForeignKeys = true;
        return builder.ToString();
    }

    private static string PostgresConnection(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new ArgumentException("PostgreSQL needs a connection string (Host=...;Database=...;Username=...).", nameof(connectionString));
        }

        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (string.IsNullOrWhiteSpace(builder.Host))
        {
            throw new ArgumentException("The PostgreSQL connection string names no Host.", nameof(connectionString));
        }

        return builder.ToString();
    }
}
