using System.Text;
using DocumentFormat.OpenXml.Packaging;
using WordRedline.Docx;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace WordRedline.Versions.Tests;

/// <summary>A real contract: the Common Paper Independent Contractor Agreement (CC BY 4.0, see
/// tests/WordRedline.Docx.Tests/Templates/NOTICE.md),
/// with its cover page filled in for a freelance illustrator and its instructions page removed, read back as Word
/// paragraphs by the .docx reader.</summary>
internal static class RealContract
{
    public static readonly IReadOnlyDictionary<string, string> CoverPage = new Dictionary<string, string>
    {
        ["{contractor_name_and_address}"] = "Rosa Alvarez, 18 Canal Street, Portland, OR 97209",
        ["{company_name_and_address}"] = "Northwind Outdoor Co., 500 Pine Avenue, Seattle, WA 98101",
        ["{services_description}"] = "Original illustrations and lettering for the 2026 Northwind catalogue and its online store",
        ["{timeline}"] = "From March 2, 2026 to June 30, 2026",
        ["{rates_and_fees}"] = "$9,500 for the illustrations, payable in two instalments",
        ["{payment_terms}"] = "Net 30 days from each invoice",
        ["{governing_law}"] = "Washington",
        ["{jurisdiction}"] = "King County, Washington",
        ["{company_signatory_name}"] = "Dana Whitfield",
        ["{company_signatory_title_display}"] = "Creative Director",
        ["{company_signatory_email}"] = "dana.whitfield@northwind.example",
        ["{contractor_signatory_name}"] = "Rosa Alvarez",
        ["{contractor_signatory_title_display}"] = "Illustrator",
        ["{contractor_signatory_email}"] = "rosa@alvarez.example",
    };

    public static IReadOnlyList<string> Paragraphs()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Templates", "common-paper-independent-contractor-agreement.docx");
        using var stream = new MemoryStream();
        stream.Write(File.ReadAllBytes(path));
        using (var document = WordprocessingDocument.Open(stream, true))
        {
            var main = document.MainDocumentPart!;
            string xml;
            using (var reader = new StreamReader(main.GetStream(), Encoding.UTF8))
            {
                xml = reader.ReadToEnd();
            }

            foreach (var (field, value) in CoverPage)
            {
                xml = xml.Replace(field, System.Security.SecurityElement.Escape(value), StringComparison.Ordinal);
            }

            using (var writer = new StreamWriter(main.GetStream(FileMode.Create), new UTF8Encoding(false)))
            {
                writer.Write(xml);
            }
        }

        using (var document = WordprocessingDocument.Open(stream, true))
        {
            // "Remove this first page": everything before the agreement's title.
            var body = document.MainDocumentPart!.Document!.Body!;
            var title = body.Elements<W.Paragraph>().First(p => p.InnerText.Trim() == "Independent Contractor Agreement");
            foreach (var element in body.ChildElements.TakeWhile(e => e != title).ToList())
            {
                element.Remove();
            }
        }

        stream.Position = 0;
        return DocxReader.Read(stream).ToAnalyzeRequest().Paragraphs.Select(p => p.Text).Where(t => t.Trim().Length > 0).ToList();
    }
}
