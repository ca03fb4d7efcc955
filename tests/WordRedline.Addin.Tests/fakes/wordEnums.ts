// The Word enums the fake enforces, copied from @types/office-js (word.d.ts). A test (wordEnums.test.ts) reads
// the installed @types/office-js and fails if these lists drift from it, so the fake refuses exactly what the typed
// API refuses: real Word answers an unknown value with InvalidArgument at context.sync().

/** Word.BuiltInStyleName values: the only names `Paragraph.styleBuiltIn` accepts (WordApi 1.3). */
export const BUILT_IN_STYLE_NAMES: readonly string[] = [
  "Other", "Normal", "Heading1", "Heading2", "Heading3", "Heading4", "Heading5", "Heading6", "Heading7", "Heading8",
  "Heading9", "Toc1", "Toc2", "Toc3", "Toc4", "Toc5", "Toc6", "Toc7", "Toc8", "Toc9", "FootnoteText", "Header",
  "Footer", "Caption", "FootnoteReference", "EndnoteReference", "EndnoteText", "Title", "Subtitle", "Hyperlink",
  "Strong", "Emphasis", "NoSpacing", "ListParagraph", "Quote", "IntenseQuote", "SubtleEmphasis", "IntenseEmphasis",
  "SubtleReference", "IntenseReference", "BookTitle", "Bibliography", "TocHeading", "TableGrid", "PlainTable1",
  "PlainTable2", "PlainTable3", "PlainTable4", "PlainTable5", "TableGridLight", "GridTable1Light",
  "GridTable1Light_Accent1", "GridTable1Light_Accent2", "GridTable1Light_Accent3", "GridTable1Light_Accent4",
  "GridTable1Light_Accent5", "GridTable1Light_Accent6", "GridTable2", "GridTable2_Accent1", "GridTable2_Accent2",
  "GridTable2_Accent3", "GridTable2_Accent4", "GridTable2_Accent5", "GridTable2_Accent6", "GridTable3",
  "GridTable3_Accent1", "GridTable3_Accent2", "GridTable3_Accent3", "GridTable3_Accent4", "GridTable3_Accent5",
  "GridTable3_Accent6", "GridTable4", "GridTable4_Accent1", "GridTable4_Accent2", "GridTable4_Accent3",
  "GridTable4_Accent4", "GridTable4_Accent5", "GridTable4_Accent6", "GridTable5Dark", "GridTable5Dark_Accent1",
  "GridTable5Dark_Accent2", "GridTable5Dark_Accent3", "GridTable5Dark_Accent4", "GridTable5Dark_Accent5",
  "GridTable5Dark_Accent6", "GridTable6Colorful", "GridTable6Colorful_Accent1", "GridTable6Colorful_Accent2",
  "GridTable6Colorful_Accent3", "GridTable6Colorful_Accent4", "GridTable6Colorful_Accent5",
  "GridTable6Colorful_Accent6", "GridTable7Colorful", "GridTable7Colorful_Accent1", "GridTable7Colorful_Accent2",
  "GridTable7Colorful_Accent3", "GridTable7Colorful_Accent4", "GridTable7Colorful_Accent5",
  "GridTable7Colorful_Accent6", "ListTable1Light", "ListTable1Light_Accent1", "ListTable1Light_Accent2",
  "ListTable1Light_Accent3", "ListTable1Light_Accent4", "ListTable1Light_Accent5", "ListTable1Light_Accent6",
  "ListTable2", "ListTable2_Accent1", "ListTable2_Accent2", "ListTable2_Accent3", "ListTable2_Accent4",
  "ListTable2_Accent5", "ListTable2_Accent6", "ListTable3", "ListTable3_Accent1", "ListTable3_Accent2",
  "ListTable3_Accent3", "ListTable3_Accent4", "ListTable3_Accent5", "ListTable3_Accent6", "ListTable4",
  "ListTable4_Accent1", "ListTable4_Accent2", "ListTable4_Accent3", "ListTable4_Accent4", "ListTable4_Accent5",
  "ListTable4_Accent6", "ListTable5Dark", "ListTable5Dark_Accent1", "ListTable5Dark_Accent2",
  "ListTable5Dark_Accent3", "ListTable5Dark_Accent4", "ListTable5Dark_Accent5", "ListTable5Dark_Accent6",
  "ListTable6Colorful", "ListTable6Colorful_Accent1", "ListTable6Colorful_Accent2", "ListTable6Colorful_Accent3",
  "ListTable6Colorful_Accent4", "ListTable6Colorful_Accent5", "ListTable6Colorful_Accent6", "ListTable7Colorful",
  "ListTable7Colorful_Accent1", "ListTable7Colorful_Accent2", "ListTable7Colorful_Accent3",
  "ListTable7Colorful_Accent4", "ListTable7Colorful_Accent5", "ListTable7Colorful_Accent6",
];

/** Word.ListNumbering values (List.setLevelNumbering, WordApi 1.3). */
export const LIST_NUMBERING: readonly string[] = ["None", "Arabic", "UpperRoman", "LowerRoman", "UpperLetter", "LowerLetter"];

/** Word.ListBullet values (List.setLevelBullet, WordApi 1.3). */
export const LIST_BULLET: readonly string[] = ["Custom", "Solid", "Hollow", "Square", "Diamonds", "Arrow", "Checkmark"];

/** An enum object as Office.js exposes it at run time (`Word.BuiltInStyleName.heading1 === "Heading1"`). */
export function enumObject(values: readonly string[]): Readonly<Record<string, string>> {
  return Object.fromEntries(values.map((v) => [v.charAt(0).toLowerCase() + v.slice(1), v]));
}
