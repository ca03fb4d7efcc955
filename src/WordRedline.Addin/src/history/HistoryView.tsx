import {
  Badge, Body1, Button, Caption1, Checkbox, Field, Input, MessageBar, MessageBarBody, Select, Text, makeStyles, tokens,
} from "@fluentui/react-components";
import { History20Regular, Save20Regular } from "@fluentui/react-icons";
import { useState } from "react";
import { officeDocuments, type NewDocuments } from "./newDocuments";
import { useHistory, type HistoryPane } from "./useHistory";
import type { LetterKind, ProtectionDiff, VersionView, VersionsApi } from "./versionsApi";

export { SETTING_CONTRACT, type HistoryPane } from "./useHistory";

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
export function HistoryView({ pane, api, documents = officeDocuments }: { readonly pane: HistoryPane; readonly api?: VersionsApi; readonly documents?: NewDocuments }) {
  const s = useStyles();
  const h = useHistory(pane, api);
  const [title, setTitle] = useState("");
  const [storeText, setStoreText] = useState(false);
  const signed = h.versions.find((v) => v.signature);
  return (
    <section className={s.root} aria-labelledby="history-heading" data-testid="history">
      <h2 id="history-heading" className={s.h2}><History20Regular aria-hidden /> History</h2>
      {!h.contractId && (
        <>
          <Caption1>Keep a tamper-evident record of each version of this contract, to prove later what you agreed.</Caption1>
          <Field label="Contract title (read from the document when empty)"><Input value={title} onChange={(_, d) => setTitle(d.value)} /></Field>
          <Checkbox label="Keep the full text of each version (otherwise only its fingerprint and the AI-related clauses)" checked={storeText} onChange={(_, d) => setStoreText(Boolean(d.checked))} />
        </>
      )}
      <div className={s.row}>
        <Button icon={<Save20Regular />} disabled={h.working || pane.state.busy !== null} onClick={() => void h.run(() => h.save("pane", { title, storeText }))}>Save version</Button>
        {h.contractId && h.versions.length > 0 && <Button disabled={h.working} onClick={() => void h.run(async () => { await documents.open(await h.api.proofDocx(h.contractId!)); })}>Open the proof in Word</Button>}
      </div>
      {h.message && <MessageBar intent={h.message.intent} data-testid="history-message"><MessageBarBody>{h.message.text}</MessageBarBody></MessageBar>}
      {h.contract && <Text size={200}>{h.contract.title ?? "Untitled contract"}{h.contract.counterpartyName ? ` with ${h.contract.counterpartyName}` : ""}{signed ? `, signed at version ${signed.sequence}` : ""}</Text>}
      {h.versions.map((v) => <VersionRow key={v.sequence} version={v} canSign={!signed} working={h.working} onSign={() => void h.sign(v.sequence, new Date().toISOString().slice(0, 10))} />)}
      {h.versions.length > 1 && h.range && <Compare versions={h.versions} range={h.range} onRange={h.setRange} diff={h.diff} />}
      {h.contractId && h.versions.length > 0 && <Letters working={h.working} onOpen={(kind) => void h.run(async () => { await documents.open(await h.api.letterDocx(h.contractId!, kind)); return "The letter is open in a new Word document. WordRedline never sends it."; })}
        onCopy={(kind) => void h.run(async () => { await documents.copy((await h.api.letterText(h.contractId!, kind)).text); return "The letter is on the clipboard."; })} />}
    </section>
  );
}

function VersionRow({ version: v, canSign, working, onSign }: { readonly version: VersionView; readonly canSign: boolean; readonly working: boolean; readonly onSign: () => void }) {
  const s = useStyles();
  const protections = v.record.protections ?? [];
  return (
    <div className={s.version} data-testid="version">
      <div className={s.row}>
        <Body1>Version {v.sequence}</Body1>
        {v.signature && <Badge color="success">Signed {v.signature.signedOn}</Badge>}
        {canSign && <Button size="small" appearance="subtle" disabled={working} onClick={onSign}>Mark as signed</Button>}
      </div>
      <Caption1>{new Date(v.record.recordedAt).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short" })}, {SOURCES[v.record.source ?? ""] ?? ""}; score {v.record.analysis?.score} ({v.record.analysis?.grade}); {protections.filter((p) => p.present).length} of {protections.length} protections</Caption1>
    </div>
  );
}

function Compare({ versions, range, onRange, diff }: { readonly versions: readonly VersionView[]; readonly range: [number, number]; readonly onRange: (r: [number, number]) => void; readonly diff: ProtectionDiff | null }) {
  const s = useStyles();
  const options = versions.map((v) => <option key={v.sequence} value={v.sequence}>Version {v.sequence}</option>);
  const clause = (c: string | null) => (c ? ` (clause ${c})` : "");
  return (
    <>
      <div className={s.row} role="group" aria-label="Compare versions">
        <Select aria-label="From version" value={String(range[0])} onChange={(_, d) => onRange([Number(d.value), range[1]])}>{options}</Select>
        <Select aria-label="To version" value={String(range[1])} onChange={(_, d) => onRange([range[0], Number(d.value)])}>{options}</Select>
      </div>
      {diff && (
        <div data-testid="diff">
          <Caption1 block>From version {diff.from} to {diff.to}: score {diff.scoreFrom} ({diff.gradeFrom}) to {diff.scoreTo} ({diff.gradeTo})</Caption1>
          <ul className={s.list} aria-label="AI-related protections changed">
            {diff.added.map((p) => <li key={`+${p.key}`}>Added: {p.title}{clause(p.clause)}</li>)}
            {diff.removed.map((p) => <li key={`-${p.key}`}>Removed: {p.title}{clause(p.clause)}</li>)}
            {diff.added.length === 0 && diff.removed.length === 0 && <li>No change in the AI-related protections.</li>}
          </ul>
        </div>
      )}
    </>
  );
}

function Letters({ working, onOpen, onCopy }: { readonly working: boolean; readonly onOpen: (kind: LetterKind) => void; readonly onCopy: (kind: LetterKind) => void }) {
  const s = useStyles();
  const [letter, setLetter] = useState<LetterKind>("cover");
  return (
    <div className={s.row} role="group" aria-label="Letters">
      <Select aria-label="Letter" value={letter} onChange={(_, d) => setLetter(d.value as LetterKind)}>{LETTERS.map((l) => <option key={l.kind} value={l.kind}>{l.label}</option>)}</Select>
      <Button disabled={working} onClick={() => onOpen(letter)}>Open in Word</Button>
      <Button disabled={working} onClick={() => onCopy(letter)}>Copy</Button>
    </div>
  );
}
