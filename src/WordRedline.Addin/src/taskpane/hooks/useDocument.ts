import { useCallback, useEffect, useRef } from "react";
import type { AnalyzeResponse } from "../../api/contract";
import { ApiError } from "../../api/client";
import type { DocParagraph } from "../../word/types";
import { noticeForError } from "../model/notices";
import { isAbort, type PaneCore } from "./core";
import { useLive } from "./useLive";

// The live document: scanning (with progress and cancel), analysis and re-analysis of what changed.

/** The document after a live update: order from Word, new texts for the re-read paragraphs, cached ones otherwise. */
export function mergeParagraphs(cached: readonly DocParagraph[], order: readonly string[], fresh: readonly DocParagraph[]): DocParagraph[] | null {
  const byId = new Map(cached.map((p) => [p.id, p]));
  for (const p of fresh) byId.set(p.id, p);
  const merged: DocParagraph[] = [];
  for (const id of order) {
    const p = byId.get(id);
    if (!p) return null; // A paragraph never read (a Word that moved an id): the caller reads the whole document.
    merged.push(p);
  }
  return merged;
}

export function useDocument(core: PaneCore) {
  const { deps, latest, dispatch, serial } = core;
  const { gateway, api, auth } = deps;
  const inflight = useRef<AbortController | null>(null);

  const fail = useCallback((error: unknown) => {
    if (isAbort(error)) return; // superseded or cancelled
    if (error instanceof ApiError && error.kind === "unauthorized" && auth.state() === "unsupported") {
      dispatch({ type: "failed", notice: { intent: "error", title: "Sign-in not available here", message: "This service needs a work-account sign-in, which this version of Office cannot do from an add-in. Use current Microsoft 365 Word, or ask your administrator." } });
      return;
    }
    dispatch({ type: "failed", notice: noticeForError(error) });
  }, [auth, dispatch]);

  /** Starts an analysis, cancelling any still running (its answer would describe an older document). */
  const analyze = useCallback((paragraphs: readonly DocParagraph[], party: string | null): Promise<AnalyzeResponse> => {
    inflight.current?.abort();
    const controller = new AbortController();
    inflight.current = controller;
    return api.analyze({ paragraphs: paragraphs.map(({ id, text }) => ({ id, text })), ...(party ? { party } : {}) }, controller.signal);
  }, [api]);

  /** Re-analyzes a new view of the document; skips it when nothing the engine sees changed. */
  const reanalyze = useCallback(async (paragraphs: readonly DocParagraph[]) => {
    const before = latest.current.paragraphs;
    const same = before.length === paragraphs.length && before.every((p, i) => p.id === paragraphs[i]?.id && p.hash === paragraphs[i]?.hash);
    const notice = latest.current.notice;
    const analysisFailed = notice?.intent === "error" && notice.action === "retry";
    if (same && latest.current.analysis && !latest.current.stale && !analysisFailed) return;
    try {
      const analysis = await analyze(paragraphs, latest.current.party);
      dispatch({ type: "analyzed", analysis, paragraphs, unread: gateway.unread() });
    } catch (error) {
      fail(error);
    }
  }, [analyze, dispatch, fail, latest, gateway]);

  const refresh = useCallback(async (changedIds?: readonly string[]) => {
    try {
      let paragraphs: DocParagraph[] | null = null;
      if (changedIds && gateway.capabilities.paragraphIds) {
        const { order, paragraphs: fresh } = await serial(() => gateway.readChanged(changedIds));
        paragraphs = mergeParagraphs(latest.current.paragraphs, order, fresh);
      }
      await reanalyze(paragraphs ?? (await serial(() => gateway.readParagraphs())));
    } catch (error) {
      fail(error);
    }
  }, [gateway, serial, reanalyze, fail, latest]);

  const { startLive, stopLive } = useLive(core, refresh);

  const scanControl = useRef<AbortController | null>(null);

  const scan = useCallback(async () => {
    scanControl.current?.abort();
    const control = new AbortController();
    scanControl.current = control;
    dispatch({ type: "scanStarted" });
    try {
      const paragraphs = await serial(() => gateway.readParagraphs(
        (done, total) => dispatch({ type: "scanProgress", scan: { phase: "reading", done, total } }), control.signal));
      dispatch({ type: "scanProgress", scan: { phase: "analyzing", done: paragraphs.length, total: paragraphs.length } });
      const analysis = await Promise.race([analyze(paragraphs, latest.current.party), aborted(control.signal)]);
      dispatch({ type: "analyzed", analysis, paragraphs, unread: gateway.unread() });
      await startLive();
    } catch (error) {
      if (control.signal.aborted) {
        dispatch({ type: "failed", notice: { intent: "info", title: "Scan cancelled", message: "Nothing was changed. Scan again when you are ready." } });
      } else {
        fail(error);
      }
    }
  }, [serial, gateway, analyze, startLive, fail, dispatch, latest]);

  const cancelScan = useCallback(() => {
    scanControl.current?.abort();
    inflight.current?.abort();
  }, []);

  useEffect(() => () => {
    stopLive();
    inflight.current?.abort();
    scanControl.current?.abort();
  }, [stopLive]);

  return { scan, cancelScan, analyze, refresh, fail };
}

/** A promise that rejects when the signal aborts (to stop waiting for a request the user cancelled). */
function aborted(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    const stop = () => reject(new DOMException("The scan was cancelled.", "AbortError"));
    if (signal.aborted) stop();
    else signal.addEventListener("abort", stop, { once: true });
  });
}
