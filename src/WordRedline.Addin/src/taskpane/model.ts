import type { AnalyzeResponse, Category, DocumentFinding, Finding, Severity } from "../api/contract";
import { SEVERITY_ORDER } from "../api/contract";
import { ApiError } from "../api/client";
import type { ApplyResult, DocParagraph, EditRequest, InsertRequest } from "../word/gateway";
import { applyEdits, wordHunks } from "../word/hunks";

const PREVIEW_MERGE_GAP_WORDS = 3;
import { hashText } from "../word/searchText";

// Pure pane logic: what to show and what to ask the gateway, kept apart from React so it is tested directly.

/** A card: a paragraph finding or a document finding. */
export type Card =
  | { readonly kind: "paragraph"; readonly key: string; readonly finding: Finding }
  | { readonly kind: "document"; readonly key: string; readonly finding: DocumentFinding };

/** Stable across re-scans (finding ids are not), so "Dismiss" survives edits elsewhere. */
export const cardKey = (f: Finding | DocumentFinding): string =>
  "paragraphId" in f ? `${f.ruleId ?? f.category}:${hashText(f.quote)}` : `doc:${f.category}`;

export function cards(analysis: AnalyzeResponse | null): Card[] {
  if (!analysis) return [];
  return [
    ...analysis.documentFindings.map((finding): Card => ({ kind: "document", key: cardKey(finding), finding })),
    ...analysis.findings.map((finding): Card => ({ kind: "paragraph", key: cardKey(finding), finding })),
  ];
}

/** Open risks: protective and already-mitigated findings do not count. */
export const isOpenRisk = (card: Card): boolean =>
  card.finding.category !== "ai-protection" && !(card.kind === "paragraph" && card.finding.mitigated);

export const canAccept = (card: Card): boolean =>
  card.kind === "document" ? card.finding.paragraphs.length > 0 : card.finding.edits.length > 0 && card.finding.category !== "ai-protection";

/** Cards to show, by severity (positive findings last), filtered by category and without dismissed or pending ones. */
export function visibleGroups(
  all: readonly Card[],
  dismissed: ReadonlySet<string>,
  hidden: ReadonlySet<string>,
  categories: ReadonlySet<Category>,
): { severity: Severity | "protective"; cards: Card[] }[] {
  const shown = all.filter((c) => !dismissed.has(c.key) && !hidden.has(c.key) &&
    (categories.size === 0 || categories.has(c.finding.category)));
  const groups: { severity: Severity | "protective"; cards: Card[] }[] = SEVERITY_ORDER.map((severity) => ({
    severity,
    cards: shown.filter((c) => c.finding.severity === severity && c.finding.category !== "ai-protection"),
  }));
  groups.push({ severity: "protective", cards: shown.filter((c) => c.finding.category === "ai-protection") });
  return groups.filter((g) => g.cards.length > 0);
}

/** What an accepted finding inserted into its paragraph, and the cards listed after it on that paragraph then. */
export interface AcceptedInsertions {
  readonly paragraphId: string;
  readonly inserted: readonly string[];
  readonly later: readonly string[];
}

/** The insertions of `card` (just accepted from `all`), for {@link editRequest}'s `after` later on. */
export function acceptedInsertions(card: Card, all: readonly Card[]): AcceptedInsertions | null {
  if (card.kind !== "paragraph") return null;
  const { paragraphId, edits } = card.finding;
  const index = all.findIndex((c) => c.key === card.key);
  const later = all.slice(index + 1).filter((c) => c.kind === "paragraph" && c.finding.paragraphId === paragraphId).map((c) => c.key);
  return { paragraphId, inserted: edits.filter((e) => e.length === 0).map((e) => e.replacement), later };
}

/**
 * The request for a paragraph finding. Insertions accepted earlier from findings listed before this one go ahead
 * of its own insertions at the same point (`after`): finding order is text order.
 */
export function editRequest(
  finding: Finding,
  paragraphs: ReadonlyMap<string, DocParagraph>,
  accepted: readonly AcceptedInsertions[] = [],
): EditRequest | null {
  const paragraph = paragraphs.get(finding.paragraphId);
  if (!paragraph) return null;
  const key = cardKey(finding);
  const after = accepted.filter((a) => a.paragraphId === finding.paragraphId && a.later.includes(key)).flatMap((a) => a.inserted);
  return {
    key, paragraphId: finding.paragraphId, text: paragraph.text, edits: finding.edits, comment: commentFor(finding.rationale || finding.explanation),
    ...(after.length > 0 ? { after } : {}),
  };
}

export function insertRequest(finding: DocumentFinding, paragraphs: ReadonlyMap<string, DocParagraph>): InsertRequest | null {
  const anchor = paragraphs.get(finding.insertAfterParagraphId);
  if (!anchor) return null;
  return { key: cardKey(finding), paragraphId: anchor.id, text: anchor.text, paragraphs: finding.paragraphs, comment: commentFor(finding.rationale) };
}

export const commentFor = (reason: string): string => `WordRedline: ${reason}`;

export interface DiffSegment {
  readonly kind: "same" | "del" | "ins";
  readonly text: string;
}

