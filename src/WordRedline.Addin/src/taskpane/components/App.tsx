import {
  Badge, Body1, Button, Caption1, Divider, Dropdown, Field, MessageBar, MessageBarActions, MessageBarBody,
  MessageBarTitle, Option, ProgressBar, Subtitle2, Text, ToggleButton, Tooltip, makeStyles, tokens,
} from "@fluentui/react-components";
import {
  ArrowUndo16Regular, CheckmarkCircle16Filled, Circle12Filled, DismissCircle16Filled, DocumentSearch20Regular,
  ShieldAdd20Regular, ShieldCheckmark24Regular, TextBulletListSquare20Regular,
} from "@fluentui/react-icons";
import { useEffect, useMemo } from "react";
import { CATEGORY_LABELS, type Category } from "../../api/contract";
import { canAccept, isOpenRisk } from "../model";
import { usePane, type PaneDeps } from "../usePane";
import { FindingCard } from "./FindingCard";

const useStyles = makeStyles({
  root: {
    display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    minHeight: "100vh", boxSizing: "border-box", backgroundColor: tokens.colorNeutralBackground2,
  },
  header: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalS },
  brand: { display: "flex", flexDirection: "column", flexGrow: 1 },
  brandIcon: { color: tokens.colorBrandForeground1 },
  toolbar: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  summary: {
    display: "grid", gridTemplateColumns: "auto 1fr", columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM, backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusLarge, boxShadow: tokens.shadow4,
  },
  grade: {
    width: "56px", height: "56px", borderRadius: "50%", display: "flex", alignItems: "center", justifyContent: "center",
    fontSize: tokens.fontSizeHero700, fontWeight: tokens.fontWeightBold, color: tokens.colorNeutralForegroundOnBrand,
  },
  scoreText: { display: "flex", flexDirection: "column", justifyContent: "center" },
  checklist: { gridColumn: "1 / span 2", listStyle: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS },
  check: { display: "flex", alignItems: "flex-start", columnGap: tokens.spacingHorizontalXS, fontSize: tokens.fontSizeBase200 },
  present: { color: tokens.colorPaletteGreenForeground1, flexShrink: 0, marginTop: "2px" },
  missing: { color: tokens.colorPaletteRedForeground1, flexShrink: 0, marginTop: "2px" },
  party: { gridColumn: "1 / span 2" },
  filters: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS },
  group: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  groupTitle: { color: tokens.colorNeutralForeground2 },
  empty: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, padding: tokens.spacingHorizontalM, backgroundColor: tokens.colorNeutralBackground1, borderRadius: tokens.borderRadiusLarge },
  accepted: { display: "flex", alignItems: "center", justifyContent: "space-between", columnGap: tokens.spacingHorizontalS, fontSize: tokens.fontSizeBase200 },
  live: { color: tokens.colorPaletteGreenForeground1 },
});

const GRADE_COLOURS: Record<string, string> = {
  A: tokens.colorPaletteGreenBackground3, B: tokens.colorPaletteLightGreenBackground3, C: tokens.colorPaletteMarigoldBackground3,
  D: tokens.colorPaletteDarkOrangeBackground3, F: tokens.colorPaletteRedBackground3,
};

const GROUP_TITLES = { high: "High risk", medium: "Medium risk", low: "Low risk", info: "For information", protective: "Already protective" } as const;

export interface AppProps extends PaneDeps {
  /** Set when the ribbon's Scan button opened the pane. */
  readonly scanOnOpen?: boolean;
}

