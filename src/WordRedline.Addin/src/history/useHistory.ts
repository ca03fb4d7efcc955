import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { TokenSource } from "../api/client";
import type { AnalyzeResponse } from "../api/contract";
import type { DocumentSettings } from "../word/settings";
import type { DocParagraph } from "../word/types";
import { createVersionsApi, type ChangeDecision, type ContractView, type ProtectionDiff, type VersionView, type VersionsApi } from "./versionsApi";

/** The document setting that ties this file to its record (an id, never contract text). */
export const SETTING_CONTRACT = "wordredline.contract";

type CardLike = { readonly key: string; readonly kind: string; readonly finding: { readonly ruleId?: string; readonly title: string; readonly comment?: string; readonly paragraphId?: string; readonly edits?: readonly { readonly replacement: string }[] } };

/** What the History view reads from the pane: its state, its cards and how it signs in. The pane satisfies it. */
export interface HistoryPane {
  readonly state: {
    readonly paragraphs: readonly DocParagraph[];
    readonly analysis: AnalyzeResponse | null;
    readonly party: string | null;
    readonly busy: string | null;
    readonly accepted: readonly { readonly key: string }[];
  };
  readonly allCards: readonly CardLike[];
  readonly deps: { readonly auth: { readonly token: TokenSource }; readonly settings: DocumentSettings };
}

export interface Message { readonly intent: "success" | "error"; readonly text: string }

/** The record behind the History view: load, save, sign, compare; a version after each Accept all. */
export function useHistory(pane: HistoryPane, given?: VersionsApi) {
  const { settings, auth } = pane.deps;
  const api = useMemo(() => given ?? createVersionsApi(window.location.origin, auth.token), [given, auth.token]);
  const [contractId, setContractId] = useState<string | null>(() => settings.get<string>(SETTING_CONTRACT));
  const [contract, setContract] = useState<ContractView | null>(null);
  const [versions, setVersions] = useState<VersionView[]>([]);
  const [range, setRange] = useState<[number, number] | null>(null);
  const [diff, setDiff] = useState<ProtectionDiff | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const [working, setWorking] = useState(false);

  const run = useCallback(async (work: () => Promise<string | void>) => {
    setWorking(true);
    try {
      const done = await work();
      setMessage(done ? { intent: "success", text: done } : null);
    } catch (error) {
      setMessage({ intent: "error", text: error instanceof Error ? error.message : String(error) });
    } finally {
      setWorking(false);
    }
  }, []);

  const load = useCallback(async (id: string) => {
    const [c, v] = await Promise.all([api.contract(id), api.versions(id)]);
    setContract(c);
    setVersions(v);
    setRange(v.length > 1 ? [v[0]!.sequence, v[v.length - 1]!.sequence] : null);
  }, [api]);

  useEffect(() => {
    if (contractId) void run(() => load(contractId));
  }, [contractId, load, run]);

  useEffect(() => {
    if (contractId && range) void api.diff(contractId, range[0], range[1]).then(setDiff, () => setDiff(null));
  }, [api, contractId, range]);

  const save = useCallback(async (source: "pane" | "accept-all", start: { title: string; storeText: boolean }, decisions: readonly ChangeDecision[] = []) => {
    const { paragraphs, party, analysis } = pane.state;
    if (paragraphs.length === 0) throw new Error("Scan the document first: a version records what the scan read.");
    let id = contractId;
    if (!id) {
      id = (await api.create({ title: start.title.trim() || undefined, storeText: start.storeText })).id;
      await settings.set(SETTING_CONTRACT, id);
      setContractId(id);
    }
    const saved = await api.save(id, { paragraphs: paragraphs.map((p) => ({ id: p.id, text: p.text })), party: party ?? analysis?.party.name, source, decisions });
    await load(id);
    return `Version ${saved.sequence} saved${source === "accept-all" ? " after Accept all" : ""}.`;
  }, [pane.state, contractId, api, settings, load]);

  const sign = useCallback((sequence: number, signedOn: string) => run(async () => {
    await api.sign(contractId!, sequence, signedOn);
    await load(contractId!);
    return `Version ${sequence} marked as signed.`;
  }), [api, contractId, load, run]);

  useSaveAfterAcceptAll(pane, contractId, (decisions) => void run(() => save("accept-all", { title: "", storeText: false }, decisions)));
  return { api, contractId, contract, versions, range, setRange, diff, message, working, run, save, sign };
}

/**
 * After each Accept all (the pane's busy flag goes from "acceptAll" back to idle with more accepted cards), a document
 * that has a record gets a version with the accepted suggestions. The pane records accepted cards batch by batch
 * while still busy, so the count is taken when Accept all begins; cards are remembered as they are seen, since the
 * re-scan after accepting no longer lists them.
 */
function useSaveAfterAcceptAll(pane: HistoryPane, contractId: string | null, saveVersion: (decisions: ChangeDecision[]) => void) {
  const seen = useRef(new Map<string, CardLike>());
  for (const card of pane.allCards) seen.current.set(card.key, card);
  const started = useRef<{ busy: string | null; accepted: number }>({ busy: pane.state.busy, accepted: pane.state.accepted.length });
  const { busy, accepted } = pane.state;
  useEffect(() => {
    const before = started.current;
    if (busy === before.busy) return;
    started.current = { busy, accepted: accepted.length };
    if (before.busy !== "acceptAll" || busy !== null || !contractId || accepted.length <= before.accepted) return;
    saveVersion(accepted.slice(before.accepted).flatMap((a) => {
      const f = seen.current.get(a.key)?.finding;
      return f?.ruleId && f.paragraphId ? [{
        ruleId: f.ruleId, paragraphId: f.paragraphId, status: "accepted" as const, title: f.title,
        comment: f.comment, wording: f.edits?.map((e) => e.replacement.trim()).join(" "),
      }] : [];
    }));
  }, [busy, accepted, contractId, saveVersion]);
}
