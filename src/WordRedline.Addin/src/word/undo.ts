import { hitsOf, operationOf, ParagraphSearches } from "./locate";
import { paragraphsById } from "./paragraphs";
import type { Applied, Capabilities, UndoResult } from "./types";

// Undo of one accepted finding: reject exactly the tracked changes it made (WordApi 1.6), and remove its comment.
// Word on the web may list neighbouring revisions too, so each change is matched, and any doubt leaves the choice to
// Word's Review tab. Insertions are matched by their text. Deletions by their text where the host reports it; Word
// for Mac reports a deletion's text as "" (office-js #5178), so a replacement's deletion is then found by place: it
// sits right before the text inserted for it.

/** A revision's text may carry the paragraph mark of an inserted paragraph. */
const sameText = (revision: string, text: string): boolean => revision.replace(/[\r\n]+$/, "") === text;

export async function undoApplied(caps: Capabilities, applied: Applied): Promise<UndoResult> {
  if (!caps.reviewApi || !applied.tracked) return "unsupported";
  return Word.run(async (context) => {
    const paragraph = (await paragraphsById(caps, context, [applied.paragraphId])).get(applied.paragraphId);
    if (!paragraph) return "ambiguous";
    // New paragraphs sit after the anchor, outside its range: look for them in the body.
    const scope = applied.newParagraphs ? context.document.body : paragraph;
    const changes = scope.getTrackedChanges().load("type,text");
    const comments = applied.comment ? scope.getComments().load("content") : null;
    await context.sync();
    const taken = new Set<Word.TrackedChange>();
    const unique = (type: "Added" | "Deleted", text: string): Word.TrackedChange | null => {
      const matches = changes.items.filter((c) => c.type === type && sameText(c.text, text) && !taken.has(c));
      const only = matches.length === 1 ? (matches[0] as Word.TrackedChange) : null;
      if (only) taken.add(only);
      return only;
    };
    const placeless: { addedRange: Word.Range }[] = [];
    for (const op of applied.ops) {
      const added = op.inserted ? unique("Added", op.inserted) : null;
      if (op.inserted && !added) return "ambiguous";
      if (!op.deleted || unique("Deleted", op.deleted)) continue;
      if (!added) return "ambiguous"; // a pure deletion whose text the host hides: nothing to place it by
      placeless.push({ addedRange: added.getRange() });
    }
    if (placeless.length > 0 && !(await takeAdjacentDeletions(context, changes.items, taken, placeless))) return "ambiguous";
    taken.forEach((c) => c.reject());
    comments?.items.filter((c) => c.content === applied.comment).slice(0, 1).forEach((c) => c.delete());
    await context.sync();
    return "undone";
  });
}

/** For each inserted range, the one unclaimed deletion that ends right where it starts (Word for Mac). */
async function takeAdjacentDeletions(context: Word.RequestContext, changes: readonly Word.TrackedChange[],
  taken: Set<Word.TrackedChange>, placeless: readonly { addedRange: Word.Range }[]): Promise<boolean> {
  const candidates = changes.filter((c) => c.type === "Deleted" && c.text === "" && !taken.has(c));
  const relations = placeless.map(({ addedRange }) => candidates.map((c) => c.getRange().compareLocationWith(addedRange)));
  await context.sync();
  for (const row of relations) {
    const adjacent = candidates.filter((c, i) => row[i]?.value === "AdjacentBefore" && !taken.has(c));
    if (adjacent.length !== 1) return false;
    taken.add(adjacent[0] as Word.TrackedChange);
  }
  return true;
}

/** Selects text[start, start+length) of a paragraph, tolerating the paragraph's redlines; false when not found. */
export async function selectSpan(caps: Capabilities, paragraphId: string, text: string, start: number, length: number): Promise<boolean> {
  const op = length > 0 ? operationOf(text, { start, length, replacement: "x" }) : null;
  if (!op || op.kind === "insertStart" || op.kind === "insertAfter") return false;
  return Word.run(async (context) => {
    const paragraph = (await paragraphsById(caps, context, [paragraphId])).get(paragraphId);
    if (!paragraph) return false;
    const searches = new ParagraphSearches(paragraph);
    hitsOf(op).forEach((h) => searches.queue(h));
    await context.sync();
    if (caps.trackedChanges) {
      searches.queueAcceptedTexts();
      await context.sync();
    }
    if (!searches.agrees(op)) return false;
    searches.rangeOf(op.span).select();
    await context.sync();
    return true;
  });
}
