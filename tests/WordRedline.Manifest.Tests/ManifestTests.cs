using System.Reflection;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;

namespace WordRedline.Manifest.Tests;

[TestClass]
public sealed class ManifestTests
{
    private const string LocalOrigin = "https://localhost:5443";
    private static readonly XNamespace App = "http://schemas.microsoft.com/office/appforoffice/1.1";
    private static readonly XNamespace Overrides = "http://schemas.microsoft.com/office/taskpaneappversionoverrides";
    private static readonly XNamespace Types = "http://schemas.microsoft.com/office/officeappbasictypes/1.0";

    private static readonly string[] ButtonLabels = ["Scan document", "Insert AI addendum", "WordRedline pane"];
    private static readonly string[] ButtonActions = ["ShowTaskpane", "ExecuteFunction", "ShowTaskpane"];
    private static readonly int[] IconSizes = [16, 32, 64, 80];
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47];

    private static readonly string Root = typeof(ManifestTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RepositoryRoot").Value!;

    private static string ManifestPath => Path.Combine(Root, "addin-manifest", "manifest.xml");

    private static string AddinPath => Path.Combine(Root, "src", "WordRedline.Addin");

    /// <summary>The XSDs live in shared/ beside the repository (not vendored: see their README).</summary>
    private static string SchemaFolder => Path.GetFullPath(Path.Combine(Root, "..", "shared", "office-addin-schemas"));

    private static List<string> Validate(string xml)
    {
        if (!Directory.Exists(SchemaFolder))
        {
            Assert.Inconclusive($"The Office manifest XSDs are not at {SchemaFolder}; skipped.");
        }

        var schemas = new XmlSchemaSet { XmlResolver = new XmlUrlResolver() };
        schemas.Add(null, Path.Combine(SchemaFolder, "OfficeAppManifestV1_1.xsd"));
        schemas.Compile();
        var errors = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = schemas };
        settings.ValidationEventHandler += (_, e) => errors.Add($"{e.Severity} line {e.Exception.LineNumber}: {e.Message}");
        using var reader = XmlReader.Create(new StringReader(xml), settings);
        while (reader.Read())
        {
        }

        return errors;
    }

    private static XDocument Manifest() => XDocument.Load(ManifestPath);

    private static IEnumerable<string> Urls(XDocument manifest) =>
        manifest.Descendants()
            .Where(e => e.Name.LocalName is "SourceLocation" or "IconUrl" or "HighResolutionIconUrl" or "SupportUrl" or "Image" or "Url")
            .Select(e => (string?)e.Attribute("DefaultValue"))
            .OfType<string>();

    [TestMethod]
    public void Manifest_AgainstOfficialSchemas_IsValid()
    {
        var errors = Validate(File.ReadAllText(ManifestPath));

        Assert.AreEqual(string.Empty, string.Join(Environment.NewLine, errors));
    }

    [TestMethod]
    public void Validate_ElementsOutOfOrder_ReportsError()
    {
        // Proves the validation bites: Office rejects a manifest whose elements are out of order.
        var xml = File.ReadAllText(ManifestPath);
        var broken = xml.Replace("<Permissions>ReadWriteDocument</Permissions>", string.Empty, StringComparison.Ordinal);

        var errors = Validate(broken);

        Assert.Contains(e => e.Contains("Permissions", StringComparison.Ordinal), errors);
    }

    [TestMethod]
    public void ProductionManifest_OriginSwapped_IsValidAndHasNoLocalhost()
    {
        // The same swap scripts/production-manifest.mjs makes.
        var xml = File.ReadAllText(ManifestPath).Replace(LocalOrigin, "https://wordredline.example.com", StringComparison.Ordinal);

        var errors = Validate(xml);

        Assert.AreEqual(string.Empty, string.Join(Environment.NewLine, errors));
        Assert.IsFalse(xml.Contains("localhost", StringComparison.Ordinal));
    }

    [TestMethod]
    public void Manifest_WordTaskPane_AsksForReadWriteAndWordApi13()
    {
        var manifest = Manifest();
        var app = manifest.Root!;

        Assert.AreEqual("TaskPaneApp", (string?)app.Attribute(XNamespace.Get("http://www.w3.org/2001/XMLSchema-instance") + "type"));
        Assert.AreEqual("ReadWriteDocument", (string?)app.Element(App + "Permissions"));
        Assert.AreEqual("Document", (string?)app.Element(App + "Hosts")!.Element(App + "Host")!.Attribute("Name"));
        var set = app.Element(App + "Requirements")!.Element(App + "Sets")!.Element(App + "Set")!;
        Assert.AreEqual("WordApi", (string?)set.Attribute("Name"));
        Assert.AreEqual("1.3", (string?)set.Attribute("MinVersion"));
    }

    [TestMethod]
    public void Ribbon_HomeTab_HasAiProtectionGroupWithThreeButtons()
    {
        var manifest = Manifest();
        var strings = manifest.Descendants(Types + "String").ToDictionary(e => (string)e.Attribute("id")!, e => (string)e.Attribute("DefaultValue")!);
        var tab = manifest.Descendants(Overrides + "OfficeTab").Single();
        var group = tab.Element(Overrides + "Group")!;
        var labels = group.Elements(Overrides + "Control")
            .Select(c => strings[(string)c.Element(Overrides + "Label")!.Attribute("resid")!])
            .ToArray();
        var actions = group.Elements(Overrides + "Control")
            .Select(c => (string)c.Element(Overrides + "Action")!.Attribute(XNamespace.Get("http://www.w3.org/2001/XMLSchema-instance") + "type")!)
            .ToArray();

        Assert.AreEqual("TabHome", (string?)tab.Attribute("id"));
        Assert.AreEqual("AI Protection", strings[(string)group.Element(Overrides + "Label")!.Attribute("resid")!]);
        Assert.AreSequenceEqual(ButtonLabels, labels);
        Assert.AreSequenceEqual(ButtonActions, actions);
    }

    [TestMethod]
    public void Icons_AllFourSizes_AreReferenced()
    {
        var icons = Urls(Manifest()).Where(u => u.Contains("/assets/icon-", StringComparison.Ordinal)).Distinct().Order().ToArray();

        Assert.AreSequenceEqual(IconSizes.Select(n => $"{LocalOrigin}/assets/icon-{n}.png").Order().ToArray(), icons);
    }

    [TestMethod]
    public void Urls_AllOnTheServiceOrigin_AndServedByIt()
    {
        // The service serves the add-in's build output (Vite copies public/ and emits the HTML pages at the top of
        // dist/) and its own wwwroot (the help pages). Each URL must map to one of those.
        var built = Path.Combine(AddinPath, "dist");
        var missing = new List<string>();
        foreach (var url in Urls(Manifest()).Distinct())
        {
            var uri = new Uri(url);
            Assert.AreEqual(LocalOrigin, uri.GetLeftPart(UriPartial.Authority), url);
            var path = uri.AbsolutePath.TrimStart('/');
            if (path.StartsWith("help/", StringComparison.Ordinal))
            {
                if (!File.Exists(Path.Combine(Root, "src", "WordRedline.Api", "wwwroot", path)))
                {
                    missing.Add(url);
                }

                continue;
            }

            var source = path.StartsWith("assets/", StringComparison.Ordinal)
                ? Path.Combine(AddinPath, "public", path)
                : Path.Combine(AddinPath, path);
            if (!File.Exists(source) || (Directory.Exists(built) && !File.Exists(Path.Combine(built, path))))
            {
                missing.Add(url);
            }
        }

        Assert.AreEqual(string.Empty, string.Join(", ", missing));
    }

    [TestMethod]
    public void Icons_ArePngsOfTheirNamedSize()
    {
        foreach (var size in IconSizes)
        {
            var bytes = File.ReadAllBytes(Path.Combine(AddinPath, "public", "assets", $"icon-{size}.png"));
            var width = (bytes[16] << 24) | (bytes[17] << 16) | (bytes[18] << 8) | bytes[19];
            var height = (bytes[20] << 24) | (bytes[21] << 16) | (bytes[22] << 8) | bytes[23];

            Assert.AreSequenceEqual(PngSignature, bytes[..4]);
            Assert.AreEqual(size, width);
            Assert.AreEqual(size, height);
        }
    }
}
