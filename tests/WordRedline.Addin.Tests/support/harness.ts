import { OfficeWordGateway, type EditRequest } from "../../../src/WordRedline.Addin/src/word/gateway";
import type { Edit } from "../../../src/WordRedline.Addin/src/api/contract";
import { createFakeOffice, FakeWordDocument, installFakeOffice, type FakeDocumentOptions } from "../fakes/fakeWord";

/** A fake Word document installed as the Word and Office globals, and a gateway over it. */
export function wordWith(paragraphs: readonly string[], options: FakeDocumentOptions = {}) {
  const doc = new FakeWordDocument(paragraphs, options);
  const host = createFakeOffice(doc);
  installFakeOffice(globalThis as unknown as Record<string, unknown>, host);
  const v = doc.apiVersion;
  const gateway = new OfficeWordGateway({ trackedChanges: v !== "1.3", notes: v === "1.5" || v === "1.6", reviewApi: v === "1.6", paragraphIds: v === "1.6" });
  return { doc, host, gateway };
}

/** The edit that replaces the n-th occurrence of `old` in text. */
export function replaceIn(text: string, old: string, replacement: string, occurrence = 0): Edit {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) at = text.indexOf(old, at + 1);
  if (at < 0) throw new Error(`"${old}" not in text`);
  return { start: at, length: old.length, replacement };
}

/** A request that writes `changes` (word-level, as the engine sends them) with a comment. */
export function request(key: string, paragraphId: string, text: string, changes: readonly Edit[], comment = `why ${key}`): EditRequest & { edits: readonly Edit[] } {
  return { key, paragraphId, text, changes, edits: changes, comment };
}

/** The text after `edits` (in the original's offsets, not overlapping); insertions at one point keep their order. */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  let out = "";
  let at = 0;
  for (const e of [...edits].sort((a, b) => a.start - b.start || Number(a.length > 0) - Number(b.length > 0))) {
    out += text.slice(at, e.start) + e.replacement;
    at = e.start + e.length;
  }
  return out + text.slice(at);
}

/** Counts the syncs one gateway call makes. */
export async function syncsOf<T>(doc: FakeWordDocument, call: () => Promise<T>): Promise<{ result: T; syncs: number }> {
  const before = doc.syncCount;
  const result = await call();
  return { result, syncs: doc.syncCount - before };
}
