using WordRedline.Core;

namespace WordRedline.Api.Hosting;

internal sealed class PlaybookOptions
{
    public const string SectionName = "WordRedline:Playbook";

    /// <summary>A playbook file (relative to the content root) used instead of the embedded one; the embedded one
    /// stays available by its id.</summary>
    public string? Path { get; set; }
}

internal static class Engine
{
    /// <summary>Builds the engine at start-up, not on the first request, so a broken playbook file stops the
    /// service with the file, the rule and the problem.</summary>
    public static void AddClauseEngine(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(PlaybookOptions.SectionName).Get<PlaybookOptions>() ?? new PlaybookOptions();
        var embedded = Core.Playbook.LoadEmbedded();
        var engine = string.IsNullOrWhiteSpace(options.Path)
            ? new ClauseEngine([embedded])
            : new ClauseEngine(Distinct(
                Core.Playbook.LoadFile(System.IO.Path.Combine(builder.Environment.ContentRootPath, options.Path)), embedded));
        builder.Services.AddSingleton(engine);
    }

    // A user's file may reuse the embedded playbook's id; theirs wins.
    private static Core.Playbook[] Distinct(Core.Playbook chosen, Core.Playbook embedded) =>
        chosen.Id == embedded.Id ? [chosen] : [chosen, embedded];
}
