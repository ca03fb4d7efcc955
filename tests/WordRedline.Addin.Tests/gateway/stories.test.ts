import { describe, expect, it } from "vitest";
import type { Applied, ApplyResult, DocParagraph } from "../../../src/WordRedline.Addin/src/word/gateway";
import { placeLabel } from "../../../src/WordRedline.Addin/src/word/stories";
import { FakeWordError } from "../fakes/fakeWord";
import { replaceIn, request, wordWith } from "../support/harness";

// Headers, footers, footnotes and endnotes through the gateway, against the fake Word's stories: what a scan reads
// and how it names each place, fixes landing as tracked changes in the right story (and only there), copies of a
// header in other sections, comments where Word allows them, undo, and a Word without footnotes.

const LICENCE = "Client may use the Deliverables for any and all purposes.";
const FIX = (text: string) => [replaceIn(text, "any and all purposes", "the Project")];
const FIXED = "Client may use the Deliverables for the Project.";
const BODY = ["Services Agreement", "Contractor will deliver the Deliverables."];

const byId = (paragraphs: readonly DocParagraph[], id: string): DocParagraph => {
  const p = paragraphs.find((x) => x.id === id);
  if (!p) throw new Error(`no paragraph ${id} in ${paragraphs.map((x) => x.id).join(", ")}`);
  return p;
};

const applied = (result: ApplyResult | undefined): Applied => {
  if (result?.status !== "applied") throw new Error(`not applied: ${JSON.stringify(result)}`);
  return result;
};

describe("gateway: scanning headers, footers and notes", () => {
  it("reads the body, then each header and footer with text, then each note, every id naming its place", async () => {
    const { gateway } = wordWith(BODY, {
      sections: [{ headers: { Primary: ["Confidential"] }, footers: { Primary: ["", LICENCE], FirstPage: ["Page one"] } }],
      footnotes: [["See clause 2."], [LICENCE]],
      endnotes: [["Governing law: England."]],
    });
    const paragraphs = await gateway.readParagraphs();
    expect(paragraphs.map((p) => p.id).slice(BODY.length)).toEqual([
      "header:s1:Primary:p0", "footer:s1:Primary:p1", "footer:s1:FirstPage:p0", "footnote:1:p0", "footnote:2:p0", "endnote:1:p0",
    ]);
    expect(paragraphs.slice(0, BODY.length).every((p) => p.place === undefined)).toBe(true);
    expect(byId(paragraphs, "footer:s1:Primary:p1")).toMatchObject({ text: LICENCE, place: { story: "footer", type: "Primary", sections: [1] } });
    expect(byId(paragraphs, "footnote:2:p0")).toMatchObject({ text: LICENCE, place: { story: "footnote", note: 2 } });
    expect(gateway.unread()).toEqual([]);
  });

  it("names places as a reader would", () => {
    expect(placeLabel({ story: "footer", type: "Primary", sections: [1] })).toBe("Footer");
    expect(placeLabel({ story: "header", type: "FirstPage", sections: [1] })).toBe("First-page header");
    expect(placeLabel({ story: "footer", type: "EvenPages", sections: [2] })).toBe("Even-page footer, section 2");
    expect(placeLabel({ story: "header", type: "Primary", sections: [1, 2, 3] })).toBe("Header, sections 1, 2, 3");
    expect(placeLabel({ story: "footnote", note: 3 })).toBe("Footnote 3");
    expect(placeLabel({ story: "endnote", note: 1 })).toBe("Endnote 1");
  });

  it("reads a header linked to the previous section's once, with the later section as a copy", async () => {
    const { gateway } = wordWith(BODY, { sections: [{ footers: { Primary: [LICENCE] } }, {}, { footers: { Primary: ["Schedule"] } }] });
    const stories = (await gateway.readParagraphs()).filter((p) => p.place);
    expect(stories.map((p) => [p.id, p.copies])).toEqual([["footer:s1:Primary:p0", ["footer:s2:Primary:p0"]], ["footer:s3:Primary:p0", undefined]]);
    expect(stories[0]?.place).toEqual({ story: "footer", type: "Primary", sections: [1, 2] });
  });

  it("without WordApi 1.5 reads headers and footers, skips notes cleanly and says so", async () => {
    const { doc, gateway } = wordWith(BODY, { apiVersion: "1.4", sections: [{ footers: { Primary: [LICENCE] } }], footnotes: [[LICENCE]] });
    expect(gateway.capabilities.notes).toBe(false);
    const paragraphs = await gateway.readParagraphs();
    expect(paragraphs.map((p) => p.id).slice(BODY.length)).toEqual(["footer:s1:Primary:p0"]);
    expect(gateway.unread()).toEqual([expect.stringMatching(/^footnotes and endnotes/)]);
    // The fake refuses what this Word lacks, so the gateway cannot have asked.
    await expect(Word.run(async (context) => {
      context.document.body.footnotes.load("items");
      await context.sync();
    })).rejects.toThrow(/WordApi 1\.5/);
    expect(doc.storyText("footnote:1")).toEqual([LICENCE]);
  });

  it("a first-page or even-page header Word cannot read costs only those; the rest is read and the gap reported", async () => {
    const { doc, gateway } = wordWith(BODY, { sections: [{ headers: { Primary: [LICENCE], FirstPage: ["First"] } }] });
    doc.failOn("Section.getHeader", 1); // the second getHeader (FirstPage) fails, as in office-js-docs-reference #1202
    const paragraphs = await gateway.readParagraphs();
    expect(paragraphs.map((p) => p.id).slice(BODY.length)).toEqual(["header:s1:Primary:p0"]);
    expect(gateway.unread()).toEqual([expect.stringMatching(/^first-page and even-page headers and footers/)]);
  });
});

