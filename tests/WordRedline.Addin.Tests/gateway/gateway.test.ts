import { describe, expect, it } from "vitest";
import type { ApplyResult } from "../../../src/WordRedline.Addin/src/word/gateway";
import { READ_SLICE } from "../../../src/WordRedline.Addin/src/word/paragraphs";
import { applyEdits, replaceIn, request, syncsOf, wordWith } from "../support/harness";

// Realistic clauses, one per finding kind, each with the protective edit the playbook proposes.
const GRANT = "Contractor hereby grants Client a perpetual, irrevocable, worldwide, royalty-free license to use the Deliverables for any and all purposes.";
const AI = "Client may use the Deliverables to train, fine-tune and improve machine learning models.";
const DERIV = "Client may modify, adapt and create derivative works of the Deliverables, including all future modifications.";
const DATA = "Client may store and share the Deliverables with its affiliates, partners and third-party service providers.";
const MORAL = "Contractor waives all moral rights in the Deliverables.";
const NOTWITHSTANDING = " Notwithstanding the foregoing, the license granted in this Section does not include the right to use, reproduce, or process the Deliverables for the purpose of training, fine-tuning, or developing machine learning models or artificial intelligence systems.";

const HUMAN = " Any modification, adaptation, or derivative work of the Deliverables shall be made by human agents only.";

const LONG_SPAN = "to use, reproduce, distribute, publicly display, publicly perform, transmit, broadcast, sublicense, modify, adapt, translate, edit, combine with other works, create compilations and collective works from, and otherwise exploit the Deliverables in any media now known or hereafter devised";
const LONG = `Contractor grants Client the right ${LONG_SPAN}, throughout the universe.`;

interface Case {
  name: string;
  text: string;
  edits: (text: string) => { start: number; length: number; replacement: string }[];
  /** The case must exercise a search span over Word's 255-character limit. */
  long?: true;
}

const CASES: Case[] = [
  { name: "usage-scope: replace a phrase", text: GRANT, edits: (t) => [replaceIn(t, "any and all purposes", "the sole purpose of Client's internal marketing and deployment of the Project deliverables")] },
  { name: "license-breadth: delete words", text: GRANT, edits: (t) => [replaceIn(t, "perpetual, irrevocable, ", "")] },
  { name: "ai-training-silent: insert a sentence at the end", text: GRANT, edits: (t) => [{ start: t.length, length: 0, replacement: NOTWITHSTANDING }] },
  { name: "ai-training: negate the permission", text: AI, edits: (t) => [replaceIn(t, "may use", "may not use")] },
  { name: "derivative-works: human agents only", text: DERIV, edits: (t) => [replaceIn(t, "including all future modifications", "including future modifications made by human agents only")] },
  { name: "data-sharing: two edits in one paragraph", text: DATA, edits: (t) => [replaceIn(t, "may store", "may, after notice to Contractor, store"), replaceIn(t, "and third-party service providers", "")] },
  { name: "moral-rights: insert at the start", text: MORAL, edits: () => [{ start: 0, length: 0, replacement: "To the extent permitted by law, " }] },
  { name: "caret and tab in the text", text: "Fees^2 apply\tto the Deliverables for any purpose.", edits: (t) => [replaceIn(t, "for any purpose", "for the Project")] },
  { name: "repeated phrase: the second occurrence", text: "Use for any purpose; and for any purpose whatsoever.", edits: (t) => [replaceIn(t, "any purpose whatsoever", "the Project", 0)] },
  { name: "span over 255 characters", text: LONG, edits: (t) => [replaceIn(t, LONG_SPAN, "solely to deliver the Project")], long: true },
];

