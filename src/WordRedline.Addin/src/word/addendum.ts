import type { SuggestedParagraph } from "../api/contract";
import { formatOf } from "./styles";
import { readTracking, trackingWith, type TrackingMode } from "./tracking";

// Inserting the AI Protection Addendum: all or nothing, and never twice.
//
// Word's batches are not transactions: when a command fails at sync, the commands queued before it have already
// changed the document. So the addendum is written in stages, each leaving something the next call can recognise:
//   1. read: is there an addendum (final tag)? a left-over from an interrupted attempt (pending tag)?
//   2. an empty "tail" paragraph at the end (untracked; reused when the document already ends with an empty
//      paragraph), then before it a paragraph holding the page break, wrapped at once in a content control tagged
//      pending. The control never holds the document's last paragraph mark, which Word cannot delete.
//   3. the clauses inside the control, each with a Word.BuiltInStyleName; a list started for each run of numbered
//      or bulleted clauses (Paragraph.startNewList, WordApi 1.3);
//   4. the other items joined to their list, its numbering set ("1.", "2.", ...), an old addendum removed when
//      replacing, and the tag made final in the same sync.
// If any stage fails, a clean-up batch deletes every paragraph added before the tail (and any pending control)
// with tracking off, so the document reads as before (plus at most the empty tail, which the retry reuses).

export const ADDENDUM_TAG = "wordredline-ai-addendum";
export const PENDING_ADDENDUM_TAG = "wordredline-ai-addendum-pending";
const ADDENDUM_TITLE = "AI Protection Addendum";

export type AddendumBlockResult = "exists" | "inserted";

/** True when the document has a complete addendum (a pending one from a failed attempt does not count). */
export async function hasAddendum(): Promise<boolean> {
  return Word.run(async (context) => {
    const found = context.document.body.contentControls.getByTag(ADDENDUM_TAG).load("tag");
    await context.sync();
    return found.items.length > 0;
  });
}

/** Writes the addendum block at the end of the document (tracked when `track`), or replaces the existing one. */
export async function insertAddendumBlock(
  paragraphs: readonly SuggestedParagraph[],
  replace: boolean,
  track: boolean,
): Promise<AddendumBlockResult> {
  if (paragraphs.length === 0) throw new Error("The addendum has no paragraphs.");
  let cleanUp: { firstNew: number; userMode: TrackingMode | null } | null = null;
  try {
    return await Word.run(async (context) => {
      const body = context.document.body;
      const done = body.contentControls.getByTag(ADDENDUM_TAG).load("tag");
      const pending = body.contentControls.getByTag(PENDING_ADDENDUM_TAG).load("tag");
      const all = body.paragraphs.load("$none");
      const last = body.paragraphs.getLast().load("text,isListItem");
      const reading = readTracking(context, track);
      await context.sync();
      if (done.items.length > 0 && !replace) return "exists";
      const tracking = reading.ready();
      const reuseTail = last.text === "" && !last.isListItem;
      cleanUp = { firstNew: reuseTail ? all.items.length - 1 : all.items.length, userMode: tracking.userMode };

      // Stage 2: the tail (untracked) and the pending control holding the page break.
      pending.items.forEach((cc) => cc.delete(false));
      tracking.off();
      const tail = reuseTail ? last : body.insertParagraph("", "End");
      if (!reuseTail) tail.styleBuiltIn = "Normal";
      tracking.on();
      const holder = tail.insertParagraph("", "Before");
      holder.styleBuiltIn = "Normal";
      holder.getRange("Start").insertBreak("Page", "After");
      const block = holder.insertContentControl();
      block.tag = PENDING_ADDENDUM_TAG;
      block.title = ADDENDUM_TITLE;
      await context.sync();

      // Stage 3: the clauses, styled; one new list per run of list items.
      const written = paragraphs.map((p) => {
        const paragraph = block.insertParagraph(p.text, "End");
        paragraph.styleBuiltIn = formatOf(p.style).builtIn;
        return { paragraph, list: formatOf(p.style).list };
      });
      const runs = listRuns(written.map((w) => w.list));
      const lists = runs.map((run) => (written[run.from] as (typeof written)[number]).paragraph.startNewList().load("id"));
      await context.sync();

      // Stage 4: the rest of each list, its numbering, the old addendum, the final tag.
      runs.forEach((run, i) => {
        const list = lists[i] as Word.List;
        for (let k = run.from + 1; k < run.to; k++) (written[k] as (typeof written)[number]).paragraph.attachToList(list.id, 0);
        if (run.kind === "number") list.setLevelNumbering(0, "Arabic", [0, "."]);
        else list.setLevelBullet(0, "Solid");
      });
      done.items.forEach((cc) => cc.delete(false));
      block.tag = ADDENDUM_TAG;
      tracking.restore();
      await context.sync();
      return "inserted";
    });
  } catch (error) {
    const started = cleanUp as { firstNew: number; userMode: TrackingMode | null } | null;
    // If the clean-up fails too, the pending tag lets the next attempt remove what is left.
    if (started) await removePartial(started.firstNew, started.userMode).catch(() => undefined);
    throw error;
  }
}

/** Consecutive list items of one kind: [from, to) in the written paragraphs. */
function listRuns(kinds: readonly ("number" | "bullet" | null)[]): { from: number; to: number; kind: "number" | "bullet" }[] {
  const runs: { from: number; to: number; kind: "number" | "bullet" }[] = [];
  kinds.forEach((kind, i) => {
    if (!kind) return;
    const open = runs.at(-1);
    if (open && open.to === i && open.kind === kind) open.to = i + 1;
    else runs.push({ from: i, to: i + 1, kind });
  });
  return runs;
}

/**
 * Deletes what a failed insertion left: any pending control with its content, then every paragraph between the
 * document's original paragraphs and the tail. Tracking is off meanwhile, so the deletions are real, not redlines.
 */
async function removePartial(firstNew: number, userMode: TrackingMode | null): Promise<void> {
  await Word.run(async (context) => {
    const body = context.document.body;
    const tracking = trackingWith(context, userMode);
    const pending = body.contentControls.getByTag(PENDING_ADDENDUM_TAG).load("tag");
    await context.sync();
    tracking.off();
    pending.items.forEach((cc) => cc.delete(false));
    const all = body.paragraphs.load("$none");
    await context.sync();
    const lastExtra = all.items.length - 2; // the tail stays: it is the document's last paragraph
    if (lastExtra >= firstNew) {
      const from = all.items[firstNew] as Word.Paragraph;
      const to = all.items[lastExtra] as Word.Paragraph;
      from.getRange("Whole").expandTo(to.getRange("Whole")).delete();
    }
    tracking.restore();
    await context.sync();
  });
}
