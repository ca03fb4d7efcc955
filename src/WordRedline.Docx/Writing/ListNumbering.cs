using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace WordRedline.Docx;

/// <summary>Numbering instances of the writer's own, one per kind of list and per group of new paragraphs, so that
/// a numbered new clause starts at 1 and never continues (or renumbers) the document's own lists.</summary>
internal sealed class ListNumbering(MainDocumentPart main)
{
    private readonly Dictionary<bool, int> instances = [];

    /// <summary>The <c>w:numId</c> of this group's decimal list ("1.", "2.") or bullet list, created on first use.</summary>
    public int For(bool bullet)
    {
        if (instances.TryGetValue(bullet, out var existing))
        {
            return existing;
        }

        var part = main.NumberingDefinitionsPart ?? NewPart.Add<NumberingDefinitionsPart>(main);
        var numbering = part.Numbering ??= new W.Numbering();
        var abstractId = numbering.Elements<W.AbstractNum>().Select(a => Number(a.AbstractNumberId)).DefaultIfEmpty(-1).Max() + 1;
        var numId = numbering.Elements<W.NumberingInstance>().Select(n => Number(n.NumberID)).DefaultIfEmpty(0).Max() + 1;

        // The indentation lives in the level, as Word's own list styles do, so the paragraph needs none.
        var level = new W.Level(
            new W.StartNumberingValue { Val = 1 },
            new W.NumberingFormat { Val = bullet ? W.NumberFormatValues.Bullet : W.NumberFormatValues.Decimal },
            new W.LevelText { Val = bullet ? "\u2022" : "%1." },
            new W.LevelJustification { Val = W.LevelJustificationValues.Left },
            new W.PreviousParagraphProperties(new W.Indentation { Left = "720", Hanging = "360" }))
        { LevelIndex = 0 };
        var definition = new W.AbstractNum(new W.MultiLevelType { Val = W.MultiLevelValues.SingleLevel }, level)
        {
            AbstractNumberId = abstractId,
        };

        // Schema order: picture bullets, then every w:abstractNum, then the w:num instances.
        if (numbering.Elements<W.AbstractNum>().LastOrDefault() is { } lastAbstract)
        {
            lastAbstract.InsertAfterSelf(definition);
        }
        else if (numbering.Elements<W.NumberingPictureBullet>().LastOrDefault() is { } pictureBullet)
        {
            pictureBullet.InsertAfterSelf(definition);
        }
        else if (numbering.GetFirstChild<W.NumberingInstance>() is { } firstInstance)
        {
            firstInstance.InsertBeforeSelf(definition);
        }
        else
        {
            numbering.PrependChild(definition);
        }

        var instance = new W.NumberingInstance(new W.AbstractNumId { Val = abstractId }) { NumberID = numId };
        if (numbering.Elements<W.NumberingInstance>().LastOrDefault() is { } lastInstance)
        {
            lastInstance.InsertAfterSelf(instance);
        }
        else
        {
            definition.InsertAfterSelf(instance);
        }

        instances[bullet] = numId;
        return numId;
    }

    // The input's values are read as text: a typed .Value throws on a malformed attribute.
    private static int Number(DocumentFormat.OpenXml.Int32Value? value) =>
        int.TryParse(value?.InnerText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? Math.Clamp(n, 0, int.MaxValue - 1) : 0;
}
