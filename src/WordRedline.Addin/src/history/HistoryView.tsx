import {
  Badge, Body1, Button, Caption1, Checkbox, Field, Input, MessageBar, MessageBarBody, Select, Text, makeStyles, tokens,
} from "@fluentui/react-components";
import { History20Regular, Save20Regular } from "@fluentui/react-icons";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { TokenSource } from "../api/client";
import type { AnalyzeResponse } from "../api/contract";
import type { DocumentSettings } from "../word/settings";
import type { DocParagraph } from "../word/types";
import { officeDocuments, type NewDocuments } from "./newDocuments";
import {
  createVersionsApi, type ChangeDecision, type ContractView, type LetterKind, type ProtectionDiff, type VersionView, type VersionsApi,
} from "./versionsApi";

/** The document setting that ties this file to its record (an id, never contract text). */
export const SETTING_CONTRACT = "wordredline.contract";

/** What the History view reads from the pane: its state, its cards and how it signs in. The pane satisfies it. */
export interface HistoryPane {
  readonly state: {
    readonly paragraphs: readonly DocParagraph[];
    readonly analysis: AnalyzeResponse | null;
    readonly party: string | null;
    readonly busy: string | null;
    readonly accepted: readonly { readonly key: string }[];
  };
  readonly allCards: readonly { readonly key: string; readonly kind: string; readonly finding: { readonly ruleId?: string; readonly title: string; readonly comment?: string; readonly paragraphId?: string; readonly edits?: readonly { readonly replacement: string }[] } }[];
  readonly deps: { readonly auth: { readonly token: TokenSource }; readonly settings: DocumentSettings };
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, padding: tokens.spacingHorizontalM, backgroundColor: tokens.colorNeutralBackground1, borderRadius: tokens.borderRadiusLarge, marginTop: tokens.spacingVerticalM },
  h2: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalXS },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL, fontSize: tokens.fontSizeBase300 },
  version: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS, paddingBlock: tokens.spacingVerticalXS, borderTop: `1px solid ${tokens.colorNeutralStroke2}` },
});

const LETTERS: readonly { readonly kind: LetterKind; readonly label: string }[] = [
  { kind: "cover", label: "Cover note (the proposed changes)" },
  { kind: "audit", label: "Audit request (data-usage policies)" },
  { kind: "breach", label: "Notice of breach (the signed clause)" },
];

const SOURCES: Readonly<Record<string, string>> = { pane: "saved in Word", "accept-all": "after Accept all", cli: "from the command line", api: "through the API" };

/**
 * History: this contract's versions in order, what changed in the AI-related rights between any two, "mark as
 * signed", the proof and the letters. A version is saved on "Save version" and, once the document has a record,
 * after each Accept all.
 */