/** The proposed change as struck and inserted words, with a few words of context either side. */
export function diffPreview(paragraphText: string, finding: Finding, contextWords = 6): DiffSegment[] {
  const spans = [finding.start, ...finding.edits.map((e) => e.start)];
  const ends = [finding.start + finding.length, ...finding.edits.map((e) => e.start + e.length)];
  let from = Math.max(0, Math.min(...spans));
  let to = Math.min(paragraphText.length, Math.max(...ends));
  const widen = (text: string, words: number, back: boolean): number => {
    const re = back ? /\S+\s*$/ : /^\s*\S+/;
    let cut = back ? from : to;
    for (let i = 0; i < words; i++) {
      const piece = back ? text.slice(0, cut).match(re)?.[0] : text.slice(cut).match(re)?.[0];
      if (!piece) break;
      cut += back ? -piece.length : piece.length;
    }
    return cut;
  };
  from = widen(paragraphText, contextWords, true);
  to = widen(paragraphText, contextWords, false);
  const shifted = finding.edits.map((e) => ({ ...e, start: e.start - from }));
  const before = paragraphText.slice(from, to);
  const after = applyEdits(before, shifted);
  // Hunks merged more generously than in the document, so the preview reads as phrases, not word salad.
  const segments: DiffSegment[] = [];
  let at = 0;
  for (const h of wordHunks(before, after, PREVIEW_MERGE_GAP_WORDS)) {
    if (h.start > at) segments.push({ kind: "same", text: before.slice(at, h.start) });
    if (h.oldText) segments.push({ kind: "del", text: h.oldText });
    if (h.newText) segments.push({ kind: "ins", text: h.newText });
    at = h.start + h.oldText.length;
  }
  if (at < before.length) segments.push({ kind: "same", text: before.slice(at) });
  if (from > 0) segments.unshift({ kind: "same", text: "… " });
  if (to < paragraphText.length) segments.push({ kind: "same", text: " …" });
  return segments;
}

export interface Notice {
  readonly intent: "error" | "warning" | "success" | "info";
  readonly title: string;
  readonly message: string;
  readonly action?: "retry" | "signIn" | "replaceAddendum";
}

export function noticeForError(error: unknown, serviceOrigin: string): Notice {
  if (error instanceof ApiError) {
    switch (error.kind) {
      case "offline":
        return { intent: "error", title: "Service unreachable", message: `WordRedline could not reach its service at ${serviceOrigin}. Start it (dotnet run --project src/WordRedline.Api) or check your connection, then try again.`, action: "retry" };
      case "unauthorized":
        return { intent: "warning", title: "Sign in needed", message: "Sign in with your work account to scan this document.", action: "signIn" };
      case "forbidden":
        return { intent: "error", title: "No access", message: "Your account is signed in but not allowed to use this WordRedline service. Ask your administrator to grant you access." };
      case "tooLarge":
        return { intent: "error", title: "Document too large", message: "This document is larger than the service accepts in one scan. Split it into parts, or ask your administrator to raise the service's limits." };
      case "rateLimited":
        return { intent: "warning", title: "Service busy", message: `Too many requests just now. Try again in ${error.retryAfter ?? 1} s.`, action: "retry" };
      case "invalid":
        return { intent: "error", title: "Request refused", message: error.message, action: "retry" };
      case "server":
        return { intent: "error", title: "Service error", message: `${error.message} Try again; if it keeps failing, tell your administrator.`, action: "retry" };
    }
  }
  const message = error instanceof Error ? error.message : String(error);
  return { intent: "error", title: "Word could not do that", message: `${message}. Nothing was changed; try again.`, action: "retry" };
}

/** One notice for a batch of accept results. */
export function noticeForResults(results: readonly ApplyResult[], tracked: boolean): Notice {
  const applied = results.filter((r) => r.status === "applied").length;
  const drift = results.filter((r) => r.status === "drift").length;
  const missing = results.filter((r) => r.status === "notFound" || r.status === "conflict").length;
  const parts: string[] = [];
  if (applied > 0) parts.push(tracked ? `${applied} change${applied === 1 ? "" : "s"} added as tracked changes with a comment.` : `${applied} change${applied === 1 ? "" : "s"} applied directly: this Word cannot record tracked changes from add-ins (needs WordApi 1.4); review them before sending.`);
  if (drift > 0) parts.push(`${drift} paragraph${drift === 1 ? "" : "s"} changed since the scan, so nothing was applied there; WordRedline re-read ${drift === 1 ? "it" : "them"}: review the updated suggestion${drift === 1 ? "" : "s"}.`);
  if (missing > 0) parts.push(`${missing} suggestion${missing === 1 ? "" : "s"} could not be placed exactly (fields, hidden text or an overlapping change); select the card and edit by hand.`);
  const intent = drift + missing === 0 ? (tracked ? "success" : "warning") : applied > 0 ? "warning" : "error";
  return { intent, title: applied > 0 ? "Changes applied" : "Nothing applied", message: parts.join(" ") };
}

/** The document after a live update: order from Word, new texts for the re-read paragraphs, cached ones otherwise. */
export function mergeParagraphs(cached: readonly DocParagraph[], order: readonly string[], fresh: readonly DocParagraph[]): DocParagraph[] | null {
  const byId = new Map(cached.map((p) => [p.id, p]));
  for (const p of fresh) byId.set(p.id, p);
  const merged: DocParagraph[] = [];
  for (const id of order) {
    const p = byId.get(id);
    if (!p) return null; // A paragraph we never read: the caller reads the whole document.
    merged.push(p);
  }
  return merged;
}
