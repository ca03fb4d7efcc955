import {
  Body1, Button, Caption1, ProgressBar, Switch, Text,
  ToggleButton, makeStyles, tokens,
} from "@fluentui/react-components";
import { ArrowUndo16Regular, DocumentSearch20Regular, Dismiss20Regular, ShieldAdd20Regular, ShieldCheckmark24Regular, TextBulletListSquare20Regular } from "@fluentui/react-icons";
import { useCallback, useEffect, useMemo } from "react";
import { CATEGORY_LABELS, type Category } from "../../api/contract";
import { HistoryView } from "../../history/HistoryView";
import { canAccept, isOpenRisk, changesOf, type Card } from "../model/cards";
import { places } from "../model/places";
import { needsFillIn, usePane, type Pane, type PaneDeps } from "../usePane";
import { FindingList } from "./FindingList";
import { NoticeArea } from "./NoticeArea";
import { Summary } from "./Summary";

const useStyles = makeStyles({
  root: {
    display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM, padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    minHeight: "100vh", boxSizing: "border-box", backgroundColor: tokens.colorNeutralBackground2, color: tokens.colorNeutralForeground1,
  },
  header: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalS },
  brand: { display: "flex", flexDirection: "column", flexGrow: 1 },
  h1: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  brandIcon: { color: tokens.colorBrandForeground1 },
  toolbar: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  filters: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS },
  empty: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, padding: tokens.spacingHorizontalM, backgroundColor: tokens.colorNeutralBackground1, borderRadius: tokens.borderRadiusLarge },
  group: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  h2: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  accepted: { display: "flex", alignItems: "center", justifyContent: "space-between", columnGap: tokens.spacingHorizontalS, fontSize: tokens.fontSizeBase200 },
  acceptedText: { display: "flex", flexDirection: "column" },
  live: { color: tokens.colorNeutralForeground2 },
});

/**
 * The pane's views, one line each. A view renders below the shared header and toolbar; to add one (a History view),
 * add a line here.
 */
export const VIEWS: readonly { readonly id: string; readonly render: (pane: Pane) => React.ReactNode }[] = [
  { id: "findings", render: (pane) => <FindingsView pane={pane} /> },
  { id: "history", render: (pane) => <HistoryView pane={pane} /> },
];

export interface AppProps extends PaneDeps {
  /** Set when the ribbon's Scan button opened the pane. */
  readonly scanOnOpen?: boolean;
}

export function App(props: AppProps) {
  const s = useStyles();
  const pane = usePane(props);
  const { state } = pane;
  const { scanOnOpen } = props;
  const { scan } = pane;
  useEffect(() => {
    if (scanOnOpen) void scan();
  }, [scanOnOpen, scan]);
  const busy = state.busy !== null || state.status === "scanning";
  // What Accept all would write: not a fix still waiting for its blank to be filled in.
  const acceptable = pane.groups.flatMap((g) => g.cards).filter((c) => canAccept(c) && !needsFillIn(c, state.drafts[c.key]?.replacements)).length;
  return (
    <main className={s.root}>
      <header className={s.header}>
        <ShieldCheckmark24Regular className={s.brandIcon} aria-hidden />
        <div className={s.brand}>
          <h1 className={s.h1}>WordRedline</h1>
          <Caption1>Protect your work from AI training and open-ended use</Caption1>
        </div>
        {state.live !== "off" && <Caption1 className={s.live} data-testid="live">{state.live === "events" ? "Live: updates as you edit" : "Live: updates every few seconds"}</Caption1>}
      </header>
      <div className={s.toolbar} role="toolbar" aria-label="Actions">
        {state.status === "scanning"
          ? <Button icon={<Dismiss20Regular />} onClick={pane.cancelScan}>Cancel scan</Button>
          : <Button appearance="primary" icon={<DocumentSearch20Regular />} onClick={() => void pane.scan()} disabled={busy}>{state.analysis ? "Scan again" : "Scan document"}</Button>}
        <Button icon={<TextBulletListSquare20Regular />} onClick={() => void pane.acceptAll()} disabled={busy || acceptable === 0}>Accept all ({acceptable})</Button>
        <Button icon={<ShieldAdd20Regular />} onClick={() => void pane.insertAddendum(false)} disabled={busy}>Insert AI addendum</Button>
        <Switch label="Add comments for the other side" checked={state.comments} onChange={(_, d) => void pane.setComments(d.checked)} data-testid="comments-switch" />
      </div>
      <Progress pane={pane} />
      <NoticeArea pane={pane} />
      {VIEWS.map((v) => <div key={v.id}>{v.render(pane)}</div>)}
    </main>
  );
}

