import { describe, expect, it } from "vitest";
import { createFakeOffice, FakeWordDocument, type FakeRequestContext } from "./fakeWord";

// These tests pin the fake to the documented Word API behaviour the pane relies on (word.d.ts, the
// manage-tracked-changes and search-option-guidance pages), so gateway tests prove something about real Word.

const CLAUSE = "Contractor grants Client a license to use the Deliverables for any and all purposes.";

function run<T>(doc: FakeWordDocument, batch: (context: FakeRequestContext) => Promise<T>): Promise<T> {
  return createFakeOffice(doc).Word.run(batch);
}

describe("fake Word: batching", () => {
  it("reading a property before sync throws PropertyNotLoaded", async () => {
    const doc = new FakeWordDocument([CLAUSE]);
    await run(doc, async (context) => {
      const paragraphs = context.document.body.paragraphs.load("items/text");
      expect(() => paragraphs.items).toThrow(/PropertyNotLoaded/);
      await context.sync();
      expect(paragraphs.items.map((p) => p.text)).toEqual([CLAUSE]);
      expect(() => paragraphs.items[0]?.uniqueLocalId).toThrow(/PropertyNotLoaded/);
    });
  });

  it("counts every sync", async () => {
    const doc = new FakeWordDocument(["a", "b"]);
    await run(doc, async (context) => {
      context.document.body.paragraphs.load("items/text");
      await context.sync();
      await context.sync();
    });
    expect(doc.syncCount).toBe(2);
  });

  it("commands run at sync, not when called", async () => {
    const doc = new FakeWordDocument([CLAUSE]);
    await run(doc, async (context) => {
      context.document.body.insertParagraph("New", "End");
      expect(doc.acceptedText()).toEqual([CLAUSE]);
      await context.sync();
      expect(doc.acceptedText()).toEqual([CLAUSE, "New"]);
    });
  });

  it("APIs above the document's requirement set fail at sync with ApiNotFound", async () => {
    const doc = new FakeWordDocument([CLAUSE], { apiVersion: "1.3" });
    await expect(run(doc, async (context) => {
      context.document.load("changeTrackingMode");
      await context.sync();
    })).rejects.toThrow(/ApiNotFound/);
    await expect(run(doc, async (context) => {
      context.document.body.paragraphs.load("items/uniqueLocalId");
      await context.sync();
    })).rejects.toThrow(/ApiNotFound/);
  });
});

describe("fake Word: what some hosts do", () => {
  it("a held sync waits, its commands not yet run, until release", async () => {
    const doc = new FakeWordDocument([CLAUSE]);
    doc.hold();
    const done = run(doc, async (context) => {
      context.document.body.insertParagraph("New", "End");
      await context.sync();
    });
    await new Promise((r) => setTimeout(r, 0));
    expect([doc.heldSyncs, doc.acceptedText()]).toEqual([1, [CLAUSE]]);
    doc.release();
    await done;
    expect([doc.heldSyncs, doc.acceptedText()]).toEqual([0, [CLAUSE, "New"]]);
  });

  it("uniqueLocalIds: false loads every id as null although WordApi 1.6 is reported (office-js #4258)", async () => {
    const doc = new FakeWordDocument(["a", "b"], { uniqueLocalIds: false });
    const ids = await run(doc, async (context) => {
      const paragraphs = context.document.body.paragraphs.load("items/uniqueLocalId");
      await context.sync();
      return paragraphs.items.map((p) => p.uniqueLocalId);
    });
    expect(ids).toEqual([null, null]);
  });

  it("calls of a later requirement set fail on an earlier Word, whichever object makes them", async () => {
    const doc = new FakeWordDocument([CLAUSE], { apiVersion: "1.4" });
    await expect(run(doc, async (context) => {
      context.document.body.paragraphs.getFirst().getTrackedChanges().load("type");
      await context.sync();
    })).rejects.toThrow(/ApiNotFound: getTrackedChanges needs WordApi 1.6/);
    const older = new FakeWordDocument([CLAUSE], { apiVersion: "1.3" });
    await expect(run(older, async (context) => {
      context.document.body.paragraphs.getFirst().getComments().load("content");
      await context.sync();
    })).rejects.toThrow(/WordApi 1.4/);
  });
});

