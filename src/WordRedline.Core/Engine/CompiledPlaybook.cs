namespace WordRedline.Core;

/// <summary>A playbook with its patterns compiled once and shared by every analysis.</summary>
internal sealed class CompiledPlaybook(Playbook source)
{
    public Playbook Source { get; } = source;

    public RenderedAddendum RenderAddendum(AddendumTerms terms) => new(
        [.. Source.Addendum.Paragraphs.Select(p => p with { Text = TermText.Fill(p.Text, terms) })],
        TermText.Fill(Source.Addendum.Reference, terms));
}
