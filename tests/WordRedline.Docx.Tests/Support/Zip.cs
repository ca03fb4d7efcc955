using System.IO.Compression;
using System.Text;

namespace WordRedline.Docx.Tests;

/// <summary>Builds and rewrites ZIP packages for hostile-input and fuzz cases.</summary>
internal static class Zip
{
    public static byte[] Create(IEnumerable<(string Name, byte[] Content)> entries)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var entry = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
                entry.Write(content);
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
