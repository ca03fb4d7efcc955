using System.Security.Cryptography;
using System.Text;

namespace WordRedline.Versions;

/// <summary>The words of a contract as the proof fingerprints them. The same document reaches us as Word paragraphs
/// (the pane), as a .docx (the CLI, an upload) or as a text file with one paragraph a line, and those differ only in
/// whitespace and paragraph breaks; so the fingerprint covers the words in order, separated by single spaces.</summary>
public static class DocumentText
{
    /// <summary>Every paragraph joined by one space, whitespace runs (tabs, line and paragraph breaks, no-break and
    /// other Unicode spaces) made one space, invisible formatting characters (zero-width spaces and joiners, soft
    /// hyphens, byte-order marks) removed, and the ends trimmed. No Unicode normalisation: Word and .docx files
    /// hold precomposed text, and an independent verifier needs no Unicode tables.</summary>
    public static string Canonical(IEnumerable<string> paragraphs)
    {
        ArgumentNullException.ThrowIfNull(paragraphs);
        var builder = new StringBuilder();
        var pendingSpace = false;
        foreach (var paragraph in paragraphs)
        {
            pendingSpace |= builder.Length > 0;
            foreach (var c in paragraph ?? "")
            {
                if (IsInvisible(c))
                {
                    continue;
                }

                if (char.IsWhiteSpace(c))
                {
                    pendingSpace |= builder.Length > 0;
                    continue;
                }

                if (pendingSpace)
                {
                    builder.Append(' ');
                    pendingSpace = false;
                }

                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>One clause's text as <see cref="Canonical"/> writes it.</summary>
    public static string Canonical(string paragraph) => Canonical([paragraph]);

    /// <summary>Lower-case hex SHA-256 of the UTF-8 bytes of <paramref name="canonical"/>.</summary>
    public static string Sha256(string canonical) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));

    /// <summary>The document's fingerprint: SHA-256 of its canonical text.</summary>
    public static string Fingerprint(IEnumerable<string> paragraphs) => Sha256(Canonical(paragraphs));

    /// <summary>How many words the canonical text holds (for the record, so a reader sees the document's size).</summary>
    public static int WordCount(string canonical) =>
        canonical.Length == 0 ? 0 : canonical.Count(c => c == ' ') + 1;

    private static bool IsInvisible(char c) => c is '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' or '\u00AD';
}
