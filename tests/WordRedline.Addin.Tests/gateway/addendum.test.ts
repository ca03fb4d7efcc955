import { describe, expect, it } from "vitest";
import { ADDENDUM_TAG, PENDING_ADDENDUM_TAG } from "../../../src/WordRedline.Addin/src/word/addendum";
import { request, wordWith } from "../support/harness";

// The addendum against the strict fake: only Word.BuiltInStyleName values are accepted, numbering comes from a list
// the gateway creates, and a sync that fails halfway (any command) leaves no partial addendum behind.

const GRANT = "Contractor hereby grants Client a license to use the Deliverables for any and all purposes.";
const ENTIRE = "This Agreement is the entire agreement between the parties.";
const REFERENCE = " The AI Protection Addendum attached hereto forms part of this Agreement.";
const ADDENDUM = [
  { text: "AI Protection Addendum", style: "Heading1" },
  { text: "This Addendum forms part of the Agreement.", style: "Normal" },
  { text: "No training. Client shall not use the Deliverables to train any AI System.", style: "ListNumber" },
  { text: "Human authorship. Derivative works are made by human agents only.", style: "ListNumber" },
  { text: "Survival. This Addendum survives termination.", style: "ListNumber" },
];
const TEXTS = ADDENDUM.map((p) => p.text);

describe("gateway: addendum", () => {
  it("inserts once, tracked, numbered by its own list, in a tagged content control, with the reference sentence", async () => {
    const { doc, gateway } = wordWith([GRANT, ENTIRE]);
    const [, entire] = await gateway.readParagraphs();
    const reference = request("ref", entire?.id ?? "", ENTIRE, [{ start: ENTIRE.length, length: 0, replacement: REFERENCE }]);
    expect(await gateway.insertAddendum(ADDENDUM, reference, false)).toMatchObject({ status: "inserted", tracked: true, reference: { status: "applied" } });
    expect(await gateway.insertAddendum(ADDENDUM, reference, false)).toEqual({ status: "exists" });

    expect(doc.contentControls.map((c) => c.tag)).toEqual([ADDENDUM_TAG]);
    // The block ends before an empty last paragraph, so the control never holds the document's final mark.
    expect(doc.acceptedText()).toEqual([GRANT, `${ENTIRE}${REFERENCE}`, "\f", ...TEXTS, ""]);
    expect(doc.paragraphStyles().slice(3, 8)).toEqual(["Heading1", "Normal", "ListParagraph", "ListParagraph", "ListParagraph"]);
    expect(doc.listLabels().slice(3, 8)).toEqual([null, null, "1.", "2.", "3."]);
    expect(doc.trackingMode).toBe("Off");
    // Everything but the empty last paragraph is a tracked insertion: rejecting all gives the contract back.
    doc.rejectAll();
    expect(doc.acceptedText()).toEqual([GRANT, ENTIRE, ""]);
  });

  it("reuses an empty last paragraph instead of adding one", async () => {
    const { doc, gateway } = wordWith([GRANT, ""]);
    await gateway.insertAddendum(ADDENDUM, null, false);
    expect(doc.acceptedText()).toEqual([GRANT, "\f", ...TEXTS, ""]);
  });

  it("starts a separate list for bullets and keeps non-list paragraphs out of lists", async () => {
    const { doc, gateway } = wordWith([GRANT, ""]);
    await gateway.insertAddendum([
      { text: "Title", style: "Heading1" }, { text: "a", style: "ListNumber" }, { text: "b", style: "ListNumber" },
      { text: "Notes", style: "Normal" }, { text: "x", style: "ListBullet" }, { text: "y", style: "ListBullet" }, { text: "c", style: "ListNumber" },
    ], null, false);
    expect(doc.listLabels().slice(2, 9)).toEqual([null, "1.", "2.", null, "\u2022", "\u2022", "1."]);
  });

  it("an unknown engine style becomes body text rather than a refused command", async () => {
    const { doc, gateway } = wordWith([GRANT, ""]);
    await gateway.insertAddendum([{ text: "Clause", style: "FancyClause" }], null, false);
    expect(doc.paragraphStyles().at(-2)).toBe("Normal");
  });

  it("replace swaps the old addendum for the new one: one control, one list", async () => {
    const { doc, gateway } = wordWith([GRANT]);
    await gateway.insertAddendum(ADDENDUM, null, false);
    doc.acceptAll();
    const updated = [{ text: "AI Protection Addendum", style: "Heading1" }, { text: "Updated clause.", style: "ListNumber" }];
    expect(await gateway.insertAddendum(updated, null, true)).toMatchObject({ status: "inserted" });
    expect(doc.contentControls.map((c) => c.tag)).toEqual([ADDENDUM_TAG]);
    doc.acceptAll();
    expect(doc.acceptedText()).toEqual([GRANT, "\f", "AI Protection Addendum", "Updated clause.", ""]);
    expect(doc.listLabels().at(-2)).toBe("1.");
  });

  it("works untracked on WordApi 1.3", async () => {
    const { doc, gateway } = wordWith([GRANT, ""], { apiVersion: "1.3" });
    expect(await gateway.insertAddendum(ADDENDUM, null, false)).toMatchObject({ status: "inserted", tracked: false });
    expect(doc.trackedChanges()).toEqual([]);
    expect(doc.listLabels().slice(4, 7)).toEqual(["1.", "2.", "3."]);
  });
});

