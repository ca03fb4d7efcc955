namespace WordRedline.Core;

/// <summary>One run of the engine over one document. Placeholder until the engine lands.</summary>
internal sealed class DocumentAnalysis(CompiledPlaybook playbook, AnalyzeRequest request)
{
    public AnalyzeResponse Run() => new()
    {
        Party = new PartyInfo { Name = request.Party ?? "Contractor", Counterparty = "Client", WorkTerm = "Deliverables", Detected = request.Party is null },
        Score = 100,
        Grade = "A",
        Findings = [],
        DocumentFindings = [],
        Protections = [],
        Playbook = $"{playbook.Source.Id}@{playbook.Source.Version}",
    };
}
