namespace WordRedline.Core;

/// <summary>Finds the clauses that give away rights in the protected party's work and proposes the fix.
/// Thread-safe: one instance serves every request.</summary>
public sealed class ClauseEngine
{
    private readonly Dictionary<string, CompiledPlaybook> playbooks;
    private readonly CompiledPlaybook defaultPlaybook;

    /// <summary>An engine over the given playbooks; the first is the default.</summary>
    public ClauseEngine(IEnumerable<Playbook> playbooks)
    {
        var compiled = playbooks.Select(p => p.Compiled ?? new CompiledPlaybook(p)).ToList();
        if (compiled.Count == 0)
        {
            throw new ArgumentException("At least one playbook is needed.", nameof(playbooks));
        }

        defaultPlaybook = compiled[0];
        this.playbooks = compiled.ToDictionary(p => p.Id, StringComparer.Ordinal);
    }

    /// <summary>An engine over the playbook embedded in this assembly.</summary>
    public static ClauseEngine CreateDefault() => new([Playbook.LoadEmbedded()]);

    /// <summary>The playbook used when a request names none.</summary>
    public Playbook DefaultPlaybook => defaultPlaybook.Source;

    /// <summary>The ids of every playbook this engine can run.</summary>
    public IReadOnlyCollection<string> PlaybookIds => playbooks.Keys;

    public bool HasPlaybook(string id) => playbooks.ContainsKey(id);

    /// <summary>Analyzes a document. Never throws on any text; throws <see cref="ArgumentException"/> only for an
    /// unknown playbook id, which callers validate first.</summary>
    public AnalyzeResponse Analyze(AnalyzeRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var playbook = request.Playbook is null ? defaultPlaybook
            : playbooks.TryGetValue(request.Playbook, out var named) ? named
            : throw new ArgumentException($"Unknown playbook '{request.Playbook}'.", nameof(request));
        return DocumentAnalysis.Run(playbook, request);
    }

    /// <summary>The AI Protection Addendum of the default playbook, rendered with the given terms.</summary>
    public RenderedAddendum RenderAddendum(AddendumTerms terms, string? playbookId = null)
    {
        var playbook = playbookId is null ? defaultPlaybook : playbooks[playbookId];
        return playbook.RenderAddendum(terms);
    }
}