describe("gateway: addendum, all or nothing", () => {
  // Every command the insertion sends, each made to fail in turn (the first, a middle one, the last).
  const FAILING = [
    "Body.insertParagraph", "Paragraph.insertParagraph", "Range.insertBreak", "Paragraph.insertContentControl",
    "ContentControl.insertParagraph", "Paragraph.styleBuiltIn", "Paragraph.startNewList", "Paragraph.attachToList",
    "List.setLevelNumbering", "ContentControl.tag",
  ];
  for (const method of FAILING) {
    for (const mode of ["Off", "TrackAll"] as const) {
      it(`a failure at ${method} (tracking ${mode}) leaves no addendum; the retry inserts exactly one`, async () => {
        const { doc, gateway } = wordWith([GRANT, ENTIRE], { trackingMode: mode });
        doc.failOn(method, method === "Paragraph.styleBuiltIn" || method === "ContentControl.insertParagraph" ? 2 : 0);
        await expect(gateway.insertAddendum(ADDENDUM, null, false)).rejects.toThrow(/failed this command/);
        // At most the empty last paragraph remains (Word cannot delete a document's final paragraph mark).
        expect(doc.acceptedText().filter((t) => t !== "")).toEqual([GRANT, ENTIRE]);
        expect(doc.acceptedText().length).toBeLessThanOrEqual(3);
        expect(doc.contentControls).toEqual([]);
        expect(doc.trackedChanges()).toEqual([]);
        expect(doc.trackingMode).toBe(mode);
        expect(await gateway.hasAddendum()).toBe(false);

        expect(await gateway.insertAddendum(ADDENDUM, null, false)).toMatchObject({ status: "inserted" });
        expect(doc.contentControls.map((c) => c.tag)).toEqual([ADDENDUM_TAG]);
        expect(doc.acceptedText()).toEqual([GRANT, ENTIRE, "\f", ...TEXTS, ""]);
        expect(doc.trackingMode).toBe(mode);
      });
    }
  }

  it("a pending block left by an interrupted attempt is removed by the next one", async () => {
    const { doc, gateway } = wordWith([GRANT, ""]);
    doc.failOn("ContentControl.tag", 1); // the pending tag goes in; the final tag fails
    // ...and the clean-up fails too, so the pending block stays, as if the pane had been closed mid-way.
    doc.failOn("ContentControl.delete");
    doc.failOn("Range.delete");
    await expect(gateway.insertAddendum(ADDENDUM, null, false)).rejects.toThrow();
    expect(doc.contentControls.map((c) => c.tag)).toEqual([PENDING_ADDENDUM_TAG]);
    expect(await gateway.hasAddendum()).toBe(false);
    doc.clearFaults();
    expect(await gateway.insertAddendum(ADDENDUM, null, false)).toMatchObject({ status: "inserted" });
    expect(doc.contentControls.map((c) => c.tag)).toEqual([ADDENDUM_TAG]);
    expect(doc.acceptedText()).toEqual([GRANT, "\f", ...TEXTS, ""]);
  });
});
