import { describe, expect, it } from "vitest";
import type { AnalyzeResponse, Finding } from "../../../src/WordRedline.Addin/src/api/contract";
import { ApiError } from "../../../src/WordRedline.Addin/src/api/client";
import { canAccept, cards, clauseOf, dismissKey, preview, unfilled, visibleGroups, type ParagraphCard } from "../../../src/WordRedline.Addin/src/taskpane/model/cards";
import { noticeForError, noticeForResults, noticeForSignIn } from "../../../src/WordRedline.Addin/src/taskpane/model/notices";
import { clauseGroups, places } from "../../../src/WordRedline.Addin/src/taskpane/model/places";
import { BATCH_FINDINGS, batches, editRequest, editedEdits } from "../../../src/WordRedline.Addin/src/taskpane/model/requests";
import { initialState, paneReducer } from "../../../src/WordRedline.Addin/src/taskpane/paneState";
import { mergeParagraphs } from "../../../src/WordRedline.Addin/src/taskpane/hooks/useDocument";
import { hashText } from "../../../src/WordRedline.Addin/src/word/searchText";

const TEXT = "The Designer grants the Agency a license to use the Deliverables for any and all purposes.";
const at = TEXT.indexOf("any and all");
const finding = (over: Partial<Finding> = {}): Finding => ({
  id: "f1", paragraphId: "p1", category: "usage-scope", severity: "high", title: "Any purpose", explanation: "e",
  start: TEXT.indexOf("for any"), length: 24, quote: "for any and all purposes",
  edits: [{ start: at, length: 11, replacement: "the Project's" }],
  changes: [{ start: at, length: 11, replacement: "the Project's" }],
  rationale: "for you", comment: "For the counterparty.", ruleId: "usage-scope.open-purpose",
  ...over,
});
const analysis = (findings: Finding[]): AnalyzeResponse => ({
  party: { name: "Designer", counterparty: "Agency", workTerm: "Deliverables", detected: true }, score: 40, grade: "D",
  findings, documentFindings: [], protections: [], playbook: "freelancer-ai@test",
});
const paragraph = { id: "p1", text: TEXT, hash: hashText(TEXT) };

describe("cards", () => {
  it("keys survive a re-scan that renumbers findings, and tell repeats in other clauses apart", () => {
    const [a] = cards(analysis([finding({ id: "f1" })]));
    const [b] = cards(analysis([finding({ id: "f9" })]));
    expect(a?.key).toBe(b?.key);
    const three = cards(analysis([finding(), finding({ id: "f2", paragraphId: "p2" }), finding({ id: "f3", paragraphId: "p3" })]));
    expect(new Set(three.map((c) => c.key)).size).toBe(3);
  });

  it("two findings of one rule and quote in one paragraph get keys by position", () => {
    const two = cards(analysis([finding({ id: "f2", start: 60 }), finding({ id: "f1", start: 10 })]));
    expect(two.map((c) => c.key.at(-1))).toEqual(["1", "0"]);
  });

  it("dismissal is remembered by rule, quote and paragraph text (ids change between sessions)", () => {
    const [card] = cards(analysis([finding()]));
    const [other] = cards(analysis([finding({ paragraphId: "zz" })]));
    expect(dismissKey(card as ParagraphCard, TEXT)).toBe(dismissKey(other as ParagraphCard, TEXT));
    expect(dismissKey(card as ParagraphCard, TEXT)).not.toBe(dismissKey(card as ParagraphCard, `${TEXT} More.`));
  });

  it("groups by severity, protective last, without hidden and filtered cards", () => {
    const all = cards(analysis([
      finding(), finding({ id: "f2", severity: "medium", category: "data-sharing", quote: "share" }),
      finding({ id: "f3", severity: "info", category: "ai-protection", quote: "no AI training", edits: [], changes: [] }),
    ]));
    expect(visibleGroups(all, new Set(), new Set()).map((g) => g.name)).toEqual(["high", "medium", "protective"]);
    expect(visibleGroups(all, new Set([all[0]?.key as string]), new Set()).map((g) => g.name)).toEqual(["medium", "protective"]);
    expect(visibleGroups(all, new Set(), new Set(["data-sharing"]))).toEqual([{ name: "medium", cards: [all[1]] }]);
    expect(canAccept(all[2] as ParagraphCard)).toBe(false);
  });

  it("reads a clause number and heading when the engine sends them", () => {
    const [card] = cards(analysis([{ ...finding(), clause: "4.2", heading: "Licence" } as Finding]));
    expect(clauseOf(card as ParagraphCard)).toEqual({ number: "4.2", heading: "Licence" });
    expect(clauseOf(cards(analysis([{ ...finding(), clause: "", heading: "" } as Finding]))[0] as ParagraphCard)).toBeNull();
  });

  it("a fix with a blank to fill in cannot be accepted until the user's wording replaces the blank", () => {
    const blanky = { ...finding({ edits: [{ start: at, length: 11, replacement: "[the project]'s" }] }), fillIns: [{ edit: 0, start: 0, length: 13, prompt: "the project the work is for" }] } as Finding;
    const [card] = cards(analysis([blanky]));
    expect(unfilled(card as ParagraphCard)).toBe(true);
    expect(unfilled(card as ParagraphCard, ["[the project]'s"])).toBe(true);
    expect(unfilled(card as ParagraphCard, ["the Brand Refresh project's"])).toBe(false);
    expect(unfilled(cards(analysis([finding()]))[0] as ParagraphCard)).toBe(false);
  });
});

