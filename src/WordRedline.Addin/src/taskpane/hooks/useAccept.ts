import { useCallback } from "react";
import type { ApplyResult, EditRequest, InsertRequest } from "../../word/types";
import type { Card } from "../model/cards";
import { noticeForError, noticeForResults } from "../model/notices";
import { places } from "../model/places";
import { batches, editRequest, insertRequest, type Draft } from "../model/requests";
import type { AcceptedItem } from "../paneState";
import type { PaneCore } from "./core";

// Accepting findings: one card, or all of them in batches Word on the web accepts, each batch reported; on Word
// without tracked changes (WordApi 1.3) nothing is written before the user says yes.

export function useAccept(core: PaneCore, refresh: (ids?: readonly string[]) => Promise<void>) {
  const { deps, latest, dispatch, serial } = core;
  const { gateway } = deps;

  /** Writes one batch and records what landed; returns the results. */
  const writeBatch = useCallback(async (chosen: readonly Card[]): Promise<ApplyResult[]> => {
    const state = latest.current;
    const byId = new Map(state.paragraphs.map((p) => [p.id, p]));
    const lastBody = state.paragraphs.findLast((p) => !p.place);
    const where = places(state.paragraphs);
    const options = (card: Card) => ({ comments: state.comments, ...(state.drafts[card.key] ? { draft: state.drafts[card.key] as Draft } : {}) });
    const edits: [Card, EditRequest][] = [];
    const inserts: [Card, InsertRequest][] = [];
    for (const card of chosen) {
      if (card.kind === "paragraph") {
        const r = editRequest(card, byId.get(card.finding.paragraphId), options(card));
        if (r) edits.push([card, r]);
      } else {
        const r = insertRequest(card, byId.get(card.finding.insertAfterParagraphId), options(card), lastBody);
        if (r) inserts.push([card, r]);
      }
    }
    const results = await serial(() => gateway.applyEdits(edits.map(([, r]) => r), inserts.map(([, r]) => r)));
    const items: AcceptedItem[] = [];
    [...edits, ...inserts].forEach(([card], i) => {
      const result = results[i];
      if (result?.status === "applied") items.push({ key: card.key, title: card.finding.title, place: where.line(card), result });
    });
    dispatch({ type: "accepted", items });
    return results;
  }, [gateway, serial, dispatch, latest]);

  const run = useCallback(async (chosen: readonly Card[], label: string) => {
    dispatch({ type: "busy", busy: label });
    const paragraphOf = (c: Card) => (c.kind === "paragraph" ? c.finding.paragraphId : c.finding.insertAfterParagraphId);
    const plan = batches(chosen, paragraphOf);
    const all: ApplyResult[] = [];
    const notes: string[] = [];
    try {
      for (const [index, batch] of plan.entries()) {
        if (plan.length > 1) dispatch({ type: "batch", batch: { index: index + 1, count: plan.length, applied: all.filter((r) => r.status === "applied").length } });
        const results = await writeBatch(batch);
        all.push(...results);
        const failed = results.filter((r) => r.status === "failed").length;
        if (failed > 0) {
          // Word stopped a batch: stop here and let the user retry the rest.
          notes.push(`Word stopped batch ${index + 1} of ${plan.length}; the batches after it were not started.`);
          break;
        }
        if (index === plan.length - 1 && plan.length > 1) notes.push(`Batch ${plan.length} of ${plan.length} done: applied in ${plan.length} batches.`);
      }
      dispatch({ type: "batch", batch: null });
      dispatch({ type: "notice", notice: noticeForResults(all, gateway.capabilities.trackedChanges, notes.join(" ")) });
      // The ids the cards were read under too: Word for Mac moves an anchor's id to the clause inserted after it.
      await refresh([...new Set([...chosen.map(paragraphOf), ...all.map((r) => r.paragraphId)])]);
    } catch (error) {
      dispatch({ type: "failed", notice: noticeForError(error) });
    } finally {
      dispatch({ type: "busy", busy: null });
    }
  }, [dispatch, writeBatch, refresh, gateway]);

  /** Accepts cards; on WordApi 1.3 asks first, since the edits cannot be tracked. */
  const acceptCards = useCallback(async (chosen: readonly Card[], label: string, confirmed = false) => {
    if (!gateway.capabilities.trackedChanges && !confirmed) {
      dispatch({ type: "confirmUntracked", pending: { kind: "cards", cards: chosen } });
      return;
    }
    dispatch({ type: "confirmUntracked", pending: null });
    await run(chosen, label);
  }, [gateway, dispatch, run]);

  const accept = useCallback((card: Card) => acceptCards([card], `accept:${card.key}`), [acceptCards]);
  const acceptAll = useCallback((chosen: readonly Card[]) => acceptCards(chosen, "acceptAll"), [acceptCards]);
  /** The user's yes to accepting the cards that were waiting (untracked). */
  const acceptConfirmed = useCallback((chosen: readonly Card[]) =>
    acceptCards(chosen, chosen.length === 1 ? `accept:${chosen[0]?.key}` : "acceptAll", true), [acceptCards]);

  return { accept, acceptAll, acceptConfirmed };
}
