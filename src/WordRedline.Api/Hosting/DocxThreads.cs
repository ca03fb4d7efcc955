using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Options;

namespace WordRedline.Api.Hosting;

/// <summary>The threads that do the CPU-heavy part of .docx work (reading the package, analysing, writing the
/// redline): <c>DocxWork:MaxConcurrent</c> dedicated threads whose Linux nice value is raised to
/// <c>DocxWork:WorkerNice</c>, so that when the cores are contended the kernel runs the request threads (a small
/// /analyze, Kestrel's I/O) first and a redline takes what is left. .NET's <see cref="Thread.Priority"/> does nothing
/// on Linux (dotnet/runtime#91165), hence setpriority on the thread's own id; raising a nice value needs no privilege
/// and cannot be undone by the thread, which is why these threads are never lent to anything else. On other systems
/// the threads run at <see cref="ThreadPriority.BelowNormal"/>. A nice value of 0 runs the work inline, on the
/// request's thread-pool thread, as before.</summary>
internal sealed partial class DocxThreads : IDisposable
{
    private readonly BlockingCollection<IWork> queue = [];
    private readonly ILogger<DocxThreads> logger;
    private readonly int maxThreads;
    private int started;
    private int idle;

    public DocxThreads(IOptions<DocxWorkOptions> options, ILogger<DocxThreads> logger)
    {
        this.logger = logger;
        Nice = options.Value.WorkerNice;
        maxThreads = Nice == 0 ? 0 : options.Value.MaxConcurrent;
    }

    public const string ThreadName = "WordRedline .docx";

    /// <summary>The nice value asked for; 0 when the work runs on the request's own thread.</summary>
    public int Nice { get; }

    /// <summary>Work queued and not yet taken by a thread (cancelled work included until a thread drops it).</summary>
    public int Waiting => queue.Count;

    /// <summary>Runs <paramref name="work"/> on one of the threads. If <paramref name="cancellationToken"/> fires (the
    /// request timed out, the client left) before a thread starts it, the task is cancelled at once and the work never
    /// runs; once started, it runs to the end (it reads the request's upload, which lives until the answer is sent).</summary>
    public Task<T> RunAsync<T>(Func<T> work, CancellationToken cancellationToken)
    {
        if (maxThreads == 0)
        {
            return Task.FromResult(work());
        }

        var item = new Work<T>(work, cancellationToken);
        try
        {
            queue.Add(item, CancellationToken.None);
        }
        catch (InvalidOperationException)
        {
            // Only while the host is disposing: the request still gets its answer, from the thread pool.
            ThreadPool.UnsafeQueueUserWorkItem(static item => item.Run(), item, preferLocal: false);
            return item.Task;
        }

        // Threads start as work needs them (a host with a gate of 64 does not hold 64 idle threads), never more than
        // the gate lets in at once.
        if (queue.Count > Volatile.Read(ref idle))
        {
            StartThread();
        }

        return item.Task;
    }

    // The collection itself is not disposed: a thread may still be waiting on it, and it holds no native resource.
    public void Dispose() => queue.CompleteAdding();

    private void StartThread()
    {
        int count;
        do
        {
            count = Volatile.Read(ref started);
            if (count >= maxThreads)
            {
                return;
            }
        }
        while (Interlocked.CompareExchange(ref started, count + 1, count) != count);

        new Thread(Loop) { IsBackground = true, Name = $"{ThreadName} {count + 1}", Priority = ThreadPriority.BelowNormal }.Start();
    }

    private void Loop()
    {
        LowerOwnPriority();
        while (true)
        {
            Interlocked.Increment(ref idle);
            IWork item;
            try
            {
                item = queue.Take();
            }
            catch (InvalidOperationException)
            {
                return; // disposed: the host is stopping and nothing is left to take
            }
            finally
            {
                Interlocked.Decrement(ref idle);
            }

            item.Run();
        }
    }

    private void LowerOwnPriority()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        try
        {
            if (SetPriority(PrioProcess, GetTid(), Nice) != 0)
            {
                LogNiceFailed(logger, Nice, Marshal.GetLastPInvokeError());
            }
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            LogNiceFailed(logger, Nice, -1);
        }
    }

    /// <summary>The calling thread's nice value (Linux; 0 elsewhere), for tests and diagnostics.</summary>
    internal static int CurrentNice()
    {
        if (!OperatingSystem.IsLinux())
        {
            return 0;
        }

        Marshal.SetLastPInvokeError(0);
        return GetPriority(PrioProcess, GetTid());
    }

    private const int PrioProcess = 0;

    // DllImport rather than LibraryImport: every argument is an int, so there is nothing to marshal and no need to
    // allow unsafe code in the project.
    [DllImport("libc", EntryPoint = "setpriority", SetLastError = true)]
    private static extern int SetPriority(int which, int who, int prio);

    [DllImport("libc", EntryPoint = "getpriority", SetLastError = true)]
    private static extern int GetPriority(int which, int who);

    [DllImport("libc", EntryPoint = "gettid")]
    private static extern int GetTid();

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Could not give the .docx threads nice value {Nice} (errno {Errno}); they run at the ordinary priority")]
    private static partial void LogNiceFailed(ILogger logger, int nice, int errno);

    private interface IWork
    {
        void Run();
    }

    /// <summary>One piece of work and its answer. The answer's continuations run on the thread pool, never on these
    /// threads, so the rest of the request (writing the response) keeps the ordinary priority.</summary>
    private sealed class Work<T> : IWork
    {
        private const int Queued = 0, Started = 1, Cancelled = 2;
        private readonly TaskCompletionSource<T> answer = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly Func<T> work;
        private readonly CancellationTokenRegistration registration;
        private int state;

        public Work(Func<T> work, CancellationToken cancellationToken)
        {
            this.work = work;
            registration = cancellationToken.UnsafeRegister(static (self, token) => ((Work<T>)self!).Cancel(token), this);
        }

        public Task<T> Task => answer.Task;

        public void Run()
        {
            if (Interlocked.CompareExchange(ref state, Started, Queued) != Queued)
            {
                return;
            }

            registration.Dispose();
            try
            {
                answer.SetResult(work());
            }
            catch (Exception e)
            {
                answer.SetException(e);
            }
        }

        private void Cancel(CancellationToken token)
        {
            if (Interlocked.CompareExchange(ref state, Cancelled, Queued) == Queued)
            {
                answer.SetCanceled(token);
            }
        }
    }
}
