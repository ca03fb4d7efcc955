import type { Edit, SuggestedParagraph } from "../api/contract";
import { applyEdits, operations, wordHunks, type Hunk, type Operation } from "./hunks";
import { hasAddendum, insertAddendumBlock } from "./addendum";
import { hashText, planSpan, type Hit, type SpanPlan } from "./searchText";
import { formatOf } from "./styles";

// The Word gateway: the only module that calls Word.run. Every method is one Word.run with a fixed number of
// context.sync() calls, whatever the size of the document (reads are batched, writes are batched).

export { ADDENDUM_TAG } from "./addendum";

/** One body paragraph as the engine sees it: the accepted view of any tracked changes. */
export interface DocParagraph {
  readonly id: string;
  readonly text: string;
  readonly hash: string;
}

/** What this Word can do (checked at run time: the manifest asks only for WordApi 1.3). */
export interface Capabilities {
  /** WordApi 1.4: changeTrackingMode, getReviewedText, insertComment. */
  readonly trackedChanges: boolean;
  /** WordApi 1.6: uniqueLocalId, getTrackedChanges (pane undo), paragraph events. */
  readonly reviewApi: boolean;
}

export function detectCapabilities(): Capabilities {
  const supports = (v: string): boolean => Office.context.requirements.isSetSupported("WordApi", v);
  return { trackedChanges: supports("1.4"), reviewApi: supports("1.6") };
}

/** Edits on one paragraph, checked against the text the engine saw. */
export interface EditRequest {
  readonly key: string;
  readonly paragraphId: string;
  /** The paragraph's text when it was analyzed; the edits' offsets refer to it. */
  readonly text: string;
  readonly edits: readonly Edit[];
  /** Attached as a Word comment on the change (the revision's author is always the signed-in user). */
  readonly comment?: string;
  /**
   * Text that findings listed before this one already inserted into the paragraph. The engine places this
   * request's insertions at the point the earlier insertion went in, i.e. before its text; they go after it.
   */
  readonly after?: readonly string[];
}

/** One tracked change pair the gateway made; undo finds it again by type and text. */
export interface AppliedOp {
  readonly deleted: string;
  readonly inserted: string;
}

export type ApplyResult =
  | {
      readonly key: string;
      readonly status: "applied";
      readonly tracked: boolean;
      readonly paragraphId: string;
      readonly ops: readonly AppliedOp[];
      readonly comment?: string;
      /** Whole new paragraphs (after paragraphId) rather than edits inside it. */
      readonly newParagraphs?: true;
    }
  /** The paragraph changed since the scan: nothing was applied. */
  | { readonly key: string; readonly status: "drift"; readonly paragraphId: string }
  /** Word's search does not agree with the text (fields, hidden text, a deleted paragraph): nothing applied. */
  | { readonly key: string; readonly status: "notFound"; readonly paragraphId: string }
  /** Overlaps another edit applied in the same batch. */
  | { readonly key: string; readonly status: "conflict"; readonly paragraphId: string };

/** Whole paragraphs to insert after an anchor paragraph (a document-level finding's fix). */
export interface InsertRequest {
  readonly key: string;
  readonly paragraphId: string;
  /** The anchor paragraph's text when it was analyzed. */
  readonly text: string;
  readonly paragraphs: readonly SuggestedParagraph[];
  readonly comment?: string;
}

export type UndoResult = "undone" | "ambiguous" | "unsupported";

export interface ParagraphChanges {
  readonly changed: readonly string[];
  readonly added: readonly string[];
  readonly deleted: readonly string[];
}

export interface WordGateway {
  readonly capabilities: Capabilities;
  readParagraphs(): Promise<DocParagraph[]>;
  /** Re-reads only the given paragraphs plus the paragraph order (WordApi 1.6). */
  readChanged(ids: readonly string[]): Promise<{ order: string[]; paragraphs: DocParagraph[] }>;
  /** Edits inside paragraphs and whole new paragraphs, all in one Word.run; results in the same order. */
  applyEdits(requests: readonly EditRequest[], inserts?: readonly InsertRequest[]): Promise<ApplyResult[]>;
  insertParagraphsAfter(request: InsertRequest): Promise<ApplyResult>;
  undo(applied: Extract<ApplyResult, { status: "applied" }>): Promise<UndoResult>;
  select(paragraphId: string, text: string, start: number, length: number): Promise<boolean>;
  hasAddendum(): Promise<boolean>;
  insertAddendum(paragraphs: readonly SuggestedParagraph[], reference: EditRequest | null, replace: boolean): Promise<AddendumResult>;
  /** Calls back with the paragraphs that changed (WordApi 1.6 events); returns the unsubscribe function. */
  watch(onChange: (changes: ParagraphChanges) => void): Promise<() => Promise<void>>;
}

