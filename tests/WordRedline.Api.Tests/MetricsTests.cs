using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;

namespace WordRedline.Api.Tests;

[TestClass]
public sealed class MetricsTests(TestContext testContext)
{
    [TestMethod]
    public async Task Analyze_Request_RecordsParagraphsFindingsAndDuration()
    {
        // A host of its own: its meters then record this request alone, not those of tests running in parallel.
        await using var host = WordRedlineApiFactory.With();
        using var client = host.CreateClient();
        var meters = host.Services.GetRequiredService<IMeterFactory>();
        var measurements = new ConcurrentQueue<(string Instrument, double Value, string? Route)>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                // Only this host's meters: other tests run their own hosts in parallel.
                if (ReferenceEquals(instrument.Meter.Scope, meters))
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) => measurements.Enqueue((instrument.Name, value, null)));
        // ASP.NET Core records the HTTP duration as the request ends, which can be just after the client has the response.
        var httpRecorded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) =>
        {
            var route = tags.ToArray().FirstOrDefault(tag => tag.Key == "http.route").Value as string;
            measurements.Enqueue((instrument.Name, value, route));
            if (instrument.Name == "http.server.request.duration" && route == "/api/v1/analyze")
            {
                httpRecorded.TrySetResult();
            }
        });
        listener.Start();
        var request = Contracts.Request(Contracts.DesignAgreement);

        using var response = await client.PostAsync("/api/v1/analyze", Contracts.Json(request), testContext.CancellationToken);
        var body = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync(testContext.CancellationToken)).RootElement;
        await httpRecorded.Task.WaitAsync(TimeSpan.FromSeconds(30), testContext.CancellationToken);

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        var findings = body.GetProperty("findings").GetArrayLength() + body.GetProperty("documentFindings").GetArrayLength();
        var recorded = measurements.ToArray();
        Assert.AreSequenceEqual([(double)Contracts.DesignAgreement.Length], Values(recorded, "wordredline.analyze.paragraphs"));
        Assert.AreSequenceEqual([(double)findings], Values(recorded, "wordredline.analyze.findings"));
        Assert.HasCount(1, Values(recorded, "wordredline.analyze.duration"));
        Assert.Contains(m => m.Instrument == "http.server.request.duration" && m.Route == "/api/v1/analyze", recorded);
    }

    private static double[] Values((string Instrument, double Value, string? Route)[] recorded, string instrument) =>
        [.. recorded.Where(m => m.Instrument == instrument).Select(m => m.Value)];
}
