using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.Extensions.Options;

namespace WordRedline.Api.Hosting;

/// <summary>How much .docx work runs at once. Each .docx request holds its upload (at most MaxUploadBytes) and the
/// document's working copies while it runs, and keeps a core busy for up to a second or two, so a fixed number of
/// them run, a few more wait their turn, and the rest are told to come back: memory stays bounded whatever arrives,
/// and the cheap /analyze calls keep a core.</summary>
internal sealed class DocxWorkOptions : ISettings
{
    public static string SectionName => "WordRedline:DocxWork";

    /// <summary>.docx requests read and processed at once; half the cores (at least one) by default.</summary>
    [Range(1, 256)]
    public int MaxConcurrent { get; set; } = Math.Max(1, Environment.ProcessorCount / 2);

    /// <summary>Requests that wait for a slot, oldest first, without their bodies read; beyond them, 503.</summary>
    [Range(0, 10_000)]
    public int QueueLimit { get; set; } = 8;

    /// <summary>The whole .docx request, waiting included: past it the caller gets 503 (a slow upload cannot hold a
    /// slot for long).</summary>
    [Range(1, 3_600)]
    public int TimeoutSeconds { get; set; } = 120;

    /// <summary>The Retry-After of a 503 when the queue is full.</summary>
    [Range(1, 3_600)]
    public int RetryAfterSeconds { get; set; } = 5;

    /// <summary>After a request that uploaded more than this, a full compacting collection hands its working copies
    /// (tens of megabytes each, on the large-object heap) back to the operating system before the next request
    /// takes the slot; 0 turns it off.</summary>
    [Range(0, 500_000_000)]
    public long CollectAfterUploadBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>The Linux nice value of the threads that read, analyse and write documents (<see cref="DocxThreads"/>):
    /// higher yields more of the cores to small requests when they are contended; 0 runs the work on the request's
    /// thread-pool thread at the ordinary priority.</summary>
    [Range(0, 19)]
    public int WorkerNice { get; set; } = 10;
}

internal static class DocxWork
{
    private const string TimeoutPolicy = "docx";

    public static void AddWordRedlineDocxWork(this WebApplicationBuilder builder)
    {
        builder.Services.AddSettings<DocxWorkOptions>();
        builder.Services.AddSingleton<DocxGate>();
        builder.Services.AddSingleton<DocxThreads>();
        builder.Services.AddRequestTimeouts();
        builder.Services.AddOptions<RequestTimeoutOptions>().Configure<IOptions<DocxWorkOptions>>((timeouts, docx) =>
            timeouts.AddPolicy(TimeoutPolicy, new RequestTimeoutPolicy
            {
                Timeout = TimeSpan.FromSeconds(docx.Value.TimeoutSeconds),
                TimeoutStatusCode = StatusCodes.Status503ServiceUnavailable,
                WriteTimeoutResponse = context => Errors.WriteProblemAsync(context, StatusCodes.Status503ServiceUnavailable,
                    $"The .docx request took longer than {docx.Value.TimeoutSeconds} s (WordRedline:DocxWork:TimeoutSeconds).").AsTask(),
            }));
    }

    /// <summary>Request timeouts first (so the wait counts), then the gate on the endpoints that do .docx work.</summary>
    public static void UseWordRedlineDocxWork(this WebApplication app)
    {
        app.UseRequestTimeouts();
        var gate = app.Services.GetRequiredService<DocxGate>();
        app.Use((context, next) => context.GetEndpoint()?.Metadata.GetMetadata<Endpoint>() is null
            ? next(context)
            : gate.RunAsync(context, next));
    }

    /// <summary>Marks an endpoint as .docx work: its upload limits, its rate-limit bucket, the gate and the timeout.</summary>
    public static RouteHandlerBuilder WithDocxWork(this RouteHandlerBuilder builder)
    {
        builder.WithUploadBody().RequireRateLimiting(RateLimiting.Docx).WithRequestTimeout(TimeoutPolicy);
        return builder.WithMetadata(new Endpoint()).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
    }

    private sealed class Endpoint;
}

/// <summary>The concurrency gate of the .docx endpoints: a <see cref="ConcurrencyLimiter"/> with a queue, entered after
/// authentication, the caller's rate limit and authorization, and before the body is read.</summary>
internal sealed class DocxGate : IDisposable
{
    private readonly ConcurrencyLimiter limiter;
    private readonly DocxWorkOptions options;
    private readonly CancellationToken stopping;

    public DocxGate(IOptions<DocxWorkOptions> options, IHostApplicationLifetime lifetime)
    {
        this.options = options.Value;
        stopping = lifetime.ApplicationStopping;
        limiter = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = this.options.MaxConcurrent,
            QueueLimit = this.options.QueueLimit,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
    }

    public RateLimiterStatistics Statistics => limiter.GetStatistics()!;

    public int Running => options.MaxConcurrent - (int)Statistics.CurrentAvailablePermits;

    public async Task RunAsync(HttpContext context, RequestDelegate next)
    {
        RateLimitLease lease;
        using (var waiting = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping))
        {
            try
            {
                lease = await limiter.AcquireAsync(1, waiting.Token);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                lease = FailedLease.Instance;
            }
        }

        using (lease)
        {
            if (lease.IsAcquired)
            {
                // Registered before the upload registers its buffers for disposal, so it runs after they are returned.
                context.Response.OnCompleted(ReturnMemoryWhenIdle, context);
                try
                {
                    await next(context);
                }
                finally
                {
                    ReturnMemoryAfterLargeUpload(context);
                }

                return;
            }
        }

        if (stopping.IsCancellationRequested)
        {
            await Shutdown.Refuse(context);
            return;
        }

        context.Response.Headers.RetryAfter = options.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        await Errors.WriteProblemAsync(context, StatusCodes.Status503ServiceUnavailable,
            $"The service is busy with other documents; retry after {options.RetryAfterSeconds} s.");
    }

    public void Dispose() => limiter.Dispose();

    /// <summary>Without this, memory a burst of large documents took stays with the process: the collector has no
    /// reason to run once requests stop, and the server collector keeps what it once needed. Run while the slot is
    /// still held, so the next large document never stacks on this one's garbage.</summary>
    private void ReturnMemoryAfterLargeUpload(HttpContext context)
    {
        var uploaded = context.Items[DocxUploadBytesKey] as long? ?? 0;
        if (options.CollectAfterUploadBytes > 0 && uploaded > options.CollectAfterUploadBytes)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        }
    }

    /// <summary>Once the last large request of a burst has finished and released its buffers, and no other .docx
    /// work runs or waits, what is left goes back to the operating system too.</summary>
    private Task ReturnMemoryWhenIdle(object state)
    {
        var uploaded = ((HttpContext)state).Items[DocxUploadBytesKey] as long? ?? 0;
        if (options.CollectAfterUploadBytes > 0 && uploaded > options.CollectAfterUploadBytes && Running == 0 && Statistics.CurrentQueuedCount == 0)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        }

        return Task.CompletedTask;
    }

    /// <summary>Where the upload reader records how many bytes it read (the body may have had no Content-Length).</summary>
    public const string DocxUploadBytesKey = "WordRedline.DocxUploadBytes";

    private sealed class FailedLease : RateLimitLease
    {
        public static readonly FailedLease Instance = new();

        public override bool IsAcquired => false;

        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }
    }
}
