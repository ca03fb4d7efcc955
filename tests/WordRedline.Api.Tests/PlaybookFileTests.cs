using System.Net;
using System.Text.Json.Nodes;
using WordRedline.Core;

namespace WordRedline.Api.Tests;

/// <summary>WordRedline:Playbook:Path puts a user's playbook in front of the embedded one, checked at start-up.</summary>
[TestClass]
public sealed class PlaybookFileTests(TestContext testContext)
{
    [TestMethod]
    public async Task Start_OwnPlaybook_BecomesTheDefaultAndTheEmbeddedOneStaysAvailable()
    {
        var path = Path.Combine(testContext.TestRunDirectory ?? Path.GetTempPath(), $"custom-{Guid.NewGuid():N}.json");
        using (var embedded = typeof(ClauseEngine).Assembly.GetManifestResourceStream("WordRedline.Playbooks.freelancer-ai.json")!)
        {
            var json = JsonNode.Parse(embedded)!;
            json["id"] = "firm-playbook";
            json["version"] = 7;
            await File.WriteAllTextAsync(path, json.ToJsonString(), testContext.CancellationToken);
        }

        try
        {
            // A host of its own: the playbook file is made for this test and read at start-up.
            await using var host = WordRedlineApiFactory.With(("WordRedline:Playbook:Path", path));
            using var client = host.CreateClient();

            var ready = await client.GetStringAsync("/readyz", testContext.CancellationToken);
            using var embeddedByName = await client.PostAsync("/api/v1/analyze",
                Contracts.Json(Contracts.Request(Contracts.DesignAgreement, playbook: "freelancer-ai")), testContext.CancellationToken);

            Assert.Contains("\"playbook\":\"firm-playbook@7\"", ready);
            Assert.AreEqual(HttpStatusCode.OK, embeddedByName.StatusCode);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
