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
        var checks = new List<string>();
        var failures = new List<string>();
        var notes = new List<string>();
        ProofExport export;
        try
        {
            export = ProofExport.Parse(exportJson);
        }
        catch (JsonException e)
        {
            failures.Add($"The file is not a WordRedline proof export ({FirstSentence(e.Message)}).");
            return new ProofReport(false, checks, failures, notes);
        }

        if (export.Format != ProofExport.CurrentFormat || export.Chain is null)
        {
            failures.Add($"The file is not a WordRedline proof export (format '{export.Format}', expected '{ProofExport.CurrentFormat}').");
            return new ProofReport(false, checks, failures, notes);
        }

        var links = export.Chain.Select(e => e.ToLink()).ToList();
        var problems = HashChain.Verify(export.Contract.Id, links);
        failures.AddRange(problems.Select(p => p.ToString()));
        if (problems.Count == 0)
        {
            checks.Add($"Chain intact: {links.Count} entries, each record matches its SHA-256 and names the one before it.");
        }

        if (!string.Equals(export.Head, links.LastOrDefault()?.Hash, StringComparison.Ordinal))
        {
            failures.Add($"The head hash {export.Head} is not the hash of the last entry: entries were added or removed.");
        }
        else if (export.Head is not null)
        {
            checks.Add($"Head {export.Head} is the last entry's hash.");
        }

        var final = ProofFinal.From(links);
        if (final is null)
        {
            failures.Add("The chain holds no readable version.");
            return new ProofReport(false, checks, failures, notes);
        }

        if (export.Final is null || !SameSummary(export.Final, final))
        {
            failures.Add($"version {final.Sequence}: the export's summary of the final version does not match its record in the chain.");
        }

        var canonical = DocumentText.Canonical(documentParagraphs);
        var fingerprint = DocumentText.Sha256(canonical);
        var label = final.IsSigned ? $"version {final.Sequence}, marked as signed on {final.SignedOn}" : $"version {final.Sequence} (the latest; none is marked as signed)";
        if (fingerprint == final.DocumentSha256)
        {
            checks.Add($"The document is {label}: SHA-256 {fingerprint}.");
        }
        else
        {
            var other = links.Select(l => TryParse(l.Record)).OfType<VersionRecord>()
                .FirstOrDefault(r => r.Kind == VersionRecord.VersionKind && r.Document?.Sha256 == fingerprint);
            failures.Add(other is not null
                ? $"version {final.Sequence}: the document is version {other.Sequence} of the record, not the final {label}."
                : $"version {final.Sequence}: the document does not match {label}: its SHA-256 is {fingerprint}, the record's is {final.DocumentSha256}.");
        }

        if (final.CarveOut is { } clause)
        {
            var name = new ClauseNumber(clause.Number, clause.Heading).Describe() ?? $"paragraph {clause.Paragraph}";
            if (DocumentText.Sha256(DocumentText.Canonical(clause.Text)) != clause.Sha256)
            {
                failures.Add($"version {final.Sequence}: the text of {name} does not match its recorded SHA-256.");
            }
            else if (!canonical.Contains(DocumentText.Canonical(clause.Text), StringComparison.Ordinal))
            {
                failures.Add($"version {final.Sequence}: {name}, which excludes AI training, is not in the document.");
            }
            else
            {
                checks.Add($"The document contains {name}, which excludes AI training (SHA-256 {clause.Sha256}): \u201C{clause.Text}\u201D");
            }
        }
        else
        {
            notes.Add($"version {final.Sequence} has no clause that excludes AI training.");
        }

        return new ProofReport(failures.Count == 0, checks, failures, notes);
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
