import type { Edit } from "../api/contract";
import { planSpan, type Hit, type SpanPlan } from "./searchText";

// Word has no offset-based range API: a change is placed by searching for the text it touches (or, for an
// insertion, the word before it) and taking the k-th hit (searchText.ts). A paragraph that already carries tracked
// changes (the other side's redlines) needs care: Word's search also sees deleted text, so a hit may lie inside a
// deletion or span one. Such hits are dropped by reading each hit's accepted text; the k-th remaining hit is the
// k-th occurrence in the text the engine saw. A span interrupted by a deletion is not found at all, and the change
// is reported as not placeable rather than guessed.

/** What the gateway does in Word for one change. */
export type Operation =
  /** Find the old text, insert the new text after it, delete the match (a tracked "Replace" is recorded badly on Mac). */
  | { readonly kind: "replace"; readonly start: number; readonly oldText: string; readonly newText: string; readonly span: SpanPlan }
  | { readonly kind: "delete"; readonly start: number; readonly oldText: string; readonly span: SpanPlan }
  /** Pure insertion: find the word (and spaces) that ends where the insertion goes and insert after it. */
  | { readonly kind: "insertAfter"; readonly start: number; readonly anchorStart: number; readonly newText: string; readonly span: SpanPlan }
  /** Pure insertion at the start of the paragraph. */
  | { readonly kind: "insertStart"; readonly start: 0; readonly newText: string };

/** The operation for one change of `text`, or null when Word's search cannot tell its place apart. */
export function operationOf(text: string, change: Edit): Operation | null {
  const { start, length, replacement } = change;
  if (length > 0) {
    const span = planSpan(text, start, length);
    if (!span) return null;
    const oldText = text.slice(start, start + length);
    return replacement.length > 0 ? { kind: "replace", start, oldText, newText: replacement, span } : { kind: "delete", start, oldText, span };
  }
  let from = start;
  while (from > 0 && /\s/.test(text[from - 1] ?? "")) from--;
  while (from > 0 && !/\s/.test(text[from - 1] ?? "")) from--;
  if (from === start) return start === 0 ? { kind: "insertStart", start: 0, newText: replacement } : null;
  const span = planSpan(text, from, start - from);
  return span && { kind: "insertAfter", start, anchorStart: from, newText: replacement, span };
}

/** The characters of the original text an operation reads or replaces, for overlap checks. */
export function extent(op: Operation): [number, number] {
  switch (op.kind) {
    case "insertStart": return [0, 0];
    case "insertAfter": return [op.anchorStart, op.start];
    default: return [op.start, op.start + op.oldText.length];
  }
}

export function hitsOf(op: Operation): Hit[] {
  if (op.kind === "insertStart") return [];
  return op.span.kind === "single" ? [op.span.hit] : [op.span.head, op.span.tail];
}

/** One search queued on a paragraph, with (when the paragraph has redlines) each hit's accepted text. */
interface QueuedSearch {
  readonly hits: Word.RangeCollection;
  current: OfficeExtension.ClientResult<string>[] | null;
}

/** The searches of one paragraph, keyed by search string so a needle is searched once. */
export class ParagraphSearches {
  private readonly queued = new Map<string, QueuedSearch>();

  constructor(private readonly paragraph: Word.Paragraph) {}

  queue(hit: Hit): void {
    if (!this.queued.has(hit.search)) {
      this.queued.set(hit.search, { hits: this.paragraph.search(hit.search, { matchCase: true }).load("text"), current: null });
    }
  }

  /** After the search sync: queues each hit's accepted text (WordApi 1.4), for a paragraph with redlines. */
  queueAcceptedTexts(): void {
    for (const q of this.queued.values()) q.current = q.hits.items.map((r) => r.getReviewedText("Current"));
  }

  /** The hits that are real occurrences of `hit.text` in the accepted text, in document order. */
  private visible(hit: Hit): Word.Range[] {
    const q = this.queued.get(hit.search);
    if (!q) return [];
    const current = q.current;
    return current ? q.hits.items.filter((_, i) => current[i]?.value === hit.text) : q.hits.items;
  }

  /** True when Word sees exactly as many occurrences as the text has, for every hit the operation needs. */
  agrees(op: Operation): boolean {
    return hitsOf(op).every((h) => this.visible(h).length === h.total);
  }

  /** The range an operation's span covers. */
  rangeOf(span: SpanPlan): Word.Range {
    const pick = (h: Hit): Word.Range => this.visible(h)[h.index] as Word.Range;
    return span.kind === "single" ? pick(span.hit) : pick(span.head).expandTo(pick(span.tail));
  }
}