describe("gateway: accept applies tracked, minimal edits", () => {
  for (const c of CASES) {
    it(`${c.name}: reject-all gives the original, accept-all the intended text`, async () => {
      const other = "Other paragraph stays as it is.";
      const { doc, gateway } = wordWith([other, c.text, other]);
      const paragraphs = await gateway.readParagraphs();
      const target = paragraphs[1];
      if (!target) throw new Error("no paragraph");
      const edits = c.edits(c.text);
      const [result] = await gateway.applyEdits([request("f1", target.id, target.text, edits)]);
      expect(result?.status).toBe("applied");
      const intended = applyEdits(c.text, edits);

      expect(doc.trackingMode).toBe("Off");
      expect(doc.comments.map((x) => x.content)).toEqual(["why f1"]);
      // Only changed words are marked: each tracked change is one of the applied operations' texts.
      const ops = (result as Extract<ApplyResult, { status: "applied" }>).ops;
      if (c.long) expect(ops.some((o) => o.deleted.length > 255)).toBe(true);
      const marked = doc.trackedChanges().map((t) => `${t.type}:${t.text}`).sort();
      const expected = ops.flatMap((o) => [o.deleted && `Deleted:${o.deleted}`, o.inserted && `Added:${o.inserted}`]).filter(Boolean).sort();
      expect(marked).toEqual(expected);
      expect(marked.join("").length).toBeLessThan(c.text.length + intended.length);

      const accepted = doc.acceptedText();
      const original = doc.originalText();
      expect(accepted).toEqual([other, intended, other]);
      expect(original).toEqual([other, c.text, other]);
      doc.rejectAll();
      expect(doc.acceptedText()).toEqual([other, c.text, other]);
    });
  }

  it("keeps the user's tracking mode", async () => {
    const { doc, gateway } = wordWith([GRANT], { trackingMode: "TrackMineOnly" });
    const [p] = await gateway.readParagraphs();
    await gateway.applyEdits([request("f", p?.id ?? "", GRANT, [replaceIn(GRANT, "any and all", "the")])]);
    expect(doc.trackingMode).toBe("TrackMineOnly");
  });

  it("refuses a paragraph that changed since the scan and touches nothing", async () => {
    const { doc, gateway } = wordWith([GRANT]);
    const [p] = await gateway.readParagraphs();
    doc.userReplaceParagraph(0, GRANT.replace("Client", "Agency"));
    const [result] = await gateway.applyEdits([request("f", p?.id ?? "", GRANT, [replaceIn(GRANT, "any and all", "the")])]);
    expect(result?.status).toBe("drift");
    expect(doc.acceptedText()).toEqual([GRANT.replace("Client", "Agency")]);
    expect(doc.trackingMode).toBe("Off");
  });

  it("applies a second finding in a paragraph that already holds tracked changes", async () => {
    const { doc, gateway } = wordWith([GRANT]);
    const [p] = await gateway.readParagraphs();
    await gateway.applyEdits([request("a", p?.id ?? "", GRANT, [replaceIn(GRANT, "perpetual, irrevocable, ", "")])]);
    const [p2] = await gateway.readParagraphs();
    const now = p2?.text ?? "";
    const [r] = await gateway.applyEdits([request("b", p2?.id ?? "", now, [replaceIn(now, "any and all purposes", "the Project")])]);
    expect(r?.status).toBe("applied");
    expect(doc.acceptedText()).toEqual([applyEdits(now, [replaceIn(now, "any and all purposes", "the Project")])]);
    doc.rejectAll();
    expect(doc.acceptedText()).toEqual([GRANT]);
  });

  it("applies two findings in one sentence together: a replacement and an insertion right after it", async () => {
    const { doc, gateway } = wordWith([GRANT]);
    const [p] = await gateway.readParagraphs();
    const id = p?.id ?? "";
    const scope = request("scope", id, GRANT, [replaceIn(GRANT, "for any and all purposes", "for the Project")]);
    const carve = request("carve", id, GRANT, [{ start: GRANT.length, length: 0, replacement: NOTWITHSTANDING }]);
    const results = await gateway.applyEdits([scope, carve]);
    expect(results.map((r) => r.status)).toEqual(["applied", "applied"]);
    expect(doc.acceptedText()).toEqual([applyEdits(GRANT, [...scope.edits, ...carve.edits])]);
    expect(doc.comments.map((c) => c.content).sort()).toEqual(["why carve", "why scope"]);
    doc.rejectAll();
    expect(doc.acceptedText()).toEqual([GRANT]);
  });

  it("applies two findings inserting at one point: finding order, each its own insertion and comment", async () => {
    const { doc, gateway } = wordWith([GRANT]);
    const [p] = await gateway.readParagraphs();
    const id = p?.id ?? "";
    const carve = request("carve", id, GRANT, [{ start: GRANT.length, length: 0, replacement: NOTWITHSTANDING }]);
    const human = request("human", id, GRANT, [{ start: GRANT.length, length: 0, replacement: HUMAN }]);
    const results = await gateway.applyEdits([carve, human]);
    expect(results.map((r) => r.status)).toEqual(["applied", "applied"]);
    expect(doc.acceptedText()).toEqual([GRANT + NOTWITHSTANDING + HUMAN]);
    expect(doc.commentedText()).toEqual(expect.arrayContaining([{ content: "why carve", text: NOTWITHSTANDING }, { content: "why human", text: HUMAN }]));
    expect(doc.comments).toHaveLength(2);
    expect(results.map((r) => (r.status === "applied" ? r.ops : []))).toEqual([[{ deleted: "", inserted: NOTWITHSTANDING }], [{ deleted: "", inserted: HUMAN }]]);
    doc.rejectAll();
    expect(doc.acceptedText()).toEqual([GRANT]);
  });

  it("applies insertions at one point in finding order, whatever order the batch lists them in the paragraph", async () => {
    const { doc, gateway } = wordWith([MORAL]);
    const [p] = await gateway.readParagraphs();
    const id = p?.id ?? "";
    const first = request("first", id, MORAL, [{ start: 0, length: 0, replacement: "To the extent permitted by law, " }]);
    const second = request("second", id, MORAL, [{ start: 0, length: 0, replacement: "Subject to Section 9, " }]);
    const results = await gateway.applyEdits([first, second]);
    expect(results.map((r) => r.status)).toEqual(["applied", "applied"]);
    expect(doc.acceptedText()).toEqual(["To the extent permitted by law, Subject to Section 9, " + MORAL]);
    expect(doc.commentedText().map((c) => c.text).sort()).toEqual(["Subject to Section 9, ", "To the extent permitted by law, "]);
  });

  it("applies an insertion at either end of another finding's replacement", async () => {
    const { doc, gateway } = wordWith([GRANT]);
    const [p] = await gateway.readParagraphs();
    const id = p?.id ?? "";
    const scope = replaceIn(GRANT, "any and all purposes", "the Project");
    const results = await gateway.applyEdits([
      request("scope", id, GRANT, [scope]),
      request("before", id, GRANT, [{ start: scope.start, length: 0, replacement: "the purposes agreed in writing, namely " }]),
      request("after", id, GRANT, [{ start: scope.start + scope.length, length: 0, replacement: " only" }]),
    ]);
    expect(results.map((r) => r.status)).toEqual(["applied", "applied", "applied"]);
    expect(doc.acceptedText()).toEqual([GRANT.replace("any and all purposes", "the purposes agreed in writing, namely the Project only")]);
    doc.rejectAll();
    expect(doc.acceptedText()).toEqual([GRANT]);
  });

  it("skips a finding that overlaps another in the same batch", async () => {
    const { gateway } = wordWith([GRANT]);
    const [p] = await gateway.readParagraphs();
    const id = p?.id ?? "";
    const results = await gateway.applyEdits([
      request("a", id, GRANT, [replaceIn(GRANT, "any and all purposes", "the Project")]),
      request("b", id, GRANT, [replaceIn(GRANT, "all purposes", "some purposes")]),
    ]);
    expect(results.map((r) => r.status)).toEqual(["applied", "conflict"]);
  });

  it("skips an insertion strictly inside another finding's replacement", async () => {
    const { gateway } = wordWith([GRANT]);
    const [p] = await gateway.readParagraphs();
    const id = p?.id ?? "";
    const scope = replaceIn(GRANT, "any and all purposes", "the Project");
    const results = await gateway.applyEdits([
      request("a", id, GRANT, [scope]),
      request("b", id, GRANT, [{ start: scope.start + 4, length: 0, replacement: "lawful " }]),
    ]);
    expect(results.map((r) => r.status)).toEqual(["applied", "conflict"]);
  });
});