export function HistoryView({ pane, api: given, documents = officeDocuments }: { readonly pane: HistoryPane; readonly api?: VersionsApi; readonly documents?: NewDocuments }) {
  const s = useStyles();
  const { settings, auth } = pane.deps;
  const api = useMemo(() => given ?? createVersionsApi(window.location.origin, auth.token), [given, auth.token]);
  const [contractId, setContractId] = useState<string | null>(() => settings.get<string>(SETTING_CONTRACT));
  const [contract, setContract] = useState<ContractView | null>(null);
  const [versions, setVersions] = useState<VersionView[]>([]);
  const [title, setTitle] = useState("");
  const [storeText, setStoreText] = useState(false);
  const [range, setRange] = useState<[number, number] | null>(null);
  const [diff, setDiff] = useState<ProtectionDiff | null>(null);
  const [letter, setLetter] = useState<LetterKind>("cover");
  const [message, setMessage] = useState<{ readonly intent: "success" | "error"; readonly text: string } | null>(null);
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

  const save = useCallback(async (source: "pane" | "accept-all", decisions: readonly ChangeDecision[] = []) => {
    const { paragraphs, party, analysis } = pane.state;
    if (paragraphs.length === 0) throw new Error("Scan the document first: a version records what the scan read.");
    let id = contractId;
    if (!id) {
      id = (await api.create({ title: title.trim() || undefined, storeText })).id;
      await settings.set(SETTING_CONTRACT, id);
      setContractId(id);
    }
    const saved = await api.save(id, {
      paragraphs: paragraphs.map((p) => ({ id: p.id, text: p.text })),
      party: party ?? analysis?.party.name,
      source,
      decisions,
    });
    await load(id);
    return `Version ${saved.sequence} saved${source === "accept-all" ? " after Accept all" : ""}.`;
  }, [pane.state, contractId, api, title, storeText, settings, load]);

  // After each Accept all (the pane's busy flag goes from "acceptAll" back to idle with more accepted), a document
  // that has a record gets a version with the accepted suggestions. Cards are remembered as they are seen, since the
  // re-scan after accepting no longer lists them.
  const seen = useRef(new Map<string, HistoryPane["allCards"][number]>());
  for (const card of pane.allCards) seen.current.set(card.key, card);
  // The accepted count when Accept all began: the pane records accepted cards batch by batch while still busy.
  const started = useRef<{ busy: string | null; accepted: number }>({ busy: pane.state.busy, accepted: pane.state.accepted.length });
  useEffect(() => {
    const before = started.current;
    if (pane.state.busy === "acceptAll" && before.busy !== "acceptAll") {
      started.current = { busy: "acceptAll", accepted: pane.state.accepted.length };
      return;
    }

    if (pane.state.busy === before.busy) return;
    started.current = { busy: pane.state.busy, accepted: pane.state.accepted.length };
    if (before.busy !== "acceptAll" || pane.state.busy !== null || !contractId || pane.state.accepted.length <= before.accepted) return;
    const decisions: ChangeDecision[] = pane.state.accepted.slice(before.accepted).flatMap((a) => {
      const card = seen.current.get(a.key);
      const f = card?.finding;
      return f?.ruleId && f.paragraphId ? [{
        ruleId: f.ruleId, paragraphId: f.paragraphId, status: "accepted" as const, title: f.title,
        comment: f.comment, wording: f.edits?.map((e) => e.replacement.trim()).join(" "),
      }] : [];
    });
    void run(() => save("accept-all", decisions));
  }, [pane.state.busy, pane.state.accepted, contractId, run, save]);

  useEffect(() => {
    if (contractId && range) void api.diff(contractId, range[0], range[1]).then(setDiff, () => setDiff(null));
  }, [api, contractId, range]);

  const signed = versions.find((v) => v.signature);
  const today = new Date().toISOString().slice(0, 10);
  return (
    <section className={s.root} aria-labelledby="history-heading" data-testid="history">
      <h2 id="history-heading" className={s.h2}><History20Regular aria-hidden /> History</h2>
      {!contractId && (
        <>
          <Caption1>Keep a tamper-evident record of each version of this contract, to prove later what you agreed.</Caption1>
          <Field label="Contract title (read from the document when empty)"><Input value={title} onChange={(_, d) => setTitle(d.value)} /></Field>
          <Checkbox label="Keep the full text of each version (otherwise only its fingerprint and the AI-related clauses)" checked={storeText} onChange={(_, d) => setStoreText(Boolean(d.checked))} />
        </>
      )}
      <div className={s.row}>
        <Button icon={<Save20Regular />} disabled={working || pane.state.busy !== null} onClick={() => void run(() => save("pane"))}>Save version</Button>
        {contractId && versions.length > 0 && <Button disabled={working} onClick={() => void run(async () => { await documents.open(await api.proofDocx(contractId)); })}>Open the proof in Word</Button>}
      </div>
      {message && <MessageBar intent={message.intent} data-testid="history-message"><MessageBarBody>{message.text}</MessageBarBody></MessageBar>}
      {contract && <Text size={200}>{contract.title ?? "Untitled contract"}{contract.counterpartyName ? ` with ${contract.counterpartyName}` : ""}{signed ? `, signed at version ${signed.sequence}` : ""}</Text>}
      {versions.map((v) => (
        <div key={v.sequence} className={s.version} data-testid="version">
          <div className={s.row}>
            <Body1>Version {v.sequence}</Body1>
            {v.signature && <Badge color="success">Signed {v.signature.signedOn}</Badge>}
            {!signed && <Button size="small" appearance="subtle" disabled={working} onClick={() => void run(async () => { await api.sign(contractId!, v.sequence, today); await load(contractId!); return `Version ${v.sequence} marked as signed.`; })}>Mark as signed</Button>}
          </div>
          <Caption1>{new Date(v.record.recordedAt).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short" })}, {SOURCES[v.record.source ?? ""] ?? ""}; score {v.record.analysis?.score} ({v.record.analysis?.grade}); {v.record.protections?.filter((p) => p.present).length ?? 0} of {v.record.protections?.length ?? 0} protections</Caption1>
        </div>
      ))}
      {versions.length > 1 && range && (
        <div className={s.row} role="group" aria-label="Compare versions">
          <Select aria-label="From version" value={String(range[0])} onChange={(_, d) => setRange([Number(d.value), range[1]])}>{versions.map((v) => <option key={v.sequence} value={v.sequence}>Version {v.sequence}</option>)}</Select>
          <Select aria-label="To version" value={String(range[1])} onChange={(_, d) => setRange([range[0], Number(d.value)])}>{versions.map((v) => <option key={v.sequence} value={v.sequence}>Version {v.sequence}</option>)}</Select>
        </div>
      )}
      {diff && versions.length > 1 && (
        <div data-testid="diff">
          <Caption1 block>From version {diff.from} to {diff.to}: score {diff.scoreFrom} ({diff.gradeFrom}) to {diff.scoreTo} ({diff.gradeTo})</Caption1>
          <ul className={s.list} aria-label="AI-related protections changed">
            {diff.added.map((p) => <li key={`+${p.key}`}>Added: {p.title}{p.clause ? ` (clause ${p.clause})` : ""}</li>)}
            {diff.removed.map((p) => <li key={`-${p.key}`}>Removed: {p.title}{p.clause ? ` (clause ${p.clause})` : ""}</li>)}
            {diff.added.length === 0 && diff.removed.length === 0 && <li>No change in the AI-related protections.</li>}
          </ul>
        </div>
      )}
      {versions.length > 0 && (
        <div className={s.row} role="group" aria-label="Letters">
          <Select aria-label="Letter" value={letter} onChange={(_, d) => setLetter(d.value as LetterKind)}>{LETTERS.map((l) => <option key={l.kind} value={l.kind}>{l.label}</option>)}</Select>
          <Button disabled={working} onClick={() => void run(async () => { await documents.open(await api.letterDocx(contractId!, letter)); return "The letter is open in a new Word document. WordRedline never sends it."; })}>Open in Word</Button>
          <Button disabled={working} onClick={() => void run(async () => { await documents.copy((await api.letterText(contractId!, letter)).text); return "The letter is on the clipboard."; })}>Copy</Button>
        </div>
      )}
    </section>
  );
}