export type AddendumResult =
  | { readonly status: "exists" }
  | { readonly status: "inserted"; readonly tracked: boolean; readonly reference: ApplyResult | null };

// ------------------------------------------------------------------------------------------------------

const indexId = (i: number): string => `p${i}`;
const indexOf = (id: string): number => (/^p\d+$/.test(id) ? Number(id.slice(1)) : -1);


interface PlannedOp {
  readonly op: Operation;
  readonly span: SpanPlan | null;
  /** The requests (findings) this change serves: a merged hunk may serve two. Used for comments and undo. */
  readonly owners: readonly string[];
}

/** All accepted requests on one paragraph, turned into one set of word-level operations. */
interface ParagraphPlan {
  readonly paragraphId: string;
  readonly text: string;
  readonly requests: readonly EditRequest[];
  readonly ops: readonly PlannedOp[];
}

/** Search results queued for one paragraph, keyed by search string so a needle is searched once. */
type SearchCache = Map<string, Word.RangeCollection>;

export class OfficeWordGateway implements WordGateway {
  constructor(readonly capabilities: Capabilities = detectCapabilities()) {}

  async readParagraphs(): Promise<DocParagraph[]> {
    return Word.run(async (context) => {
      const paragraphs = context.document.body.paragraphs;
      const { reviewApi, trackedChanges } = this.capabilities;
      // With WordApi 1.4 the text comes from getReviewedText: paragraph.text shows tracked deletions on the web.
      paragraphs.load(reviewApi ? "items/uniqueLocalId" : trackedChanges ? "items/style" : "items/text");
      await context.sync();
      const texts = trackedChanges ? paragraphs.items.map((p) => p.getReviewedText("Current")) : null;
      if (texts) await context.sync();
      return paragraphs.items.map((p, i) => {
        const text = texts ? (texts[i] as OfficeExtension.ClientResult<string>).value : p.text;
        return { id: reviewApi ? p.uniqueLocalId : indexId(i), text, hash: hashText(text) };
      });
    });
  }

  async readChanged(ids: readonly string[]): Promise<{ order: string[]; paragraphs: DocParagraph[] }> {
    if (!this.capabilities.reviewApi) throw new Error("readChanged needs WordApi 1.6.");
    return Word.run(async (context) => {
      const all = context.document.body.paragraphs.load("items/uniqueLocalId");
      await context.sync();
      const order = all.items.map((p) => p.uniqueLocalId);
      const alive = new Set(order);
      const wanted = ids.filter((id) => alive.has(id));
      const byId = new Map(all.items.map((p) => [p.uniqueLocalId, p]));
      const texts = wanted.map((id) => (byId.get(id) as Word.Paragraph).getReviewedText("Current"));
      if (wanted.length > 0) await context.sync();
      return {
        order,
        paragraphs: wanted.map((id, i) => {
          const text = (texts[i] as OfficeExtension.ClientResult<string>).value;
          return { id, text, hash: hashText(text) };
        }),
      };
    });
  }

