using System.Net;
using WordRedline.Api.Tests.Fixtures;

namespace WordRedline.Api.Tests;

/// <summary>The service keeps nothing between requests that an answer depends on, so any load balancer can spread
/// requests over several instances: two real processes on two ports answer every request the same, whichever gets it.</summary>
[TestClass]
public sealed class InstancesTests(TestContext testContext)
{
    private CancellationToken Cancel => testContext.CancellationToken;

    [TestMethod]
    public async Task TwoInstances_RoundRobin_GiveTheSameAnswers()
    {
        await using var first = await ApiProcess.LaunchAsync([], Cancel);
        await using var second = await ApiProcess.LaunchAsync([], Cancel);
        using var a = first.Client();
        using var b = second.Client();
        HttpClient[] instances = [a, b];
        Assert.AreNotEqual(a.BaseAddress, b.BaseAddress);

        var analyses = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            using var response = await instances[i % 2].PostAsync("/api/v1/analyze", Contracts.Json(Contracts.Request(Contracts.DesignAgreement)), Cancel);
            Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
            analyses.Add(await response.Content.ReadAsStringAsync(Cancel));
        }

        // A document redlined by one instance reads the same on the other.
        using var redlined = await a.PostAsync("/api/v1/redline", DocxFiles.Form(DocxFiles.Contract()), Cancel);
        var output = await redlined.Content.ReadAsByteArrayAsync(Cancel);
        using var onFirst = await a.PostAsync("/api/v1/analyze/docx", DocxFiles.Form(output), Cancel);
        using var onSecond = await b.PostAsync("/api/v1/analyze/docx", DocxFiles.Form(output), Cancel);

        Assert.HasCount(1, analyses.Distinct().ToArray());
        Assert.AreEqual(HttpStatusCode.OK, redlined.StatusCode);
        Assert.AreEqual(HttpStatusCode.OK, onFirst.StatusCode);
        Assert.AreEqual(await onFirst.Content.ReadAsStringAsync(Cancel), await onSecond.Content.ReadAsStringAsync(Cancel));
        Assert.AreEqual(await a.GetStringAsync("/api/v1/config", Cancel), await b.GetStringAsync("/api/v1/config", Cancel));
    }
}
