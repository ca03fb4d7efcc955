import { describe, expect, it } from "vitest";
import type { Applied, ApplyResult, DocParagraph } from "../../../src/WordRedline.Addin/src/word/types";
import { noteMarks, readableText } from "../../../src/WordRedline.Addin/src/word/searchText";
import { NOTE_MARK } from "../fakes/fakeWord";
import { replaceIn, request, wordWith } from "../support/harness";

// The gateway on Word for Windows: note reference marks shown as U+0002 in text (office-js #4997, #6942), and builds
// that report WordApi 1.6 yet give every paragraph a null uniqueLocalId (office-js #4258).

const M = NOTE_MARK;
const CLAUSE = "The Agency may use the Deliverables for any and all purposes.";
const FIXED = "The Agency may use the Deliverables for the Project.";
/** A body clause that references footnote 1 after "Deliverables", and that footnote, as Word keeps them. */
const BODY = ["Services Agreement", `The Agency may use the Deliverables${M} for any and all purposes.`];
const NOTE = `${M} ${CLAUSE}`;

const byId = (paragraphs: readonly DocParagraph[], id: string): DocParagraph => {
  const p = paragraphs.find((x) => x.id === id);
  if (!p) throw new Error(`no paragraph ${id}`);
  return p;
};
const applied = (result: ApplyResult | undefined): Applied => {
  if (result?.status !== "applied") throw new Error(`not applied: ${JSON.stringify(result)}`);
  return result;
};

describe("readable text", () => {
  it("drops note reference marks and says where they were", () => {
    expect(readableText(`a${M} b`)).toBe("a b");
    expect(readableText("plain")).toBe("plain");
    expect(noteMarks(`${M} note`)).toEqual([0]);
    expect(noteMarks(`use${M} for${M}`)).toEqual([3, 7]);
  });
});

describe("gateway: note reference marks (Word for Windows)", () => {
  it("the fake shows the mark in text on Windows only, as the issues report", async () => {
    for (const [profile, shown] of [["windows", true], ["web", false]] as const) {
      const { doc } = wordWith(BODY, { profile, footnotes: [[NOTE]] });
      const raw = await Word.run(async (context) => {
        const p = context.document.body.paragraphs.getLast().load("text");
        await context.sync();
        return p.text;
      });
      expect(raw.includes(M)).toBe(shown);
      expect(doc.storyText("footnote:1")).toEqual([NOTE]);
    }
  });

  it("the engine gets the text without marks, in the body and in the note", async () => {
    const { gateway } = wordWith(BODY, { profile: "windows", footnotes: [[NOTE]] });
    const ps = await gateway.readParagraphs();
    expect(ps.map((p) => p.text)).toEqual(["Services Agreement", CLAUSE, ` ${CLAUSE}`]);
    expect(ps.every((p) => !p.text.includes(M))).toBe(true);
  });

  it("a fix beside a mark lands as tracked changes in the body and in the note, the marks untouched; undo works", async () => {
    const { doc, gateway } = wordWith(BODY, { profile: "windows", footnotes: [[NOTE]] });
    const ps = await gateway.readParagraphs();
    const body = ps[1] as DocParagraph;
    const note = byId(ps, "footnote:1:p0");
    const results = await gateway.applyEdits([
      request("b", body.id, body.text, [replaceIn(body.text, "any and all purposes", "the Project")]),
      request("n", note.id, note.text, [replaceIn(note.text, "any and all purposes", "the Project")]),
    ]);
    expect(results.map((r) => r.status)).toEqual(["applied", "applied"]);
    expect(doc.acceptedText()[1]).toBe(`The Agency may use the Deliverables${M} for the Project.`);
    expect(doc.storyText("footnote:1")).toEqual([`${M} ${FIXED}`]);
    expect(doc.commentsIn("footnote:1").map((c) => c.text)).toEqual(["the Project"]);
    expect(await gateway.undo(applied(results[1]))).toBe("undone");
    expect(doc.storyText("footnote:1")).toEqual([NOTE]);
  });

  it("a change that would cut through a mark is not placed, and nothing is written", async () => {
    const { doc, gateway } = wordWith(BODY, { profile: "windows", footnotes: [[NOTE]] });
    const body = (await gateway.readParagraphs())[1] as DocParagraph;
    const [r] = await gateway.applyEdits([request("b", body.id, body.text, [replaceIn(body.text, "Deliverables for", "Work for")])]);
    expect(r?.status).toBe("notFound");
    expect(doc.trackedChanges()).toEqual([]);
    expect(doc.acceptedText()).toEqual(BODY);
  });

  it("an insertion at the very start of a note's text is not put before the note's own mark", async () => {
    const { doc, gateway } = wordWith(BODY, { profile: "windows", footnotes: [[`${M}${CLAUSE}`]] });
    const note = byId(await gateway.readParagraphs(), "footnote:1:p0");
    expect(note.text).toBe(CLAUSE);
    const [r] = await gateway.applyEdits([request("n", note.id, note.text, [{ start: 0, length: 0, replacement: "Subject to clause 9, " }])]);
    expect(r?.status).toBe("notFound");
    expect(doc.storyText("footnote:1")).toEqual([`${M}${CLAUSE}`]);
  });

  it("clicking a quote in a note selects it", async () => {
    const { doc, gateway } = wordWith(BODY, { profile: "windows", footnotes: [[NOTE]] });
    const note = byId(await gateway.readParagraphs(), "footnote:1:p0");
    expect(await gateway.select(note.id, note.text, note.text.indexOf("any"), "any and all purposes".length)).toBe(true);
    expect(doc.selectedText()).toBe("any and all purposes");
  });
});

describe("gateway: a WordApi 1.6 host that gives no paragraph ids (office-js #4258)", () => {
  it("scans with index ids, applies and undoes by index, and stops offering paragraph events", async () => {
    const { doc, gateway } = wordWith(["Title", CLAUSE], { uniqueLocalIds: false });
    expect(gateway.capabilities.paragraphIds).toBe(true);
    const ps = await gateway.readParagraphs();
    expect(ps.map((p) => p.id)).toEqual(["p0", "p1"]);
    expect(gateway.capabilities.paragraphIds).toBe(false);
    const [r] = await gateway.applyEdits([request("f", "p1", CLAUSE, [replaceIn(CLAUSE, "any and all purposes", "the Project")])]);
    expect(doc.acceptedText()).toEqual(["Title", FIXED]);
    expect(await gateway.undo(applied(r))).toBe("undone");
    expect(doc.acceptedText()).toEqual(["Title", CLAUSE]);
    await expect(gateway.watch(() => undefined)).rejects.toThrow(/paragraph ids/);
    await expect(gateway.readChanged(["p1"])).rejects.toThrow(/paragraph ids/);
  });
});
