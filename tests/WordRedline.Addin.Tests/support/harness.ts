import { OfficeWordGateway, type EditRequest } from "../../../src/WordRedline.Addin/src/word/gateway";
import type { Edit } from "../../../src/WordRedline.Addin/src/api/contract";
import { createFakeOffice, FakeWordDocument, installFakeOffice, type FakeDocumentOptions } from "../fakes/fakeWord";

/** A fake Word document installed as the Word and Office globals, and a gateway over it. */
export function wordWith(paragraphs: readonly string[], options: FakeDocumentOptions = {}) {
  const doc = new FakeWordDocument(paragraphs, options);
  const host = createFakeOffice(doc);
  installFakeOffice(globalThis as unknown as Record<string, unknown>, host);
  const v = doc.apiVersion;
  const gateway = new OfficeWordGateway({ trackedChanges: v !== "1.3", reviewApi: v === "1.6" });
  return { doc, host, gateway };
}

/** The edit that replaces the n-th occurrence of `old` in text. */
export function replaceIn(text: string, old: string, replacement: string, occurrence = 0): Edit {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) at = text.indexOf(old, at + 1);
  if (at < 0) throw new Error(`"${old}" not in text`);
  return { start: at, length: old.length, replacement };
}

export function request(key: string, paragraphId: string, text: string, edits: readonly Edit[], comment = `why ${key}`): EditRequest {
  return { key, paragraphId, text, edits, comment };
}

/** Counts the syncs one gateway call makes. */
export async function syncsOf<T>(doc: FakeWordDocument, call: () => Promise<T>): Promise<{ result: T; syncs: number }> {
  const before = doc.syncCount;
  const result = await call();
  return { result, syncs: doc.syncCount - before };
}
