using System.Text.Json;

namespace WordRedline.Versions;

/// <summary>The outcome of verifying a proof export against a document: each check in order, and the first failure
/// (naming the version) when there is one.</summary>
public sealed record ProofReport(bool Verified, IReadOnlyList<string> Checks, IReadOnlyList<string> Failures, IReadOnlyList<string> Notes);

/// <summary>Checks a proof export on its own terms (no database, no network): every entry's hash, every link, the
/// summary against the chain, the document's fingerprint against the final version, and the carve-out clause
/// against its hash and the document.</summary>
public static class ProofVerifier
{
    public static ProofReport Verify(string exportJson, IReadOnlyList<string> documentParagraphs)
    {
        ArgumentNullException.ThrowIfNull(documentParagraphs);
        var report = new Outcome();
        if (Read(exportJson, report) is not { Chain: not null } export)
        {
            return report.ToReport();
        }

        var links = export.Chain.Select(e => e.ToLink()).ToList();
        CheckChain(export, links, report);
        var final = ProofFinal.From(links);
        if (final is null)
        {
            report.Failures.Add("The chain holds no readable version.");
            return report.ToReport();
        }

        if (export.Final is null || !SameSummary(export.Final, final))
        {
            report.Failures.Add($"version {final.Sequence}: the export's summary of the final version does not match its record in the chain.");
        }

        var canonical = DocumentText.Canonical(documentParagraphs);
        CheckDocument(canonical, final, links, report);
        CheckCarveOut(canonical, final, report);
        return report.ToReport();
    }

    /// <summary>What the checks found so far, in order.</summary>
    private sealed class Outcome
    {
        public List<string> Checks { get; } = [];
        public List<string> Failures { get; } = [];
        public List<string> Notes { get; } = [];

        public ProofReport ToReport() => new(Failures.Count == 0, Checks, Failures, Notes);
    }

    private static ProofExport? Read(string exportJson, Outcome report)
    {
        ProofExport export;
        try
        {
            export = ProofExport.Parse(exportJson);
        }
        catch (JsonException e)
        {
            report.Failures.Add($"The file is not a WordRedline proof export ({FirstSentence(e.Message)}).");
            return null;
        }

        if (export.Format != ProofExport.CurrentFormat || export.Chain is null)
        {
            report.Failures.Add($"The file is not a WordRedline proof export (format '{export.Format}', expected '{ProofExport.CurrentFormat}').");
            return null;
        }

        return export;
    }

    /// <summary>Every entry's hash and link, and the head the export names.</summary>
    private static void CheckChain(ProofExport export, List<ChainLink> links, Outcome report)
    {
        var problems = HashChain.Verify(export.Contract.Id, links);
        report.Failures.AddRange(problems.Select(p => p.ToString()));
        if (problems.Count == 0)
        {
            report.Checks.Add($"Chain intact: {links.Count} entries, each record matches its SHA-256 and names the one before it.");
        }

        if (!string.Equals(export.Head, links.LastOrDefault()?.Hash, StringComparison.Ordinal))
        {
            report.Failures.Add($"The head hash {export.Head} is not the hash of the last entry: entries were added or removed.");
        }
        else if (export.Head is not null)
        {
            report.Checks.Add($"Head {export.Head} is the last entry's hash.");
        }
    }

    /// <summary>The document's fingerprint against the final version (naming the version it is, when another).</summary>
    private static void CheckDocument(string canonical, ProofFinal final, List<ChainLink> links, Outcome report)
    {
        var fingerprint = DocumentText.Sha256(canonical);
        var label = final.IsSigned ? $"version {final.Sequence}, marked as signed on {final.SignedOn}" : $"version {final.Sequence} (the latest; none is marked as signed)";
        if (fingerprint == final.DocumentSha256)
        {
            report.Checks.Add($"The document is {label}: SHA-256 {fingerprint}.");
            return;
        }

        var other = links.Select(l => TryParse(l.Record)).OfType<VersionRecord>()
            .FirstOrDefault(r => r.Kind == VersionRecord.VersionKind && r.Document?.Sha256 == fingerprint);
        report.Failures.Add(other is not null
            ? $"version {final.Sequence}: the document is version {other.Sequence} of the record, not the final {label}."
            : $"version {final.Sequence}: the document does not match {label}: its SHA-256 is {fingerprint}, the record's is {final.DocumentSha256}.");
    }

    /// <summary>The carve-out clause against its recorded hash and against the document.</summary>
    private static void CheckCarveOut(string canonical, ProofFinal final, Outcome report)
    {
        if (final.CarveOut is not { } clause)
        {
            report.Notes.Add($"version {final.Sequence} has no clause that excludes AI training.");
            return;
        }

        var name = new ClauseNumber(clause.Number, clause.Heading).Describe() ?? $"paragraph {clause.Paragraph}";
        if (DocumentText.Sha256(DocumentText.Canonical(clause.Text)) != clause.Sha256)
        {
            report.Failures.Add($"version {final.Sequence}: the text of {name} does not match its recorded SHA-256.");
        }
        else if (!canonical.Contains(DocumentText.Canonical(clause.Text), StringComparison.Ordinal))
        {
            report.Failures.Add($"version {final.Sequence}: {name}, which excludes AI training, is not in the document.");
        }
        else
        {
            report.Checks.Add($"The document contains {name}, which excludes AI training (SHA-256 {clause.Sha256}): \u201C{clause.Text}\u201D");
        }
    }

    private static bool SameSummary(ProofFinal claimed, ProofFinal actual) =>
        claimed.Sequence == actual.Sequence && claimed.Hash == actual.Hash && claimed.IsSigned == actual.IsSigned
        && claimed.SignedOn == actual.SignedOn && claimed.DocumentSha256 == actual.DocumentSha256
        && claimed.CarveOut?.Sha256 == actual.CarveOut?.Sha256 && claimed.CarveOut?.Text == actual.CarveOut?.Text
        && claimed.CarveOut?.Number == actual.CarveOut?.Number;

    private static VersionRecord? TryParse(string json)
    {
        try
        {
            return VersionRecord.Parse(json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end > 0 ? message[..(end + 1)] : message;
    }
}
