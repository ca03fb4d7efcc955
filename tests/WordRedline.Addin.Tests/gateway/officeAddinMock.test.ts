import { OfficeMockObject } from "office-addin-mock";
import { afterEach, describe, expect, it } from "vitest";
import { OfficeWordGateway } from "../../../src/WordRedline.Addin/src/word/gateway";

// A few gateway paths against Microsoft's office-addin-mock (the yo office template's unit-test tool). It does not
// model collections or tracked changes (its documented limits: a seeded `items: []` still reads as loaded
// content), which is why the fake Word carries the rest; what it models well is objects, events and sync calls.

const g = globalThis as unknown as Record<string, unknown>;
afterEach(() => {
  delete g["Word"];
});

function install(seed: Record<string, unknown>): OfficeMockObject {
  const mock = new OfficeMockObject(seed);
  type Batch = (context: unknown) => Promise<unknown>;
  // Word.run(batch) or Word.run(object, batch), as Office.js accepts.
  g["Word"] = { run: async (a: Batch | object, b?: Batch) => (b ?? (a as Batch))(mock["context"]) };
  return mock;
}

describe("gateway with office-addin-mock", () => {
  it("watch registers the three paragraph events in one sync and forwards their ids", async () => {
    const handlers: Record<string, (e: { uniqueLocalIds: string[] }) => Promise<void>> = {};
    const register = (name: string) => ({ add: (h: (e: { uniqueLocalIds: string[] }) => Promise<void>) => { handlers[name] = h; return { remove: () => undefined }; } });
    let syncs = 0;
    install({
      context: {
        document: { onParagraphChanged: register("changed"), onParagraphAdded: register("added"), onParagraphDeleted: register("deleted") },
        sync: async () => void syncs++,
      },
    });
    const seen: unknown[] = [];
    await new OfficeWordGateway({ trackedChanges: true, notes: true, reviewApi: true, paragraphIds: true }).watch((c) => seen.push(c));
    await handlers["changed"]?.({ uniqueLocalIds: ["a"] });
    await handlers["deleted"]?.({ uniqueLocalIds: ["b"] });
    expect(syncs).toBe(1);
    expect(seen).toEqual([{ changed: ["a"], added: [], deleted: [] }, { changed: [], added: [], deleted: ["b"] }]);
  });

  it("the unsubscribe function removes every handler it added", async () => {
    const removed: string[] = [];
    const register = (name: string) => ({ add: () => ({ remove: () => void removed.push(name) }) });
    install({
      context: {
        document: { onParagraphChanged: register("changed"), onParagraphAdded: register("added"), onParagraphDeleted: register("deleted") },
        sync: async () => undefined,
      },
    });
    const stop = await new OfficeWordGateway({ trackedChanges: true, notes: true, reviewApi: true, paragraphIds: true }).watch(() => undefined);
    await stop();
    expect(removed).toEqual(["changed", "added", "deleted"]);
  });

  it("watch refuses to start without WordApi 1.6 (the pane polls instead)", async () => {
    install({ context: { document: {}, sync: async () => undefined } });
    await expect(new OfficeWordGateway({ trackedChanges: true, notes: true, reviewApi: false, paragraphIds: false }).watch(() => undefined)).rejects.toThrow(/1\.6/);
  });
});
