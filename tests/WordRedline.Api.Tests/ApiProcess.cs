using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;
using WordRedline.Api.Hosting;

namespace WordRedline.Api.Tests;

/// <summary>The real program in its own process, as an operator starts it: for start-up failures (an in-memory host
/// that fails while starting can surface as an ObjectDisposedException instead of the real error), shutdown on
/// SIGTERM, and several instances side by side. The endpoint is plain HTTP on a free loopback port unless a setting
/// overrides it, so a start needs no certificate; the environment is Production unless given.</summary>
internal sealed class ApiProcess : IAsyncDisposable
{
    private const string Listening = "Now listening on: ";
    private const int SigTerm = 15;

    private readonly Process process;
    private readonly StringBuilder output = new();
    private readonly StringBuilder errors = new();
    private readonly TaskCompletionSource<Uri> listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ApiProcess(Process process) => this.process = process;

    /// <summary>Where it listens, once it does.</summary>
    public Uri? Address => listening.Task.IsCompletedSuccessfully ? listening.Task.Result : null;

    /// <summary>Standard output and error together, as an operator's terminal shows them.</summary>
    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    /// <summary>Standard error alone (the console logger writes to standard output).</summary>
    public string Errors
    {
        get
        {
            lock (output)
            {
                return errors.ToString();
            }
        }
    }

    public int? ExitCode => process.HasExited ? process.ExitCode : null;

    public HttpClient Client() => new() { BaseAddress = Address ?? throw new InvalidOperationException("Not listening.\n" + Output) };

    /// <summary>Starts the program and returns when it listens or has exited; dispose it to stop it.</summary>
    public static async Task<ApiProcess> LaunchAsync(IEnumerable<string> settings, CancellationToken cancellationToken,
        string environment = "Production")
    {
        var api = typeof(LocalMode).Assembly.Location;
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(api)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["ASPNETCORE_ENVIRONMENT"] = environment },
        };
        start.ArgumentList.Add(api);
        start.ArgumentList.Add("--Kestrel:Endpoints:Https:Url=http://127.0.0.1:0");
        start.ArgumentList.Add($"--WordRedline:Versions:ConnectionString=Data Source={TestFiles.VersionsDatabase()}");
        foreach (var setting in settings)
        {
            start.ArgumentList.Add(setting);
        }

        var started = new ApiProcess(new Process { StartInfo = start });
        started.process.OutputDataReceived += (_, line) => started.Collect(line.Data, error: false);
        started.process.ErrorDataReceived += (_, line) => started.Collect(line.Data, error: true);
        started.process.Start();
        started.process.BeginOutputReadLine();
        started.process.BeginErrorReadLine();

        // A hang guard only: a start either fails or listens within seconds.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(2));
        var exited = started.process.WaitForExitAsync(timeout.Token);
        if (await Task.WhenAny(exited, started.listening.Task.WaitAsync(timeout.Token)) == exited && exited.IsCompletedSuccessfully)
        {
            await started.process.WaitForExitAsync(cancellationToken); // drains the output
        }

        return started;
    }

    /// <summary>Starts the program; if it listens, stops it. Returns its exit code (null when it listened), its
    /// output and its standard error.</summary>
    public static async Task<(int? ExitCode, string Output, string Errors)> TryStartAsync(IEnumerable<string> settings, CancellationToken cancellationToken)
    {
        await using var started = await LaunchAsync(settings, cancellationToken);
        return (started.ExitCode, started.Output, started.Errors);
    }

    /// <inheritdoc cref="TryStartAsync"/>
    public static async Task<(int? ExitCode, string Output)> StartAsync(IEnumerable<string> settings, CancellationToken cancellationToken)
    {
        var (exitCode, output, _) = await TryStartAsync(settings, cancellationToken);
        return (exitCode, output);
    }

    /// <summary>Sends SIGTERM, as a service manager or container runtime does, and waits for the exit.</summary>
    public async Task<int> TerminateAsync(CancellationToken cancellationToken)
    {
        if (Kill(process.Id, SigTerm) != 0)
        {
            throw new InvalidOperationException($"kill failed: {Marshal.GetLastPInvokeError()}");
        }

        await process.WaitForExitAsync(cancellationToken);
        return process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    private void Collect(string? line, bool error)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
            if (error)
            {
                errors.AppendLine(line);
            }
        }

        var at = line.IndexOf(Listening, StringComparison.Ordinal);
        if (at >= 0)
        {
            listening.TrySetResult(new Uri(line[(at + Listening.Length)..].Trim()));
        }
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