/** Scan and Accept-all progress, announced politely. */
function Progress({ pane }: { readonly pane: Pane }) {
  const { scan, batch } = pane.state;
  if (!scan && !batch) return null;
  const label = scan
    ? scan.phase === "reading" ? `Reading paragraphs: ${scan.done.toLocaleString("en")} of ${scan.total.toLocaleString("en")}` : "Checking the clauses…"
    : `Applying batch ${batch?.index} of ${batch?.count} (${batch?.applied} applied so far)`;
  const value = scan ? (scan.phase === "reading" && scan.total > 0 ? (scan.done / scan.total) * 0.8 : scan.phase === "analyzing" ? undefined : 0)
    : batch ? (batch.index - 1) / batch.count : undefined;
  return (
    <div data-testid="progress">
      <ProgressBar value={value} thickness="large" aria-label={label} />
      <Text size={200} role="status" aria-live="polite">{label}</Text>
    </div>
  );
}

function FindingsView({ pane }: { readonly pane: Pane }) {
  const s = useStyles();
  const { state, groups, allCards } = pane;
  const analysis = state.analysis;
  const where = useMemo(() => places(state.paragraphs), [state.paragraphs]);
  const shown = groups.flatMap((g) => g.cards);
  // The risks still in the document: a dismissed card or a category filter hides a card, not the risk. Only an
  // accepted change (hidden until the engine's next reading confirms it) leaves the count.
  const accepted = useMemo(() => new Set(state.hidden), [state.hidden]);
  const inDocument = allCards.filter((c) => !accepted.has(c.key));
  const open = inDocument.filter(isOpenRisk);
  const present = useMemo(() => [...new Set(allCards.map((c) => c.finding.category))], [allCards]);

  /**
   * Accept moves focus to the next card at once (the pressed button is disabled while Word works, which would drop
   * focus to the page body), or to the result notice when it was the last card. The notice is announced either way.
   */
  const acceptAndMoveOn = useCallback(async (card: Card) => {
    const index = shown.findIndex((c) => c.key === card.key);
    const next = shown[index + 1]?.key;
    const target = next ? document.querySelector<HTMLElement>(`[data-key="${CSS.escape(next)}"]`) : null;
    target?.focus();
    await pane.accept(card);
    if (!target) document.querySelector<HTMLElement>('[data-testid="notice"]')?.focus();
  }, [shown, pane]);

  /** Undo disables its button while Word works: focus waits on the Accepted heading, then goes to the result notice. */
  const undoAndMoveOn = useCallback(async (key: string) => {
    document.getElementById("accepted-heading")?.focus();
    await pane.undo(key);
    document.querySelector<HTMLElement>('[data-testid="notice"]')?.focus();
  }, [pane]);

  if (!analysis) {
    return state.status === "scanning" ? null : (
      <section className={s.empty} aria-label="Start">
        <Body1>Scan this contract for clauses that let the other side train AI on your work or use it “for any purpose”.</Body1>
        <Caption1>Each finding explains the risk in plain English and proposes protective wording you can accept as a tracked change.</Caption1>
      </section>
    );
  }
  return (
    <div className={s.group}>
      <Summary analysis={analysis} stale={state.stale} openRisks={open.length}
        withoutFix={open.filter((c) => c.kind === "paragraph" && changesOf(c.finding).length === 0).length}
        lowered={inDocument.filter((c) => c.kind === "paragraph" && c.finding.mitigated).length}
        party={state.party} busy={state.busy !== null} onParty={(p) => void pane.chooseParty(p)} />
      {state.unread.length > 0 && (
        <Caption1 role="note" data-testid="unread">Not scanned: {state.unread.join("; ")}. Check {state.unread.length === 1 ? "it" : "them"} by hand.</Caption1>
      )}
      {present.length > 1 && (
        <div className={s.filters} role="group" aria-label="Filter by category">
          {present.map((c: Category) => (
            <ToggleButton key={c} size="small" shape="circular" checked={state.categories.includes(c)} onClick={() => pane.toggleCategory(c)}>{CATEGORY_LABELS[c]}</ToggleButton>
          ))}
        </div>
      )}
      <FindingList pane={pane} groups={groups} places={where} onAccept={(c) => void acceptAndMoveOn(c)} />
      {groups.length === 0 && <section className={s.empty} aria-label="No findings"><Body1>No open findings. Keep editing: the list updates as you type.</Body1></section>}
      {state.accepted.length > 0 && (
        <section className={s.group} aria-labelledby="accepted-heading">
          <h2 id="accepted-heading" className={s.h2} tabIndex={-1}>Accepted ({state.accepted.length})</h2>
          {state.accepted.map((a) => (
            <div key={a.key} className={s.accepted} data-testid="accepted">
              <span className={s.acceptedText}>{a.title}<Caption1 className={s.live} data-testid="accepted-place">{a.place}</Caption1></span>
              <Button size="small" appearance="subtle" icon={<ArrowUndo16Regular />} disabled={state.busy !== null} onClick={() => void undoAndMoveOn(a.key)} aria-label={`Undo: ${a.title}, ${a.place}`}>Undo</Button>
            </div>
          ))}
        </section>
      )}
    </div>
  );
}

