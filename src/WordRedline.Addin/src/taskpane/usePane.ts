import { useCallback, useEffect, useMemo, useReducer, useRef } from "react";
import type { AnalyzeResponse, Category } from "../api/contract";
import { ApiError, type WordRedlineApi } from "../api/client";
import type { Auth } from "../api/auth";
import type { ApplyResult, DocParagraph, EditRequest, InsertRequest, WordGateway } from "../word/gateway";
import { SETTING_DISMISSED, SETTING_PARTY, type DocumentSettings } from "../word/settings";
import { insertAddendum as insertAddendumFlow } from "./addendumFlow";
import {
  acceptedInsertions, canAccept, cards, editRequest, insertRequest, mergeParagraphs, noticeForError, noticeForResults,
  visibleGroups, type AcceptedInsertions, type Card, type Notice,
} from "./model";

export interface PaneDeps {
  readonly gateway: WordGateway;
  readonly api: WordRedlineApi;
  readonly auth: Auth;
  readonly settings: DocumentSettings;
  /** Shown in the "service unreachable" message. */
  readonly origin: string;
  /** Pause after the last edit before re-analyzing. */
  readonly debounceMs?: number;
  /** Polling period where paragraph events are missing (WordApi < 1.6). */
  readonly pollMs?: number;
}

export interface AcceptedItem {
  readonly key: string;
  readonly title: string;
  readonly result: Extract<ApplyResult, { status: "applied" }>;
  /** For paragraph findings: what they inserted, so a later finding's insertion at that point goes after it. */
  readonly insertions: AcceptedInsertions | null;
}

export interface PaneState {
  readonly status: "idle" | "scanning" | "ready";
  readonly progress: number | null;
  readonly analysis: AnalyzeResponse | null;
  readonly paragraphs: readonly DocParagraph[];
  readonly party: string | null;
  readonly dismissed: readonly string[];
  /** Accepted cards, hidden until the next analysis no longer reports them. */
  readonly hidden: readonly string[];
  readonly accepted: readonly AcceptedItem[];
  readonly categories: readonly Category[];
  readonly notice: Notice | null;
  readonly busy: string | null;
  readonly live: "off" | "events" | "polling";
}

export type PaneAction =
  | { type: "scanStarted" }
  | { type: "progress"; value: number }
  | { type: "analyzed"; analysis: AnalyzeResponse; paragraphs: readonly DocParagraph[] }
  | { type: "failed"; notice: Notice }
  | { type: "notice"; notice: Notice | null }
  | { type: "busy"; busy: string | null }
  | { type: "party"; party: string }
  | { type: "dismiss"; key: string }
  | { type: "toggleCategory"; category: Category }
  | { type: "accepted"; items: readonly AcceptedItem[] }
  | { type: "undone"; key: string }
  | { type: "live"; live: PaneState["live"] }
  | { type: "restored"; party: string | null; dismissed: readonly string[] };

export const initialState: PaneState = {
  status: "idle", progress: null, analysis: null, paragraphs: [], party: null, dismissed: [], hidden: [], accepted: [],
  categories: [], notice: null, busy: null, live: "off",
};

export function paneReducer(state: PaneState, action: PaneAction): PaneState {
  switch (action.type) {
    case "scanStarted": return { ...state, status: "scanning", progress: 0.05, notice: null };
    case "progress": return { ...state, progress: action.value };
    case "analyzed": {
      // A card stays hidden after Accept only while the engine still reports it (e.g. before the re-read).
      const keys = new Set(cards(action.analysis).map((c) => c.key));
      return {
        ...state, status: "ready", progress: null, analysis: action.analysis, paragraphs: action.paragraphs,
        hidden: state.hidden.filter((k) => keys.has(k)),
        notice: state.notice?.intent === "error" ? null : state.notice,
      };
    }
    case "failed": return { ...state, status: state.analysis ? "ready" : "idle", progress: null, busy: null, notice: action.notice };
    case "notice": return { ...state, notice: action.notice };
    case "busy": return { ...state, busy: action.busy };
    case "party": return { ...state, party: action.party };
    case "dismiss": return { ...state, dismissed: [...state.dismissed, action.key] };
    case "toggleCategory": return {
      ...state,
      categories: state.categories.includes(action.category)
        ? state.categories.filter((c) => c !== action.category)
        : [...state.categories, action.category],
    };
    case "accepted": return {
      ...state,
      hidden: [...state.hidden, ...action.items.map((i) => i.key)],
      accepted: [...action.items, ...state.accepted.filter((a) => !action.items.some((i) => i.key === a.key))],
    };
    case "undone": return {
      ...state,
      hidden: state.hidden.filter((k) => k !== action.key),
      accepted: state.accepted.filter((a) => a.key !== action.key),
    };
    case "live": return { ...state, live: action.live };
    case "restored": return { ...state, party: action.party, dismissed: action.dismissed };
  }
}