describe("gateway: undo", () => {
  it("rejects exactly the changes accept made and removes its comment", async () => {
    const { doc, gateway } = wordWith([GRANT, AI]);
    const [p] = await gateway.readParagraphs();
    const [r] = await gateway.applyEdits([request("f", p?.id ?? "", GRANT, [replaceIn(GRANT, "any and all purposes", "the Project")])]);
    if (r?.status !== "applied") throw new Error("not applied");
    expect(await gateway.undo(r)).toBe("undone");
    expect(doc.trackedChanges()).toEqual([]);
    expect(doc.comments).toEqual([]);
    expect(doc.acceptedText()).toEqual([GRANT, AI]);
  });

  it("says unsupported without WordApi 1.6", async () => {
    const { gateway } = wordWith([GRANT], { apiVersion: "1.4" });
    const [p] = await gateway.readParagraphs();
    const [r] = await gateway.applyEdits([request("f", p?.id ?? "", GRANT, [replaceIn(GRANT, "any and all", "the")])]);
    if (r?.status !== "applied") throw new Error("not applied");
    expect(await gateway.undo(r)).toBe("unsupported");
  });
});

describe("gateway: older Word", () => {
  it("WordApi 1.4 without 1.6: index ids, still tracked with comments", async () => {
    const { doc, gateway } = wordWith(["x", GRANT], { apiVersion: "1.4" });
    const paragraphs = await gateway.readParagraphs();
    expect(paragraphs.map((p) => p.id)).toEqual(["p0", "p1"]);
    const [r] = await gateway.applyEdits([request("f", "p1", GRANT, [replaceIn(GRANT, "any and all", "the")])]);
    expect(r).toMatchObject({ status: "applied", tracked: true });
    expect(doc.trackedChanges().length).toBe(2);
  });

  it("WordApi 1.3: applies the edit untracked and says so", async () => {
    const { doc, gateway } = wordWith([GRANT], { apiVersion: "1.3" });
    const [p] = await gateway.readParagraphs();
    const [r] = await gateway.applyEdits([request("f", p?.id ?? "", GRANT, [replaceIn(GRANT, "any and all", "the")])]);
    expect(r).toMatchObject({ status: "applied", tracked: false });
    expect(doc.trackedChanges()).toEqual([]);
    expect(doc.comments).toEqual([]);
    expect(doc.acceptedText()).toEqual([GRANT.replace("any and all", "the")]);
  });
});

