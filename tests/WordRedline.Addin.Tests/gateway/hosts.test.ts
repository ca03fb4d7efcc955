import { describe, expect, it } from "vitest";
import type { Applied } from "../../../src/WordRedline.Addin/src/word/types";
import { applyEdits, replaceIn, request, wordWith } from "../support/harness";

// The gateway where real Word differs from the documentation's happy path: wording repeated across clauses, a
// contract that already carries the other side's redlines, a batch Word fails halfway, and Word for Mac.

const SCOPE = "The Agency may use the Deliverables for any and all purposes.";
const OTHER = "The Agency may share reports with its affiliates for any and all purposes.";

describe("gateway: findings anchored to their paragraph", () => {
  it("the same wording in three clauses gets three redlines and three comments, each in its own clause", async () => {
    const { doc, gateway } = wordWith([SCOPE, "Middle.", SCOPE, SCOPE]);
    const ps = await gateway.readParagraphs();
    const targets = [ps[0], ps[2], ps[3]].map((p, i) => request(`f${i}`, p?.id ?? "", SCOPE, [replaceIn(SCOPE, "any and all purposes", "the Project")], `comment ${i}`));
    const results = await gateway.applyEdits(targets);
    expect(results.map((r) => r.status)).toEqual(["applied", "applied", "applied"]);
    const fixed = applyEdits(SCOPE, [replaceIn(SCOPE, "any and all purposes", "the Project")]);
    expect(doc.acceptedText()).toEqual([fixed, "Middle.", fixed, fixed]);
    // Each comment sits in the paragraph of its finding.
    const where = doc.comments.map((c) => doc.paragraphSpans().findIndex((p) => c.anchor.start >= p.start && c.anchor.end <= p.end + 1));
    expect(doc.comments.map((c) => c.content)).toEqual(["comment 0", "comment 1", "comment 2"]);
    expect(where).toEqual([0, 2, 3]);
  });
});

describe("gateway: a contract that already carries tracked changes", () => {
  it("places a change by the accepted text, not by a match inside the other side's deletion", async () => {
    const text = "Use for any purpose and, where agreed, for any purpose.";
    const { doc, gateway } = wordWith([text]);
    // The other side struck the first "for any purpose and, where agreed, ": Word's search still sees it.
    doc.redline(0, text.indexOf("for any"), "for any purpose and, where agreed, ".length, "");
    const [p] = await gateway.readParagraphs();
    const current = p?.text ?? "";
    expect(current).toBe("Use for any purpose.");
    const [r] = await gateway.applyEdits([request("f", p?.id ?? "", current, [replaceIn(current, "any purpose", "the Project")])]);
    expect(r?.status).toBe("applied");
    expect(doc.acceptedText()).toEqual(["Use for the Project."]);
    // The other side's redline is untouched: rejecting only ours gives their version back.
    expect(doc.trackedChanges().filter((c) => c.author === "Counterparty Counsel")).toHaveLength(1);
  });

  it("refuses (touching nothing) a span the other side's deletion cuts through", async () => {
    const text = "Use the Work for any lawful purpose.";
    const { doc, gateway } = wordWith([text]);
    doc.redline(0, text.indexOf("lawful "), "lawful ".length, "");
    const [p] = await gateway.readParagraphs();
    const current = p?.text ?? "";
    const [r] = await gateway.applyEdits([request("f", p?.id ?? "", current, [replaceIn(current, "for any purpose", "for the Project")])]);
    expect(r?.status).toBe("notFound");
    expect(doc.trackedChanges().filter((c) => c.author !== "Counterparty Counsel")).toEqual([]);
  });
});

