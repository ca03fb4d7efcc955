using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using WordRedline.Api.Hosting;

namespace WordRedline.Api.Tests;

/// <summary>The last line of defence: an exception nothing else handled becomes a problem without the message (which
/// could quote the contract) in either the response or the log.</summary>
[TestClass]
public sealed class ErrorsTests(TestContext testContext)
{
    private const string Secret = "Contractor grants Client every right in the secret Deliverables";

    [TestMethod]
    public async Task Handle_UnexpectedException_Is500ProblemWithoutMessageOrStack()
    {
        var logs = new CapturedLogs();
        var (context, body) = NewContext(logs);
        var handler = new ProblemExceptionHandler(context.RequestServices.GetRequiredService<ILogger<ProblemExceptionHandler>>(), new Lifetime());

        var handled = await handler.TryHandleAsync(context, Thrown(new InvalidOperationException(Secret)), testContext.CancellationToken);

        Assert.IsTrue(handled);
        Assert.AreEqual(StatusCodes.Status500InternalServerError, context.Response.StatusCode);
        Assert.AreEqual("application/problem+json", context.Response.ContentType);
        var text = Encoding.UTF8.GetString(body.ToArray());
        Assert.Contains("Quote the trace id", text);
        Assert.DoesNotContain(Secret, text);
        Assert.DoesNotContain("InvalidOperationException", text);
        Assert.DoesNotContain(" at ", text);
        Assert.Contains(line => line.Contains("System.InvalidOperationException", StringComparison.Ordinal), logs.Lines);
        Assert.DoesNotContain(line => line.Contains(Secret, StringComparison.Ordinal), logs.Lines);
    }

    [TestMethod]
    public async Task Handle_BadRequestException_KeepsItsStatus()
    {
        var (context, body) = NewContext(new CapturedLogs());
        var handler = new ProblemExceptionHandler(context.RequestServices.GetRequiredService<ILogger<ProblemExceptionHandler>>(), new Lifetime());

        var handled = await handler.TryHandleAsync(context, new BadHttpRequestException(Secret, StatusCodes.Status413PayloadTooLarge),
            testContext.CancellationToken);

        Assert.IsTrue(handled);
        Assert.AreEqual(StatusCodes.Status413PayloadTooLarge, context.Response.StatusCode);
        Assert.DoesNotContain(Secret, Encoding.UTF8.GetString(body.ToArray()));
    }

    /// <summary>A cancelled upload surfaces as an exception on a request the client has abandoned: that is the client's
    /// choice, logged at Information, never an error or a 500.</summary>
    [TestMethod]
    [DataRow(typeof(OperationCanceledException))]
    [DataRow(typeof(IOException))]
    public async Task Handle_ClientAborted_Is499LoggedAsInformation(Type exceptionType)
    {
        var logs = new CapturedLogs();
        var (context, _) = NewContext(logs);
        using var aborted = new CancellationTokenSource();
        context.RequestAborted = aborted.Token;
        await aborted.CancelAsync();
        var handler = new ProblemExceptionHandler(context.RequestServices.GetRequiredService<ILogger<ProblemExceptionHandler>>(), new Lifetime());

        var handled = await handler.TryHandleAsync(context, Thrown((Exception)Activator.CreateInstance(exceptionType)!), testContext.CancellationToken);

        Assert.IsTrue(handled);
        Assert.AreEqual(StatusCodes.Status499ClientClosedRequest, context.Response.StatusCode);
        Assert.AreSequenceEqual(["Information"], logs.Lines.Select(line => line.Split(' ')[0]).ToArray());
        Assert.Contains("The client closed the request", logs.Lines.Single());
    }

    [TestMethod]
    public async Task Handle_FailureWhileStopping_Is503NotA500()
    {
        var logs = new CapturedLogs();
        var (context, body) = NewContext(logs);
        var lifetime = new Lifetime();
        await lifetime.Stopping.CancelAsync();
        var handler = new ProblemExceptionHandler(context.RequestServices.GetRequiredService<ILogger<ProblemExceptionHandler>>(), lifetime);

        var handled = await handler.TryHandleAsync(context, Thrown(new ObjectDisposedException("IServiceProvider")), testContext.CancellationToken);

        Assert.IsTrue(handled);
        Assert.AreEqual(StatusCodes.Status503ServiceUnavailable, context.Response.StatusCode);
        Assert.AreEqual("5", context.Response.Headers.RetryAfter.ToString());
        Assert.Contains("shutting down", Encoding.UTF8.GetString(body.ToArray()));
        Assert.DoesNotContain(line => line.StartsWith("Error", StringComparison.Ordinal), logs.Lines);
    }

    private static (DefaultHttpContext Context, MemoryStream Body) NewContext(CapturedLogs logs)
    {
        var services = new ServiceCollection()
            .AddLogging(logging => logging.ClearProviders().AddProvider(logs))
            .AddProblemDetails()
            .BuildServiceProvider();
        var body = new MemoryStream();
        var context = new DefaultHttpContext { RequestServices = services };
        context.Response.Body = body;
        return (context, body);
    }

    // A thrown exception has a stack trace, which a merely constructed one lacks.
    private static Exception Thrown(Exception exception)
    {
        try
        {
            throw exception;
        }
        catch (Exception caught)
        {
            return caught;
        }
    }

    private sealed class Lifetime : IHostApplicationLifetime
    {
        public CancellationTokenSource Stopping { get; } = new();

        public CancellationToken ApplicationStarted => CancellationToken.None;

        public CancellationToken ApplicationStopping => Stopping.Token;

        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void StopApplication() => Stopping.Cancel();
    }
}
