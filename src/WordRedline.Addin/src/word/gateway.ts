import type { SuggestedParagraph } from "../api/contract";
import { hasAddendum, insertAddendumBlock } from "./addendum";
import { applyBatch } from "./apply";
import { applyToCopies, copyOf } from "./copies";
import { watchParagraphs } from "./events";
import { readChanged, readDocument, readTexts } from "./paragraphs";
import { selectSpan, undoApplied } from "./undo";
import { settleFailedBatch } from "./verify";
import type {
  AddendumResult, Applied, ApplyResult, Capabilities, DocParagraph, EditRequest, InsertRequest, ParagraphChanges,
  ReadProgress, UndoResult, WordGateway,
} from "./types";

// The Word gateway: the only way the pane reaches Word. Each job lives in its own module (paragraphs, apply, undo,
// addendum, events); this class only binds them to what this Word can do.

export { ADDENDUM_TAG } from "./addendum";
export type * from "./types";

export function detectCapabilities(): Capabilities {
  const supports = (v: string): boolean => Office.context.requirements.isSetSupported("WordApi", v);
  return { trackedChanges: supports("1.4"), notes: supports("1.5"), reviewApi: supports("1.6"), paragraphIds: supports("1.6") };
}

export class OfficeWordGateway implements WordGateway {
  private unreadParts: readonly string[] = [];
  private caps: Capabilities;

  constructor(capabilities: Capabilities = detectCapabilities()) {
    this.caps = capabilities;
  }

  /** What this Word can do; paragraphIds turns false once a read finds that the host gives no paragraph ids. */
  get capabilities(): Capabilities {
    return this.caps;
  }

  async readParagraphs(progress?: ReadProgress, signal?: AbortSignal): Promise<DocParagraph[]> {
    const read = await readDocument(this.capabilities, progress, signal);
    if (!read.paragraphIds && this.caps.paragraphIds) this.caps = { ...this.caps, paragraphIds: false };
    this.unreadParts = read.unread;
    return read.paragraphs;
  }

  unread(): readonly string[] {
    return this.unreadParts;
  }

  async readChanged(ids: readonly string[]): Promise<{ order: string[]; paragraphs: DocParagraph[] }> {
    if (!this.capabilities.paragraphIds) throw new Error("readChanged needs paragraph ids (WordApi 1.6).");
    const { order, paragraphs, stories } = await readChanged(this.capabilities, ids);
    this.unreadParts = stories.unread;
    return { order, paragraphs };
  }

  /** One batch, then the findings' copies in other sections' headers and footers (copies.ts). */
  async applyEdits(requests: readonly EditRequest[], inserts: readonly InsertRequest[] = []): Promise<ApplyResult[]> {
    const results = await this.applySettled(requests, inserts);
    if (!requests.some((r) => r.copies && r.copies.length > 0)) return results;
    return applyToCopies(requests, results, (copies) => this.applySettled(copies, []), (ids) => readTexts(this.capabilities, ids));
  }

  /** One batch; if Word fails it halfway, the results say exactly which findings went in (see verify.ts). */
  private async applySettled(requests: readonly EditRequest[], inserts: readonly InsertRequest[]): Promise<ApplyResult[]> {
    try {
      return await applyBatch(this.capabilities, requests, inserts);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return settleFailedBatch(this.capabilities, requests, inserts, reason);
    }
  }

  /** Takes the finding's changes back, in its paragraph and in every copy they went into. */
  async undo(applied: Applied): Promise<UndoResult> {
    let outcome = await undoApplied(this.capabilities, applied);
    for (const copy of applied.copies ?? []) {
      const copied = await undoApplied(this.capabilities, copyOf(applied, copy));
      if (outcome === "undone") outcome = copied;
    }
    return outcome;
  }

  select(paragraphId: string, text: string, start: number, length: number): Promise<boolean> {
    return selectSpan(this.capabilities, paragraphId, text, start, length);
  }

  hasAddendum(): Promise<boolean> {
    return hasAddendum();
  }

  /** The addendum block first (all or nothing, see addendum.ts), then the sentence that refers to it. */
  async insertAddendum(paragraphs: readonly SuggestedParagraph[], reference: EditRequest | null, replace: boolean): Promise<AddendumResult> {
    const track = this.capabilities.trackedChanges;
    const block = await insertAddendumBlock(paragraphs, replace, track);
    if (block === "exists") return { status: "exists" };
    // The reference sentence goes in once, with the first addendum; applyEdits makes its own checks.
    const referenceResult = reference && !replace ? ((await this.applyEdits([reference]))[0] ?? null) : null;
    return { status: "inserted", tracked: track, reference: referenceResult };
  }

  watch(onChange: (changes: ParagraphChanges) => void): Promise<() => Promise<void>> {
    if (!this.capabilities.paragraphIds) return Promise.reject(new Error("Paragraph events need WordApi 1.6 and paragraph ids."));
    return watchParagraphs(onChange);
  }
}