describe("gateway: a batch Word fails halfway", () => {
  it("reports exactly what landed; a half-written paragraph is put back; the rest can be accepted again", async () => {
    const texts = [SCOPE, OTHER, SCOPE, OTHER];
    const { doc, gateway } = wordWith(texts);
    const ps = await gateway.readParagraphs();
    const requests = ps.map((p, i) => request(`f${i}`, p.id, p.text, [replaceIn(p.text, "may", "may, with notice,"), replaceIn(p.text, "any and all purposes", "the Project")]));
    // Paragraphs are written in order, two insertions each: the 5th fails, after the third paragraph's first change.
    doc.failOn("Range.insertText", 4);
    const results = await gateway.applyEdits(requests);
    expect(results.map((r) => r.status)).toEqual(["applied", "applied", "failed", "failed"]);
    const intended = texts.map((t) => applyEdits(t, [replaceIn(t, "may", "may, with notice,"), replaceIn(t, "any and all purposes", "the Project")]));
    expect(doc.acceptedText()).toEqual([intended[0], intended[1], texts[2], texts[3]]);
    expect(doc.trackingMode).toBe("Off");
    // The landed ones carry their comments; the put-back paragraph has no stray redline.
    expect(doc.comments.map((c) => c.content).sort()).toEqual(["why f0", "why f1"]);
    expect(doc.trackedChanges().length).toBe(8);

    const again = await gateway.readParagraphs();
    const retry = await gateway.applyEdits(again.slice(2).map((p, i) => request(`g${i}`, p.id, p.text, [replaceIn(p.text, "any and all purposes", "the Project")])));
    expect(retry.map((r) => r.status)).toEqual(["applied", "applied"]);
  });
});

describe("gateway: Word for Mac", () => {
  it("undo finds a replacement's deletion by place when Mac reports its text as empty", async () => {
    const { doc, gateway } = wordWith([SCOPE], { profile: "mac" });
    const [p] = await gateway.readParagraphs();
    const [r] = await gateway.applyEdits([request("f", p?.id ?? "", SCOPE, [replaceIn(SCOPE, "any and all purposes", "the Project")])]);
    expect(doc.trackedChanges().map((c) => c.type)).toEqual(["Deleted", "Added"]);
    expect(await gateway.undo(r as Applied)).toBe("undone");
    expect(doc.trackedChanges()).toEqual([]);
    expect(doc.acceptedText()).toEqual([SCOPE]);
    expect(doc.comments).toEqual([]);
  });

  it("a pure deletion whose text Mac hides is left to the Review tab rather than guessed", async () => {
    const { gateway } = wordWith([SCOPE], { profile: "mac" });
    const [p] = await gateway.readParagraphs();
    const [r] = await gateway.applyEdits([request("f", p?.id ?? "", SCOPE, [replaceIn(SCOPE, " and all", "")])]);
    expect(await gateway.undo(r as Applied)).toBe("ambiguous");
  });

  it("a paragraph inserted after an anchor takes the anchor's id on Mac; a re-read sees both", async () => {
    const { doc, gateway } = wordWith([SCOPE, "Last."], { profile: "mac" });
    const before = await gateway.readParagraphs();
    const [r] = await gateway.applyEdits([], [{ key: "d", paragraphId: before[0]?.id ?? "", text: SCOPE, paragraphs: [{ text: "New clause.", style: "Normal" }] }]);
    expect(r?.status).toBe("applied");
    const after = await gateway.readParagraphs();
    expect(after.map((p) => p.text)).toEqual([SCOPE, "New clause.", "Last."]);
    expect(after[1]?.id).toBe(before[0]?.id);
    expect(doc.acceptedText()).toEqual([SCOPE, "New clause.", "Last."]);
  });
});

