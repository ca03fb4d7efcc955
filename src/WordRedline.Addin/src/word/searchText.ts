// Pure helpers that turn "this span of a paragraph" into something Word's search() can find.
// Word has no offset-based range API (docs/office-js.md §Search), so a span is found by searching for its text and
// taking the k-th hit, where k is counted here the same way Word counts: left to right, matches not overlapping.

/** Word rejects search strings longer than this (word.d.ts: "Can be a maximum of 255 characters"). */
export const MAX_SEARCH_LENGTH = 255;

// In non-wildcard search '^' starts a caret code, so literal characters with a caret code are written as one.
const CARET_CODES: ReadonlyMap<string, string> = new Map([
  ["^", "^^"],
  ["\t", "^t"],
  ["\v", "^l"],
  ["\u00a0", "^s"],
  ["\r", "^p"],
]);

/** Escapes text for Word's non-wildcard search. */
export function escapeSearchText(text: string): string {
  let escaped = "";
  for (const ch of text) escaped += CARET_CODES.get(ch) ?? ch;
  return escaped;
}

/** The longest prefix (or suffix) of text whose escaped form fits Word's limit; never splits a caret code. */
function fittingChunk(text: string, fromEnd: boolean): string {
  let length = 0;
  let count = 0;
  const chars = Array.from(text);
  if (fromEnd) chars.reverse();
  for (const ch of chars) {
    const add = (CARET_CODES.get(ch) ?? ch).length;
    if (length + add > MAX_SEARCH_LENGTH) break;
    length += add;
    count += ch.length;
  }
  return fromEnd ? text.slice(text.length - count) : text.slice(0, count);
}

/** Start offsets of needle in text, scanning left to right without overlap, as Word's search reports hits. */
export function occurrences(text: string, needle: string): number[] {
  const hits: number[] = [];
  if (needle.length === 0) return hits;
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length)) hits.push(at);
  return hits;
}

/** How to find one hit: search for `text` (escaped in `search`) and take hit number `index` of `total`. */
export interface Hit {
  readonly text: string;
  readonly search: string;
  readonly index: number;
  readonly total: number;
}

/** A span is one search hit, or (over 255 characters) a head hit expanded to a tail hit. */
export type SpanPlan =
  | { readonly kind: "single"; readonly hit: Hit }
  | { readonly kind: "headTail"; readonly head: Hit; readonly tail: Hit };

function hitAt(text: string, needle: string, start: number): Hit | null {
  const hits = occurrences(text, needle);
  const index = hits.indexOf(start);
  return index < 0 ? null : { text: needle, search: escapeSearchText(needle), index, total: hits.length };
}

/**
 * Plans how to find text[start, start+length) with Word's search. Null when the span cannot be told apart by
 * search (an overlapping repeat such as "aa" inside "aaa" is never a hit of its own): the caller must not guess.
 */
export function planSpan(text: string, start: number, length: number): SpanPlan | null {
  if (length <= 0 || start < 0 || start + length > text.length) return null;
  const span = text.slice(start, start + length);
  if (escapeSearchText(span).length <= MAX_SEARCH_LENGTH) {
    const hit = hitAt(text, span, start);
    return hit && { kind: "single", hit };
  }
  const headText = fittingChunk(span, false);
  const tailText = fittingChunk(span, true);
  const head = hitAt(text, headText, start);
  const tail = hitAt(text, tailText, start + length - tailText.length);
  return head && tail ? { kind: "headTail", head, tail } : null;
}

/**
 * Word for Windows shows a footnote or endnote reference mark as U+0002 in paragraph text: where the note is referenced
 * and at the start of the note's own first paragraph (office-js #4997, #6942). It is no text a reader sees, the engine
 * should quote or Word's search can find, so every text read from Word goes through readableText.
 */
export const NOTE_MARK = "\u0002";

/** A paragraph's text as the engine and the pane see it: without note reference marks. */
export const readableText = (raw: string): string => (raw.includes(NOTE_MARK) ? raw.replaceAll(NOTE_MARK, "") : raw);

/** Where note reference marks sit in readableText(raw): each offset is the readable character the mark precedes. */
export function noteMarks(raw: string): number[] {
  const marks: number[] = [];
  let at = 0;
  for (const ch of raw) {
    if (ch === NOTE_MARK) marks.push(at);
    else at += ch.length;
  }
  return marks;
}

/** A short, stable fingerprint of a paragraph's text (FNV-1a over UTF-16 code units), to notice drift. */
export function hashText(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `${text.length.toString(36)}-${hash.toString(16).padStart(8, "0")}`;
}
