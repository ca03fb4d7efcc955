using WordRedline.Tests.Postgres;
using WordRedline.Versions.Storage;

namespace WordRedline.Versions.Tests;

/// <summary>The two databases every store test runs on: a fresh SQLite file per test, and this assembly's
/// PostgreSQL database (migrated once; tests keep apart by owner).</summary>
internal static class Databases
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    private static readonly Lazy<Task<VersionsDatabase>> SharedPostgres = new(async () =>
    {
        var database = new VersionsDatabase(VersionsProvider.Postgres, TestPostgres.ConnectionString);
        await database.MigrateAsync();
        return database;
    });

    /// <summary>This run's SQLite files, deleted when the run ends.</summary>
    private static readonly string Folder = Path.Combine(Path.GetTempPath(), "wordredline-versions-tests", Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public static void DeleteFiles()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }

    public static async Task<VersionsDatabase> OpenAsync(string provider)
    {
        if (provider == Postgres)
        {
            return await SharedPostgres.Value;
        }

        var file = Path.Combine(Folder, $"{Guid.NewGuid():N}.db");
        var database = new VersionsDatabase(VersionsProvider.Sqlite, $"Data Source={file}");
        await database.MigrateAsync();
        return database;
    }

    /// <summary>A user no other test uses.</summary>
    public static Owner NewOwner(string name = "Jane Doe") =>
        new("2f5d6c1e-8b1a-4c39-9a55-3f0d2b7c9e41", Guid.NewGuid().ToString(), name);
}

[TestClass]
public static class AssemblyHooks
{
    [AssemblyCleanup]
    public static void Cleanup() => Databases.DeleteFiles();
}