  async applyEdits(requests: readonly EditRequest[], inserts: readonly InsertRequest[] = []): Promise<ApplyResult[]> {
    if (requests.length === 0 && inserts.length === 0) return [];
    return Word.run(async (context) => {
      const track = this.capabilities.trackedChanges;
      const doc = context.document;
      const { plans, conflicts } = planParagraphs(requests);
      const results = new Map<string, ApplyResult>();
      for (const r of conflicts) results.set(r.key, { key: r.key, paragraphId: r.paragraphId, status: "conflict" });

      // Read phase (one sync; two without WordApi 1.6, which must load the paragraph list to index it):
      // the paragraphs, their current text, the searches for every span, and the user's tracking mode.
      const paragraphs = await this.paragraphsById(context, [...plans.map((p) => p.paragraphId), ...inserts.map((i) => i.paragraphId)]);
      const current = new Map<string, () => string>();
      const searches = new Map<string, SearchCache>();
      for (const [id, paragraph] of paragraphs) {
        if (track) {
          const reviewed = paragraph.getReviewedText("Current");
          current.set(id, () => reviewed.value);
        } else {
          paragraph.load("text");
          current.set(id, () => paragraph.text);
        }
      }
      for (const plan of plans) {
        const paragraph = paragraphs.get(plan.paragraphId);
        if (!paragraph) continue;
        const cache: SearchCache = new Map();
        for (const { span } of plan.ops) for (const hit of hitsOf(span)) queueSearch(paragraph, cache, hit);
        searches.set(plan.paragraphId, cache);
      }
      if (track) doc.load("changeTrackingMode");
      await context.sync();
      const userMode = track ? doc.changeTrackingMode : null;

      // Check phase (no Word calls): the paragraph still reads as analyzed, and Word's search agrees with the text.
      const ready = plans.filter((plan) => {
        const text = current.get(plan.paragraphId)?.();
        const cache = searches.get(plan.paragraphId);
        const status = text === undefined || !cache ? "notFound"
          : hashText(text) !== hashText(plan.text) ? "drift"
          : plan.ops.some(({ op, span }) => op.kind !== "insertStart" &&
              (!span || hitsOf(span).some((h) => cache.get(h.search)?.items.length !== h.total))) ? "notFound"
          : null;
        for (const r of status ? plan.requests : []) results.set(r.key, { key: r.key, paragraphId: r.paragraphId, status: status as "drift" | "notFound" });
        return status === null;
      });
      const readyInserts = inserts.filter((insert) => {
        const text = current.get(insert.paragraphId)?.();
        const status = text === undefined ? "notFound" : hashText(text) !== hashText(insert.text) ? "drift" : null;
        if (status) results.set(insert.key, { key: insert.key, paragraphId: insert.paragraphId, status });
        return status === null;
      });

      // Write phase (one sync): tracked on, each paragraph's operations last to first, one comment per finding on
      // its first change, then the user's own mode back. Nothing is written for a paragraph that failed a check.
      try {
        if (track) doc.changeTrackingMode = "TrackAll";
        const commentOn = new Map<string, Word.Range>();
        for (const plan of ready) {
          const paragraph = paragraphs.get(plan.paragraphId) as Word.Paragraph;
          const cache = searches.get(plan.paragraphId) as SearchCache;
          // Insertions at one point are written in plan order, each right after the one before it.
          let previous: { op: Operation; range: Word.Range } | null = null;
          for (const planned of [...plan.ops].sort((x, y) => y.op.start - x.op.start)) {
            const range: Word.Range = previous && samePoint(previous.op, planned.op)
              ? previous.range.insertText((planned.op as Extract<Operation, { newText: string }>).newText, "After")
              : writeOp(paragraph, cache, planned);
            previous = { op: planned.op, range };
            for (const owner of planned.owners) commentOn.set(owner, range); // last written = first in the text
          }
        }
        for (const insert of readyInserts) {
          // New paragraphs go after the anchor; its own edits (above) do not move it.
          let last = paragraphs.get(insert.paragraphId) as Word.Paragraph;
          insert.paragraphs.forEach((p, i) => {
            last = last.insertParagraph(p.text, "After");
            last.styleBuiltIn = formatOf(p.style).builtIn;
            if (i === 0) commentOn.set(insert.key, last.getRange("Content"));
          });
        }
        if (track) {
          for (const plan of ready) {
            for (const r of plan.requests) if (r.comment) commentOn.get(r.key)?.insertComment(r.comment);
          }
          for (const insert of readyInserts) if (insert.comment) commentOn.get(insert.key)?.insertComment(insert.comment);
          doc.changeTrackingMode = userMode as Word.ChangeTrackingMode;
        }
        await context.sync();
      } catch (error) {
        if (track) {
          doc.changeTrackingMode = userMode as Word.ChangeTrackingMode;
          await context.sync();
        }
        throw error;
      }
      for (const plan of ready) {
        for (const r of plan.requests) {
          results.set(r.key, {
            key: r.key,
            status: "applied",
            tracked: track,
            paragraphId: r.paragraphId,
            ops: plan.ops.filter((o) => o.owners.includes(r.key)).map(({ op }) => appliedOp(op)),
            ...(track && r.comment ? { comment: r.comment } : {}),
          });
        }
      }
      for (const insert of readyInserts) {
        results.set(insert.key, {
          key: insert.key,
          status: "applied",
          tracked: track,
          paragraphId: insert.paragraphId,
          // An inserted paragraph is found again by its text; its paragraph mark is part of the same revision.
          ops: insert.paragraphs.map((p) => ({ deleted: "", inserted: p.text })),
          newParagraphs: true,
          ...(track && insert.comment ? { comment: insert.comment } : {}),
        });
      }
      return [...requests, ...inserts].map((r) => results.get(r.key) as ApplyResult);
    });
  }

