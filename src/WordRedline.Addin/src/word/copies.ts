import type { Applied, ApplyResult, EditRequest } from "./types";

// A header or footer scanned once for several sections (stories.ts) gets each accepted fix in every copy. Office.js
// cannot tell a linked copy (the very paragraphs just written, seen through a later section) from a separate one with
// the same words, so the copies go in one per finding per round, each round a batch of its own: a linked copy then
// already shows the change, no longer matches the scanned text ("drift") and is not written twice; a separate copy
// still matches and gets the same tracked changes. A copy someone has edited since the scan is left alone.

/** The results with, for each applied finding, the copies its changes also went into. */
export async function applyToCopies(requests: readonly EditRequest[], results: readonly ApplyResult[],
  apply: (copies: readonly EditRequest[]) => Promise<ApplyResult[]>): Promise<ApplyResult[]> {
  const pending = requests.map((request, i) => ({
    request, queue: results[i]?.status === "applied" ? [...(request.copies ?? [])] : [], written: [] as string[],
  }));
  for (;;) {
    const round = pending.filter((p) => p.queue.length > 0).map((p) => ({ p, id: p.queue.shift() as string }));
    if (round.length === 0) break;
    const out = await apply(round.map(({ p, id }) => ({ key: `${p.request.key} in ${id}`, paragraphId: id, text: p.request.text, changes: p.request.changes })));
    out.forEach((r, i) => {
      const entry = round[i];
      if (entry && r.status === "applied") entry.p.written.push(entry.id);
    });
  }
  return results.map((r, i) => {
    const written = pending[i]?.written ?? [];
    return r.status === "applied" && written.length > 0 ? { ...r, copies: written } : r;
  });
}

/** The applied result of one copy, for undo: the same changes, in the copy's paragraph, without a comment. */
export const copyOf = (applied: Applied, paragraphId: string): Applied =>
  ({ key: applied.key, status: "applied", tracked: applied.tracked, paragraphId, ops: applied.ops });
