using Npgsql;

namespace WordRedline.Tests.Postgres;

/// <summary>The PostgreSQL server the tests use: the throw-away cluster tests/postgres.sh starts (tests/run.sh does
/// it), named by WORDREDLINE_TEST_POSTGRES. Each test assembly gets its own database, created on first use and
/// dropped at the end, so assemblies running at once never see each other's rows.</summary>
internal static class TestPostgres
{
    public const string Variable = "WORDREDLINE_TEST_POSTGRES";

    private static readonly Lazy<string> Database = new(Create);

    /// <summary>A connection string to this assembly's own database.</summary>
    public static string ConnectionString => Database.Value;

    private static string Create()
    {
        var server = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(server))
        {
            throw new InvalidOperationException(
                $"The PostgreSQL tests need a server: {Variable} is not set. Run them through `bash tests/run.sh`, or start one " +
                "with `source tests/postgres.sh && wordredline_postgres_start` (it sets the variable) and run dotnet test from that shell.");
        }

        var name = $"wordredline_test_{Guid.NewGuid():N}";
        using (var connection = new NpgsqlConnection(server))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"CREATE DATABASE \"{name}\"";
            command.ExecuteNonQuery();
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) => Drop(server, name);
        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ToString();
    }

    private static void Drop(string server, string name)
    {
        try
        {
            NpgsqlConnection.ClearAllPools();
            using var connection = new NpgsqlConnection(server);
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)";
            command.ExecuteNonQuery();
        }
        catch (NpgsqlException)
        {
            // The cluster is thrown away when the run ends; a database left behind goes with it.
        }
    }
}
