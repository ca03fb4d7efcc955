using System.Diagnostics;

namespace WordRedline.Docx.Tests;

/// <summary>Runs the independent readers (pandoc, LibreOffice). They are required: a missing tool fails the test
/// with the install command, unless WORDREDLINE_SKIP_EXTERNAL=1 marks the run as one without them.</summary>
internal static class ExternalTools
{
    public const string Install =
        "apt-get install -y --no-install-recommends pandoc libreoffice-writer python3-uno";

    public static bool Skipped => Environment.GetEnvironmentVariable("WORDREDLINE_SKIP_EXTERNAL") == "1";

    /// <summary>Returns false (test should end as inconclusive) when external tools are skipped; fails when the tool
    /// is missing.</summary>
    public static bool Require(string path)
    {
        if (Skipped)
        {
            return false;
        }

        if (!File.Exists(path))
        {
            Assert.Fail($"{path} is missing. Install it ({Install}) or set WORDREDLINE_SKIP_EXTERNAL=1 to skip the independent-reader checks.");
        }

        return true;
    }

    public static string Run(string fileName, IEnumerable<string> arguments, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{fileName} did not finish within {timeout.TotalSeconds} s.");
        }

        if (process.ExitCode != 0)
        {
            Assert.Fail($"{fileName} exited with {process.ExitCode}: {error.Result}");
        }

        return output.Result;
    }
}
