import { useCallback, useRef } from "react";
import type { PaneCore } from "./core";

/** Keeps the findings current as the user edits: paragraph events where Word gives paragraph ids (WordApi 1.6), a
 * cheap poll elsewhere. */
export function useLive(core: PaneCore, refresh: (ids?: readonly string[]) => Promise<void>) {
  const { deps, latest, dispatch, serial } = core;
  const { gateway, debounceMs = 400, pollMs = 2500 } = deps;
  const stopLive = useRef<(() => void) | null>(null);

  const startLive = useCallback(async () => {
    if (stopLive.current) return;
    if (gateway.capabilities.paragraphIds) {
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
  }, [gateway, serial, refresh, debounceMs, pollMs, dispatch, latest]);

  const stop = useCallback(() => {
    stopLive.current?.();
    stopLive.current = null;
  }, []);

  return { startLive, stopLive: stop };
}