export function App(props: AppProps) {
  const s = useStyles();
  const pane = usePane(props);
  const { state, groups, allCards, capabilities } = pane;
  const paragraphs = useMemo(() => new Map(state.paragraphs.map((p) => [p.id, p])), [state.paragraphs]);
  const analysis = state.analysis;
  const acceptable = groups.flatMap((g) => g.cards).filter(canAccept).length;
  const openRisks = groups.flatMap((g) => g.cards).filter(isOpenRisk).length;
  const present = useMemo(() => [...new Set(allCards.map((c) => c.finding.category))], [allCards]);
  const busy = state.busy !== null || state.status === "scanning";
  const { scanOnOpen } = props;
  const { scan } = pane;

  useEffect(() => {
    if (scanOnOpen) void scan();
  }, [scanOnOpen, scan]);

  const candidates = analysis ? [...new Set([...(analysis.party.candidates ?? []), analysis.party.name])] : [];

  return (
    <main className={s.root}>
      <header className={s.header}>
        <ShieldCheckmark24Regular className={s.brandIcon} />
        <div className={s.brand}>
          <Subtitle2>WordRedline</Subtitle2>
          <Caption1>Protect your work from AI training and open-ended use</Caption1>
        </div>
        {state.live !== "off" && (
          <Tooltip content={state.live === "events" ? "Findings update as you edit" : "Findings update every few seconds"} relationship="description">
            <Badge appearance="ghost" icon={<Circle12Filled className={s.live} />} data-testid="live">Live</Badge>
          </Tooltip>
        )}
      </header>

      <div className={s.toolbar}>
        <Button appearance="primary" icon={<DocumentSearch20Regular />} onClick={() => void pane.scan()} disabled={busy}>
          {analysis ? "Scan again" : "Scan document"}
        </Button>
        <Button icon={<TextBulletListSquare20Regular />} onClick={() => void pane.acceptAll()} disabled={busy || acceptable === 0}>
          Accept all ({acceptable})
        </Button>
        <Button icon={<ShieldAdd20Regular />} onClick={() => void pane.insertAddendum(false)} disabled={busy}>
          Insert AI addendum
        </Button>
      </div>

      {state.status === "scanning" && <ProgressBar value={state.progress ?? undefined} thickness="large" aria-label="Scanning" />}

      {!capabilities.trackedChanges && (
        <MessageBar intent="warning">
          <MessageBarBody>
            <MessageBarTitle>Older Word</MessageBarTitle>
            This Word cannot record tracked changes from add-ins (WordApi 1.4). Scanning works; accepted edits are applied directly.
          </MessageBarBody>
        </MessageBar>
      )}

      {state.notice && (
        <MessageBar intent={state.notice.intent} data-testid="notice" data-intent={state.notice.intent}>
          <MessageBarBody>
            <MessageBarTitle>{state.notice.title}</MessageBarTitle>
            {state.notice.message}
          </MessageBarBody>
          <MessageBarActions
            containerAction={<Button appearance="transparent" size="small" onClick={pane.clearNotice} aria-label="Close">✕</Button>}
          >
            {state.notice.action === "retry" && <Button size="small" onClick={() => void pane.scan()}>Try again</Button>}
            {state.notice.action === "signIn" && <Button size="small" onClick={() => void pane.signIn()}>Sign in</Button>}
            {state.notice.action === "replaceAddendum" && <Button size="small" onClick={() => void pane.insertAddendum(true)}>Update addendum</Button>}
          </MessageBarActions>
        </MessageBar>
      )}

      {!analysis && state.status !== "scanning" && (
        <section className={s.empty}>
          <Body1>Scan this contract for clauses that let the other side train AI on your work or use it “for any purpose”.</Body1>
          <Caption1>Each finding explains the risk in plain English and proposes protective wording you can accept as a tracked change.</Caption1>
        </section>
      )}

      {analysis && (
        <section className={s.summary} aria-label="Summary" data-testid="summary">
          <div className={s.grade} style={{ backgroundColor: GRADE_COLOURS[analysis.grade] ?? tokens.colorNeutralBackground5 }} data-testid="grade">
            {analysis.grade}
          </div>
          <div className={s.scoreText}>
            <Text weight="semibold" size={400}>Protection score {analysis.score}/100</Text>
            <Caption1 data-testid="risk-count">
              {openRisks === 0 ? "No open risks" : `${openRisks} open risk${openRisks === 1 ? "" : "s"}`}
            </Caption1>
          </div>
          <Field label="I am the" className={s.party} size="small">
            <Dropdown
              value={state.party ?? analysis.party.name}
              selectedOptions={[state.party ?? analysis.party.name]}
              onOptionSelect={(_, d) => d.optionValue && void pane.chooseParty(d.optionValue)}
              disabled={busy}
              data-testid="party"
            >
              {candidates.map((c) => <Option key={c} value={c}>{c}</Option>)}
            </Dropdown>
          </Field>
          <ul className={s.checklist} aria-label="Protections">
            {analysis.protections.map((p) => (
              <li key={p.key} className={s.check}>
                {p.present ? <CheckmarkCircle16Filled className={s.present} aria-label="present" />
                  : <DismissCircle16Filled className={s.missing} aria-label="missing" />}
                <span>{p.title ?? p.key}</span>
              </li>
            ))}
          </ul>
        </section>
      )}

      {present.length > 1 && (
        <div className={s.filters} role="group" aria-label="Filter by category">
          {present.map((c: Category) => (
            <ToggleButton key={c} size="small" shape="circular" checked={state.categories.includes(c)} onClick={() => pane.toggleCategory(c)}>
              {CATEGORY_LABELS[c]}
            </ToggleButton>
          ))}
        </div>
      )}

      {groups.map((g) => (
        <section key={g.severity} className={s.group} aria-label={GROUP_TITLES[g.severity]}>
          <Text weight="semibold" className={s.groupTitle}>{GROUP_TITLES[g.severity]} ({g.cards.length})</Text>
          {g.cards.map((card) => (
            <FindingCard
              key={card.key}
              card={card}
              paragraph={card.kind === "paragraph" ? paragraphs.get(card.finding.paragraphId) : undefined}
              busy={busy}
              onAccept={() => void pane.accept(card)}
              onDismiss={() => void pane.dismiss(card.key)}
              onSelect={() => void pane.select(card)}
            />
          ))}
        </section>
      ))}

      {analysis && groups.length === 0 && (
        <section className={s.empty}><Body1>No open findings. Keep editing: the list updates as you type.</Body1></section>
      )}

      {state.accepted.length > 0 && (
        <section className={s.group} aria-label="Accepted">
          <Divider />
          <Text weight="semibold" className={s.groupTitle}>Accepted ({state.accepted.length})</Text>
          {state.accepted.map((a) => (
            <div key={a.key} className={s.accepted} data-testid="accepted">
              <span>{a.title}</span>
              <Button size="small" appearance="subtle" icon={<ArrowUndo16Regular />} disabled={busy} onClick={() => void pane.undo(a.key)}>
                Undo
              </Button>
            </div>
          ))}
        </section>
      )}
    </main>
  );
}
