import { hashText } from "./searchText";
import type { Applied, ApplyResult, EditRequest } from "./types";
import { applyChanges } from "./verify";

// A header or footer scanned once for several sections (stories.ts) gets each accepted fix in every copy. Office.js
// cannot tell a linked copy (the very paragraphs just written, seen through a later section) from a separate one with
// the same words, so the copies go in one per finding per round, each round a batch of its own: a linked copy then
// already shows the change, no longer matches the scanned text ("drift") and is not written twice; a separate copy
// still matches and gets the same tracked changes. A copy left out is read once more at the end: one that shows the
// change is linked; one that shows neither the scanned text nor the change was edited since the scan and is left
// alone, and the result names it so the pane can say so.

/** The results with, for each applied finding, the copies its changes went into and the changed copies left alone. */
export async function applyToCopies(requests: readonly EditRequest[], results: readonly ApplyResult[],
  apply: (copies: readonly EditRequest[]) => Promise<ApplyResult[]>,
  read: (ids: readonly string[]) => Promise<ReadonlyMap<string, string>>): Promise<ApplyResult[]> {
  const pending = requests.map((request, i) => ({
    request, queue: results[i]?.status === "applied" ? [...(request.copies ?? [])] : [], written: [] as string[], left: [] as string[],
  }));
  for (;;) {
    const round = pending.filter((p) => p.queue.length > 0).map((p) => ({ p, id: p.queue.shift() as string }));
    if (round.length === 0) break;
    const out = await apply(round.map(({ p, id }) => ({ key: `${p.request.key} in ${id}`, paragraphId: id, text: p.request.text, changes: p.request.changes })));
    out.forEach((r, i) => {
      const entry = round[i];
      if (entry) (r.status === "applied" ? entry.p.written : entry.p.left).push(entry.id);
    });
  }
  const left = [...new Set(pending.flatMap((p) => p.left))];
  const now = left.length > 0 ? await read(left) : new Map<string, string>();
  return results.map((r, i) => {
    const p = pending[i];
    if (r.status !== "applied" || !p) return r;
    const intended = hashText(applyChanges(p.request.text, p.request.changes));
    const changed = p.left.filter((id) => now.get(id) === undefined || hashText(now.get(id) as string) !== intended);
    return {
      ...r, ...(p.written.length > 0 ? { copies: p.written } : {}), ...(changed.length > 0 ? { copiesChanged: changed } : {}),
    };
  });
}

/** The applied result of one copy, for undo: the same changes, in the copy's paragraph, without a comment. */
export const copyOf = (applied: Applied, paragraphId: string): Applied =>
  ({ key: applied.key, status: "applied", tracked: applied.tracked, paragraphId, ops: applied.ops });
