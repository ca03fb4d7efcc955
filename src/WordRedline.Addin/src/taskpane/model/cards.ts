import type { AnalyzeResponse, Category, DocumentFinding, Edit, Finding, Severity } from "../../api/contract";
import { SEVERITY_ORDER } from "../../api/contract";
import { hashText } from "../../word/searchText";

// Cards: what the pane lists. A card is anchored to its paragraph's identity and its place among the paragraph's
// findings, never to its quoted text alone: the same wording in two clauses gives two cards, two redlines, two
// comments, each in its own clause.

export type Card =
  | { readonly kind: "paragraph"; readonly key: string; readonly finding: Finding }
  | { readonly kind: "document"; readonly key: string; readonly finding: DocumentFinding };

export type ParagraphCard = Extract<Card, { kind: "paragraph" }>;

/**
 * Keys stable across re-scans of an edited document (engine ids are positional): the paragraph, the rule, the quote
 * and, for repeats of one rule and quote in one paragraph, their order.
 */
export function cards(analysis: AnalyzeResponse | null): Card[] {
  if (!analysis) return [];
  const byPlace = [...analysis.findings].sort((a, b) =>
    a.paragraphId < b.paragraphId ? -1 : a.paragraphId > b.paragraphId ? 1 : a.start - b.start);
  const seen = new Map<string, number>();
  const keys = new Map<Finding, string>();
  for (const finding of byPlace) {
    const base = `${finding.paragraphId}:${finding.ruleId ?? finding.category}:${hashText(finding.quote)}`;
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    keys.set(finding, `${base}:${n}`);
  }
  const paragraphCards = analysis.findings.map((finding): Card => ({ kind: "paragraph", key: keys.get(finding) as string, finding }));
  return [
    ...analysis.documentFindings.map((finding): Card => ({ kind: "document", key: `doc:${finding.category}:${finding.insertAfterParagraphId}`, finding })),
    ...paragraphCards,
  ];
}

/** What "Dismiss" remembers in the document: paragraph ids change between sessions, so rule, quote and paragraph text. */
export const dismissKey = (card: Card, paragraphText: string | undefined): string =>
  card.kind === "document" ? `doc:${card.finding.category}` : `${card.finding.ruleId ?? card.finding.category}:${hashText(card.finding.quote)}:${hashText(paragraphText ?? "")}`;

/** Open risks: protective and already-mitigated findings do not count; risks without an automatic fix do. */
export const isOpenRisk = (card: Card): boolean =>
  card.finding.category !== "ai-protection" && !(card.kind === "paragraph" && card.finding.mitigated);

/** The engine's word-level changes for a paragraph finding (older services sent only the edits). */
export const changesOf = (finding: Finding): readonly Edit[] => (finding.changes && finding.changes.length > 0 ? finding.changes : finding.edits);

export const canAccept = (card: Card): boolean =>
  card.finding.category !== "ai-protection" &&
  (card.kind === "document" ? card.finding.paragraphs.length > 0 : changesOf(card.finding).length > 0);

/** The clause a card belongs to, for its header: the number a reader would cite and the heading it sits under,
 * when the engine sends them (Finding.clause, Finding.heading). */
export function clauseOf(card: Card): { readonly number?: string; readonly heading?: string } | null {
  const f = card.finding as { clause?: string; heading?: string };
  const number = typeof f.clause === "string" && f.clause ? f.clause : undefined;
  const heading = typeof f.heading === "string" && f.heading ? f.heading : undefined;
  return number || heading ? { ...(number ? { number } : {}), ...(heading ? { heading } : {}) } : null;
}

/** A blank the user must complete in an edit's replacement (Finding.fillIns): edit index, place, what to write. */
export interface FillIn {
  readonly edit: number;
  readonly start: number;
  readonly length: number;
  readonly prompt: string;
}

export const fillInsOf = (card: Card): readonly FillIn[] =>
  card.kind === "paragraph" ? ((card.finding as { fillIns?: readonly FillIn[] }).fillIns ?? []) : [];

/** True while a blank is still in the wording that would go in (the engine's, or the user's edited draft). */
export function unfilled(card: Card, replacements?: readonly string[]): boolean {
  if (card.kind !== "paragraph") return false;
  return fillInsOf(card).some((fi) => {
    const proposed = card.finding.edits[fi.edit]?.replacement ?? "";
    const blank = proposed.slice(fi.start, fi.start + fi.length);
    const now = replacements ? replacements[fi.edit] ?? proposed : proposed;
    return blank.length > 0 && now.includes(blank);
  });
}

export type GroupName = Severity | "protective";

export interface CardGroup {
  readonly name: GroupName;
  readonly cards: readonly Card[];
}

/** Cards to show, by severity (protective last), filtered by category, without dismissed or just-accepted ones. */
export function visibleGroups(all: readonly Card[], hidden: ReadonlySet<string>, categories: ReadonlySet<Category>): CardGroup[] {
  const shown = all.filter((c) => !hidden.has(c.key) && (categories.size === 0 || categories.has(c.finding.category)));
  const groups: CardGroup[] = SEVERITY_ORDER.map((name) => ({
    name, cards: shown.filter((c) => c.finding.severity === name && c.finding.category !== "ai-protection"),
  }));
  groups.push({ name: "protective", cards: shown.filter((c) => c.finding.category === "ai-protection") });
  return groups.filter((g) => g.cards.length > 0);
}

export interface PreviewSegment {
  readonly kind: "same" | "del" | "ins";
  readonly text: string;
}

/** The redline a card shows: exactly the changes that will be written, with a few words of context either side. */
export function preview(text: string, changes: readonly Edit[], contextWords = 6): PreviewSegment[] {
  if (changes.length === 0) return [];
  const sorted = [...changes].sort((a, b) => a.start - b.start || a.length - b.length);
  const first = sorted[0] as Edit;
  const last = sorted.at(-1) as Edit;
  const from = widen(text, first.start, contextWords, true);
  const to = widen(text, last.start + last.length, contextWords, false);
  const out: PreviewSegment[] = from > 0 ? [{ kind: "same", text: "\u2026 " }] : [];
  let at = from;
  for (const c of sorted) {
    if (c.start > at) out.push({ kind: "same", text: text.slice(at, c.start) });
    if (c.length > 0) out.push({ kind: "del", text: text.slice(c.start, c.start + c.length) });
    if (c.replacement) out.push({ kind: "ins", text: c.replacement });
    at = Math.max(at, c.start + c.length);
  }
  if (to > at) out.push({ kind: "same", text: text.slice(at, to) });
  if (to < text.length) out.push({ kind: "same", text: " \u2026" });
  return out;
}

function widen(text: string, at: number, words: number, back: boolean): number {
  let cut = at;
  for (let i = 0; i < words; i++) {
    const piece = back ? text.slice(0, cut).match(/\S+\s*$/)?.[0] : text.slice(cut).match(/^\s*\S+/)?.[0];
    if (!piece) break;
    cut += back ? -piece.length : piece.length;
  }
  return cut;
}