describe("gateway: Word for Mac, a clause inserted after a clause edited in the same batch", () => {
  it("the edit is reported under the anchor's new id, so its undo finds it", async () => {
    const { doc, gateway } = wordWith([SCOPE, "Last."], { profile: "mac" });
    const [p] = await gateway.readParagraphs();
    const id = p?.id ?? "";
    const [edit, insert] = await gateway.applyEdits([request("e", id, SCOPE, [replaceIn(SCOPE, "any and all purposes", "the Project")])],
      [{ key: "d", paragraphId: id, text: SCOPE, paragraphs: [{ text: "New clause.", style: "Normal" }] }]);
    const ids = doc.paragraphIds();
    // Mac gave the new clause the anchor's id; both results name the anchor by the id it has now.
    expect(ids[1]).toBe(id);
    expect([edit?.paragraphId, insert?.paragraphId]).toEqual([ids[0], ids[0]]);
    expect(await gateway.undo(edit as Applied)).toBe("undone");
    expect(await gateway.undo(insert as Applied)).toBe("undone");
    expect(doc.acceptedText()).toEqual([SCOPE, "Last."]);
    expect(doc.trackedChanges()).toEqual([]);
  });
});

describe("gateway: Word for Mac stops a batch after a clause went in", () => {
  it("reports exactly what landed although the anchor's id moved to the new clause, and each can be undone", async () => {
    const { doc, gateway } = wordWith([SCOPE, "Last."], { profile: "mac" });
    const [p] = await gateway.readParagraphs();
    const id = p?.id ?? "";
    // The edit's comment goes in, the clause goes in, then Word stops at the clause's comment.
    doc.failOn("Range.insertComment", 1);
    const [edit, insert] = await gateway.applyEdits([request("e", id, SCOPE, [replaceIn(SCOPE, "any and all purposes", "the Project")])],
      [{ key: "d", paragraphId: id, text: SCOPE, paragraphs: [{ text: "New clause.", style: "Normal" }], comment: "why d" }]);
    const fixed = applyEdits(SCOPE, [replaceIn(SCOPE, "any and all purposes", "the Project")]);
    expect(doc.acceptedText()).toEqual([fixed, "New clause.", "Last."]);
    expect([edit?.status, insert?.status]).toEqual(["applied", "applied"]);
    expect([edit?.paragraphId, insert?.paragraphId]).toEqual([doc.paragraphIds()[0], doc.paragraphIds()[0]]);
    expect(await gateway.undo(insert as Applied)).toBe("undone");
    expect(await gateway.undo(edit as Applied)).toBe("undone");
    expect(doc.acceptedText()).toEqual([SCOPE, "Last."]);
  });
});

describe("gateway: a Word whose paragraph text hides deletions (desktop, Simple Markup: office-js #5286)", () => {
  it("still drops search hits inside the other side's deletion", async () => {
    const text = "Use for any purpose and, where agreed, for any purpose.";
    const { doc, gateway } = wordWith([text], { textIncludesDeletions: false });
    doc.redline(0, text.indexOf("for any"), "for any purpose and, where agreed, ".length, "");
    const [p] = await gateway.readParagraphs();
    const current = p?.text ?? "";
    const [r] = await gateway.applyEdits([request("f", p?.id ?? "", current, [replaceIn(current, "any purpose", "the Project")])]);
    expect(r?.status).toBe("applied");
    expect(doc.acceptedText()).toEqual(["Use for the Project."]);
  });
});

describe("gateway: two findings inserting around a full stop", () => {
  it("one inserts before the stop, the other after it: both land where the engine put them", async () => {
    const text = "The Agency may create derivative works, including all future modifications.";
    const { doc, gateway } = wordWith([text]);
    const [p] = await gateway.readParagraphs();
    const id = p?.id ?? "";
    const end = request("end", id, text, [{ start: text.length, length: 0, replacement: " Human agents only." }]);
    const before = request("before", id, text, [{ start: text.length - 1, length: 0, replacement: " made by human agents only" }]);
    const results = await gateway.applyEdits([end, before]);
    expect(results.map((r) => r.status)).toEqual(["applied", "applied"]);
    expect(doc.acceptedText()).toEqual([`${text.slice(0, -1)} made by human agents only. Human agents only.`]);
  });
});
