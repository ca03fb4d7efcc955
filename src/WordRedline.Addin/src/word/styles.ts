// The engine names paragraph styles the way a .docx does ("Heading1", "ListNumber"). Word's API takes only
// Word.BuiltInStyleName values for styleBuiltIn, and "ListNumber"/"ListBullet" are not among them: Word answers
// InvalidArgument at sync. A numbered or bulleted clause is therefore a ListParagraph in a list the add-in creates.

/** A Word.BuiltInStyleName value, checked by TypeScript against @types/office-js (no cast). */
export type BuiltInStyle = Word.Paragraph["styleBuiltIn"];

/** How one engine style is written: the built-in style, and the kind of list the paragraph belongs to, if any. */
export interface ParagraphFormat {
  readonly builtIn: BuiltInStyle;
  readonly list: "number" | "bullet" | null;
}

const plain = (builtIn: BuiltInStyle): ParagraphFormat => ({ builtIn, list: null });

const FORMATS: ReadonlyMap<string, ParagraphFormat> = new Map([
  ["Normal", plain("Normal")],
  ["Title", plain("Title")],
  ["Subtitle", plain("Subtitle")],
  ["Heading1", plain("Heading1")],
  ["Heading2", plain("Heading2")],
  ["Heading3", plain("Heading3")],
  ["Heading4", plain("Heading4")],
  ["Quote", plain("Quote")],
  ["ListParagraph", plain("ListParagraph")],
  ["ListNumber", { builtIn: "ListParagraph", list: "number" }],
  ["ListBullet", { builtIn: "ListParagraph", list: "bullet" }],
]);

/** The format for an engine style; anything unknown is body text. */
export function formatOf(style: string): ParagraphFormat {
  return FORMATS.get(style) ?? plain("Normal");
}
