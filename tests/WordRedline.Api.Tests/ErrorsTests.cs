using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
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
        var handler = new ProblemExceptionHandler(context.RequestServices.GetRequiredService<ILogger<ProblemExceptionHandler>>());

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
        var handler = new ProblemExceptionHandler(context.RequestServices.GetRequiredService<ILogger<ProblemExceptionHandler>>());

        var handled = await handler.TryHandleAsync(context, new BadHttpRequestException(Secret, StatusCodes.Status413PayloadTooLarge),
            testContext.CancellationToken);

        Assert.IsTrue(handled);
        Assert.AreEqual(StatusCodes.Status413PayloadTooLarge, context.Response.StatusCode);
        Assert.DoesNotContain(Secret, Encoding.UTF8.GetString(body.ToArray()));
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
}