describe("preview", () => {
  it("shows exactly the changes, struck and inserted, with context", () => {
    const segments = preview(TEXT, finding().changes ?? []);
    expect(segments.filter((s) => s.kind === "del").map((s) => s.text)).toEqual(["any and all"]);
    expect(segments.filter((s) => s.kind === "ins").map((s) => s.text)).toEqual(["the Project's"]);
    expect(segments[0]).toEqual({ kind: "same", text: "\u2026 " });
  });
});

describe("requests", () => {
  const [card] = cards(analysis([finding()])) as ParagraphCard[];
  it("write exactly the engine's changes, and the counterparty comment (never the rationale)", () => {
    const r = editRequest(card as ParagraphCard, paragraph, { comments: true });
    expect(r).toMatchObject({ paragraphId: "p1", text: TEXT, changes: finding().changes, comment: "For the counterparty." });
    expect(JSON.stringify(r)).not.toContain("for you");
  });

  it("comments off: no comment", () => {
    expect(editRequest(card as ParagraphCard, paragraph, { comments: false })?.comment).toBeUndefined();
  });

  it("an edited draft brings its own changes and comment", () => {
    const draft = { replacements: ["the Project"], changes: [{ start: at, length: 11, replacement: "the Project" }], comment: "" };
    const r = editRequest(card as ParagraphCard, paragraph, { comments: true, draft });
    expect(r?.changes).toEqual(draft.changes);
    expect(r?.comment).toBeUndefined();
    expect(editedEdits(finding().edits, ["x"])).toEqual([{ start: at, length: 11, replacement: "x" }]);
  });

  it("batches keep a paragraph's findings together and stay under the batch size", () => {
    const many = cards(analysis(Array.from({ length: 45 }, (_, i) => finding({ id: `f${i}`, paragraphId: `p${Math.floor(i / 3)}`, start: i }))));
    const split = batches(many, (c) => (c.kind === "paragraph" ? c.finding.paragraphId : ""));
    expect(split.flat().length).toBe(45);
    expect(split.every((b) => b.length <= BATCH_FINDINGS)).toBe(true);
    for (const b of split) {
      const ids = new Set(b.map((c) => (c.kind === "paragraph" ? c.finding.paragraphId : "")));
      for (const other of split.filter((o) => o !== b)) expect(other.some((c) => c.kind === "paragraph" && ids.has(c.finding.paragraphId))).toBe(false);
    }
  });
});

describe("notices", () => {
  it("gives each service failure a way forward, in words for users", () => {
    const by = (kind: ApiError["kind"]) => noticeForError(new ApiError(kind, "m", 0, 3));
    expect(by("offline")).toMatchObject({ title: "Service unreachable", action: "retry" });
    expect(by("offline").message).not.toMatch(/dotnet|--project/);
    expect(by("timeout")).toMatchObject({ title: "No answer in time", action: "retry" });
    expect(by("unauthorized").action).toBe("signIn");
    expect(by("tooLarge").message).toContain("Split it");
    expect(by("rateLimited").message).toContain("3 s");
    expect(noticeForError(new Error("Word broke"))).toMatchObject({ intent: "error", action: "retry" });
  });

  it("summarises a batch: applied, drifted, not written", () => {
    const n = noticeForResults([
      { key: "a", status: "applied", tracked: true, paragraphId: "p", ops: [] },
      { key: "b", status: "drift", paragraphId: "p" },
      { key: "c", status: "failed", paragraphId: "p", reason: "x" },
    ], true, "Batch 1 of 2: 1 applied.");
    expect(n.intent).toBe("warning");
    expect(n.message).toContain("1 change added as tracked changes");
    expect(n.message).toContain("changed since the scan");
    expect(n.message).toContain("Word stopped the batch");
    expect(n.message).toContain("Batch 1 of 2");
    expect(n.action).toBe("retryBatch");
  });

  it("names a footer copy left alone because it was edited since the scan", () => {
    const n = noticeForResults([{ key: "a", status: "applied", tracked: true, paragraphId: "footer:s1:Primary:p0", ops: [], copiesChanged: ["footer:s2:Primary:p0"] }], true);
    expect(n.intent).toBe("warning");
    expect(n.message).toContain("Not changed: the copy in the footer, section 2, because it was edited since the scan");
  });

  it("a sign-in that did not finish offers Sign in again, in words for users", () => {
    const n = noticeForSignIn(new Error("user_cancelled: The user closed the window."));
    expect(n).toMatchObject({ intent: "warning", title: "Sign-in did not finish", action: "signIn" });
    expect(n.message).toContain("closed or blocked");
    expect(n.message).not.toMatch(/user_cancelled/);
  });
});

