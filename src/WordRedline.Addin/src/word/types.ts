import type { Edit, SuggestedParagraph } from "../api/contract";

// The gateway's vocabulary: what the pane asks Word for and what Word answers, free of Office.js types.

export type HeaderFooterType = "Primary" | "FirstPage" | "EvenPages";

/** Where a paragraph outside the body lives: a header or footer (and every section showing it), or a note. */
export type Place =
  | { readonly story: "header" | "footer"; readonly type: HeaderFooterType; readonly sections: readonly number[] }
  | { readonly story: "footnote" | "endnote"; readonly note: number };

/** One paragraph as the engine sees it: the accepted view of any tracked changes. */
export interface DocParagraph {
  /** A body paragraph's uniqueLocalId (or p<index>); elsewhere an id naming its place ("footer:s1:Primary:p0", stories.ts). */
  readonly id: string;
  readonly text: string;
  readonly hash: string;
  /** Outside the body: where. */
  readonly place?: Place;
  /** The same header or footer paragraph in later sections (linked, or a copy of the same text); a fix goes into each. */
  readonly copies?: readonly string[];
}

/** What this Word can do (checked at run time: the manifest asks only for WordApi 1.3). */
export interface Capabilities {
  /** WordApi 1.4: changeTrackingMode, getReviewedText, insertComment. */
  readonly trackedChanges: boolean;
  /** WordApi 1.5: footnotes and endnotes (Body.footnotes, Body.endnotes). */
  readonly notes: boolean;
  /** WordApi 1.6: uniqueLocalId, getTrackedChanges (pane undo), paragraph events. */
  readonly reviewApi: boolean;
  /**
   * WordApi 1.6 and a host that really gives each paragraph its uniqueLocalId: some Windows builds that report 1.6
   * give null (office-js #4258). Without ids, paragraphs are known by their index and live updates poll.
   */
  readonly paragraphIds: boolean;
}

/** One finding's word-level changes on one paragraph, checked against the text the engine saw. */
export interface EditRequest {
  /** The finding (card) this request serves; results come back under the same key. */
  readonly key: string;
  readonly paragraphId: string;
  /** The paragraph's text when it was analyzed; the changes' offsets refer to it. */
  readonly text: string;
  /** Exactly the engine's word-level changes (Finding.changes, or /api/v1/changes for edited wording). */
  readonly changes: readonly Edit[];
  /** Written as a Word comment on the first change; none when absent (comments off), or in a header or footer. */
  readonly comment?: string;
  /** The paragraph's copies in other sections (DocParagraph.copies): the same changes go into each still unchanged. */
  readonly copies?: readonly string[];
}

/** Whole paragraphs to insert after an anchor paragraph (a document-level finding's fix). */
export interface InsertRequest {
  readonly key: string;
  readonly paragraphId: string;
  /** The anchor paragraph's text when it was analyzed. */
  readonly text: string;
  readonly paragraphs: readonly SuggestedParagraph[];
  readonly comment?: string;
}

/** One tracked change pair the gateway made; undo finds it again. */
export interface AppliedOp {
  readonly deleted: string;
  readonly inserted: string;
}

export type Applied = {
  readonly key: string;
  readonly status: "applied";
  readonly tracked: boolean;
  readonly paragraphId: string;
  readonly ops: readonly AppliedOp[];
  readonly comment?: string;
  /** The request had a comment, but the paragraph is in a header or footer, where Word allows none. */
  readonly commentRefused?: true;
  /** Copies in other sections the same changes also went into (undo takes them back too). */
  readonly copies?: readonly string[];
  /** Separate copies left as they are because someone changed them since the scan (the pane says which). */
  readonly copiesChanged?: readonly string[];
  /** Whole new paragraphs (after paragraphId) rather than edits inside it. */
  readonly newParagraphs?: true;
};

export type ApplyResult =
  | Applied
  /** The paragraph changed since the scan: nothing was applied. */
  | { readonly key: string; readonly status: "drift"; readonly paragraphId: string }
  /** Word's search does not agree with the text (fields, hidden text, a redline inside the span): nothing applied. */
  | { readonly key: string; readonly status: "notFound"; readonly paragraphId: string }
  /** Overlaps another finding's change in the same batch. */
  | { readonly key: string; readonly status: "conflict"; readonly paragraphId: string }
  /** Word failed the batch before this finding's changes went in (checked by re-reading): nothing applied. */
  | { readonly key: string; readonly status: "failed"; readonly paragraphId: string; readonly reason: string };

export type UndoResult = "undone" | "ambiguous" | "unsupported";

export interface ParagraphChanges {
  readonly changed: readonly string[];
  readonly added: readonly string[];
  readonly deleted: readonly string[];
}

export type AddendumResult =
  | { readonly status: "exists" }
  | { readonly status: "inserted"; readonly tracked: boolean; readonly reference: ApplyResult | null };

/** Progress of a long read: paragraphs done of total. */
export type ReadProgress = (done: number, total: number) => void;

export interface WordGateway {
  readonly capabilities: Capabilities;
  /**
   * Reads every body paragraph in slices, reporting progress, then every header, footer and (WordApi 1.5) note
   * paragraph; stops with an AbortError when `signal` aborts.
   */
  readParagraphs(progress?: ReadProgress, signal?: AbortSignal): Promise<DocParagraph[]>;
  /** The parts of the document the last read could not reach ("footnotes and endnotes (...)"), for the pane to say. */
  unread(): readonly string[];
  /** Re-reads the given body paragraphs, every header, footer and note paragraph, and the order (WordApi 1.6). */
  readChanged(ids: readonly string[]): Promise<{ order: string[]; paragraphs: DocParagraph[] }>;
  /** Edits inside paragraphs and whole new paragraphs, in one Word.run; results in request order. */
  applyEdits(requests: readonly EditRequest[], inserts?: readonly InsertRequest[]): Promise<ApplyResult[]>;
  undo(applied: Applied): Promise<UndoResult>;
  select(paragraphId: string, text: string, start: number, length: number): Promise<boolean>;
  hasAddendum(): Promise<boolean>;
  insertAddendum(paragraphs: readonly SuggestedParagraph[], reference: EditRequest | null, replace: boolean): Promise<AddendumResult>;
  /** Calls back with the paragraphs that changed (WordApi 1.6 events); returns the unsubscribe function. */
  watch(onChange: (changes: ParagraphChanges) => void): Promise<() => Promise<void>>;
}
