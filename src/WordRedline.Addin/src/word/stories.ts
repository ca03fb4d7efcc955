import { hashText, readableText } from "./searchText";
import type { Capabilities, DocParagraph, HeaderFooterType, Place } from "./types";

// Headers, footers, footnotes and endnotes: reading their paragraphs and finding them again by id.
// A body paragraph's id is its uniqueLocalId (or p<index>); any other paragraph's id says where it lives, so a finding
// in a footer is never taken for the same words in the body, and a later scan gives the same id to the same place:
//   header:s2:FirstPage:p0   paragraph 0 of section 2's first-page header (Section.getHeader, WordApi 1.1)
//   footer:s1:Primary:p1
//   footnote:3:p0            paragraph 0 of the third footnote (Body.footnotes, WordApi 1.5)
//   endnote:1:p0
// Office.js cannot tell whether a section's header is linked to the previous one ("Same as Previous"): a linked
// header read through a later section gives the same paragraphs again. A header or footer whose text equals one read
// before is therefore scanned once, under its first place; the later places become its paragraphs' copies, and a fix
// goes into each copy that still holds the scanned text (copies.ts), which skips a linked one by itself.

export const HEADER_FOOTER_TYPES: readonly HeaderFooterType[] = ["Primary", "FirstPage", "EvenPages"];

type HeaderFooterPart = { readonly story: "header" | "footer"; readonly section: number; readonly type: HeaderFooterType };
type NotePart = { readonly story: "footnote" | "endnote"; readonly note: number };
/** One story: a section's header or footer, or a note. */
type StoryPart = HeaderFooterPart | NotePart;
/** One paragraph of a story. */
type StoryRef = StoryPart & { readonly index: number };

const isHeaderFooter = (part: StoryPart): part is HeaderFooterPart => part.story === "header" || part.story === "footer";
const isNote = (place: Place): place is Extract<Place, { story: "footnote" | "endnote" }> => place.story === "footnote" || place.story === "endnote";

const ID = /^(?:(header|footer):s(\d+):(Primary|FirstPage|EvenPages)|(footnote|endnote):(\d+)):p(\d+)$/;

/** Where a story paragraph's id says it lives; null for a body paragraph. */
export function storyRef(id: string): StoryRef | null {
  const m = ID.exec(id);
  if (!m) return null;
  const index = Number(m[6]);
  return m[1]
    ? { story: m[1] as "header" | "footer", section: Number(m[2]), type: m[3] as HeaderFooterType, index }
    : { story: m[4] as "footnote" | "endnote", note: Number(m[5]), index };
}

/** True for a header or footer paragraph, where Word allows no comments. */
export const inHeaderOrFooter = (id: string): boolean => {
  const ref = storyRef(id);
  return ref !== null && isHeaderFooter(ref);
};

const storyKey = (part: StoryPart): string => (isHeaderFooter(part) ? `${part.story}:s${part.section}:${part.type}` : `${part.story}:${part.note}`);

/** What the pane calls a place: "Footer", "First-page header", "Footnote 3"; the sections unless it is the first only. */
export function placeLabel(place: Place): string {
  if (isNote(place)) return `${place.story === "footnote" ? "Footnote" : "Endnote"} ${place.note}`;
  const kind = place.type === "FirstPage" ? `First-page ${place.story}` : place.type === "EvenPages" ? `Even-page ${place.story}` : place.story === "header" ? "Header" : "Footer";
  const [first, ...more] = place.sections;
  if (first === 1 && more.length === 0) return kind;
  return `${kind}, section${more.length > 0 ? "s" : ""} ${place.sections.join(", ")}`;
}

/** The place label of one story paragraph's id ("Footer, section 2", "Footnote 3"); null for a body paragraph. */
export function placeOfId(id: string): string | null {
  const ref = storyRef(id);
  if (!ref) return null;
  return placeLabel(isHeaderFooter(ref) ? { story: ref.story, type: ref.type, sections: [ref.section] } : { story: ref.story, note: ref.note });
}

/** What a read of the stories gives: their paragraphs, the number of sections, and what could not be read. */
export interface StoryRead {
  readonly paragraphs: DocParagraph[];
  readonly sections: number;
  readonly unread: string[];
}

interface QueuedStory {
  readonly ref: StoryPart;
  readonly paragraphs: Word.ParagraphCollection;
}

/**
 * Every header, footer and (WordApi 1.5) note paragraph with text. Reading a first-page or even-page header can fail
 * on some documents (office-js-docs-reference #1202), and one failed command fails the whole sync, so a failed read
 * is tried again with less, and what was left out is reported.
 */
