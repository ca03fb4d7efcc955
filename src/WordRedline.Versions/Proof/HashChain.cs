using System.Text.Json;

namespace WordRedline.Versions;

/// <summary>One stored link: the record's canonical JSON and the hash recorded with it.</summary>
public sealed record ChainLink(int Sequence, string Record, string Hash);

/// <summary>What is wrong with one entry of a chain, naming it as a person would ("version 2").</summary>
public sealed record ChainProblem(int Sequence, string Entry, string Message)
{
    public override string ToString() => $"{Entry}: {Message}";
}

/// <summary>The hash chain. An entry's hash is the lower-case hex SHA-256 of the UTF-8 bytes of its record's canonical
/// JSON (RFC 8785); each record quotes the previous entry's hash, so changing any byte of any recorded entry changes
/// its hash and breaks the link to it.</summary>
public static class HashChain
{
    public static string Hash(string canonicalRecord) => DocumentText.Sha256(canonicalRecord);

    /// <summary>Checks every link in order and returns every problem found (empty when the chain is intact).</summary>
    public static IReadOnlyList<ChainProblem> Verify(Guid contract, IReadOnlyList<ChainLink> links)
    {
        ArgumentNullException.ThrowIfNull(links);
        var problems = new List<ChainProblem>();
        var hashes = new Dictionary<int, (string Hash, string Kind)>();
        string? previous = null;
        for (var i = 0; i < links.Count; i++)
        {
            var link = links[i];
            var expectedSequence = i + 1;
            VersionRecord record;
            string canonical;
            try
            {
                using var document = JsonDocument.Parse(link.Record);
                canonical = CanonicalJson.Serialize(document.RootElement);
                record = VersionRecord.Parse(link.Record);
            }
            catch (Exception e) when (e is JsonException or FormatException or NotSupportedException)
            {
                problems.Add(new ChainProblem(link.Sequence, $"version {link.Sequence}", "the record is not readable JSON of the version-record schema, so it was altered after it was recorded."));
                previous = link.Hash;
                continue;
            }

            var name = record.Name;
            var computed = Hash(canonical);
            if (!string.Equals(computed, link.Hash, StringComparison.Ordinal))
            {
                problems.Add(new ChainProblem(link.Sequence, name,
                    $"the record does not match its recorded hash (recorded {link.Hash}, the record's content hashes to {computed}), so it was altered after it was recorded."));
            }

            if (record.Schema != VersionRecord.CurrentSchema)
            {
                problems.Add(new ChainProblem(link.Sequence, name, $"unknown record schema '{record.Schema}'."));
            }

            if (record.Sequence != expectedSequence || link.Sequence != expectedSequence)
            {
                problems.Add(new ChainProblem(link.Sequence, name,
                    $"is entry {expectedSequence} of the chain but its record says {record.Sequence}: an entry was removed, added or reordered."));
            }

            if (record.Contract != contract)
            {
                problems.Add(new ChainProblem(link.Sequence, name, $"belongs to contract {record.Contract}, not {contract}."));
            }

            if (!string.Equals(record.Previous, previous, StringComparison.Ordinal))
            {
                problems.Add(new ChainProblem(link.Sequence, name, previous is null
                    ? "is the first entry but names a previous hash: entries before it are missing."
                    : $"does not follow from entry {expectedSequence - 1}: it names the previous hash {record.Previous ?? "(none)"}, but entry {expectedSequence - 1} hashes to {previous}. Entry {expectedSequence - 1} or this link was changed."));
            }

            if (record.Kind == VersionRecord.SignedKind)
            {
                if (record.Signs is null || !hashes.TryGetValue(record.Signs.Sequence, out var signed) || signed.Kind != VersionRecord.VersionKind
                    || !string.Equals(signed.Hash, record.Signs.Hash, StringComparison.Ordinal))
                {
                    problems.Add(new ChainProblem(link.Sequence, name, "does not name the hash of an earlier version of this chain."));
                }
            }
            else if (record.Kind != VersionRecord.VersionKind)
            {
                problems.Add(new ChainProblem(link.Sequence, name, $"unknown entry kind '{record.Kind}'."));
            }

            hashes[expectedSequence] = (link.Hash, record.Kind);
            previous = link.Hash;
        }

        return problems;
    }
}
