using System.Buffers.Binary;
using System.Net;
using WordRedline.Api.Hosting;

namespace WordRedline.Api.Tests;

/// <summary>The pane's files share the API's origin: the add-in's build output when there is one, the placeholder
/// pane and icons from wwwroot for whatever it lacks.</summary>
[TestClass]
public sealed class AddinFilesTests(TestContext testContext)
{
    private CancellationToken Cancel => testContext.CancellationToken;

    [TestMethod]
    [DataRow("/taskpane.html")]
    [DataRow("/commands.html")]
    public async Task Page_Get_IsHtml(string path)
    {
        using var client = WordRedlineApiFactory.Local.CreateClient();

        using var response = await client.GetAsync(path, Cancel);

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.AreEqual("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    [TestMethod]
    [DataRow(16)]
    [DataRow(32)]
    [DataRow(64)]
    [DataRow(80)]
    public async Task Icon_Get_IsAPngOfItsSize(int size)
    {
        using var client = WordRedlineApiFactory.Local.CreateClient();

        using var response = await client.GetAsync($"/assets/icon-{size}.png", Cancel);

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.AreEqual("image/png", response.Content.Headers.ContentType?.MediaType);
        var png = await response.Content.ReadAsByteArrayAsync(Cancel);
        Assert.AreSequenceEqual<byte>([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A], png[..8]);
        Assert.AreEqual(size, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)));
        Assert.AreEqual(size, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4)));
    }

    [TestMethod]
    public async Task Dist_Present_ItsFilesWinAndWwwrootFillsTheRest()
    {
        var dist = Directory.CreateTempSubdirectory("wordredline-dist-");
        try
        {
            await File.WriteAllTextAsync(Path.Combine(dist.FullName, "taskpane.html"), "<p>built pane</p>", Cancel);
            // A host of its own: the pane folder is made for this test.
            await using var host = WordRedlineApiFactory.With(("WordRedline:Addin:Path", dist.FullName));
            using var client = host.CreateClient();

            var pane = await client.GetStringAsync("/taskpane.html", Cancel);
            using var icon = await client.GetAsync("/assets/icon-16.png", Cancel);

            Assert.AreEqual("<p>built pane</p>", pane);
            Assert.AreEqual(HttpStatusCode.OK, icon.StatusCode);
        }
        finally
        {
            dist.Delete(recursive: true);
        }
    }

    [TestMethod]
    public async Task Manifest_Present_IsServedAsXml()
    {
        var manifest = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(manifest, "<OfficeApp/>", Cancel);
            // A host of its own: the manifest is made for this test.
            await using var host = WordRedlineApiFactory.With(("WordRedline:Addin:ManifestPath", manifest));
            using var client = host.CreateClient();

            using var response = await client.GetAsync("/manifest.xml", Cancel);

            Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
            Assert.AreEqual("text/xml", response.Content.Headers.ContentType?.MediaType);
            Assert.AreEqual("<OfficeApp/>", await response.Content.ReadAsStringAsync(Cancel));
        }
        finally
        {
            File.Delete(manifest);
        }
    }

    [TestMethod]
    public async Task Manifest_Absent_Is404()
    {
        // A host of its own: the shared ones find the repository's manifest.
        await using var host = WordRedlineApiFactory.With(("WordRedline:Addin:ManifestPath", "/nonexistent/manifest.xml"));
        using var client = host.CreateClient();

        using var response = await client.GetAsync("/manifest.xml", Cancel);

        Assert.AreEqual(HttpStatusCode.NotFound, response.StatusCode);
    }

    [TestMethod]
    public void Resolve_DefaultPath_IsFoundInAFolderAboveTheContentRoot()
    {
        var repo = Directory.CreateTempSubdirectory("wordredline-repo-");
        try
        {
            var dist = Directory.CreateDirectory(Path.Combine(repo.FullName, "src", "WordRedline.Addin", "dist"));
            var contentRoot = Directory.CreateDirectory(Path.Combine(repo.FullName, "src", "WordRedline.Api"));

            var found = AddinFiles.Resolve(contentRoot.FullName, null, Path.Combine("src", "WordRedline.Addin", "dist"), Directory.Exists);

            Assert.AreEqual(dist.FullName, found);
        }
        finally
        {
            repo.Delete(recursive: true);
        }
    }

    [TestMethod]
    public void Resolve_ConfiguredRelativePath_IsTakenFromTheContentRoot()
    {
        var root = Directory.CreateTempSubdirectory("wordredline-root-");
        try
        {
            var dist = Directory.CreateDirectory(Path.Combine(root.FullName, "pane"));

            Assert.AreEqual(dist.FullName, AddinFiles.Resolve(root.FullName, "pane", "unused", Directory.Exists));
            Assert.IsNull(AddinFiles.Resolve(root.FullName, "missing", "unused", Directory.Exists));
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }
}
