import { diffWordsWithSpace } from "diff";
import type { Edit } from "../api/contract";

// Word's tracked "Replace" marks the whole range as deleted and re-added (design note §2.2), so the pane computes
// which words really change and edits only those, as a reviewer would by hand.

/**
 * Applies edits given in offsets of the original text; throws on edits that overlap or leave the text. Insertions
 * at one point keep their given order, and go before a replacement that starts there (the sort is stable).
 */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || Number(a.length > 0) - Number(b.length > 0));
  let out = "";
  let at = 0;
  for (const edit of sorted) {
    if (edit.start < at || edit.length < 0 || edit.start + edit.length > text.length) {
      throw new RangeError(`Edit at ${edit.start} (length ${edit.length}) overlaps another or leaves the text.`);
    }
    out += text.slice(at, edit.start) + edit.replacement;
    at = edit.start + edit.length;
  }
  return out + text.slice(at);
}

/** One contiguous change, in offsets of the original text. */
export interface Hunk {
  readonly start: number;
  readonly oldText: string;
  readonly newText: string;
}

/** Hunks at most this many unchanged words apart become one, so the redline does not read word-by-word. */
export const MERGE_GAP_WORDS = 1;

const wordCount = (text: string): number => text.match(/\S+/g)?.length ?? 0;

/** The word-level changes that turn original into intended, nearby ones merged. */
export function wordHunks(original: string, intended: string, mergeGapWords = MERGE_GAP_WORDS): Hunk[] {
  const raw: { start: number; oldText: string; newText: string; gapBefore: string }[] = [];
  let at = 0;
  let gap = "";
  let open: { start: number; oldText: string; newText: string; gapBefore: string } | null = null;
  for (const change of diffWordsWithSpace(original, intended)) {
    if (!change.added && !change.removed) {
      if (open) raw.push(open);
      open = null;
      gap = change.value;
      at += change.value.length;
      continue;
    }
    open ??= { start: at, oldText: "", newText: "", gapBefore: gap };
    if (change.removed) {
      open.oldText += change.value;
      at += change.value.length;
    } else {
      open.newText += change.value;
    }
  }
  if (open) raw.push(open);

  const merged: Hunk[] = [];
  for (const hunk of raw) {
    const last = merged.at(-1);
    if (last && last.start + last.oldText.length + hunk.gapBefore.length === hunk.start &&
        wordCount(hunk.gapBefore) <= mergeGapWords) {
      merged[merged.length - 1] = {
        start: last.start,
        oldText: last.oldText + hunk.gapBefore + hunk.oldText,
        newText: last.newText + hunk.gapBefore + hunk.newText,
      };
    } else {
      merged.push({ start: hunk.start, oldText: hunk.oldText, newText: hunk.newText });
    }
  }
  return merged.map(trimCommon);
}

// The diff may report a shared space on both sides of a hunk's edge; keep it out of the marked text. Only
// whitespace is trimmed: trimming shared letters would mark half-words ("commenc|kicking").
const isSpace = (ch: string | undefined): boolean => ch !== undefined && /\s/.test(ch);
function trimCommon(hunk: Hunk): Hunk {
  let { start, oldText, newText } = hunk;
  while (isSpace(oldText[0]) && oldText[0] === newText[0]) {
    start++;
    oldText = oldText.slice(1);
    newText = newText.slice(1);
  }
  while (isSpace(oldText.at(-1)) && oldText.at(-1) === newText.at(-1)) {
    oldText = oldText.slice(0, -1);
    newText = newText.slice(0, -1);
  }
  return { start, oldText, newText };
}

/** What the gateway does in Word for one hunk. */
export type Operation =
  /** Find `oldText`, insert `newText` after it, delete the match (never a tracked "Replace": Mac records it badly). */
  | { readonly kind: "replace"; readonly start: number; readonly oldText: string; readonly newText: string }
  | { readonly kind: "delete"; readonly start: number; readonly oldText: string }
  /** Pure insertion: find the anchor text that ends where the insertion goes and insert after it. */
  | { readonly kind: "insertAfter"; readonly start: number; readonly anchorText: string; readonly newText: string }
  /** Pure insertion at the start of the paragraph. */
  | { readonly kind: "insertStart"; readonly start: 0; readonly newText: string };

/** Turns hunks into Word operations; a pure insertion is anchored on the word before it. */
export function operations(original: string, hunks: readonly Hunk[]): Operation[] {
  return hunks.map((h): Operation => {
    if (h.oldText.length > 0) {
      return h.newText.length > 0
        ? { kind: "replace", start: h.start, oldText: h.oldText, newText: h.newText }
        : { kind: "delete", start: h.start, oldText: h.oldText };
    }
    if (h.start === 0) return { kind: "insertStart", start: 0, newText: h.newText };
    // Anchor on the previous word and the spaces after it: a lone space would match everywhere.
    let from = h.start;
    while (from > 0 && /\s/.test(original[from - 1] ?? "")) from--;
    while (from > 0 && !/\s/.test(original[from - 1] ?? "")) from--;
    return { kind: "insertAfter", start: from, anchorText: original.slice(from, h.start), newText: h.newText };
  });
}