describe("fake Word: search", () => {
  it("is case-insensitive by default and exact with matchCase", async () => {
    const doc = new FakeWordDocument(["Any purpose and any other purpose"]);
    await run(doc, async (context) => {
      const body = context.document.body;
      const loose = body.search("any").load("text");
      const exact = body.search("any", { matchCase: true }).load("text");
      await context.sync();
      expect(loose.items.map((r) => r.text)).toEqual(["Any", "any"]);
      expect(exact.items.map((r) => r.text)).toEqual(["any"]);
    });
  });

  it("reports hits left to right without overlap", async () => {
    const doc = new FakeWordDocument(["aaaa"]);
    await run(doc, async (context) => {
      const hits = context.document.body.search("aa", { matchCase: true }).load("text");
      await context.sync();
      expect(hits.items.length).toBe(2);
    });
  });

  it("rejects search text over 255 characters", async () => {
    const doc = new FakeWordDocument(["x".repeat(300)]);
    await expect(run(doc, async (context) => {
      context.document.body.search("x".repeat(256)).load("text");
      await context.sync();
    })).rejects.toThrow(/InvalidArgument/);
  });

  it("understands caret codes and needs ^^ for a literal caret", async () => {
    const doc = new FakeWordDocument(["a^b\tc\u00a0d"]);
    await run(doc, async (context) => {
      const body = context.document.body;
      const caret = body.search("a^^b").load("text");
      const tab = body.search("b^tc").load("text");
      const nbsp = body.search("c^sd").load("text");
      const digit = body.search("^#").load("text");
      await context.sync();
      expect([caret.items.length, tab.items.length, nbsp.items.length, digit.items.length]).toEqual([1, 1, 1, 0]);
    });
    await expect(run(doc, async (context) => {
      context.document.body.search("a^b").load("text");
      await context.sync();
    })).rejects.toThrow(/InvalidArgument/);
  });

  it("matchWholeWord skips matches inside words", async () => {
    const doc = new FakeWordDocument(["use reuse use"]);
    await run(doc, async (context) => {
      const hits = context.document.body.search("use", { matchWholeWord: true }).load("text");
      await context.sync();
      expect(hits.items.length).toBe(2);
    });
  });

  it("sees text inside tracked deletions, as Word does (the accepted text is not what it searches)", async () => {
    const doc = new FakeWordDocument(["for any purpose"], { trackingMode: "TrackAll" });
    await run(doc, async (context) => {
      const hit = context.document.body.search("any ", { matchCase: true }).load("text");
      await context.sync();
      hit.items[0]?.delete();
      await context.sync();
      const joined = context.document.body.search("for purpose", { matchCase: true }).load("text");
      const deleted = context.document.body.search("any", { matchCase: true });
      const current = deleted.load("text");
      await context.sync();
      expect(joined.items.length).toBe(0);
      expect(current.items.length).toBe(1);
      const accepted = current.items[0]?.getReviewedText("Current");
      await context.sync();
      expect(accepted?.value).toBe("");
    });
  });
});

describe("fake Word: tracked changes", () => {
  it("insert after + delete under TrackAll records one insertion and one deletion", async () => {
    const doc = new FakeWordDocument([CLAUSE]);
    await run(doc, async (context) => {
      context.document.changeTrackingMode = "TrackAll";
      const hits = context.document.body.search("any and all", { matchCase: true }).load("text");
      await context.sync();
      const match = hits.items[0];
      if (!match) throw new Error("no hit");
      match.insertText("the Project's", "After");
      match.delete();
      await context.sync();
    });
    expect(doc.trackedChanges().map((c) => [c.type, c.text])).toEqual([["Deleted", "any and all"], ["Added", "the Project's"]]);
    expect(doc.acceptedText()).toEqual([CLAUSE.replace("any and all", "the Project's")]);
    expect(doc.originalText()).toEqual([CLAUSE]);
  });

  it("paragraph.text includes tracked deletions (Word on the web); getReviewedText gives each view", async () => {
    const doc = new FakeWordDocument(["keep drop keep"], { trackingMode: "TrackAll" });
    await run(doc, async (context) => {
      const hits = context.document.body.search("drop ", { matchCase: true }).load("text");
      await context.sync();
      hits.items[0]?.delete();
      const paragraphs = context.document.body.paragraphs.load("items/text");
      await context.sync();
      const p = paragraphs.items[0];
      if (!p) throw new Error("no paragraph");
      const current = p.getReviewedText("Current");
      const original = p.getReviewedText("Original");
      await context.sync();
      expect([p.text, current.value, original.value]).toEqual(["keep drop keep", "keep keep", "keep drop keep"]);
    });
  });

  it("untracked edits change the text with no revisions", async () => {
    const doc = new FakeWordDocument([CLAUSE]);
    await run(doc, async (context) => {
      const hits = context.document.body.search("any and all ", { matchCase: true }).load("text");
      await context.sync();
      hits.items[0]?.delete();
      await context.sync();
    });
    expect(doc.trackedChanges()).toEqual([]);
    expect(doc.originalText()).toEqual([CLAUSE.replace("any and all ", "")]);
  });

  it("deleting the author's own insertion removes it instead of marking it", async () => {
    const doc = new FakeWordDocument(["a c"], { trackingMode: "TrackAll" });
    await run(doc, async (context) => {
      const hits = context.document.body.search("a", { matchCase: true }).load("text");
      await context.sync();
      const inserted = hits.items[0]?.insertText(" b", "After");
      await context.sync();
      inserted?.delete();
      await context.sync();
    });
    expect(doc.trackedChanges()).toEqual([]);
    expect(doc.acceptedText()).toEqual(["a c"]);
  });

  it("getTrackedChanges lists a paragraph's changes; reject and accept resolve them", async () => {
    const doc = new FakeWordDocument(["one two three"], { trackingMode: "TrackAll" });
    await run(doc, async (context) => {
      const hits = context.document.body.search("two", { matchCase: true }).load("text");
      await context.sync();
      hits.items[0]?.insertText("2", "After");
      hits.items[0]?.delete();
      await context.sync();
      const paragraphs = context.document.body.paragraphs.load("items");
      await context.sync();
      const changes = paragraphs.items[0]?.getTrackedChanges().load("type,text");
      await context.sync();
      expect(changes?.items.map((c) => `${c.type}:${c.text}`)).toEqual(["Deleted:two", "Added:2"]);
      changes?.items.forEach((c) => c.reject());
      await context.sync();
    });
    expect(doc.trackedChanges()).toEqual([]);
    expect(doc.acceptedText()).toEqual(["one two three"]);
  });

  it("acceptAll and rejectAll on the body resolve every change", async () => {
    const make = () => {
      const doc = new FakeWordDocument(["alpha beta"], { trackingMode: "TrackAll" });
      return doc;
    };
    for (const accept of [true, false]) {
      const doc = make();
      await run(doc, async (context) => {
        const hits = context.document.body.search("beta").load("text");
        await context.sync();
        hits.items[0]?.insertText("gamma", "After");
        hits.items[0]?.delete();
        await context.sync();
        const all = context.document.body.getTrackedChanges();
        if (accept) all.acceptAll();
        else all.rejectAll();
        await context.sync();
      });
      expect(doc.trackedChanges()).toEqual([]);
      expect(doc.acceptedText()).toEqual([accept ? "alpha gamma" : "alpha beta"]);
    }
  });
});

