using WordRedline.Core;

namespace WordRedline.Api.Hosting;

internal sealed class PlaybookOptions : ISettings
{
    public static string SectionName => "WordRedline:Playbook";

    /// <summary>A playbook file (relative to the content root) used instead of the embedded one; the embedded one
    /// stays available by its id.</summary>
    public string? Path { get; set; }
}

internal static class Engine
{
    /// <summary>One engine for the process. <see cref="StartupChecks"/> builds it before the server listens, so a
    /// broken playbook file stops the service with the file, the rule and the problem.</summary>
    public static void AddClauseEngine(this WebApplicationBuilder builder)
    {
        builder.Services.AddSettings<PlaybookOptions>();
        builder.Services.AddSingleton(services => Create(
            services.GetRequiredService<Microsoft.Extensions.Options.IOptions<PlaybookOptions>>().Value,
            services.GetRequiredService<IHostEnvironment>().ContentRootPath));
    }

    private static ClauseEngine Create(PlaybookOptions options, string contentRoot)
    {
        var embedded = Core.Playbook.LoadEmbedded();
        return string.IsNullOrWhiteSpace(options.Path)
            ? new ClauseEngine([embedded])
            : new ClauseEngine(Distinct(Core.Playbook.LoadFile(System.IO.Path.Combine(contentRoot, options.Path)), embedded));
    }

    // A user's file may reuse the embedded playbook's id; theirs wins.
    private static Core.Playbook[] Distinct(Core.Playbook chosen, Core.Playbook embedded) =>
        chosen.Id == embedded.Id ? [chosen] : [chosen, embedded];
}
