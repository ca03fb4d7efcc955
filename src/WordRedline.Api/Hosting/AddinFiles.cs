using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace WordRedline.Api.Hosting;

/// <summary>Where the task pane's files come from. Serving them from this service puts pane and API on one HTTPS
/// origin, so the pane's calls need no CORS.</summary>
internal sealed class AddinOptions : ISettings
{
    public static string SectionName => "WordRedline:Addin";

    /// <summary>The add-in's build output (relative to the content root). Empty: the nearest
    /// src/WordRedline.Addin/dist at or above the content root.</summary>
    public string? Path { get; set; }

    /// <summary>The XML manifest served at /manifest.xml. Empty: the nearest addin-manifest/manifest.xml.</summary>
    public string? ManifestPath { get; set; }
}

internal static partial class AddinFiles
{
    private static readonly string DefaultDist = System.IO.Path.Combine("src", "WordRedline.Addin", "dist");
    private static readonly string DefaultManifest = System.IO.Path.Combine("addin-manifest", "manifest.xml");

    public static void AddWordRedlineAddinFiles(this WebApplicationBuilder builder) =>
        builder.Services.AddSettings<AddinOptions>();

    /// <summary>The add-in's built files win; wwwroot's placeholder pane and icons fill whatever they lack, so the
    /// manifest's URLs resolve before the add-in is built.</summary>
    public static void UseWordRedlineAddinFiles(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<AddinOptions>>().Value;
        var contentRoot = app.Environment.ContentRootPath;
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("WordRedline.Api.Addin");
        var dist = Resolve(contentRoot, options.Path, DefaultDist, Directory.Exists);
        if (dist is null)
        {
            LogPlaceholder(logger, options.Path ?? DefaultDist);
        }
        else
        {
            LogServing(logger, dist);
        }

        var files = dist is null
            ? app.Environment.WebRootFileProvider
            : new CompositeFileProvider(new PhysicalFileProvider(dist), app.Environment.WebRootFileProvider);
        var policy = Security.PaneContentSecurityPolicy(
            app.Services.GetRequiredService<IOptions<SecurityOptions>>().Value, app.Services.GetRequiredService<IOptions<EntraOptions>>().Value);
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            OnPrepareResponse = file =>
            {
                if (file.File.Name.EndsWith(".html", StringComparison.OrdinalIgnoreCase))
                {
                    file.Context.Response.Headers.ContentSecurityPolicy = policy;
                }
            },
        });
    }

    /// <summary>GET / opens the pane; GET /manifest.xml serves the manifest for sideloading when there is one.</summary>
    public static void MapAddinFiles(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<AddinOptions>>().Value;
        var manifest = Resolve(app.Environment.ContentRootPath, options.ManifestPath, DefaultManifest, File.Exists);
        app.MapGet("/", () => TypedResults.Redirect("/taskpane.html")).ExcludeFromDescription();
        app.MapGet("/manifest.xml", Results<PhysicalFileHttpResult, NotFound> () => manifest is not null && File.Exists(manifest)
                ? TypedResults.PhysicalFile(manifest, "text/xml")
                : TypedResults.NotFound())
            .ExcludeFromDescription();
    }

    /// <summary>A configured path is taken relative to the content root; the default is searched for in the content
    /// root and each folder above it (the repository root, when run with dotnet run from a clone).</summary>
    internal static string? Resolve(string contentRoot, string? configured, string defaultRelative, Func<string, bool> exists)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            var full = System.IO.Path.GetFullPath(configured, contentRoot);
            return exists(full) ? full : null;
        }

        for (var folder = new DirectoryInfo(contentRoot); folder is not null; folder = folder.Parent)
        {
            var candidate = System.IO.Path.Combine(folder.FullName, defaultRelative);
            if (exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Serving the task pane from {Folder}")]
    private static partial void LogServing(ILogger logger, string folder);

    [LoggerMessage(Level = LogLevel.Information, Message = "No add-in build at {Folder}: serving the placeholder task pane")]
    private static partial void LogPlaceholder(ILogger logger, string folder);
}
