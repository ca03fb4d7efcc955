using System.Globalization;
using System.Text.Json;

namespace WordRedline.Versions;

/// <summary>The proof as a Word document a person (or a court) can read: the final version and the clause that
/// excludes AI training with its hash, then every entry of the chain with its hashes, then how to verify it.</summary>
public static class ProofDocument
{
    public static byte[] Write(ProofExport export)
    {
        ArgumentNullException.ThrowIfNull(export);
        var records = export.Chain.Select(Read).ToList();
        var title = export.Contract.Title ?? "Contract";
        var doc = new WordWriter().Title($"Record of versions: {title}");
        var parties = Parties(export.Contract, records.OfType<VersionRecord>().LastOrDefault(r => r.Facts is not null)?.Facts);
        doc.Text($"{parties}Exported by WordRedline on {Stamp(export.ExportedAt)}. The record holds {records.Count(r => r?.Kind == VersionRecord.VersionKind)} " +
                 $"version{(records.Count(r => r?.Kind == VersionRecord.VersionKind) == 1 ? "" : "s")}, each linked to the one before it by its SHA-256 hash, " +
                 "so a change to any recorded version breaks every link after it.");

        if (export.Final is { } final)
        {
            doc.Heading("Final version");
            var finalRecord = records.OfType<VersionRecord>().FirstOrDefault(r => r.Sequence == final.Sequence);
            doc.Text(final.IsSigned
                ? $"Version {final.Sequence}, recorded {Stamp(finalRecord?.RecordedAt)}, is the version marked as signed on {LongDate(final.SignedOn)}."
                : $"Version {final.Sequence}, recorded {Stamp(finalRecord?.RecordedAt)}, is the latest version. No version is marked as signed.");
            doc.Text("SHA-256 fingerprint of the document's text:").Code(final.DocumentSha256);
            if (final.CarveOut is { } clause)
            {
                var name = new ClauseNumber(clause.Number, clause.Heading).Describe() ?? $"paragraph {clause.Paragraph}";
                doc.Heading("The clause that excludes AI training");
                doc.Text($"{Capitalise(name)} of version {final.Sequence} reads:").Quote(clause.Text);
                doc.Text("SHA-256 of the clause's text:").Code(clause.Sha256);
            }
            else
            {
                doc.Heading("The clause that excludes AI training");
                doc.Text($"Version {final.Sequence} has no clause that excludes AI training.");
            }

            if (final.Protections.Count > 0)
            {
                doc.Heading("Protections in the final version");
                foreach (var protection in final.Protections)
                {
                    doc.Bullet(protection.Present
                        ? $"Present: {protection.Title}{(protection.Clause is null ? "" : $" (clause {protection.Clause})")}."
                        : $"Missing: {protection.Title}.");
                }
            }
        }

        doc.Heading("The chain");
        doc.Table(["Entry", "Recorded (UTC)", "What", "Score", "Protections present"], records.Select((record, i) => (IReadOnlyList<string>)
        [
            export.Chain[i].Sequence.ToString(CultureInfo.InvariantCulture),
            Stamp(record?.RecordedAt),
            record is null ? "damaged record" : What(record),
            record?.Analysis is { } analysis ? $"{analysis.Score} ({analysis.Grade})" : "",
            record?.Protections is { } protections ? protections.Count(p => p.Present).ToString(CultureInfo.InvariantCulture) + $" of {protections.Count}" : "",
        ]));
        for (var i = 0; i < export.Chain.Count; i++)
        {
            var entry = export.Chain[i];
            var record = records[i];
            doc.Mixed(($"Entry {entry.Sequence}", true), (record is null ? "" : $": {What(record)}, recorded {Stamp(record.RecordedAt)}{By(record.RecordedBy)}.", false));
            doc.Code($"entry hash     {entry.Hash}");
            doc.Code($"previous hash  {record?.Previous ?? "(none: first entry)"}");
            if (record?.Document is { } document)
            {
                doc.Code($"document       {document.Sha256}");
            }
        }

        doc.Text("Head of the chain (the last entry's hash, which commits to every entry before it):").Code(export.Head ?? "(empty)");

        doc.Heading("How to verify");
        doc.Text("Keep the JSON export beside this document: it holds every record exactly as hashed. With a copy of the signed " +
                 "document (.docx or text), run:");
        doc.Code("wordredline verify proof.json signed.docx");
        doc.Text("It recomputes every hash, checks every link and the head, checks that the document's fingerprint is the final " +
                 "version's, and finds the clause that excludes AI training in the document. Anyone can repeat the computation " +
                 "without WordRedline:");
        doc.Bullet(export.Method.Records);
        doc.Bullet(export.Method.Chain);
        doc.Bullet(export.Method.Document);
        doc.Bullet(export.Method.Clauses);
        return doc.ToBytes();
    }

    private static VersionRecord? Read(ProofEntry entry)
    {
        try
        {
            return entry.Record is { } record ? VersionRecord.Parse(record.GetRawText()) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Parties(ProofContract contract, RecordFacts? facts)
    {
        if (facts is null)
        {
            return "";
        }

        var counterparty = contract.CounterpartyName ?? facts.CounterpartyName;
        var party = contract.PartyName ?? facts.PartyName;
        return counterparty is null || party is null
            ? ""
            : $"Between {counterparty} (the \u201C{facts.Counterparty}\u201D) and {party} (the \u201C{facts.Party}\u201D). ";
    }

    private static string What(VersionRecord record) => record.Kind == VersionRecord.SignedKind
        ? $"version {record.Signs?.Sequence} marked as signed on {LongDate(record.Signs?.SignedOn)}"
        : $"version {record.Sequence}{Source(record.Source)}";

    private static string Source(string? source) => source switch
    {
        "pane" => ", saved in Word",
        "accept-all" => ", saved after Accept all in Word",
        "cli" => ", saved from the command line",
        "api" => ", saved through the API",
        _ => "",
    };

    private static string By(RecordAuthor author) => author.Name is null ? "" : $" by {author.Name}";

    private static string Stamp(string? iso) =>
        iso is not null && DateTimeOffset.TryParse(iso, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? at.UtcDateTime.ToString("d MMMM yyyy, HH:mm 'UTC'", CultureInfo.InvariantCulture)
            : iso ?? "";

    internal static string LongDate(string? isoDate) =>
        isoDate is not null && DateOnly.TryParseExact(isoDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)
            : isoDate ?? "";

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
