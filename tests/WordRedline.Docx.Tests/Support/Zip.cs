using System.IO.Compression;
using System.Text;

namespace WordRedline.Docx.Tests;

/// <summary>Builds and rewrites ZIP packages for hostile-input and fuzz cases.</summary>
internal static class Zip
{
    private static readonly DateTimeOffset FixedTime = new(2025, 1, 2, 3, 4, 6, TimeSpan.Zero);

    /// <summary>The same package with the SDK's random relationship ids ("R0123456789abcdef") renamed in order of
    /// appearance and fixed entry times, so that a package built in code has the same bytes on every run.</summary>
    public static byte[] Normalize(byte[] docx)
    {
        var entries = Entries(docx);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var id = new System.Text.RegularExpressions.Regex("\\bR[0-9a-f]{16}\\b");
        return Create(entries.Select(e =>
        {
            if (!e.Name.EndsWith(".xml", StringComparison.Ordinal) && !e.Name.EndsWith(".rels", StringComparison.Ordinal))
            {
                return e;
            }

            var text = id.Replace(Encoding.UTF8.GetString(e.Content), m =>
            {
                if (!names.TryGetValue(m.Value, out var name))
                {
                    name = $"rIdN{names.Count + 1}";
                    names[m.Value] = name;
                }

                return name;
            });
            return (e.Name, Encoding.UTF8.GetBytes(text));
        }));
    }

    public static byte[] Create(IEnumerable<(string Name, byte[] Content)> entries)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                var entry = zip.CreateEntry(name, CompressionLevel.Fastest);
                entry.LastWriteTime = FixedTime;
                using var target = entry.Open();
                target.Write(content);
            }
        }

        return stream.ToArray();
    }

    public static List<(string Name, byte[] Content)> Entries(byte[] docx)
    {
        using var zip = new ZipArchive(new MemoryStream(docx));
        return [.. zip.Entries.Select(e =>
        {
            using var content = new MemoryStream();
            using (var source = e.Open())
            {
                source.CopyTo(content);
            }

            return (e.FullName, content.ToArray());
        })];
    }

    /// <summary>The package with one entry's content replaced (or removed when <paramref name="replace"/> gives null).</summary>
    public static byte[] Replace(byte[] docx, string name, Func<string, string?> replace) =>
        Create(Entries(docx).Select(e => e.Name == name
                ? (e.Name, replace(Encoding.UTF8.GetString(e.Content)) is { } text ? Encoding.UTF8.GetBytes(text) : null)
                : (e.Name, (byte[]?)e.Content))
            .Where(e => e.Item2 is not null).Select(e => (e.Name, e.Item2!)));
}
