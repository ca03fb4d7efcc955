using System.Reflection;
using Microsoft.Extensions.Options;
using WordRedline.Core;

namespace WordRedline.Api.Hosting;

/// <summary>Start-up as an operator sees it: a bad setting, an unreadable playbook or a busy port stops the service
/// with one line per problem naming the key (or file, or address) and what is wrong, and exit code 1; never a stack
/// trace or the runtime's abort (exit 134).</summary>
internal static class Startup
{
    public const string Prefix = "WordRedline cannot start: ";

    private static volatile bool started;

    /// <summary>Until the service has started, an exception nobody caught (from reading settings, building the host,
    /// binding a port) becomes one line per problem on standard error and exit code 1. Only in the real program: a
    /// test host runs inside the test runner's process.</summary>
    public static void ExplainFailuresInOneLine()
    {
        if (Assembly.GetEntryAssembly() != typeof(Startup).Assembly)
        {
            return;
        }

        AppDomain.CurrentDomain.UnhandledException += (_, failure) =>
        {
            if (started || failure.ExceptionObject is not Exception exception)
            {
                return;
            }

            foreach (var line in Explain(exception))
            {
                Console.Error.WriteLine(Prefix + line);
            }

            // Exiting here, before the runtime reports the exception, is what keeps the stack trace off the screen.
            Environment.Exit(1);
        };
    }

    public static void AddWordRedlineStartup(this WebApplicationBuilder builder)
    {
        builder.Services.AddHostedService<StartupChecks>();
        // The host logs a failed start as an error with the exception's stack; the handler above reports it in one line.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", level => level is LogLevel.Information or LogLevel.Warning);
    }

    /// <summary>From here on an exception is a crash, reported by the runtime as usual.</summary>
    internal static void Started() => started = true;

    /// <summary>One line per problem: each failed setting, each wrapped cause, or the first line of the message.</summary>
    internal static IEnumerable<string> Explain(Exception exception) => exception switch
    {
        OptionsValidationException invalid => invalid.Failures,
        AggregateException many => many.InnerExceptions.SelectMany(Explain),
        TargetInvocationException { InnerException: { } inner } => Explain(inner),
        _ => [exception.Message.Split('\n', 2)[0].Trim()],
    };
}

/// <summary>The checks that need more than one setting or a file. They run before the server listens (StartingAsync),
/// so a failure is reported like a bad setting and an anonymous service never opens a non-loopback port.</summary>
internal sealed class StartupChecks(IServiceProvider services, IConfiguration configuration) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken)
    {
        var entra = services.GetRequiredService<IOptions<EntraOptions>>().Value;
        var auth = services.GetRequiredService<IOptions<AuthOptions>>().Value;
        if (!entra.Enabled && !auth.AllowAnonymousRemote)
        {
            LocalMode.EnsureLoopbackOnly(configuration);
        }

        // Builds the engine now: a broken playbook file stops the service with the file, the rule and the problem.
        services.GetRequiredService<ClauseEngine>();
        return Task.CompletedTask;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken)
    {
        Startup.Started();
        return Task.CompletedTask;
    }

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