describe("places", () => {
  const body = [{ id: "p0", text: "Title", hash: "" }, paragraph];
  const footer = { id: "footer:s1:Primary:p0", text: TEXT, hash: "", place: { story: "footer" as const, type: "Primary" as const, sections: [1, 2] } };
  it("says where a card is on the card, in names read aloud and in the Accepted list, the same way", () => {
    const at = places([...body, footer]);
    const [numbered] = cards(analysis([finding({ clause: "3", heading: "License" })]));
    const [plain] = cards(analysis([finding()]));
    const [outside] = cards(analysis([finding({ paragraphId: footer.id, clause: "3", heading: "License" })]));
    expect([at.line(numbered as ParagraphCard), at.place(numbered as ParagraphCard)]).toEqual(["3 License", "clause 3"]);
    expect([at.line(plain as ParagraphCard), at.where(plain as ParagraphCard)]).toEqual(["paragraph 2", undefined]);
    expect([at.line(outside as ParagraphCard), at.place(outside as ParagraphCard)]).toEqual(["Footer, sections 1, 2", "footer, sections 1, 2"]);
  });
});

describe("clauseGroups", () => {
  it("groups cards by clause in document order; a clause number used again later (a schedule) is a new clause", () => {
    const ps = ["p0", "p1", "p2", "p3", "p4"].map((id) => ({ id, text: TEXT, hash: "" }));
    const f = (id: string, paragraphId: string, clause: string, severity: Finding["severity"]) =>
      finding({ id, paragraphId, clause, heading: "License", severity, quote: `q${id}`, ruleId: `r${id}` });
    // Given by severity (as the list is): clause 3 spans p1 and p2; clause 3 of a schedule comes again in p4.
    const all = cards(analysis([f("a", "p2", "3", "high"), f("b", "p4", "3", "high"), f("c", "p1", "3", "medium"), f("d", "p0", "1", "low"), f("e", "p3", "4", "low")]));
    const groups = clauseGroups(all, ps, places(ps));
    expect(groups.map((g) => [g.title, g.cards.map((c) => c.finding.id)])).toEqual([
      ["1 License", ["d"]], ["3 License", ["a", "c"]], ["4 License", ["e"]], ["3 License", ["b"]],
    ]);
    expect(new Set(groups.map((g) => g.key)).size).toBe(4);
  });
});

describe("mergeParagraphs", () => {
  const p = (id: string, text: string) => ({ id, text, hash: hashText(text) });
  it("keeps cached text, takes re-read text, follows Word's order", () => {
    expect(mergeParagraphs([p("a", "A"), p("b", "B")], ["b", "c", "a"], [p("c", "C"), p("b", "B2")])).toEqual([p("b", "B2"), p("c", "C"), p("a", "A")]);
  });
  it("is null when Word lists a paragraph never read", () => {
    expect(mergeParagraphs([p("a", "A")], ["a", "z"], [])).toBeNull();
  });
});

describe("paneReducer", () => {
  it("keeps an accepted card hidden only while the engine still reports it, and marks the score stale", () => {
    const [card] = cards(analysis([finding()]));
    const key = card?.key as string;
    let s = paneReducer(initialState, { type: "accepted", items: [{ key, title: "t", place: "paragraph 2", result: { key, status: "applied", tracked: true, paragraphId: "p1", ops: [] } }] });
    expect(s.stale).toBe(true);
    s = paneReducer(s, { type: "analyzed", analysis: analysis([finding()]), paragraphs: [] });
    expect([s.hidden, s.stale]).toEqual([[key], false]);
    s = paneReducer(s, { type: "analyzed", analysis: analysis([]), paragraphs: [] });
    expect(s.hidden).toEqual([]);
    expect(paneReducer(s, { type: "undone", key }).accepted).toEqual([]);
  });

  it("a failure keeps the last analysis on screen", () => {
    const s = paneReducer({ ...initialState, analysis: analysis([]), status: "ready" }, { type: "failed", notice: { intent: "error", title: "t", message: "m" } });
    expect([s.status, s.notice?.title]).toEqual(["ready", "t"]);
    // A new analysis clears an analysis error, but not a result that could not be placed.
    const retry = paneReducer(s, { type: "notice", notice: { intent: "error", title: "Service error", message: "m", action: "retry" } });
    expect(paneReducer(retry, { type: "analyzed", analysis: analysis([]), paragraphs: [] }).notice).toBeNull();
    const unplaced = paneReducer(s, { type: "notice", notice: { intent: "error", title: "Nothing applied", message: "could not be placed exactly" } });
    expect(paneReducer(unplaced, { type: "analyzed", analysis: analysis([]), paragraphs: [] }).notice?.title).toBe("Nothing applied");
  });
});