  async insertParagraphsAfter(request: InsertRequest): Promise<ApplyResult> {
    return (await this.applyEdits([], [request]))[0] as ApplyResult;
  }

  async undo(applied: Extract<ApplyResult, { status: "applied" }>): Promise<UndoResult> {
    if (!this.capabilities.reviewApi || !applied.tracked) return "unsupported";
    return Word.run(async (context) => {
      const paragraph = context.document.getParagraphByUniqueLocalId(applied.paragraphId);
      // New paragraphs sit after the anchor, outside its range: look for them in the body.
      const scope = applied.newParagraphs ? context.document.body : paragraph;
      const changes = scope.getTrackedChanges().load("type,text");
      const comments = applied.comment ? scope.getComments().load("content") : null;
      await context.sync();
      // Word on the web may list neighbouring revisions too (design note §2.2): match by type and text, and
      // insist on exactly one candidate for each, else leave it to the Review tab.
      const toReject: Word.TrackedChange[] = [];
      for (const op of applied.ops) {
        for (const [type, text] of [["Deleted", op.deleted], ["Added", op.inserted]] as const) {
          if (text.length === 0) continue;
          const matches = changes.items.filter((c) => c.type === type && sameText(c.text, text) && !toReject.includes(c));
          if (matches.length !== 1) return "ambiguous";
          toReject.push(matches[0] as Word.TrackedChange);
        }
      }
      toReject.forEach((c) => c.reject());
      comments?.items.filter((c) => c.content === applied.comment).slice(0, 1).forEach((c) => c.delete());
      await context.sync();
      return "undone";
    });
  }

  async select(paragraphId: string, text: string, start: number, length: number): Promise<boolean> {
    const span = planSpan(text, start, length);
    if (!span) return false;
    return Word.run(async (context) => {
      const paragraphs = await this.paragraphsById(context, [paragraphId]);
      const paragraph = paragraphs.get(paragraphId) as Word.Paragraph;
      const cache: SearchCache = new Map();
      for (const hit of hitsOf(span)) queueSearch(paragraph, cache, hit);
      await context.sync();
      if (hitsOf(span).some((h) => cache.get(h.search)?.items.length !== h.total)) return false;
      rangeOf(cache, span).select();
      await context.sync();
      return true;
    });
  }

  hasAddendum(): Promise<boolean> {
    return hasAddendum();
  }

  /** The addendum block first (all or nothing, see addendum.ts), then the sentence that refers to it. */
  async insertAddendum(
    paragraphs: readonly SuggestedParagraph[],
    reference: EditRequest | null,
    replace: boolean,
  ): Promise<AddendumResult> {
    const track = this.capabilities.trackedChanges;
    const block = await insertAddendumBlock(paragraphs, replace, track);
    if (block === "exists") return { status: "exists" };
    // The reference sentence goes in once, when the first addendum does; applyEdits makes its own checks.
    const referenceResult = reference && !replace ? ((await this.applyEdits([reference]))[0] ?? null) : null;
    return { status: "inserted", tracked: track, reference: referenceResult };
  }

  async watch(onChange: (changes: ParagraphChanges) => void): Promise<() => Promise<void>> {
    if (!this.capabilities.reviewApi) throw new Error("Paragraph events need WordApi 1.6.");
    return Word.run(async (context) => {
      const doc = context.document;
      const handlers = [
        doc.onParagraphChanged.add(async (e) => onChange({ changed: e.uniqueLocalIds, added: [], deleted: [] })),
        doc.onParagraphAdded.add(async (e) => onChange({ changed: [], added: e.uniqueLocalIds, deleted: [] })),
        doc.onParagraphDeleted.add(async (e) => onChange({ changed: [], added: [], deleted: e.uniqueLocalIds })),
      ];
      await context.sync();
      return async () => {
        // Handlers are removed in the context that added them: Word.run(object, ...) reuses its context.
        await Word.run(doc, async (ctx) => {
          handlers.forEach((h) => h.remove());
          await ctx.sync();
        });
      };
    });
  }

