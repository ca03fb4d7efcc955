import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { AnalyzeResponse, Finding } from "../../../src/WordRedline.Addin/src/api/contract";
import type { ApplyResult, DocParagraph } from "../../../src/WordRedline.Addin/src/word/gateway";
import { changesOf } from "../../../src/WordRedline.Addin/src/taskpane/model/cards";
import { analyzeWithEngine, repoRoot } from "../support/engine";
import { applyEdits, request, syncsOf, wordWith } from "../support/harness";

// The whole dev corpus through the real engine and the gateway over the fake Word: every suggestion the engine
// makes must go in as tracked changes that reject back to the original exactly and accept to the intended text.
// The corpus stays in ../shared (never copied here); without it the suite is skipped.

const corpusDir = path.resolve(repoRoot, "../shared/corpus/dev");
const hasCorpus = existsSync(corpusDir);
if (!hasCorpus) console.warn(`corpus tests skipped: ${corpusDir} not found`);

interface Doc {
  name: string;
  paragraphs: string[];
  party: string;
}

function loadCorpus(): Doc[] {
  return readdirSync(corpusDir).filter((f) => f.endsWith(".txt")).sort().map((name) => {
    const lines = readFileSync(path.join(corpusDir, name), "utf8").split(/\r?\n/).slice(1);
    const header = JSON.parse(readFileSync(path.join(corpusDir, "labels", `${name.slice(0, 2)}.jsonl`), "utf8").split("\n")[0] ?? "{}") as { protected_party: string };
    return { name, paragraphs: lines.map((l) => l.trim()).filter((l) => l.length > 0), party: header.protected_party };
  });
}

