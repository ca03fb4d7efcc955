import { extent, hitsOf, operationOf, ParagraphSearches, type Operation } from "./locate";
import { paragraphsById } from "./paragraphs";
import { hashText, noteMarks, planSpan, readableText } from "./searchText";
import { inHeaderOrFooter } from "./stories";
import { formatOf } from "./styles";
import { readTracking, type Tracking } from "./tracking";
import type { AppliedOp, ApplyResult, Capabilities, EditRequest, InsertRequest } from "./types";

// One batch of accepted findings in one Word.run, with a fixed number of syncs whatever its size:
//   read  - each paragraph's accepted text (and raw text, to spot existing redlines), every search, the tracking mode;
//   [redlined paragraphs only] each hit's accepted text, so hits inside the other side's deletions are dropped;
//   write - tracking on, each paragraph's changes from last to first, one comment per finding, the user's mode back.
// A finding whose paragraph changed since the scan (drift), whose text Word cannot place exactly (notFound) or whose
// changes overlap an earlier finding's in the batch (conflict) is skipped and reported; nothing of it is written.

interface Planned {
  readonly request: EditRequest;
  readonly ops: readonly Operation[];
}

/** The requests on one paragraph that can go in together. */
interface ParagraphPlan {
  readonly paragraphId: string;
  readonly text: string;
  readonly findings: Planned[];
}

type Refusal = Exclude<ApplyResult["status"], "applied" | "failed">;

export async function applyBatch(caps: Capabilities, requests: readonly EditRequest[], inserts: readonly InsertRequest[]): Promise<ApplyResult[]> {
  if (requests.length === 0 && inserts.length === 0) return [];
  const results = new Map<string, ApplyResult>();
  const refuse = (key: string, paragraphId: string, status: Refusal) => results.set(key, { key, paragraphId, status });
  const plans = planParagraphs(requests, refuse);
  await Word.run(async (context) => {
    const track = caps.trackedChanges;
    const paragraphs = await paragraphsById(caps, context, [...plans.map((p) => p.paragraphId), ...inserts.map((i) => i.paragraphId)]);
    const texts = queueTexts(paragraphs, track);
    const searches = new Map<string, ParagraphSearches>();
    for (const plan of plans) {
      const paragraph = paragraphs.get(plan.paragraphId);
      if (!paragraph) continue;
      const s = new ParagraphSearches(paragraph);
      for (const f of plan.findings) for (const op of f.ops) hitsOf(op).forEach((h) => s.queue(h));
      searches.set(plan.paragraphId, s);
    }
    const reading = readTracking(context, track);
    await context.sync();
    const tracking = reading.ready();

    // Paragraphs that already carry redlines: keep only hits that are occurrences in the accepted text.
    const redlined = plans.filter((p) => track && texts.get(p.paragraphId)?.redlined());
    redlined.forEach((p) => searches.get(p.paragraphId)?.queueAcceptedTexts());
    if (redlined.length > 0) await context.sync();

    const ready = plans.filter((plan) => check(plan, texts.get(plan.paragraphId), searches.get(plan.paragraphId), refuse));
    const readyInserts = inserts.filter((insert) => {
      const current = texts.get(insert.paragraphId)?.current();
      const status = current === undefined ? "notFound" : hashText(current) !== hashText(insert.text) ? "drift" : null;
      if (status) refuse(insert.key, insert.paragraphId, status);
      return status === null;
    });
    try {
      write(tracking, track, ready, readyInserts, paragraphs, searches, results);
      const anchors = caps.paragraphIds ? readyInserts.map((i) => [i.paragraphId, (paragraphs.get(i.paragraphId) as Word.Paragraph).load("uniqueLocalId")] as const) : [];
      await context.sync();
      followMovedIds(anchors, results);
    } catch (error) {
      // Leave the user's own tracking mode in place whatever happened; the caller re-reads what landed.
      tracking.restore();
      await context.sync().catch(() => undefined);
      throw error;
    }
  });
  return [...requests, ...inserts].map((r) => results.get(r.key) as ApplyResult);
}

/**
 * Word for Mac gives a paragraph inserted "After" an anchor the anchor's uniqueLocalId, and the anchor a new one
 * (docs/office-js.md §Paragraph ids). The anchor's id read after the insertion is where its changes now live, so the
 * results (and undo) name the anchor by it.
 */
function followMovedIds(anchors: readonly (readonly [string, Word.Paragraph])[], results: Map<string, ApplyResult>): void {
  for (const [before, anchor] of anchors) {
    const now = anchor.uniqueLocalId;
    if (!now || now === before) continue;
    for (const [key, result] of results) if (result.paragraphId === before) results.set(key, { ...result, paragraphId: now });
  }
}