export async function readStories(caps: Capabilities): Promise<StoryRead> {
  const unread = caps.notes ? [] : ["footnotes and endnotes (this version of Word cannot show them to add-ins)"];
  const attempts: { types: readonly HeaderFooterType[]; notes: boolean; missing: string[] }[] = [
    { types: HEADER_FOOTER_TYPES, notes: caps.notes, missing: [] },
    { types: ["Primary"], notes: caps.notes, missing: ["first-page and even-page headers and footers (Word could not read them)"] },
    { types: [], notes: caps.notes, missing: ["headers and footers (Word could not read them)"] },
  ];
  let lastError: unknown = null;
  for (const attempt of attempts) {
    try {
      const read = await readWith(caps, attempt.types, attempt.notes);
      return { ...read, unread: [...unread, ...attempt.missing] };
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError;
}

async function readWith(caps: Capabilities, types: readonly HeaderFooterType[], notes: boolean): Promise<Omit<StoryRead, "unread">> {
  return Word.run(async (context) => {
    const sections = context.document.sections.load("$none");
    const body = context.document.body;
    const noteLists = notes ? { footnote: body.footnotes.load("$none"), endnote: body.endnotes.load("$none") } : null;
    await context.sync();
    const queued: QueuedStory[] = [];
    sections.items.forEach((section, s) => {
      for (const story of ["header", "footer"] as const) {
        for (const type of types) {
          const part = story === "header" ? section.getHeader(type) : section.getFooter(type);
          queued.push({ ref: { story, section: s + 1, type }, paragraphs: part.paragraphs.load("text") });
        }
      }
    });
    if (noteLists) {
      for (const story of ["footnote", "endnote"] as const) {
        noteLists[story].items.forEach((note, n) => queued.push({ ref: { story, note: n + 1 }, paragraphs: note.body.paragraphs.load("text") }));
      }
    }
    if (queued.length === 0) return { paragraphs: [], sections: sections.items.length };
    await context.sync();
    // Paragraph text shows tracked deletions on the web (office-js #1267): read the accepted text where Word can. It
    // is never longer than the raw text, so empty paragraphs (most headers of most contracts) need no second read.
    // A note's first paragraph starts with the note's reference mark on Word for Windows; readableText drops it.
    const reviewed = queued.map((q) => q.paragraphs.items.map((p) => (caps.trackedChanges && p.text !== "" ? p.getReviewedText("Current") : null)));
    if (reviewed.some((r) => r.some((t) => t !== null))) await context.sync();
    const texts = queued.map((q, i) => q.paragraphs.items.map((p, k) => readableText(reviewed[i]?.[k]?.value ?? p.text)));
    return { paragraphs: storyParagraphs(queued.map((q) => q.ref), texts), sections: sections.items.length };
  });
}

/** The paragraphs with text; a header or footer identical to one before it is kept once, with copies. */
function storyParagraphs(refs: readonly StoryPart[], texts: readonly (readonly string[])[]): DocParagraph[] {
  const firstOf = new Map<string, number>();
  const members = new Map<number, number[]>();
  refs.forEach((ref, i) => {
    const lines = texts[i] ?? [];
    if (lines.every((t) => t.trim() === "") || !isHeaderFooter(ref)) return;
    const same = `${ref.story}\u0000${lines.join("\r")}`;
    const first = firstOf.get(same);
    if (first === undefined) firstOf.set(same, i);
    else members.set(first, [...(members.get(first) ?? []), i]);
  });
  const copyOf = new Set([...members.values()].flat());
  const out: DocParagraph[] = [];
  refs.forEach((ref, i) => {
    if (copyOf.has(i)) return;
    const copies = (members.get(i) ?? []).map((m) => refs[m]).filter((c): c is HeaderFooterPart => c !== undefined && isHeaderFooter(c));
    const place: Place = isHeaderFooter(ref)
      ? { story: ref.story, type: ref.type, sections: [ref.section, ...copies.map((c) => c.section)] }
      : { story: ref.story, note: ref.note };
    (texts[i] ?? []).forEach((text, k) => {
      if (text.trim() === "") return;
      const id = `${storyKey(ref)}:p${k}`;
      const copyIds = copies.map((c) => `${storyKey(c)}:p${k}`);
      out.push({ id, text, hash: hashText(text), place, ...(copyIds.length > 0 ? { copies: copyIds } : {}) });
    });
  });
  return out;
}

/**
 * Queues what finding story paragraphs by id needs; `resolve()` after the next sync queues the stories' paragraph
 * lists, syncs once more and gives the paragraphs that still exist.
 */
export function queueStoryLookup(caps: Capabilities, context: Word.RequestContext, ids: readonly string[]): { resolve(): Promise<Map<string, Word.Paragraph>> } {
  const refs = ids.map((id) => [id, storyRef(id)] as const).filter((e): e is readonly [string, StoryRef] => e[1] !== null)
    .filter(([, ref]) => caps.notes || isHeaderFooter(ref));
  const body = context.document.body;
  const needs = (s: StoryRef["story"]) => refs.some(([, r]) => r.story === s);
  const sections = needs("header") || needs("footer") ? context.document.sections.load("$none") : null;
  const footnotes = needs("footnote") ? body.footnotes.load("$none") : null;
  const endnotes = needs("endnote") ? body.endnotes.load("$none") : null;
  return {
    async resolve() {
      const lists = new Map<string, Word.ParagraphCollection>();
      for (const [, ref] of refs) {
        const key = storyKey(ref);
        if (lists.has(key)) continue;
        const part = isHeaderFooter(ref) ? partOf(sections?.items[ref.section - 1], ref) : (ref.story === "footnote" ? footnotes : endnotes)?.items[ref.note - 1]?.body;
        if (part) lists.set(key, part.paragraphs.load("$none"));
      }
      if (lists.size > 0) await context.sync();
      const found = new Map<string, Word.Paragraph>();
      for (const [id, ref] of refs) {
        const paragraph = lists.get(storyKey(ref))?.items[ref.index];
        if (paragraph) found.set(id, paragraph);
      }
      return found;
    },
  };
}

const partOf = (section: Word.Section | undefined, ref: HeaderFooterPart): Word.Body | undefined =>
  section && (ref.story === "header" ? section.getHeader(ref.type) : section.getFooter(ref.type));
