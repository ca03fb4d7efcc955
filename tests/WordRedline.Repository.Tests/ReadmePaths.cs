using System.Text.RegularExpressions;

namespace WordRedline.Repository.Tests;

/// <summary>The repository paths a README names: in its text (anything starting with a top-level folder, such as
/// <c>src/WordRedline.Api/Program.cs</c>), and in its layout map, a fenced tree whose indented lines name children of
/// the folder above them.</summary>
internal static partial class ReadmePaths
{
    // Build output the README describes but no checkout holds until something is built or run.
    private static readonly HashSet<string> BuiltOnly = ["dist", "artifacts", "node_modules", "bin", "obj"];

    [GeneratedRegex(@"(?<![\w/.-])(?:src|tests|bench|docs|addin-manifest|samples|\.ci)/[^\s`'""()\[\]<>,;|]*")]
    private static partial Regex RepoPath();

    [GeneratedRegex(@"\{([^{}]*)\}")]
    private static partial Regex Braces();

    /// <summary>Every repository path named in the text, as written (a link's #anchor and a trailing full stop or
    /// colon dropped).</summary>
    public static IEnumerable<string> InText(string markdown) =>
        RepoPath().Matches(markdown).Select(m => m.Value.Split('#')[0].TrimEnd('.', ':')).Distinct(StringComparer.Ordinal);

    /// <summary>The full paths the layout map under <paramref name="heading"/> names. Each line is a name (or several,
    /// one space apart), then two or more spaces and a description; two spaces of indent make a line a child of the
    /// last single-folder line above it.</summary>
    public static IEnumerable<string> InLayoutMap(string markdown, string heading)
    {
        var lines = markdown.Split('\n');
        var at = Array.FindIndex(lines, l => l.TrimEnd() == heading);
        var open = Array.FindIndex(lines, Math.Max(at, 0), l => l.StartsWith("```", StringComparison.Ordinal));
        if (at < 0 || open < 0)
        {
            yield break;
        }

        var folders = new List<string> { "" };
        foreach (var line in lines.Skip(open + 1).TakeWhile(l => !l.StartsWith("```", StringComparison.Ordinal)))
        {
            var depth = (line.Length - line.TrimStart(' ').Length) / 2;
            var names = line.Trim().Split("  ", 2)[0].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var parent = folders[Math.Min(depth, folders.Count - 1)];
            foreach (var name in names)
            {
                yield return parent + name;
            }

            if (names.Length == 1 && names[0].EndsWith('/'))
            {
                folders.RemoveRange(depth + 1, folders.Count - depth - 1);
                folders.Add(parent + names[0]);
            }
        }
    }

    /// <summary>The text without the fenced block under <paramref name="heading"/> (its indented names are not
    /// paths from the root).</summary>
    public static string WithoutLayoutMap(string markdown, string heading)
    {
        var at = markdown.IndexOf(heading + "\n", StringComparison.Ordinal);
        var open = at < 0 ? -1 : markdown.IndexOf("```", at, StringComparison.Ordinal);
        var close = open < 0 ? -1 : markdown.IndexOf("```", open + 3, StringComparison.Ordinal);
        return close < 0 ? markdown : markdown[..open] + markdown[(close + 3)..];
    }

    /// <summary>True when the path is in the checkout (a file or folder); with braces, every expansion must be; a
    /// <c>*</c> must match some path; build output always passes.</summary>
    public static bool Exists(string path, IReadOnlyCollection<string> allPaths)
    {
        var trimmed = path.TrimEnd('/');
        if (trimmed.Split('/').Any(BuiltOnly.Contains))
        {
            return true;
        }

        if (Braces().Match(trimmed) is { Success: true } braces)
        {
            return braces.Groups[1].Value.Split(',')
                .All(choice => Exists(trimmed[..braces.Index] + choice + trimmed[(braces.Index + braces.Length)..], allPaths));
        }

        if (!trimmed.Contains('*', StringComparison.Ordinal))
        {
            return allPaths.Contains(trimmed);
        }

        var glob = new Regex("^" + Regex.Escape(trimmed).Replace(@"\*", "[^/]*", StringComparison.Ordinal) + "$",
            RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        return allPaths.Any(glob.IsMatch);
    }
}
