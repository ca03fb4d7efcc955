namespace WordRedline.Versions;

/// <summary>What changed in the AI-related rights between two versions, from their records alone (no text needed).</summary>
internal static class VersionDiff
{
    public static ProtectionDiff Between(VersionView from, VersionView to)
    {
        var before = (from.Record.Protections ?? []).ToDictionary(p => p.Key);
        var after = (to.Record.Protections ?? []).ToDictionary(p => p.Key);
        var keys = after.Keys.Concat(before.Keys).Distinct().ToList();
        RecordProtection Latest(string key) => after.TryGetValue(key, out var p) ? p : before[key];
        bool Present(Dictionary<string, RecordProtection> side, string key) => side.TryGetValue(key, out var p) && p.Present;

        List<ProtectionChange> Select(Func<string, bool> predicate, bool useBefore = false) => keys.Where(predicate)
            .Select(key => useBefore ? before[key] : Latest(key))
            .Select(p => new ProtectionChange(p.Key, p.Title, p.Clause))
            .ToList();

        return new ProtectionDiff
        {
            From = from.Sequence,
            To = to.Sequence,
            Added = Select(key => !Present(before, key) && Present(after, key)),
            Removed = Select(key => Present(before, key) && !Present(after, key), useBefore: true),
            Kept = Select(key => Present(before, key) && Present(after, key)),
            StillMissing = Select(key => !Present(before, key) && !Present(after, key)),
            ScoreFrom = from.Record.Analysis?.Score ?? 0,
            ScoreTo = to.Record.Analysis?.Score ?? 0,
            GradeFrom = from.Record.Analysis?.Grade ?? "",
            GradeTo = to.Record.Analysis?.Grade ?? "",
            SameDocument = from.Record.Document?.Sha256 == to.Record.Document?.Sha256,
        };
    }
}
