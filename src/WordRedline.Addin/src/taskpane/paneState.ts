import type { AnalyzeResponse, Category } from "../api/contract";
import type { Applied, DocParagraph } from "../word/types";
import { cards, type Card } from "./model/cards";
import type { Notice } from "./model/notices";
import type { Draft } from "./model/requests";

// The pane's state and the one reducer that changes it. Everything here is plain data; the hooks do the work.

export interface AcceptedItem {
  readonly key: string;
  readonly title: string;
  /** Where the change went, as its card said ("3 License", "Footer, sections 1, 2", "Footnote 2"). */
  readonly place: string;
  readonly result: Applied;
}

/** Where a scan is: reading paragraphs from Word (with counts), then waiting for the engine. */
export interface ScanProgress {
  readonly phase: "reading" | "analyzing";
  readonly done: number;
  readonly total: number;
}

/** Accept all, batch by batch. */
export interface BatchProgress {
  readonly index: number;
  readonly count: number;
  readonly applied: number;
}

export interface PaneState {
  readonly status: "idle" | "scanning" | "ready";
  readonly scan: ScanProgress | null;
  readonly analysis: AnalyzeResponse | null;
  readonly paragraphs: readonly DocParagraph[];
  /** Parts of the document Word could not show the last read ("footnotes and endnotes (...)"): said in the pane. */
  readonly unread: readonly string[];
  /** The document changed since the analysis shown (an accept, an edit): the score is being brought up to date. */
  readonly stale: boolean;
  readonly party: string | null;
  readonly dismissed: readonly string[];
  /** Accepted cards, hidden until the next analysis no longer reports them. */
  readonly hidden: readonly string[];
  readonly accepted: readonly AcceptedItem[];
  readonly categories: readonly Category[];
  readonly notice: Notice | null;
  readonly busy: string | null;
  readonly batch: BatchProgress | null;
  readonly live: "off" | "events" | "polling";
  readonly comments: boolean;
  readonly drafts: Readonly<Record<string, Draft>>;
  /** WordApi 1.3: what waits for the user's yes to untracked edits (cards to accept, or the addendum). */
  readonly confirmUntracked: PendingUntracked | null;
}

/** Edits this Word cannot track, held until the user agrees: accepting cards, or inserting the addendum. */
export type PendingUntracked =
  | { readonly kind: "cards"; readonly cards: readonly Card[] }
  | { readonly kind: "addendum"; readonly replace: boolean };

export type PaneAction =
  | { type: "scanStarted" }
  | { type: "scanProgress"; scan: ScanProgress }
  | { type: "analyzed"; analysis: AnalyzeResponse; paragraphs: readonly DocParagraph[]; unread?: readonly string[] }
  | { type: "stale" }
  | { type: "failed"; notice: Notice | null }
  | { type: "notice"; notice: Notice | null }
  | { type: "busy"; busy: string | null }
  | { type: "batch"; batch: BatchProgress | null }
  | { type: "party"; party: string }
  | { type: "dismiss"; key: string }
  | { type: "toggleCategory"; category: Category }
  | { type: "accepted"; items: readonly AcceptedItem[] }
  | { type: "undone"; key: string }
  | { type: "live"; live: PaneState["live"] }
  | { type: "comments"; on: boolean }
  | { type: "draft"; key: string; draft: Draft | null }
  | { type: "confirmUntracked"; pending: PendingUntracked | null }
  | { type: "restored"; party: string | null; dismissed: readonly string[]; comments: boolean };

export const initialState: PaneState = {
  status: "idle", scan: null, analysis: null, paragraphs: [], unread: [], stale: false, party: null, dismissed: [], hidden: [],
  accepted: [], categories: [], notice: null, busy: null, batch: null, live: "off", comments: true, drafts: {},
  confirmUntracked: null,
};

export function paneReducer(state: PaneState, action: PaneAction): PaneState {
  switch (action.type) {
    case "scanStarted": return { ...state, status: "scanning", scan: { phase: "reading", done: 0, total: 0 }, notice: null };
    case "scanProgress": return { ...state, scan: action.scan };
    case "analyzed": return { ...analyzed(state, action.analysis, action.paragraphs), unread: action.unread ?? state.unread };
    case "stale": return { ...state, stale: true };
    case "failed": return { ...state, status: state.analysis ? "ready" : "idle", scan: null, busy: null, batch: null, notice: action.notice };
    case "notice": return { ...state, notice: action.notice };
    case "busy": return { ...state, busy: action.busy };
    case "batch": return { ...state, batch: action.batch };
    case "party": return { ...state, party: action.party };
    case "dismiss": return { ...state, dismissed: [...state.dismissed, action.key] };
    case "toggleCategory": return {
      ...state,
      categories: state.categories.includes(action.category) ? state.categories.filter((c) => c !== action.category) : [...state.categories, action.category],
    };
    case "accepted": return {
      ...state, stale: state.stale || action.items.length > 0,
      hidden: [...state.hidden, ...action.items.map((i) => i.key)],
      accepted: [...action.items, ...state.accepted.filter((a) => !action.items.some((i) => i.key === a.key))],
      drafts: Object.fromEntries(Object.entries(state.drafts).filter(([k]) => !action.items.some((i) => i.key === k))),
    };
    case "undone": return {
      ...state, stale: true, hidden: state.hidden.filter((k) => k !== action.key), accepted: state.accepted.filter((a) => a.key !== action.key),
    };
    case "live": return { ...state, live: action.live };
    case "comments": return { ...state, comments: action.on };
    case "draft": {
      const drafts = { ...state.drafts };
      if (action.draft) drafts[action.key] = action.draft;
      else delete drafts[action.key];
      return { ...state, drafts };
    }
    case "confirmUntracked": return { ...state, confirmUntracked: action.pending };
    case "restored": return { ...state, party: action.party, dismissed: action.dismissed, comments: action.comments };
  }
}

/** A card stays hidden after Accept only while the engine still reports it (i.e. until the re-read lands). */
function analyzed(state: PaneState, analysis: AnalyzeResponse, paragraphs: readonly DocParagraph[]): PaneState {
  const keys = new Set(cards(analysis).map((c) => c.key));
  return {
    ...state, status: "ready", scan: null, analysis, paragraphs, stale: false,
    hidden: state.hidden.filter((k) => keys.has(k)),
    // A new analysis answers an analysis error (offered "Try again"); a notice about an action (a result that could
    // not be placed, the addendum, a batch) stays until dealt with.
    notice: state.notice?.intent === "error" && state.notice.action === "retry" ? null : state.notice,
  };
}