/** Groups requests by paragraph; a request whose changes overlap an earlier one's, or that saw other text, conflicts. */
function planParagraphs(requests: readonly EditRequest[], refuse: (key: string, id: string, status: Refusal) => void): ParagraphPlan[] {
  const plans = new Map<string, ParagraphPlan>();
  for (const request of requests) {
    const ops = request.changes.map((c) => operationOf(request.text, c));
    if (ops.some((op) => op === null) || ops.length === 0) {
      refuse(request.key, request.paragraphId, "notFound");
      continue;
    }
    const plan = plans.get(request.paragraphId);
    if (!plan) {
      plans.set(request.paragraphId, { paragraphId: request.paragraphId, text: request.text, findings: [{ request, ops: ops as Operation[] }] });
      continue;
    }
    const taken = plan.findings.flatMap((f) => f.ops);
    const mine = (ops as Operation[]).map((op) => reanchor(request.text, op, taken));
    if (plan.text !== request.text || mine.some((op) => op === null)) {
      refuse(request.key, request.paragraphId, "conflict");
      continue;
    }
    const theirs = plan.findings.map((f) => ({ ...f, ops: f.ops.map((op) => reanchor(plan.text, op, mine as Operation[])) }));
    if (theirs.some((f) => f.ops.some((op) => op === null)) || theirs.some((f) => f.ops.some((a) => mine.some((b) => overlap(a as Operation, b as Operation))))) {
      refuse(request.key, request.paragraphId, "conflict");
      continue;
    }
    plan.findings.splice(0, plan.findings.length, ...(theirs as Planned[]), { request, ops: mine as Operation[] });
  }
  return [...plans.values()];
}

/**
 * An insertion is found by the word before it; when another change in the batch rewrites that word, or inserts
 * inside it, the insertion is anchored on the text between that change and its point instead (". " after a replaced
 * phrase), or chained right after the change when nothing is between. Null when no anchor is left.
 */
function reanchor(text: string, op: Operation, others: readonly Operation[]): Operation | null {
  if (op.kind !== "insertAfter") return op;
  // A change ending inside the anchor, or another insertion inside it, cuts the anchor there.
  const cut = others.filter((o) => o.kind !== "insertStart" && endOf(o) > op.anchorStart && endOf(o) <= op.start && o.start < op.start)
    .reduce((at, o) => Math.max(at, endOf(o)), op.anchorStart);
  if (cut === op.anchorStart || cut === op.start) return op;
  const span = planSpan(text, cut, op.start - cut);
  return span ? { ...op, anchorStart: cut, span } : null;
}

/**
 * Two operations collide when they touch the same characters, or when one's anchor word is changed by the other.
 * Insertions at one point do not (they go in side by side, in finding order), nor does an insertion right at the
 * end of another change (it is written after that change's text).
 */
function overlap(a: Operation, b: Operation): boolean {
  if (a.kind === "insertStart" || b.kind === "insertStart") return false;
  if (isInsertion(a) && isInsertion(b) && a.start === b.start) return false;
  if (isInsertion(a) && !isInsertion(b) && endOf(b) === a.start) return false;
  if (isInsertion(b) && !isInsertion(a) && endOf(a) === b.start) return false;
  const [a0, a1] = extent(a);
  const [b0, b1] = extent(b);
  return a0 < b1 && b0 < a1;
}

/** Where a change ends in the original text (for a pure insertion: its point). */
const endOf = (op: Operation): number => (op.kind === "replace" || op.kind === "delete" ? op.start + op.oldText.length : op.start);

interface TextReads {
  /** The accepted text as the engine reads it (no note reference marks). */
  current(): string;
  redlined(): boolean;
  /** Where note reference marks sit in current() (Word for Windows shows them: searchText.ts). */
  marks(): number[];
}

/**
 * Queues each paragraph's accepted text (WordApi 1.4), its original text and its raw text. A paragraph carries
 * redlines when the original differs from the accepted text, or the raw text does: on the desktop the raw text
 * follows the markup view and may hide deletions (office-js #5286) that Word's search still sees.
 */
function queueTexts(paragraphs: ReadonlyMap<string, Word.Paragraph>, track: boolean): Map<string, TextReads> {
  const out = new Map<string, TextReads>();
  for (const [id, paragraph] of paragraphs) {
    paragraph.load("text");
    const reviewed = track ? paragraph.getReviewedText("Current") : null;
    const original = track ? paragraph.getReviewedText("Original") : null;
    const raw = () => (reviewed ? reviewed.value : paragraph.text);
    const current = () => readableText(raw());
    const redlined = () => readableText(paragraph.text) !== current() || (original !== null && readableText(original.value) !== current());
    out.set(id, { current, redlined, marks: () => noteMarks(raw()) });
  }
  return out;
}

/**
 * A change that would cut through a note's reference mark, or go in before the mark that opens a note's text, would
 * move or delete the reference: it is not placed (Word's search could not find such a span anyway).
 */
const touchesMark = (op: Operation, marks: readonly number[]): boolean => {
  if (op.kind === "insertStart") return marks.includes(0);
  const [from, to] = extent(op);
  return marks.some((m) => m > from && m < to);
};

function check(plan: ParagraphPlan, text: TextReads | undefined, searches: ParagraphSearches | undefined,
  refuse: (key: string, id: string, status: Refusal) => void): boolean {
  const current = text?.current();
  const marks = text?.marks() ?? [];
  const status: Refusal | null = current === undefined || !searches ? "notFound"
    : hashText(current) !== hashText(plan.text) ? "drift"
    : plan.findings.some((f) => f.ops.some((op) => touchesMark(op, marks) || !searches.agrees(op))) ? "notFound"
    : null;
  if (status) plan.findings.forEach((f) => refuse(f.request.key, plan.paragraphId, status));
  return status === null;
}

