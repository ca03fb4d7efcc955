import { useCallback, useRef, type Dispatch, type MutableRefObject } from "react";
import type { Auth } from "../../api/auth";
import type { WordRedlineApi } from "../../api/client";
import type { DocumentSettings } from "../../word/settings";
import type { WordGateway } from "../../word/types";
import type { PaneAction, PaneState } from "../paneState";

export interface PaneDeps {
  readonly gateway: WordGateway;
  readonly api: WordRedlineApi;
  readonly auth: Auth;
  readonly settings: DocumentSettings;
  /** Pause after the last edit before re-analyzing. */
  readonly debounceMs?: number;
  /** Polling period where paragraph events are missing (WordApi < 1.6). */
  readonly pollMs?: number;
}

/** What every pane hook shares: its dependencies, the state as of now, the reducer and the Word queue. */
export interface PaneCore {
  readonly deps: PaneDeps;
  readonly latest: MutableRefObject<PaneState>;
  readonly dispatch: Dispatch<PaneAction>;
  /** Runs Word work one batch at a time: Word.run batches must not interleave. */
  readonly serial: <T>(work: () => Promise<T>) => Promise<T>;
}

/** The Word queue: each piece of work starts when the one before it has settled. */
export function useWordQueue(): PaneCore["serial"] {
  const tail = useRef<Promise<unknown>>(Promise.resolve());
  return useCallback(<T,>(work: () => Promise<T>): Promise<T> => {
    const next = tail.current.then(work, work);
    tail.current = next.catch(() => undefined);
    return next;
  }, []);
}

export const isAbort = (error: unknown): boolean => error instanceof DOMException && error.name === "AbortError";
