import { useCallback, useMemo, useReducer, useRef } from "react";
import type { Category } from "../api/contract";
import { canAccept, cards, dismissKey, unfilled, visibleGroups, type Card } from "./model/cards";
import { ApiError } from "../api/client";
import { noticeForError, noticeForSignIn } from "./model/notices";
import { initialState, paneReducer } from "./paneState";
import { useWordQueue, type PaneCore, type PaneDeps } from "./hooks/core";
import { useAccept } from "./hooks/useAccept";
import { useAddendum } from "./hooks/useAddendum";
import { useDocument } from "./hooks/useDocument";
import { usePreferences } from "./hooks/usePreferences";
import { useUndoDraft } from "./hooks/useUndoDraft";

export type { PaneDeps } from "./hooks/core";

/** The pane's behaviour, composed from one hook per job; every Word call goes through the gateway, one at a time. */
export function usePane(deps: PaneDeps) {
  const [state, dispatch] = useReducer(paneReducer, initialState);
  const latest = useRef(state);
  latest.current = state;
  const serial = useWordQueue();
  const core: PaneCore = useMemo(() => ({ deps, latest, dispatch, serial }), [deps, serial]);
  const { auth } = deps;

  const doc = useDocument(core);
  const accepting = useAccept(core, doc.refresh);
  const editing = useUndoDraft(core, doc.refresh);
  const insertAddendum = useAddendum(core, doc.scan, () => doc.refresh());

  const allCards = useMemo(() => cards(state.analysis), [state.analysis]);
  const paragraphText = useMemo(() => new Map(state.paragraphs.map((p) => [p.id, p.text])), [state.paragraphs]);
  const textOf = useCallback((card: Card) => (card.kind === "paragraph" ? paragraphText.get(card.finding.paragraphId) : undefined), [paragraphText]);
  const groups = useMemo(() => {
    const dismissed = new Set(state.dismissed);
    const hidden = new Set([...state.hidden, ...allCards.filter((c) => dismissed.has(dismissKey(c, textOf(c)))).map((c) => c.key)]);
    return visibleGroups(allCards, hidden, new Set(state.categories));
  }, [allCards, state.dismissed, state.hidden, state.categories, textOf]);

  const { chooseParty, dismiss, setComments } = usePreferences(core, doc, textOf);

  const select = useCallback(async (card: Card) => {
    if (card.kind !== "paragraph") return;
    const text = textOf(card);
    if (text === undefined) return;
    try {
      const found = await serial(() => deps.gateway.select(card.finding.paragraphId, text, card.finding.start, card.finding.length));
      if (!found) dispatch({ type: "notice", notice: { intent: "info", title: "Text moved", message: "That text changed since the scan; the list updates as you edit." } });
    } catch (error) {
      doc.fail(error);
    }
  }, [serial, deps.gateway, textOf, doc]);

  const signIn = useCallback(async () => {
    try {
      await auth.signIn();
    } catch (error) {
      // The sign-in window was closed, blocked or refused: say so in those words, and offer it again.
      dispatch({ type: "failed", notice: error instanceof ApiError ? noticeForError(error) : noticeForSignIn(error) });
      return;
    }
    await doc.scan();
  }, [auth, doc]);

  /** The user's answer to "apply without tracked changes?": what was waiting goes ahead, or nothing happens. */
  const confirmUntracked = useCallback(async (yes: boolean) => {
    const waiting = latest.current.confirmUntracked;
    dispatch({ type: "confirmUntracked", pending: null });
    if (!yes || !waiting) return;
    if (waiting.kind === "cards") await accepting.acceptConfirmed(waiting.cards);
    else await insertAddendum(waiting.replace, true);
  }, [accepting, insertAddendum, dispatch]);

  return {
    state, groups, allCards, textOf,
    scan: doc.scan, cancelScan: doc.cancelScan,
    accept: accepting.accept,
    acceptAll: () => accepting.acceptAll(groups.flatMap((g) => g.cards).filter((c) => canAccept(c) && !needsFillIn(c, state.drafts[c.key]?.replacements))),
    undo: editing.undo, saveDraft: editing.saveDraft, confirmUntracked,
    insertAddendum, chooseParty, dismiss, setComments, signIn, select,
    toggleCategory: (category: Category) => dispatch({ type: "toggleCategory", category }),
    discardDraft: (key: string) => dispatch({ type: "draft", key, draft: null }),
    clearNotice: () => dispatch({ type: "notice", notice: null }),
    capabilities: deps.gateway.capabilities,
    deps,
  };
}

/** A fix with a blank the user must fill in (a purpose only they know) cannot be accepted until it is filled. */
export const needsFillIn = (card: Card, replacements?: readonly string[]): boolean => unfilled(card, replacements);

export type Pane = ReturnType<typeof usePane>;