describe("gateway: reading", () => {
  it("sends the accepted view of paragraphs with tracked deletions", async () => {
    const { doc, gateway } = wordWith(["keep this"], { trackingMode: "TrackAll" });
    doc.userReplaceParagraph(0, "new words");
    const [p] = await gateway.readParagraphs();
    expect(p?.text).toBe("new words");
  });

  it("readChanged re-reads only the asked paragraphs and the order", async () => {
    const { doc, gateway } = wordWith(["a", "b", "c"]);
    const ids = doc.paragraphIds();
    doc.userReplaceParagraph(1, "B");
    const { order, paragraphs } = await gateway.readChanged([ids[1] ?? "", "gone"]);
    expect(order).toEqual(ids);
    expect(paragraphs.map((p) => p.text)).toEqual(["B"]);
  });

  it("select puts the quote in the selection", async () => {
    const { doc, gateway } = wordWith([GRANT]);
    const [p] = await gateway.readParagraphs();
    const start = GRANT.indexOf("any and all purposes");
    expect(await gateway.select(p?.id ?? "", GRANT, start, 20)).toBe(true);
    expect(doc.selectedText()).toBe("any and all purposes");
  });

  it("watch reports a changed paragraph", async () => {
    const { doc, gateway } = wordWith(["a", "b"]);
    const seen: string[] = [];
    const stop = await gateway.watch((c) => seen.push(...c.changed));
    doc.userReplaceParagraph(0, "A");
    await new Promise((r) => setTimeout(r, 5));
    await stop();
    doc.userReplaceParagraph(1, "B");
    await new Promise((r) => setTimeout(r, 5));
    expect(seen).toEqual([doc.paragraphIds()[0]]);
  });
});

