import { describe, expect, it } from "vitest";
import { applyEdits, operations, wordHunks } from "../../../src/WordRedline.Addin/src/word/hunks";

describe("applyEdits", () => {
  it("applies edits given in original offsets, in any order", () => {
    expect(applyEdits("for any and all purposes", [
      { start: 16, length: 8, replacement: "purposes of the Project" },
      { start: 4, length: 12, replacement: "the " },
    ])).toBe("for the purposes of the Project");
  });

  it("throws on overlapping or out-of-range edits", () => {
    expect(() => applyEdits("abc", [{ start: 0, length: 2, replacement: "" }, { start: 1, length: 1, replacement: "" }])).toThrow(RangeError);
    expect(() => applyEdits("abc", [{ start: 2, length: 5, replacement: "" }])).toThrow(RangeError);
  });
});

describe("wordHunks", () => {
  it("marks only the words that change", () => {
    expect(wordHunks("use the Deliverables for any purpose.", "use the Deliverables for the Project.")).toEqual([
      { start: 25, oldText: "any purpose", newText: "the Project" },
    ]);
  });

  it("merges hunks one unchanged word apart and keeps farther ones separate", () => {
    expect(wordHunks("a b c d e f g", "a X c Y e f Z")).toEqual([
      { start: 2, oldText: "b c d", newText: "X c Y" },
      { start: 12, oldText: "g", newText: "Z" },
    ]);
  });

  it("never marks half a word", () => {
    const hunks = wordHunks("commencement of work", "kicking off of work");
    expect(hunks).toEqual([{ start: 0, oldText: "commencement", newText: "kicking off" }]);
  });

  it("gives a pure insertion and a pure deletion", () => {
    expect(wordHunks("Client may use it.", "Client may not use it.")).toEqual([{ start: 11, oldText: "", newText: "not " }]);
    expect(wordHunks("perpetual, irrevocable license", "license")).toEqual([{ start: 0, oldText: "perpetual, irrevocable ", newText: "" }]);
  });

  it("round-trips: applying the hunks gives the intended text", () => {
    const original = "Contractor grants Client a perpetual license to use the Deliverables for any and all purposes.";
    const intended = "Contractor grants Client a license to use the Deliverables solely for the Project.";
    const edits = wordHunks(original, intended).map((h) => ({ start: h.start, length: h.oldText.length, replacement: h.newText }));
    expect(applyEdits(original, edits)).toBe(intended);
  });
});

describe("operations", () => {
  it("anchors a pure insertion on the word before it", () => {
    const text = "Client may use it.";
    expect(operations(text, [{ start: 11, oldText: "", newText: "not " }])).toEqual([
      { kind: "insertAfter", start: 7, anchorText: "may ", newText: "not " },
    ]);
  });

  it("inserts at the paragraph start without an anchor", () => {
    expect(operations("x", [{ start: 0, oldText: "", newText: "Y " }])).toEqual([{ kind: "insertStart", start: 0, newText: "Y " }]);
  });

  it("turns a change into replace and a removal into delete", () => {
    expect(operations("a b", [{ start: 0, oldText: "a", newText: "c" }, { start: 2, oldText: "b", newText: "" }]).map((o) => o.kind)).toEqual(["replace", "delete"]);
  });
});
