import type { SuggestedParagraph } from "../api/contract";
import { hasAddendum, insertAddendumBlock } from "./addendum";
import { applyBatch } from "./apply";
import { watchParagraphs } from "./events";
import { readChanged, readParagraphs } from "./paragraphs";
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
  return { trackedChanges: supports("1.4"), reviewApi: supports("1.6") };
}

export class OfficeWordGateway implements WordGateway {
  constructor(readonly capabilities: Capabilities = detectCapabilities()) {}

  readParagraphs(progress?: ReadProgress, signal?: AbortSignal): Promise<DocParagraph[]> {
    return readParagraphs(this.capabilities, progress, signal);
  }

  readChanged(ids: readonly string[]): Promise<{ order: string[]; paragraphs: DocParagraph[] }> {
    if (!this.capabilities.reviewApi) return Promise.reject(new Error("readChanged needs WordApi 1.6."));
    return readChanged(ids);
  }

  /** One batch; if Word fails it halfway, the results say exactly which findings went in (see verify.ts). */
  async applyEdits(requests: readonly EditRequest[], inserts: readonly InsertRequest[] = []): Promise<ApplyResult[]> {
    try {
      return await applyBatch(this.capabilities, requests, inserts);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return settleFailedBatch(this.capabilities, requests, inserts, reason);
    }
  }

  undo(applied: Applied): Promise<UndoResult> {
    return undoApplied(this.capabilities, applied);
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
    if (!this.capabilities.reviewApi) return Promise.reject(new Error("Paragraph events need WordApi 1.6."));
    return watchParagraphs(onChange);
  }
}