describe("gateway: sync counts", () => {
  const make = (n: number) => Array.from({ length: n }, (_, i) => `${i}. ${GRANT}`);

  for (const version of ["1.6", "1.4"] as const) {
    it(`a batch uses the same number of syncs at 10, 100 and 1,000 paragraphs; a scan one per ${READ_SLICE} (WordApi ${version})`, async () => {
      const counts: { scan: number; acceptAll: number }[] = [];
      for (const n of [10, 100, 1000]) {
        const { doc, gateway } = wordWith(make(n), { apiVersion: version });
        const scan = await syncsOf(doc, () => gateway.readParagraphs());
        const requests = scan.result.map((p, i) => request(`f${i}`, p.id, p.text, [replaceIn(p.text, "any and all purposes", "the Project")]));
        const accept = await syncsOf(doc, () => gateway.applyEdits(requests));
        expect(accept.result.every((r) => r.status === "applied")).toBe(true);
        counts.push({ scan: scan.syncs, acceptAll: accept.syncs });
        doc.rejectAll();
        expect(doc.acceptedText()).toEqual(make(n));
      }
      const acceptAll = version === "1.6" ? 2 : 3;
      // The scan: the body's list, one per slice, then two for the (empty) headers, footers and notes.
      expect(counts).toEqual([10, 100, 1000].map((n) => ({ scan: 1 + Math.ceil(n / READ_SLICE) + 2, acceptAll })));
    });
  }
});

describe("gateway: document-level insertions", () => {
  const CARVE_OUT = "Notwithstanding the foregoing, the rights granted to Client do not include the right to train AI on the Deliverables.";

  it("inserts tracked paragraphs after the anchor, and undo removes them", async () => {
    const { doc, gateway } = wordWith([GRANT, "Last."]);
    const [p] = await gateway.readParagraphs();
    const [result] = await gateway.applyEdits([], [{
      key: "d1", paragraphId: p?.id ?? "", text: GRANT, paragraphs: [{ text: CARVE_OUT, style: "Normal" }], comment: "why d1",
    }]);
    expect(result).toMatchObject({ status: "applied", tracked: true });
    expect(doc.acceptedText()).toEqual([GRANT, CARVE_OUT, "Last."]);
    if (!result) throw new Error("no result");
    expect(doc.comments.map((c) => c.content)).toEqual(["why d1"]);
    if (result.status !== "applied") throw new Error("not applied");
    expect(await gateway.undo(result)).toBe("undone");
    expect(doc.acceptedText()).toEqual([GRANT, "Last."]);
    expect(doc.trackedChanges()).toEqual([]);
  });

  it("goes in the same Word.run as paragraph edits (accept all): two syncs, exact round trip", async () => {
    const { doc, gateway } = wordWith([GRANT, "Last."]);
    const [p] = await gateway.readParagraphs();
    const id = p?.id ?? "";
    const edit = request("scope", id, GRANT, [replaceIn(GRANT, "for any and all purposes", "for the Project")]);
    const insert = { key: "d1", paragraphId: id, text: GRANT, paragraphs: [{ text: CARVE_OUT, style: "Normal" }], comment: "why d1" };
    const { result, syncs } = await syncsOf(doc, () => gateway.applyEdits([edit], [insert]));
    expect(result.map((r) => r.status)).toEqual(["applied", "applied"]);
    expect(syncs).toBe(2);
    expect(doc.acceptedText()).toEqual([applyEdits(GRANT, edit.edits), CARVE_OUT, "Last."]);
    expect(doc.comments.map((c) => c.content).sort()).toEqual(["why d1", "why scope"]);
    doc.rejectAll();
    expect(doc.acceptedText()).toEqual([GRANT, "Last."]);
  });

  it("refuses when the anchor paragraph changed", async () => {
    const { doc, gateway } = wordWith([GRANT]);
    const [p] = await gateway.readParagraphs();
    doc.userReplaceParagraph(0, "Changed.");
    const result = (await gateway.applyEdits([], [{ key: "d1", paragraphId: p?.id ?? "", text: GRANT, paragraphs: [{ text: CARVE_OUT, style: "Normal" }] }]))[0] as ApplyResult;
    expect(result.status).toBe("drift");
    expect(doc.acceptedText()).toEqual(["Changed."]);
  });
});
