import { useCallback } from "react";
import type { DocParagraph } from "../../word/types";
import type { Card } from "../model/cards";
import { noticeForError } from "../model/notices";
import { editedEdits } from "../model/requests";
import type { PaneCore } from "./core";

// Undo of one accepted finding, and the user's own wording for a finding before accepting it.

export function useUndoDraft(core: PaneCore, refresh: (ids?: readonly string[]) => Promise<void>) {
  const { deps, latest, dispatch, serial } = core;
  const { gateway, api } = deps;

  const undo = useCallback(async (key: string) => {
    const item = latest.current.accepted.find((a) => a.key === key);
    if (!item) return;
    dispatch({ type: "busy", busy: `undo:${key}` });
    try {
      const outcome = await serial(() => gateway.undo(item.result));
      if (outcome === "undone") {
        dispatch({ type: "undone", key });
        dispatch({ type: "notice", notice: { intent: "info", title: "Change undone", message: `"${item.title}" was taken out of the document.` } });
        await refresh([item.result.paragraphId]);
      } else {
        dispatch({ type: "notice", notice: {
          intent: "warning", title: "Undo in Word",
          message: outcome === "unsupported"
            ? "This version of Word cannot take back changes from an add-in. Use Review > Reject in Word."
            : "Word shows other changes next to this one. Use Review > Reject in Word to pick the right one.",
        } });
      }
    } catch (error) {
      dispatch({ type: "failed", notice: noticeForError(error) });
    } finally {
      dispatch({ type: "busy", busy: null });
    }
  }, [gateway, serial, refresh, dispatch, latest]);

  /** Saves the user's wording and comment for a card: the redline comes from the engine's diff (/api/v1/changes). */
  const saveDraft = useCallback(async (card: Card, replacements: readonly string[], comment: string) => {
    if (card.kind !== "paragraph") return;
    const paragraph: DocParagraph | undefined = latest.current.paragraphs.find((p) => p.id === card.finding.paragraphId);
    if (!paragraph) return;
    dispatch({ type: "busy", busy: `draft:${card.key}` });
    try {
      const unchanged = replacements.every((r, i) => r === card.finding.edits[i]?.replacement);
      const changes = unchanged ? null : (await api.changes({ text: paragraph.text, edits: editedEdits(card.finding.edits, replacements) })).changes;
      dispatch({ type: "draft", key: card.key, draft: { replacements, changes: changes ?? card.finding.changes ?? card.finding.edits, comment } });
    } catch (error) {
      dispatch({ type: "failed", notice: noticeForError(error, undefined) });
    } finally {
      dispatch({ type: "busy", busy: null });
    }
  }, [api, dispatch, latest]);

  return { undo, saveDraft };
}
