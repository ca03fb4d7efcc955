import { useCallback } from "react";
import { noticeForError } from "../model/notices";
import { insertAddendum as insertAddendumFlow } from "../addendumFlow";
import type { PaneCore } from "./core";

/**
 * The AI Protection Addendum from the pane: never twice, and a failure leaves nothing half-inserted. On Word that
 * cannot track an add-in's changes (WordApi 1.3) it asks first, as Accept does.
 */
export function useAddendum(core: PaneCore, scan: () => Promise<void>, refresh: () => Promise<void>) {
  const { deps, latest, dispatch, serial } = core;
  const { gateway, api } = deps;
  return useCallback(async (replace: boolean, confirmed = false) => {
    if (!gateway.capabilities.trackedChanges && !confirmed) {
      dispatch({ type: "confirmUntracked", pending: { kind: "addendum", replace } });
      return;
    }
    dispatch({ type: "confirmUntracked", pending: null });
    dispatch({ type: "busy", busy: "addendum" });
    try {
      if (!latest.current.analysis) await scan();
      const analysis = latest.current.analysis;
      if (!analysis) return;
      const { paragraphs, comments } = latest.current;
      const result = await serial(() => insertAddendumFlow(gateway, api, analysis, paragraphs, replace, comments));
      if (result.status === "exists") {
        dispatch({ type: "notice", notice: { intent: "info", title: "Addendum already there", message: "This document already has the AI Protection Addendum. Update it to the current wording?", action: "replaceAddendum" } });
        return;
      }
      const referenced = result.reference?.status === "applied" ? ", and a sentence after the entire-agreement clause makes it part of the contract." : ".";
      dispatch({ type: "notice", notice: {
        intent: result.tracked ? "success" : "warning",
        title: replace ? "Addendum updated" : "Addendum inserted",
        message: `The AI Protection Addendum ${replace ? "was updated" : "was added at the end"}${result.tracked ? " as tracked changes" : " (untracked: this version of Word cannot track an add-in's changes)"}${referenced}`,
      } });
      dispatch({ type: "stale" });
      await refresh();
    } catch (error) {
      dispatch({ type: "failed", notice: noticeForError(error, "retryAddendum") });
    } finally {
      dispatch({ type: "busy", busy: null });
    }
  }, [gateway, api, serial, scan, refresh, dispatch, latest]);
}
