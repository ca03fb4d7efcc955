using DocumentFormat.OpenXml.Packaging;

namespace WordRedline.Docx;

/// <summary>Adds a part the writer needs (comments, settings, numbering) under the first free <c>rIdN</c>: the
/// SDK's default relationship ids are random, and the same input must give the same package.</summary>
internal static class NewPart
{
    public static T Add<T>(MainDocumentPart main)
        where T : OpenXmlPart, IFixedContentTypePart
    {
        var used = main.Parts.Select(p => p.RelationshipId)
            .Concat(main.ExternalRelationships.Select(r => r.Id))
            .Concat(main.HyperlinkRelationships.Select(r => r.Id))
            .Concat(main.DataPartReferenceRelationships.Select(r => r.Id))
            .ToHashSet(StringComparer.Ordinal);
        var n = 1;
        while (used.Contains($"rId{n}"))
        {
            n++;
        }

        return main.AddNewPart<T>($"rId{n}");
    }
}
