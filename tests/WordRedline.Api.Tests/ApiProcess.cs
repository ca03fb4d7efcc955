using System.Diagnostics;
using System.Text;
using WordRedline.Api.Hosting;

namespace WordRedline.Api.Tests;

/// <summary>The real program in its own process, as a user starts it, for the checks that stop start-up. (An in-memory
/// host that fails while starting can surface as an ObjectDisposedException instead of the real error.)</summary>
internal static class ApiProcess
{
    private const string Listening = "Now listening on:";

    /// <summary>Starts the API with the given command-line settings and returns when it exits (its exit code) or
    /// reports that it is listening (exit code null; the process is then stopped). The endpoint is plain HTTP on a
    /// free loopback port unless a setting overrides it, so a start needs no certificate.</summary>
    public static async Task<(int? ExitCode, string Output)> StartAsync(IEnumerable<string> settings, CancellationToken cancellationToken)
    {
        var api = typeof(LocalMode).Assembly.Location;
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(api)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["ASPNETCORE_ENVIRONMENT"] = "Production" },
        };
        start.ArgumentList.Add(api);
        start.ArgumentList.Add("--Kestrel:Endpoints:Https:Url=http://127.0.0.1:0");
        start.ArgumentList.Add($"--WordRedline:Versions:ConnectionString=Data Source={TestFiles.VersionsDatabase()}");
        foreach (var setting in settings)
        {
            start.ArgumentList.Add(setting);
        }

        var output = new StringBuilder();
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, line) => Collect(line.Data);
        process.ErrorDataReceived += (_, line) => Collect(line.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        // A hang guard only: a start either fails or listens within seconds.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(2));
        var exited = process.WaitForExitAsync(timeout.Token);
        var first = await Task.WhenAny(exited, listening.Task.WaitAsync(timeout.Token));
        if (first == exited && exited.IsCompletedSuccessfully)
        {
            await process.WaitForExitAsync(cancellationToken); // drains the output
            return (process.ExitCode, Text());
        }

        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync(cancellationToken);
        return (null, Text());

        void Collect(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (output)
            {
                output.AppendLine(line);
            }

            if (line.Contains(Listening, StringComparison.Ordinal))
            {
                listening.TrySetResult();
            }
        }

        string Text()
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }
}