describe.skipIf(!hasCorpus)("dev corpus: accept every engine suggestion", () => {
  let docs: Doc[] = [];
  let ids: DocParagraph[][] = [];
  let analyses: AnalyzeResponse[] = [];

  beforeAll(async () => {
    docs = loadCorpus();
    ids = [];
    for (const d of docs) ids.push(await wordWith(d.paragraphs).gateway.readParagraphs());
    analyses = analyzeWithEngine(docs.map((d, i) => ({ paragraphs: (ids[i] ?? []).map(({ id, text }) => ({ id, text })), party: d.party })));
  }, 240_000);

  const editable = (a: AnalyzeResponse): Finding[] => a.findings.filter((f) => f.edits.length > 0);

  it("the engine proposes edits on the corpus (so the tests below exercise real findings)", () => {
    const total = analyses.reduce((n, a) => n + editable(a).length, 0);
    expect(total).toBeGreaterThan(20);
  });

  it("each finding alone: tracked, commented, reject-all gives the original, accept-all the intended text", async () => {
    let checked = 0;
    for (const [i, d] of docs.entries()) {
      const analysis = analyses[i] as AnalyzeResponse;
      for (const f of editable(analysis)) {
        const { doc, gateway } = wordWith(d.paragraphs);
        const paragraphs = await gateway.readParagraphs();
        const index = paragraphs.findIndex((p) => p.text === (ids[i] ?? []).find((x) => x.id === f.paragraphId)?.text);
        const target = paragraphs[index] as DocParagraph;
        const [result] = await gateway.applyEdits([request(f.id, target.id, target.text, changesOf(f))]);
        const where = `${d.name} ${f.id} ${f.ruleId ?? f.category}`;
        expect(result?.status, where).toBe("applied");
        const intended = d.paragraphs.map((p, k) => (k === index ? applyEdits(p, f.edits) : p));
        expect(doc.acceptedText(), where).toEqual(intended);
        expect(doc.originalText(), where).toEqual(d.paragraphs);
        // Only changed words: every marked text is one of the engine's word-level changes, written as given.
        const ops = (result as Extract<ApplyResult, { status: "applied" }>).ops;
        const expected = ops.flatMap((o) => [o.deleted && `Deleted:${o.deleted}`, o.inserted && `Added:${o.inserted}`]).filter(Boolean).sort();
        expect(doc.trackedChanges().map((t) => `${t.type}:${t.text}`).sort(), where).toEqual(expected);
        expect(doc.comments.length, where).toBe(1);
        doc.rejectAll();
        expect(doc.acceptedText(), where).toEqual(d.paragraphs);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(20);
    console.info(`corpus: ${checked} findings accepted one by one, each round-tripped exactly`);
  });

  it("accept all per document: one Word.run, two syncs, exact round trip, every edit applied", async () => {
    const tally = { applied: 0, conflict: 0, samePoint: 0 };
    for (const [i, d] of docs.entries()) {
      const analysis = analyses[i] as AnalyzeResponse;
      const { doc, gateway } = wordWith(d.paragraphs);
      const paragraphs = await gateway.readParagraphs();
      const byOldId = new Map((ids[i] ?? []).map((p, k) => [p.id, paragraphs[k] as DocParagraph]));
      const requests = editable(analysis).map((f) => {
        const p = byOldId.get(f.paragraphId) as DocParagraph;
        return { ...request(f.id, p.id, p.text, changesOf(f)), edits: f.edits };
      });
      const { result, syncs } = await syncsOf(doc, () => gateway.applyEdits(requests));
      expect(syncs, d.name).toBe(requests.length > 0 ? 2 : 0);
      const applied = new Set(result.filter((r) => r.status === "applied").map((r) => r.key));
      tally.applied += applied.size;
      tally.conflict += result.filter((r) => r.status === "conflict").length;
      expect(result.filter((r) => r.status === "drift" || r.status === "notFound"), d.name).toEqual([]);
      const intended = paragraphs.map((p) => applyEdits(p.text, requests.filter((r) => applied.has(r.key) && r.paragraphId === p.id).flatMap((r) => r.edits)));
      expect(doc.acceptedText(), d.name).toEqual(intended);
      // Each finding keeps its own comment; an insertion that shares its point with another finding's is its own
      // insertion, with the finding's comment on exactly its text (a rewrite's comment sits on its first change, the
      // struck words, so its later insertion is checked only as its own tracked text).
      expect(doc.comments.map((c) => c.content).sort(), d.name).toEqual(requests.filter((r) => applied.has(r.key)).map((r) => r.comment).sort());
      const commented = doc.commentedText();
      for (const r of requests) {
        const firstStart = Math.min(...r.edits.map((e) => e.start));
        const shared = r.edits.filter((e) => e.length === 0 && e.start === firstStart && requests.some((o) => o !== r && o.paragraphId === r.paragraphId && o.edits.some((x) => x.length === 0 && x.start === e.start)));
        for (const e of shared) expect(commented, `${d.name} ${r.key}`).toContainEqual({ content: r.comment, text: e.replacement });
        tally.samePoint += shared.length;
      }
      doc.rejectAll();
      expect(doc.acceptedText(), d.name).toEqual(d.paragraphs);
    }
    const total = analyses.reduce((n, a) => n + editable(a).length, 0);
    console.info(`corpus accept-all: ${tally.applied} of ${total} applied, ${tally.conflict} skipped as overlapping another finding, ${tally.samePoint} insertions sharing their point with another finding's`);
    expect(tally.conflict).toBe(0);
    expect(tally.applied).toBe(total);
    expect(tally.samePoint).toBeGreaterThan(0);
  });

  it("document-level findings insert their paragraphs after the anchor and reject cleanly", async () => {
    let inserted = 0;
    for (const [i, d] of docs.entries()) {
      for (const finding of (analyses[i] as AnalyzeResponse).documentFindings) {
        const { doc, gateway } = wordWith(d.paragraphs);
        const paragraphs = await gateway.readParagraphs();
        const k = (ids[i] ?? []).findIndex((p) => p.id === finding.insertAfterParagraphId);
        const anchor = paragraphs[k] as DocParagraph;
        const [result] = await gateway.applyEdits([], [{ key: finding.id, paragraphId: anchor.id, text: anchor.text, paragraphs: finding.paragraphs }]);
        expect(result?.status, d.name).toBe("applied");
        expect(doc.acceptedText(), d.name).toEqual([...d.paragraphs.slice(0, k + 1), ...finding.paragraphs.map((p) => p.text), ...d.paragraphs.slice(k + 1)]);
        doc.rejectAll();
        expect(doc.acceptedText(), d.name).toEqual(d.paragraphs);
        inserted++;
      }
    }
    expect(inserted).toBeGreaterThan(0);
  });
});
