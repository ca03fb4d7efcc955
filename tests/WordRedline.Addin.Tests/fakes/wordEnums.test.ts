import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../support/engine";
import { createFakeOffice, FakeWordDocument, type FakeRequestContext } from "./fakeWord";
import { BUILT_IN_STYLE_NAMES, LIST_BULLET, LIST_NUMBERING } from "./wordEnums";

// The fake's enums against the installed @types/office-js (the typed Office.js reference): if Microsoft adds or
// renames a style, this fails and the fake is updated, so the fake never accepts what Word refuses.

const requireFromAddin = createRequire(path.join(repoRoot, "src/WordRedline.Addin/package.json"));
const wordDts = readFileSync(requireFromAddin.resolve("@types/office-js/index.d.ts"), "utf8");

/** The string literals of a union declared as `name: Word.X | "A" | "B";` (first match). */
function literalUnion(declaration: RegExp): string[] {
  const match = wordDts.match(declaration);
  if (!match?.[1]) throw new Error(`${declaration} not found in @types/office-js`);
  return [...match[1].matchAll(/"([^"]+)"/g)].map((m) => m[1] as string);
}

const run = <T>(doc: FakeWordDocument, batch: (context: FakeRequestContext) => Promise<T>) => createFakeOffice(doc).Word.run(batch);

describe("fake Word enums", () => {
  it("styleBuiltIn accepts exactly Word.BuiltInStyleName", () => {
    expect(BUILT_IN_STYLE_NAMES).toEqual(literalUnion(/styleBuiltIn: Word\.BuiltInStyleName \| ([^;]+);/));
    expect(BUILT_IN_STYLE_NAMES).not.toContain("ListNumber");
    expect(BUILT_IN_STYLE_NAMES).not.toContain("ListBullet");
  });

  it("list numbering and bullets match setLevelNumbering / setLevelBullet", () => {
    expect(LIST_NUMBERING).toEqual(literalUnion(/setLevelNumbering\(level: number, listNumbering: ("[^)]+), formatString/));
    expect(LIST_BULLET).toEqual(literalUnion(/setLevelBullet\(level: number, listBullet: ("[^,]+), charCode/));
  });

  it('"ListNumber" fails the sync with InvalidArgument, after the commands queued before it ran', async () => {
    const doc = new FakeWordDocument(["first"]);
    await expect(run(doc, async (context) => {
      const p = context.document.body.insertParagraph("clause", "End");
      p.styleBuiltIn = "ListNumber";
      context.document.body.insertParagraph("never", "End");
      await context.sync();
    })).rejects.toThrow(/InvalidArgument/);
    expect(doc.acceptedText()).toEqual(["first", "clause"]);
  });

  it("a list started on a paragraph numbers the items attached to it", async () => {
    const doc = new FakeWordDocument(["a", "b", "c", "d"]);
    await run(doc, async (context) => {
      const ps = context.document.body.paragraphs.load("$none");
      await context.sync();
      const list = ps.items[1]?.startNewList().load("id");
      await context.sync();
      ps.items[2]?.attachToList(list?.id ?? -1, 0);
      list?.setLevelNumbering(0, "Arabic", [0, ")"]);
      await context.sync();
    });
    expect(doc.listLabels()).toEqual([null, "1)", "2)", null]);
    await expect(run(doc, async (context) => {
      const ps = context.document.body.paragraphs.load("$none");
      await context.sync();
      ps.items[1]?.startNewList();
      await context.sync();
    })).rejects.toThrow(/already a list item/);
  });

  it("failOn makes the named command fail once, after the given number of them", async () => {
    const doc = new FakeWordDocument(["x"]);
    doc.failOn("Body.insertParagraph", 1);
    await expect(run(doc, async (context) => {
      for (const t of ["1", "2", "3"]) context.document.body.insertParagraph(t, "End");
      await context.sync();
    })).rejects.toThrow(/GeneralException/);
    expect(doc.acceptedText()).toEqual(["x", "1"]);
    await run(doc, async (context) => {
      context.document.body.insertParagraph("4", "End");
      await context.sync();
    });
    expect(doc.acceptedText()).toEqual(["x", "1", "4"]);
  });

  it("each insert and getRange takes only the locations word.d.ts gives it; another fails the sync with InvalidArgument", async () => {
    type Call = (context: FakeRequestContext, paragraph: ReturnType<FakeRequestContext["document"]["body"]["paragraphs"]["getFirst"]>) => unknown;
    // Each call passes a location the typed API does not list for that method (the cast is what real code could hide).
    const wrong: [string, Call][] = [
      ["Body.insertParagraph", (c) => c.document.body.insertParagraph("x", "After" as "End")],
      ["Body.insertBreak", (c) => c.document.body.insertBreak("Page", "Before" as "End")],
      ["Paragraph.insertParagraph", (_, p) => p.insertParagraph("x", "End" as "After")],
      ["Paragraph.insertText", (_, p) => p.insertText("x", "After" as "End")],
      ["Paragraph.getRange", (_, p) => p.getRange("Before" as "Start")],
      ["Range.insertText", (_, p) => p.getRange("Whole").insertText("x", "Inside" as "End")],
      ["Range.insertBreak", (_, p) => p.getRange("Start").insertBreak("Page", "Start" as "Before")],
      ["ContentControl.insertParagraph", (_, p) => p.insertContentControl().insertParagraph("x", "Replace" as "End")],
    ];
    for (const [name, call] of wrong) {
      const doc = new FakeWordDocument(["first"]);
      await expect(run(doc, async (context) => {
        call(context, context.document.body.paragraphs.getFirst());
        await context.sync();
      }), name).rejects.toThrow(new RegExp(`InvalidArgument.*${name.replace(".", "\\.")}`));
    }
  });
});