/** Queues every write of the batch (no sync). */
function write(tracking: Tracking, track: boolean, ready: readonly ParagraphPlan[], inserts: readonly InsertRequest[],
  paragraphs: ReadonlyMap<string, Word.Paragraph>, searches: ReadonlyMap<string, ParagraphSearches>, results: Map<string, ApplyResult>): void {
  tracking.on();
  // Each finding's comment goes in right after its paragraph's changes, so that if Word stops the batch halfway,
  // every paragraph written so far is complete, comments included.
  const comment = (key: string, range: Word.Range | undefined, text: string | undefined) => {
    if (track && text && range) range.insertComment(text);
  };
  for (const plan of ready) {
    const commentOn = new Map<string, Word.Range>();
    writeParagraph(paragraphs.get(plan.paragraphId) as Word.Paragraph, searches.get(plan.paragraphId) as ParagraphSearches, plan, commentOn);
    // Word has no comments in headers and footers (the Review tab disables them there): the change goes in without.
    const refused = inHeaderOrFooter(plan.paragraphId);
    for (const { request, ops } of plan.findings) {
      if (!refused) comment(request.key, commentOn.get(request.key), request.comment);
      const commented = track && request.comment;
      results.set(request.key, {
        key: request.key, status: "applied", tracked: track, paragraphId: request.paragraphId, ops: ops.map(appliedOp),
        ...(commented ? (refused ? { commentRefused: true as const } : { comment: request.comment }) : {}),
      });
    }
  }
  for (const insert of inserts) {
    // New paragraphs go after the anchor; its own edits (above) do not move it.
    let last = paragraphs.get(insert.paragraphId) as Word.Paragraph;
    let first: Word.Range | undefined;
    insert.paragraphs.forEach((p, i) => {
      last = last.insertParagraph(p.text, "After");
      last.styleBuiltIn = formatOf(p.style).builtIn;
      if (i === 0) first = last.getRange("Content");
    });
    comment(insert.key, first, insert.comment);
    results.set(insert.key, {
      key: insert.key, status: "applied", tracked: track, paragraphId: insert.paragraphId, newParagraphs: true,
      ops: insert.paragraphs.map((p) => ({ deleted: "", inserted: p.text })), ...(track && insert.comment ? { comment: insert.comment } : {}),
    });
  }
  tracking.restore();
}

/**
 * Writes one paragraph's operations from the last to the first, so earlier offsets stay valid. Operations that end
 * at one point form a chain: the change there (if any) first, then the insertions in finding order, each written
 * right after the one before. Each finding's comment goes on its first change.
 */
function writeParagraph(paragraph: Word.Paragraph, searches: ParagraphSearches, plan: ParagraphPlan, commentOn: Map<string, Word.Range>): void {
  const chains = new Map<number, { op: Operation; key: string; order: number }[]>();
  plan.findings.forEach((f, order) => f.ops.forEach((op) => {
    const point = endOf(op);
    chains.set(point, [...(chains.get(point) ?? []), { op, key: f.request.key, order: isInsertion(op) ? order : -1 }]);
  }));
  const first = new Map<string, number>();
  for (const [, chain] of [...chains].sort(([a], [b]) => b - a)) {
    let previous: Word.Range | null = null;
    for (const { op, key } of chain.sort((a, b) => a.order - b.order)) {
      const range: Word.Range = previous && isInsertion(op) ? previous.insertText((op as { newText: string }).newText, "After") : writeOp(paragraph, searches, op);
      previous = range;
      if (op.start <= (first.get(key) ?? Infinity)) {
        first.set(key, op.start);
        commentOn.set(key, range);
      }
    }
  }
}

const isInsertion = (op: Operation): boolean => op.kind === "insertAfter" || op.kind === "insertStart";

/** Queues one operation; returns the range a comment should sit on. */
function writeOp(paragraph: Word.Paragraph, searches: ParagraphSearches, op: Operation): Word.Range {
  switch (op.kind) {
    case "insertStart":
      return paragraph.getRange("Start").insertText(op.newText, "Before");
    case "insertAfter":
      return searches.rangeOf(op.span).insertText(op.newText, "After");
    case "replace": {
      // Insert after, then delete: a tracked "Replace" is recorded badly by Word for Mac (office-js #5178).
      const range = searches.rangeOf(op.span);
      const inserted = range.insertText(op.newText, "After");
      range.delete();
      return inserted;
    }
    case "delete": {
      const range = searches.rangeOf(op.span);
      range.delete();
      return range;
    }
  }
}

function appliedOp(op: Operation): AppliedOp {
  switch (op.kind) {
    case "replace": return { deleted: op.oldText, inserted: op.newText };
    case "delete": return { deleted: op.oldText, inserted: "" };
    default: return { deleted: "", inserted: op.newText };
  }
}
