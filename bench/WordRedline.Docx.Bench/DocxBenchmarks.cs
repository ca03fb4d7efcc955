using BenchmarkDotNet.Attributes;
using DocumentFormat.OpenXml.Packaging;
using WordRedline.Core;

namespace WordRedline.Docx.Bench;

/// <summary>Analyze + redline of a 100-page contract against the floor any DOM-based edit pays: opening the same
/// file with the SDK, parsing its main part and saving it.</summary>
[MemoryDiagnoser]
public class DocxBenchmarks
{
    private readonly ClauseEngine engine = ClauseEngine.CreateDefault();
    private byte[] contract = [];

    [GlobalSetup]
    public void Setup() => contract = ContractDocx.Build();

    /// <summary>The floor: open, parse the main document part, save.</summary>
    [Benchmark(Baseline = true)]
    public byte[] OpenParseSave()
    {
        using var stream = new MemoryStream();
        stream.Write(contract);
        stream.Position = 0;
        using (var document = WordprocessingDocument.Open(stream, true, new OpenSettings { AutoSave = false }))
        {
            _ = document.MainDocumentPart!.Document.Body;
            document.Save();
        }

        return stream.ToArray();
    }

    /// <summary>Read, analyze with the real engine, write every fix as tracked changes with comments, append the
    /// addendum, save.</summary>
    [Benchmark]
    public byte[] AnalyzeAndRedline() =>
        DocxRedliner.AnalyzeAndRedline(new MemoryStream(contract), engine, new RedlineRequest(Addendum: true)).Docx;

    /// <summary>Just the reader (what POST /api/v1/analyze/docx adds before the engine).</summary>
    [Benchmark]
    public int Read() => DocxReader.Read(new MemoryStream(contract)).Paragraphs.Count;

    public byte[] Contract => contract;

    public ClauseEngine Engine => engine;
}
