import { operationOf } from "./locate";
import { paragraphsById } from "./paragraphs";
import { hashText, readableText } from "./searchText";
import type { AppliedOp, ApplyResult, Capabilities, EditRequest, InsertRequest } from "./types";
import { undoApplied } from "./undo";

// After Word failed a batch halfway (Word on the web can, after some of its edits are in), find out exactly what
// landed: re-read each paragraph of the batch and compare it with the text before and the text intended. A paragraph
// caught half-written is put back (its tracked changes rejected) so that every finding is either in or out.

/** The text once every change is in (offsets refer to `text`; changes do not overlap). */
export const applyChanges = (text: string, changes: EditRequest["changes"]): string =>
  [...changes].sort((a, b) => b.start - a.start || b.length - a.length)
    .reduce((t, c) => t.slice(0, c.start) + c.replacement + t.slice(c.start + c.length), text);

function opsOf(request: EditRequest): AppliedOp[] {
  return request.changes.map((c) => {
    const op = operationOf(request.text, c);
    return op?.kind === "replace" ? { deleted: op.oldText, inserted: op.newText }
      : op?.kind === "delete" ? { deleted: op.oldText, inserted: "" }
      : { deleted: "", inserted: c.replacement };
  });
}

/** Results for a batch whose Word.run threw: applied where the text shows it, failed (nothing written) elsewhere. */
export async function settleFailedBatch(caps: Capabilities, requests: readonly EditRequest[], inserts: readonly InsertRequest[],
  reason: string): Promise<ApplyResult[]> {
  const moved = await movedAnchors(caps, inserts);
  const now = (id: string): string => moved.get(id) ?? id;
  const byParagraph = new Map<string, EditRequest[]>();
  for (const r of requests) byParagraph.set(now(r.paragraphId), [...(byParagraph.get(now(r.paragraphId)) ?? []), r]);
  const state = await Word.run(async (context) => {
    const paragraphs = await paragraphsById(caps, context, [...byParagraph.keys(), ...inserts.map((i) => now(i.paragraphId))]);
    const texts = new Map([...paragraphs].map(([id, p]) => [id, caps.trackedChanges ? p.getReviewedText("Current") : p.load("text")]));
    const next = new Map(inserts.map((i) => [i.key, paragraphs.get(now(i.paragraphId))?.getNextOrNullObject().load("text")]));
    const comments = caps.trackedChanges ? new Map([...paragraphs].map(([id, p]) => [id, p.getComments().load("content")])) : null;
    await context.sync();
    const textOf = (id: string): string | undefined => {
      const t = texts.get(id);
      return t === undefined ? undefined : readableText("value" in t ? t.value : t.text);
    };
    return {
      textOf,
      inserted: (i: InsertRequest) => { const n = next.get(i.key); return !!n && !n.isNullObject && readableText(n.text) === i.paragraphs[0]?.text; },
      commented: (id: string, comment: string) => comments?.get(id)?.items.some((c) => c.content === comment) ?? false,
    };
  });
  const results = new Map<string, ApplyResult>();
  const failed = (r: EditRequest | InsertRequest) => results.set(r.key, { key: r.key, paragraphId: r.paragraphId, status: "failed", reason });
  for (const [id, group] of byParagraph) {
    const now = state.textOf(id);
    const intended = applyChanges(group[0]?.text ?? "", group.flatMap((r) => r.changes));
    if (now !== undefined && hashText(now) === hashText(intended)) {
      for (const r of group) {
        const comment = r.comment && state.commented(id, r.comment) ? r.comment : undefined;
        results.set(r.key, { key: r.key, status: "applied", tracked: caps.trackedChanges, paragraphId: id, ops: opsOf(r), ...(comment ? { comment } : {}) });
      }
      continue;
    }
    if (now !== undefined && hashText(now) !== hashText(group[0]?.text ?? "")) {
      // Half-written: take back what went in, so the finding stays open and can simply be accepted again.
      for (const r of group) await undoApplied(caps, { key: r.key, status: "applied", tracked: caps.trackedChanges, paragraphId: id, ops: opsOf(r) }).catch(() => "ambiguous");
    }
    group.forEach(failed);
  }
  for (const i of inserts) {
    if (state.inserted(i)) {
      results.set(i.key, { key: i.key, status: "applied", tracked: caps.trackedChanges, paragraphId: now(i.paragraphId), newParagraphs: true, ops: i.paragraphs.map((p) => ({ deleted: "", inserted: p.text })) });
    } else {
      failed(i);
    }
  }
  return [...requests, ...inserts].map((r) => results.get(r.key) as ApplyResult);
}

/**
 * Word for Mac gives a paragraph inserted "After" an anchor the anchor's id, and the anchor a new one; inserting
 * several paragraphs passes the id along to the last of them (docs/office-js.md §Paragraph ids). For each insertion
 * whose anchor id now names one of its own new paragraphs, the anchor's id now, found by stepping back over them.
 */
async function movedAnchors(caps: Capabilities, inserts: readonly InsertRequest[]): Promise<Map<string, string>> {
  if (!caps.paragraphIds || inserts.length === 0) return new Map();
  return Word.run(async (context) => {
    const paragraphs = await paragraphsById(caps, context, inserts.map((i) => i.paragraphId));
    const reads = inserts.flatMap((i) => {
      const named = paragraphs.get(i.paragraphId);
      if (!named) return [];
      named.load("text");
      let at = named;
      const back = i.paragraphs.map(() => (at = at.getPreviousOrNullObject().load("uniqueLocalId")));
      return [{ insert: i, named, back }];
    });
    await context.sync();
    const moved = new Map<string, string>();
    for (const { insert, named, back } of reads) {
      const text = readableText(named.text);
      const k = text === insert.text ? -1 : insert.paragraphs.findLastIndex((p) => p.text === text);
      const anchor = k >= 0 ? back[k] : undefined;
      if (anchor && !anchor.isNullObject && anchor.uniqueLocalId) moved.set(insert.paragraphId, anchor.uniqueLocalId);
    }
    return moved;
  });
}
