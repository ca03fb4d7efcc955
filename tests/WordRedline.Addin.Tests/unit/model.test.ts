import { describe, expect, it } from "vitest";
import type { AnalyzeResponse, Finding } from "../../../src/WordRedline.Addin/src/api/contract";
import { ApiError } from "../../../src/WordRedline.Addin/src/api/client";
import {
  acceptedInsertions, cardKey, cards, diffPreview, editRequest, mergeParagraphs, noticeForError, noticeForResults, visibleGroups, type Card,
} from "../../../src/WordRedline.Addin/src/taskpane/model";
import { initialState, paneReducer } from "../../../src/WordRedline.Addin/src/taskpane/usePane";
import { hashText } from "../../../src/WordRedline.Addin/src/word/searchText";

const TEXT = "The Designer grants the Agency a license to use the Deliverables for any and all purposes.";
const finding = (over: Partial<Finding> = {}): Finding => ({
  id: "f1", paragraphId: "p1", category: "usage-scope", severity: "high", title: "Any purpose", explanation: "e",
  start: TEXT.indexOf("for any"), length: 24, quote: "for any and all purposes",
  edits: [{ start: TEXT.indexOf("any and all"), length: 11, replacement: "the Project's" }], rationale: "r", ruleId: "usage-scope.any-purpose",
  ...over,
});
const analysis = (findings: Finding[]): AnalyzeResponse => ({
  party: { name: "Designer", counterparty: "Agency", workTerm: "Deliverables", detected: true }, score: 40, grade: "D",
  findings, documentFindings: [], protections: [],
});

describe("cards and groups", () => {
  it("keys survive a re-scan that renumbers findings", () => {
    expect(cardKey(finding({ id: "f1" }))).toBe(cardKey(finding({ id: "f9" })));
    expect(cardKey(finding())).not.toBe(cardKey(finding({ quote: "for any purpose" })));
  });

  it("groups by severity, protective last, hiding dismissed and filtered cards", () => {
    const all = cards(analysis([
      finding(),
      finding({ id: "f2", severity: "medium", category: "data-sharing", quote: "share" }),
      finding({ id: "f3", severity: "info", category: "ai-protection", quote: "no AI training", edits: [] }),
    ]));
    expect(visibleGroups(all, new Set(), new Set(), new Set()).map((g) => g.severity)).toEqual(["high", "medium", "protective"]);
    expect(visibleGroups(all, new Set([cardKey(finding())]), new Set(), new Set()).map((g) => g.severity)).toEqual(["medium", "protective"]);
    expect(visibleGroups(all, new Set(), new Set(), new Set(["data-sharing"]))).toEqual([{ severity: "medium", cards: [all[1]] }]);
  });
});

describe("diffPreview", () => {
  it("shows struck old words and inserted new words with context", () => {
    const segments = diffPreview(TEXT, finding());
    expect(segments.filter((s) => s.kind === "del").map((s) => s.text)).toEqual(["any and all"]);
    expect(segments.filter((s) => s.kind === "ins").map((s) => s.text)).toEqual(["the Project's"]);
    expect(segments[0]).toEqual({ kind: "same", text: "… " });
  });
});

describe("notices", () => {
  it("gives each service failure a way forward", () => {
    const by = (kind: ApiError["kind"]) => noticeForError(new ApiError(kind, "m", 0, 3), "https://localhost:5443");
    expect(by("offline")).toMatchObject({ title: "Service unreachable", action: "retry" });
    expect(by("offline").message).toContain("https://localhost:5443");
    expect(by("unauthorized").action).toBe("signIn");
    expect(by("tooLarge").message).toContain("Split it");
    expect(by("rateLimited").message).toContain("3 s");
    expect(noticeForError(new Error("Word broke"), "x")).toMatchObject({ intent: "error", action: "retry" });
  });

  it("summarises a batch: applied, drifted, not placed", () => {
    const n = noticeForResults([
      { key: "a", status: "applied", tracked: true, paragraphId: "p", ops: [] },
      { key: "b", status: "drift", paragraphId: "p" },
    ], true);
    expect(n.intent).toBe("warning");
    expect(n.message).toContain("1 change added as tracked changes");
    expect(n.message).toContain("changed since the scan");
    expect(noticeForResults([{ key: "a", status: "applied", tracked: false, paragraphId: "p", ops: [] }], false).message).toContain("needs WordApi 1.4");
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
  it("keeps an accepted card hidden only while the engine still reports it", () => {
    const key = cardKey(finding());
    let s = paneReducer(initialState, { type: "accepted", items: [{ key, title: "t", result: { key, status: "applied", tracked: true, paragraphId: "p1", ops: [] }, insertions: null }] });
    s = paneReducer(s, { type: "analyzed", analysis: analysis([finding()]), paragraphs: [] });
    expect(s.hidden).toEqual([key]);
    s = paneReducer(s, { type: "analyzed", analysis: analysis([]), paragraphs: [] });
    expect(s.hidden).toEqual([]);
    expect(s.accepted.length).toBe(1);
    expect(paneReducer(s, { type: "undone", key }).accepted).toEqual([]);
  });

  it("a failure keeps the last analysis on screen", () => {
    const s = paneReducer({ ...initialState, analysis: analysis([]), status: "ready" }, { type: "failed", notice: { intent: "error", title: "t", message: "m" } });
    expect([s.status, s.notice?.title]).toEqual(["ready", "t"]);
  });
});

describe("accepting one of two insertions at one point, then the other", () => {
  const end = TEXT.length;
  const carve = finding({ quote: "license", ruleId: "license-breadth.broad-grant", edits: [{ start: end, length: 0, replacement: " No AI training." }] });
  const human = finding({ quote: "use", ruleId: "derivative-works.modify-adapt", edits: [{ start: end, length: 0, replacement: " Human agents only." }] });
  const paragraphs = new Map([["p1", { id: "p1", text: TEXT + " No AI training.", hash: "" }]]);

  it("a finding listed after an accepted one goes after its inserted text", () => {
    const all = cards(analysis([carve, human]));
    const accepted = acceptedInsertions(all[0] as Card, all);
    expect(accepted).toEqual({ paragraphId: "p1", inserted: [" No AI training."], later: [cardKey(human)] });
    expect(editRequest(human, paragraphs, accepted ? [accepted] : [])?.after).toEqual([" No AI training."]);
  });

  it("a finding listed before the accepted one keeps its point", () => {
    const all = cards(analysis([human, carve]));
    const accepted = acceptedInsertions(all[1] as Card, all);
    expect(editRequest(human, paragraphs, accepted ? [accepted] : [])?.after).toBeUndefined();
  });
});