/** The pane's behaviour: every Word call goes through the gateway, one at a time. */
export function usePane(deps: PaneDeps) {
  const { gateway, api, auth, settings, origin, debounceMs = 400, pollMs = 2500 } = deps;
  const [state, dispatch] = useReducer(paneReducer, initialState);
  const latest = useRef(state);
  latest.current = state;
  const wordQueue = useRef<Promise<unknown>>(Promise.resolve());
  const inflight = useRef<AbortController | null>(null);
  const stopLive = useRef<(() => void) | null>(null);

  /** Word.run batches must not interleave: queue them. */
  const serial = useCallback(<T,>(work: () => Promise<T>): Promise<T> => {
    const next = wordQueue.current.then(work, work);
    wordQueue.current = next.catch(() => undefined);
    return next;
  }, []);

  const analyze = useCallback(async (paragraphs: readonly DocParagraph[], party: string | null): Promise<AnalyzeResponse> => {
    inflight.current?.abort();
    const controller = new AbortController();
    inflight.current = controller;
    return api.analyze({ paragraphs: paragraphs.map(({ id, text }) => ({ id, text })), ...(party ? { party } : {}) }, controller.signal);
  }, [api]);

  const fail = useCallback((error: unknown) => {
    if (error instanceof DOMException && error.name === "AbortError") return; // superseded by a newer analysis
    if (error instanceof ApiError && error.kind === "unauthorized" && auth.state() === "unsupported") {
      dispatch({ type: "failed", notice: { intent: "error", title: "Sign-in not available here", message: "This service needs a work-account sign-in, which this Office cannot do from an add-in (NestedAppAuth 1.1). Use current Microsoft 365 Word, or ask your administrator for a local-mode service." } });
      return;
    }
    dispatch({ type: "failed", notice: noticeForError(error, origin) });
  }, [origin, auth]);

  /** Re-analyzes a new view of the document; ignores it when nothing the engine sees changed. */
  const reanalyze = useCallback(async (paragraphs: readonly DocParagraph[]) => {
    const before = latest.current.paragraphs;
    const same = before.length === paragraphs.length && before.every((p, i) => p.id === paragraphs[i]?.id && p.hash === paragraphs[i]?.hash);
    if (same && latest.current.analysis && latest.current.notice?.intent !== "error") return;
    try {
      const analysis = await analyze(paragraphs, latest.current.party);
      dispatch({ type: "analyzed", analysis, paragraphs });
    } catch (error) {
      fail(error);
    }
  }, [analyze, fail]);

  const readAll = useCallback(() => serial(() => gateway.readParagraphs()), [gateway, serial]);

  const refresh = useCallback(async (changedIds?: readonly string[]) => {
    try {
      let paragraphs: DocParagraph[] | null = null;
      if (changedIds && gateway.capabilities.reviewApi) {
        const { order, paragraphs: fresh } = await serial(() => gateway.readChanged(changedIds));
        paragraphs = mergeParagraphs(latest.current.paragraphs, order, fresh);
      }
      await reanalyze(paragraphs ?? (await readAll()));
    } catch (error) {
      fail(error);
    }
  }, [gateway, serial, reanalyze, readAll, fail]);

  const startLive = useCallback(async () => {
    if (stopLive.current) return;
    if (gateway.capabilities.reviewApi) {
      const pending = new Set<string>();
      let timer: ReturnType<typeof setTimeout> | undefined;
      const unsubscribe = await serial(() => gateway.watch((c) => {
        [...c.changed, ...c.added, ...c.deleted].forEach((id) => pending.add(id));
        clearTimeout(timer);
        timer = setTimeout(() => {
          const ids = [...pending];
          pending.clear();
          void refresh(ids);
        }, debounceMs);
      }));
      stopLive.current = () => {
        clearTimeout(timer);
        void serial(unsubscribe);
      };
      dispatch({ type: "live", live: "events" });
    } else {
      // No paragraph events before WordApi 1.6: a cheap periodic read, skipped while the pane is busy.
      const interval = setInterval(() => {
        if (latest.current.busy || latest.current.status === "scanning") return;
        void refresh();
      }, pollMs);
      stopLive.current = () => clearInterval(interval);
      dispatch({ type: "live", live: "polling" });
    }
  }, [gateway, serial, refresh, debounceMs, pollMs]);

  const scan = useCallback(async () => {
    dispatch({ type: "scanStarted" });
    try {
      const paragraphs = await readAll();
      dispatch({ type: "progress", value: 0.5 });
      const analysis = await analyze(paragraphs, latest.current.party);
      dispatch({ type: "analyzed", analysis, paragraphs });
      await startLive();
    } catch (error) {
      fail(error);
    }
  }, [readAll, analyze, startLive, fail]);

  const paragraphMap = useCallback(() => new Map(latest.current.paragraphs.map((p) => [p.id, p])), []);

  const finishApply = useCallback(async (applied: readonly [Card, ApplyResult][]) => {
    const items: AcceptedItem[] = [];
    const all = cards(latest.current.analysis);
    for (const [card, result] of applied) {
      if (result.status === "applied") items.push({ key: card.key, title: card.finding.title, result, insertions: acceptedInsertions(card, all) });
    }
    dispatch({ type: "accepted", items });
    dispatch({ type: "notice", notice: noticeForResults(applied.map(([, r]) => r), gateway.capabilities.trackedChanges) });
    await refresh(applied.map(([, r]) => r.paragraphId));
  }, [gateway, refresh]);

  const acceptCards = useCallback(async (chosen: readonly Card[], label: string) => {
    dispatch({ type: "busy", busy: label });
    try {
      const map = paragraphMap();
      const results: [Card, ApplyResult][] = [];
      const paragraphCards = chosen.filter((c): c is Extract<Card, { kind: "paragraph" }> => c.kind === "paragraph");
      const documentCards = chosen.filter((c): c is Extract<Card, { kind: "document" }> => c.kind === "document");
      const earlier = latest.current.accepted.flatMap((a) => (a.insertions ? [a.insertions] : []));
      const edits = paragraphCards.map((c) => [c, editRequest(c.finding, map, earlier)] as const).filter(([, r]) => r !== null);
      const inserts = documentCards.map((c) => [c, insertRequest(c.finding, map)] as const).filter(([, r]) => r !== null);
      // Every change in one Word.run: all or nothing per finding, a fixed number of syncs.
      const applied = await serial(() => gateway.applyEdits(
        edits.map(([, r]) => r as EditRequest),
        inserts.map(([, r]) => r as InsertRequest),
      ));
      [...edits, ...inserts].forEach(([card], i) => results.push([card, applied[i] as ApplyResult]));
      await finishApply(results);
    } catch (error) {
      fail(error);
    } finally {
      dispatch({ type: "busy", busy: null });
    }
  }, [gateway, serial, paragraphMap, finishApply, fail]);

  const allCards = useMemo(() => cards(state.analysis), [state.analysis]);
  const groups = useMemo(
    () => visibleGroups(allCards, new Set(state.dismissed), new Set(state.hidden), new Set(state.categories)),
    [allCards, state.dismissed, state.hidden, state.categories],
  );

  const accept = useCallback((card: Card) => acceptCards([card], `accept:${card.key}`), [acceptCards]);
  const acceptAll = useCallback(
    () => acceptCards(groups.flatMap((g) => g.cards).filter(canAccept), "acceptAll"),
    [acceptCards, groups],
  );

  const undo = useCallback(async (key: string) => {
    const item = latest.current.accepted.find((a) => a.key === key);
    if (!item) return;
    dispatch({ type: "busy", busy: `undo:${key}` });
    try {
      const outcome = await serial(() => gateway.undo(item.result));
      if (outcome === "undone") {
        dispatch({ type: "undone", key });
        dispatch({ type: "notice", notice: { intent: "info", title: "Change undone", message: `"${item.title}" was rejected in the document.` } });
        await refresh([item.result.paragraphId]);
      } else {
        dispatch({ type: "notice", notice: {
          intent: "warning",
          title: "Undo in Word",
          message: outcome === "unsupported"
            ? "This Word cannot reject changes from an add-in (needs WordApi 1.6). Use Review > Reject in Word."
            : "Word shows other changes next to this one. Use Review > Reject in Word to pick the right one.",
        } });
      }
    } catch (error) {
      fail(error);
    } finally {
      dispatch({ type: "busy", busy: null });
    }
  }, [gateway, serial, refresh, fail]);

  const select = useCallback(async (card: Card) => {
    if (card.kind !== "paragraph") return;
    const paragraph = paragraphMap().get(card.finding.paragraphId);
    if (!paragraph) return;
    try {
      const found = await serial(() => gateway.select(card.finding.paragraphId, paragraph.text, card.finding.start, card.finding.length));
      if (!found) dispatch({ type: "notice", notice: { intent: "info", title: "Text moved", message: "That text changed since the scan; the list updates as you edit." } });
    } catch (error) {
      fail(error);
    }
  }, [gateway, serial, paragraphMap, fail]);

  const chooseParty = useCallback(async (party: string) => {
    dispatch({ type: "party", party });
    latest.current = { ...latest.current, party };
    await settings.set(SETTING_PARTY, party);
    dispatch({ type: "busy", busy: "party" });
    try {
      const analysis = await analyze(latest.current.paragraphs, party);
      dispatch({ type: "analyzed", analysis, paragraphs: latest.current.paragraphs });
    } catch (error) {
      fail(error);
    } finally {
      dispatch({ type: "busy", busy: null });
    }
  }, [analyze, settings, fail]);

  const dismiss = useCallback(async (key: string) => {
    dispatch({ type: "dismiss", key });
    await settings.set(SETTING_DISMISSED, [...latest.current.dismissed, key]);
  }, [settings]);

  const insertAddendum = useCallback(async (replace: boolean) => {
    dispatch({ type: "busy", busy: "addendum" });
    try {
      if (!latest.current.analysis) await scan();
      const analysis = latest.current.analysis;
      if (!analysis) return;
      const paragraphs = latest.current.paragraphs;
      const result = await serial(() => insertAddendumFlow(gateway, api, analysis, paragraphs, replace));
      if (result.status === "exists") {
        dispatch({ type: "notice", notice: { intent: "info", title: "Addendum already there", message: "This document already has the AI Protection Addendum. Update it to the current wording?", action: "replaceAddendum" } });
      } else {
        dispatch({ type: "notice", notice: {
          intent: result.tracked ? "success" : "warning",
          title: replace ? "Addendum updated" : "Addendum inserted",
          message: `The AI Protection Addendum ${replace ? "was updated" : "was added at the end"}${result.tracked ? " as tracked changes" : " (untracked: this Word needs WordApi 1.4 for tracked changes)"}${result.reference?.status === "applied" ? ", and a sentence after the entire-agreement clause makes it part of the contract." : "."}`,
        } });
        await refresh();
      }
    } catch (error) {
      fail(error);
    } finally {
      dispatch({ type: "busy", busy: null });
    }
  }, [api, gateway, serial, scan, refresh, fail]);

  const signIn = useCallback(async () => {
    try {
      await auth.signIn();
      await scan();
    } catch (error) {
      fail(error);
    }
  }, [auth, scan, fail]);

  useEffect(() => {
    dispatch({ type: "restored", party: settings.get<string>(SETTING_PARTY), dismissed: settings.get<string[]>(SETTING_DISMISSED) ?? [] });
    return () => {
      stopLive.current?.();
      stopLive.current = null;
      inflight.current?.abort();
    };
  }, [settings]);

  return {
    state, groups, allCards, scan, accept, acceptAll, undo, select, chooseParty, dismiss, insertAddendum, signIn,
    toggleCategory: (category: Category) => dispatch({ type: "toggleCategory", category }),
    clearNotice: () => dispatch({ type: "notice", notice: null }),
    capabilities: gateway.capabilities,
  };
}

export type Pane = ReturnType<typeof usePane>;