describe("gateway: fixes in headers, footers and notes", () => {
  it("a footer fix is a tracked change of only the changed words, in the footer, with no comment (Word has none there)", async () => {
    const { doc, gateway } = wordWith(BODY, { sections: [{ footers: { Primary: [LICENCE] } }] });
    const footer = byId(await gateway.readParagraphs(), "footer:s1:Primary:p0");
    const result = applied((await gateway.applyEdits([request("f", footer.id, footer.text, FIX(footer.text))]))[0]);
    expect(result).toMatchObject({ tracked: true, commentRefused: true, ops: [{ deleted: "any and all purposes", inserted: "the Project" }] });
    expect(result.comment).toBeUndefined();
    expect(doc.trackedChanges("footer:s1:Primary")).toEqual([
      { type: "Deleted", text: "any and all purposes", author: "Fake User" }, { type: "Added", text: "the Project", author: "Fake User" },
    ]);
    expect(doc.storyText("footer:s1:Primary")).toEqual([FIXED]);
    expect(doc.storyText("footer:s1:Primary", "Original")).toEqual([LICENCE]);
    expect(doc.acceptedText()).toEqual(BODY);
    expect(doc.comments).toEqual([]);
    expect(doc.trackingMode).toBe("Off");

    expect(await gateway.undo(result)).toBe("undone");
    expect(doc.trackedChanges()).toEqual([]);
    expect(doc.storyText("footer:s1:Primary")).toEqual([LICENCE]);
  });

  it("a footnote fix is tracked and carries its comment on the changed words", async () => {
    const { doc, gateway } = wordWith(BODY, { footnotes: [["See clause 2."], [LICENCE]] });
    const note = byId(await gateway.readParagraphs(), "footnote:2:p0");
    const result = applied((await gateway.applyEdits([request("n", note.id, note.text, FIX(note.text))]))[0]);
    expect(result.comment).toBe("why n");
    expect(doc.storyText("footnote:2")).toEqual([FIXED]);
    expect(doc.storyText("footnote:1")).toEqual(["See clause 2."]);
    expect(doc.commentsIn("footnote:2")).toEqual([{ content: "why n", text: "the Project" }]);
    expect(await gateway.undo(result)).toBe("undone");
    expect(doc.comments).toEqual([]);
    expect(doc.storyText("footnote:2")).toEqual([LICENCE]);
  });

  it("the same wording in the body and the footer: two findings, each landing in its own place", async () => {
    const { doc, gateway } = wordWith([LICENCE, ...BODY], { sections: [{ footers: { Primary: [LICENCE] } }] });
    const paragraphs = await gateway.readParagraphs();
    const [body, footer] = [paragraphs[0] as DocParagraph, byId(paragraphs, "footer:s1:Primary:p0")];
    expect(body.id).not.toBe(footer.id);
    const [inFooter] = await gateway.applyEdits([request("footer", footer.id, footer.text, FIX(footer.text))]);
    expect(inFooter?.status).toBe("applied");
    expect(doc.acceptedText()).toEqual([LICENCE, ...BODY]);
    expect(doc.storyText("footer:s1:Primary")).toEqual([FIXED]);
    const [inBody] = await gateway.applyEdits([request("body", body.id, body.text, FIX(body.text))]);
    expect(inBody?.status).toBe("applied");
    expect(doc.acceptedText()).toEqual([FIXED, ...BODY]);
    expect(doc.commentsIn("body")).toEqual([{ content: "why body", text: "the Project" }]);
    expect(doc.trackedChanges("footer:s1:Primary").length).toBe(2);
    expect(doc.trackedChanges("body").length).toBe(2);
  });

  it("refuses a footer that changed since the scan and touches nothing", async () => {
    const { doc, gateway } = wordWith(BODY, { sections: [{ footers: { Primary: [LICENCE] } }] });
    const footer = byId(await gateway.readParagraphs(), "footer:s1:Primary:p0");
    // The scan saw other words than the footer now holds.
    const [ok] = await gateway.applyEdits([request("f", footer.id, `${footer.text} `, FIX(footer.text))]);
    expect(ok?.status).toBe("drift");
    expect(doc.trackedChanges("footer:s1:Primary")).toEqual([]);
  });

  it("a linked footer (Same as Previous) is written once, however many sections show it", async () => {
    const { doc, gateway } = wordWith(BODY, { sections: [{ footers: { Primary: [LICENCE] } }, {}, {}] });
    const footer = byId(await gateway.readParagraphs(), "footer:s1:Primary:p0");
    expect(footer.copies).toEqual(["footer:s2:Primary:p0", "footer:s3:Primary:p0"]);
    const result = applied((await gateway.applyEdits([{ ...request("f", footer.id, footer.text, FIX(footer.text)), copies: footer.copies ?? [] }]))[0]);
    expect(result.copies).toBeUndefined();
    expect(doc.trackedChanges("footer:s1:Primary").map((t) => t.type)).toEqual(["Deleted", "Added"]);
    expect(doc.storyText("footer:s1:Primary")).toEqual([FIXED]);
  });

  it("a separate footer with the same words in another section gets the same fix, and undo takes both back", async () => {
    const { doc, gateway } = wordWith(BODY, { sections: [{ footers: { Primary: [LICENCE] } }, { footers: { Primary: [LICENCE] } }] });
    const footer = byId(await gateway.readParagraphs(), "footer:s1:Primary:p0");
    expect(footer.copies).toEqual(["footer:s2:Primary:p0"]);
    const result = applied((await gateway.applyEdits([{ ...request("f", footer.id, footer.text, FIX(footer.text)), copies: footer.copies ?? [] }]))[0]);
    expect(result.copies).toEqual(["footer:s2:Primary:p0"]);
    expect(doc.storyText("footer:s1:Primary")).toEqual([FIXED]);
    expect(doc.storyText("footer:s2:Primary")).toEqual([FIXED]);
    expect(await gateway.undo(result)).toBe("undone");
    expect(doc.trackedChanges()).toEqual([]);
    expect(doc.storyText("footer:s2:Primary")).toEqual([LICENCE]);
  });

  it("a separate footer copy someone edited since the scan is left alone, and the result names it", async () => {
    const { doc, gateway } = wordWith(BODY, { sections: [{ footers: { Primary: [LICENCE] } }, { footers: { Primary: [LICENCE] } }, {}] });
    const footer = byId(await gateway.readParagraphs(), "footer:s1:Primary:p0");
    expect(footer.copies).toEqual(["footer:s2:Primary:p0", "footer:s3:Primary:p0"]);
    // After the scan, someone rewrites section 2's own footer (section 3's stays linked to it).
    await Word.run(async (context) => {
      const sections = context.document.sections.load("$none");
      await context.sync();
      sections.items[1]?.getFooter("Primary").paragraphs.getFirst().insertText("Client may use the Deliverables for internal purposes.", "Replace");
      await context.sync();
    });
    const result = applied((await gateway.applyEdits([{ ...request("f", footer.id, footer.text, FIX(footer.text)), copies: footer.copies ?? [] }]))[0]);
    expect(result.copies).toBeUndefined();
    expect(result.copiesChanged).toEqual(["footer:s2:Primary:p0", "footer:s3:Primary:p0"]);
    expect(doc.storyText("footer:s1:Primary")).toEqual([FIXED]);
    expect(doc.storyText("footer:s2:Primary")).toEqual(["Client may use the Deliverables for internal purposes."]);
    expect(doc.trackedChanges("footer:s2:Primary")).toEqual([]);
  });

  it("a linked copy is not reported as changed: it already shows the change", async () => {
    const { gateway } = wordWith(BODY, { sections: [{ footers: { Primary: [LICENCE] } }, {}] });
    const footer = byId(await gateway.readParagraphs(), "footer:s1:Primary:p0");
    const result = applied((await gateway.applyEdits([{ ...request("f", footer.id, footer.text, FIX(footer.text)), copies: footer.copies ?? [] }]))[0]);
    expect(result.copies).toBeUndefined();
    expect(result.copiesChanged).toBeUndefined();
  });

  it("clicking a footer quote selects it in the footer", async () => {
    const { doc, gateway } = wordWith([LICENCE], { sections: [{ footers: { Primary: [LICENCE] } }] });
    const footer = byId(await gateway.readParagraphs(), "footer:s1:Primary:p0");
    expect(await gateway.select(footer.id, footer.text, LICENCE.indexOf("any"), "any and all purposes".length)).toBe(true);
    expect(doc.selectedText()).toBe("any and all purposes");
    expect(doc.selection && doc.selection.start).toBeGreaterThan(LICENCE.length);
  });

  it("the fake refuses a comment in a header, as Word does", async () => {
    const { doc } = wordWith(BODY, { sections: [{ headers: { Primary: [LICENCE] } }] });
    await expect(Word.run(async (context) => {
      const header = context.document.sections.getFirst().getHeader("Primary");
      header.paragraphs.getFirst().getRange("Content").insertComment("no");
      await context.sync();
    })).rejects.toBeInstanceOf(FakeWordError);
    expect(doc.comments).toEqual([]);
  });
});