describe("fake Word: ranges, comments, content controls, ids, events", () => {
  it("insertText locations: Before/After stay outside the range, Start/End grow it", async () => {
    const doc = new FakeWordDocument(["mid"]);
    await run(doc, async (context) => {
      const r = context.document.body.search("mid").load("text");
      await context.sync();
      const range = r.items[0];
      if (!range) throw new Error("no hit");
      range.insertText("<", "Before");
      range.insertText(">", "After");
      range.insertText("[", "Start");
      range.insertText("]", "End");
      range.load("text");
      await context.sync();
      expect(range.text).toBe("[mid]");
    });
    expect(doc.acceptedText()).toEqual(["<[mid]>"]);
  });

  it("expandTo spans two hits and insertComment anchors on it", async () => {
    const doc = new FakeWordDocument(["start middle end"]);
    await run(doc, async (context) => {
      const a = context.document.body.search("start").load("text");
      const b = context.document.body.search("end").load("text");
      await context.sync();
      const both = a.items[0]?.expandTo(b.items[0] as never);
      both?.load("text");
      both?.insertComment("why");
      await context.sync();
      expect(both?.text).toBe("start middle end");
    });
    expect(doc.comments.map((c) => c.content)).toEqual(["why"]);
  });

  it("uniqueLocalId is a GUID that finds the same paragraph after edits before it", async () => {
    const doc = new FakeWordDocument(["first", "second"]);
    await run(doc, async (context) => {
      const paragraphs = context.document.body.paragraphs.load("items/uniqueLocalId");
      await context.sync();
      const id = paragraphs.items[1]?.uniqueLocalId ?? "";
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      context.document.body.insertParagraph("zero", "Start");
      const again = context.document.getParagraphByUniqueLocalId(id).load("text");
      await context.sync();
      expect(again.text).toBe("second");
    });
  });

  it("content controls are found by tag", async () => {
    const doc = new FakeWordDocument(["body"]);
    await run(doc, async (context) => {
      const p = context.document.body.insertParagraph("Addendum", "End");
      const cc = p.getRange("Whole").insertContentControl();
      cc.tag = "wordredline-ai-addendum";
      await context.sync();
      const found = context.document.body.contentControls.getByTag("wordredline-ai-addendum").load("text");
      const none = context.document.body.contentControls.getByTag("other").load("text");
      await context.sync();
      expect([found.items.length, found.items[0]?.text, none.items.length]).toEqual([1, "Addendum", 0]);
    });
  });

  it("raises ParagraphChanged for edits, with the paragraph's id", async () => {
    const doc = new FakeWordDocument(["first", "second"]);
    const seen: string[][] = [];
    await run(doc, async (context) => {
      context.document.onParagraphChanged.add((e) => void seen.push(e.uniqueLocalIds));
      await context.sync();
    });
    doc.userReplaceParagraph(1, "changed");
    await new Promise((r) => setTimeout(r, 5));
    expect(seen).toEqual([[doc.paragraphIds()[1]]]);
    expect(doc.acceptedText()).toEqual(["first", "changed"]);
  });
});