  /** Paragraph proxies by id; with WordApi 1.6 no sync is needed, else the list is loaded once to index it. */
  private async paragraphsById(context: Word.RequestContext, ids: readonly string[]): Promise<Map<string, Word.Paragraph>> {
    const unique = [...new Set(ids)];
    if (this.capabilities.reviewApi) {
      return new Map(unique.map((id) => [id, context.document.getParagraphByUniqueLocalId(id)]));
    }
    const all = context.document.body.paragraphs.load("items/style");
    await context.sync();
    const map = new Map<string, Word.Paragraph>();
    for (const id of unique) {
      const paragraph = all.items[indexOf(id)];
      if (paragraph) map.set(id, paragraph);
    }
    return map;
  }
}

/** A revision's text may carry the paragraph mark of an inserted paragraph. */
const sameText = (revision: string, text: string): boolean => revision.replace(/[\r\n]+$/, "") === text;

/**
 * Groups requests by paragraph and plans each paragraph's edits together, so two findings in one sentence (a
 * replacement and an insertion after it) become one coherent redline. A request whose edits overlap an earlier
 * one's, or that saw different text for the same paragraph, is a conflict: applying both would be a guess.
 */
function planParagraphs(requests: readonly EditRequest[]): { plans: ParagraphPlan[]; conflicts: EditRequest[] } {
  const groups = new Map<string, { text: string; requests: EditRequest[] }>();
  const conflicts: EditRequest[] = [];
  for (const request of requests.map(placeAfter)) {
    const group = groups.get(request.paragraphId);
    if (!group) {
      groups.set(request.paragraphId, { text: request.text, requests: [request] });
      continue;
    }
    const taken = group.requests.flatMap((r) => r.edits);
    if (group.text !== request.text || request.edits.some((e) => taken.some((t) => overlap(e, t)))) conflicts.push(request);
    else group.requests.push(request);
  }
  const plans = [...groups].map(([paragraphId, { text, requests: rs }]): ParagraphPlan => {
    // applyEdits sorts stably, so insertions at one point come out in request (finding) order.
    const intended = applyEdits(text, rs.flatMap((r) => r.edits));
    const split = splitSamePoint(text, wordHunks(text, intended), rs);
    const changes = operations(text, split.map((s) => s.hunk));
    const owners = changes.map((op, i) => {
      const own = split[i]?.owner;
      if (own) return [own];
      const [from, to] = extent(op);
      return rs.filter((r) => r.edits.some((e) => e.start <= to && e.start + e.length >= from)).map((r) => r.key);
    });
    // The word diff may slide a boundary past shared punctuation ("purposes." / "Project. Notwithstanding ...."),
    // so a request that owns no change takes the nearest one.
    for (const r of rs) {
      if (owners.some((o) => o.includes(r.key)) || changes.length === 0) continue;
      const at = r.edits[0]?.start ?? 0;
      const distance = (op: Operation) => Math.max(0, extent(op)[0] - at, at - extent(op)[1]);
      const nearest = changes.reduce((best, op, i) => (distance(op) < distance(changes[best] as Operation) ? i : best), 0);
      owners[nearest]?.push(r.key);
    }
    const ops = changes.map((op, i): PlannedOp => ({
      op,
      span: op.kind === "insertStart" ? null : planSpan(text, op.start, searchLength(op)),
      owners: owners[i] ?? [],
    }));
    return { paragraphId, text, requests: rs, ops };
  });
  return { plans, conflicts };
}

/** Moves each pure insertion past any `after` text that starts right at its point (repeatedly: several may). */
function placeAfter(request: EditRequest): EditRequest {
  const after = (request.after ?? []).filter((t) => t.length > 0);
  if (after.length === 0) return request;
  const edits = request.edits.map((e) => {
    if (e.length !== 0) return e;
    let start = e.start;
    for (let t = after.find((x) => request.text.startsWith(x, start)); t; t = after.find((x) => request.text.startsWith(x, start))) {
      start += t.length;
    }
    return start === e.start ? e : { ...e, start };
  });
  return { ...request, edits };
}

/**
 * Edits of two requests overlap when they change the same characters or one inserts strictly inside the other's
 * range. Insertions at one point go in side by side (in request order), as does an insertion at either end of a
 * replacement.
 */
function overlap(a: Edit, b: Edit): boolean {
  const inside = (x: Edit, y: Edit): boolean => x.length === 0 && x.start > y.start && x.start < y.start + y.length;
  return (a.start < b.start + b.length && b.start < a.start + a.length) || inside(a, b) || inside(b, a);
}

/**
 * The word diff sees two findings' insertions at one point as one inserted run of text. Where a pure-insertion
 * hunk is exactly those insertions (after sliding it to their point: the diff may shift it past shared
 * punctuation), it becomes one hunk per request, in request order, so each finding keeps its own tracked
 * insertion and comment. Anything else stays as the diff made it.
 */
function splitSamePoint(text: string, hunks: readonly Hunk[], rs: readonly EditRequest[]): { hunk: Hunk; owner?: string }[] {
  const points = new Map<number, { key: string; text: string }[]>();
  for (const r of rs) {
    for (const e of r.edits) {
      if (e.length !== 0 || e.replacement.length === 0) continue;
      const at = points.get(e.start) ?? [];
      const own = at.find((x) => x.key === r.key);
      if (own) own.text += e.replacement;
      else at.push({ key: r.key, text: e.replacement });
      points.set(e.start, at);
    }
  }
  return hunks.flatMap((hunk) => {
    if (hunk.oldText.length > 0) return [{ hunk }];
    for (const [at, parts] of points) {
      if (parts.length < 2) continue;
      const slid = slideTo(text, hunk, at);
      if (slid?.newText !== parts.map((p) => p.text).join("")) continue;
      return parts.map((p) => ({ hunk: { start: at, oldText: "", newText: p.text }, owner: p.key }));
    }
    return [{ hunk }];
  });
}

/** The same pure insertion written at another point of the text, when it gives the same result; else null. */
function slideTo(text: string, hunk: Hunk, at: number): Hunk | null {
  const { start, newText } = hunk;
  const k = Math.abs(at - start);
  if (k > newText.length) return null;
  if (at >= start) {
    return text.slice(start, at) === newText.slice(0, k) ? { start: at, oldText: "", newText: newText.slice(k) + text.slice(start, at) } : null;
  }
  return text.slice(at, start) === newText.slice(newText.length - k)
    ? { start: at, oldText: "", newText: text.slice(at, start) + newText.slice(0, newText.length - k) }
    : null;
}

const searchLength = (op: Operation): number =>
  op.kind === "insertAfter" ? op.anchorText.length : op.kind === "insertStart" ? 0 : op.oldText.length;

/** The original-text interval an operation touches, for overlap checks. */
function extent(op: Operation): [number, number] {
  return op.kind === "insertStart" ? [0, 0] : [op.start, op.start + searchLength(op)];
}

/** Two pure insertions at one point of the text (the same anchor). */
function samePoint(a: Operation, b: Operation): boolean {
  if (a.kind === "insertStart" && b.kind === "insertStart") return true;
  return a.kind === "insertAfter" && b.kind === "insertAfter" && a.start === b.start && a.anchorText === b.anchorText;
}

function appliedOp(op: Operation): AppliedOp {
  switch (op.kind) {
    case "replace": return { deleted: op.oldText, inserted: op.newText };
    case "delete": return { deleted: op.oldText, inserted: "" };
    case "insertAfter":
    case "insertStart": return { deleted: "", inserted: op.newText };
  }
}

function hitsOf(span: SpanPlan | null): Hit[] {
  if (!span) return [];
  return span.kind === "single" ? [span.hit] : [span.head, span.tail];
}

function queueSearch(paragraph: Word.Paragraph, cache: SearchCache, hit: Hit): void {
  if (!cache.has(hit.search)) cache.set(hit.search, paragraph.search(hit.search, { matchCase: true }).load("text"));
}

function rangeOf(cache: SearchCache, span: SpanPlan): Word.Range {
  const pick = (h: Hit): Word.Range => (cache.get(h.search) as Word.RangeCollection).items[h.index] as Word.Range;
  return span.kind === "single" ? pick(span.hit) : pick(span.head).expandTo(pick(span.tail));
}

/** Queues one operation; returns the range a comment should sit on. */
function writeOp(paragraph: Word.Paragraph, cache: SearchCache, { op, span }: PlannedOp): Word.Range {
  if (op.kind === "insertStart") return paragraph.insertText(op.newText, "Start");
  const range = rangeOf(cache, span as SpanPlan);
  switch (op.kind) {
    case "replace": {
      // Insert after, then delete: a tracked "Replace" is recorded badly by Word for Mac (office-js #5178).
      const inserted = range.insertText(op.newText, "After");
      range.delete();
      return inserted;
    }
    case "delete":
      range.delete();
      return range;
    case "insertAfter":
      return range.insertText(op.newText, "After");
  }
}
