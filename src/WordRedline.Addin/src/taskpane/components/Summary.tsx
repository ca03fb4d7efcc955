import { Caption1, Dropdown, Field, Option, Text, makeStyles, tokens } from "@fluentui/react-components";
import { CheckmarkCircle16Filled, DismissCircle16Filled } from "@fluentui/react-icons";
import type { AnalyzeResponse } from "../../api/contract";

const useStyles = makeStyles({
  summary: {
    display: "grid", gridTemplateColumns: "auto 1fr", columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM, backgroundColor: tokens.colorNeutralBackground1, borderRadius: tokens.borderRadiusLarge,
    boxShadow: tokens.shadow4, border: `1px solid ${tokens.colorTransparentStroke}`,
  },
  heading: { gridColumn: "1 / span 2", margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  grade: {
    width: "56px", height: "56px", borderRadius: "50%", display: "flex", alignItems: "center", justifyContent: "center",
    fontSize: tokens.fontSizeHero700, fontWeight: tokens.fontWeightBold, border: `2px solid ${tokens.colorNeutralForeground1}`,
    color: tokens.colorNeutralForeground1, backgroundColor: tokens.colorNeutralBackground1,
  },
  scoreText: { display: "flex", flexDirection: "column", justifyContent: "center" },
  checklist: { gridColumn: "1 / span 2", listStyle: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS },
  check: { display: "flex", alignItems: "flex-start", columnGap: tokens.spacingHorizontalXS, fontSize: tokens.fontSizeBase200 },
  present: { color: tokens.colorPaletteGreenForeground3, flexShrink: 0, marginTop: "2px" },
  missing: { color: tokens.colorPaletteRedForeground3, flexShrink: 0, marginTop: "2px" },
  party: { gridColumn: "1 / span 2" },
});

export interface SummaryProps {
  readonly analysis: AnalyzeResponse;
  readonly stale: boolean;
  /** Risks still open in the document (the engine's latest reading, accepted fixes excluded once re-read). */
  readonly openRisks: number;
  /** Of which the engine has no automatic fix for (to raise with the other side). */
  readonly withoutFix: number;
  /** Risks protective wording now covers (lowered, not gone: the clause itself is unchanged). */
  readonly lowered: number;
  readonly party: string | null;
  readonly busy: boolean;
  readonly onParty: (party: string) => void;
}

/** The grade, the score and the protections checklist; the grade is a letter in a ring, readable in any theme. */
export function Summary({ analysis, stale, openRisks, withoutFix, lowered, party, busy, onParty }: SummaryProps) {
  const s = useStyles();
  const candidates = [...new Set([...(analysis.party.candidates ?? []), analysis.party.name])];
  const risks = openRisks === 0 ? "No open risks" : `${openRisks} open risk${openRisks === 1 ? "" : "s"}`;
  return (
    <section className={s.summary} aria-labelledby="summary-heading" data-testid="summary">
      <h2 id="summary-heading" className={s.heading}>Summary</h2>
      <div className={s.grade} data-testid="grade" aria-label={`Grade ${analysis.grade}`}>{analysis.grade}</div>
      <div className={s.scoreText}>
        <Text weight="semibold" size={400}>Protection score {analysis.score}/100</Text>
        <Caption1 data-testid="risk-count">
          {stale ? "Updating after your changes…" : [risks, withoutFix > 0 ? `${withoutFix} to negotiate (no automatic fix)` : "",
            lowered > 0 ? `${lowered} lowered by protective wording (the clause itself still stands)` : ""].filter(Boolean).join("; ")}
        </Caption1>
      </div>
      <Field label="I am the" className={s.party} size="small">
        <Dropdown value={party ?? analysis.party.name} selectedOptions={[party ?? analysis.party.name]} disabled={busy} data-testid="party"
          onOptionSelect={(_, d) => d.optionValue && onParty(d.optionValue)}>
          {candidates.map((c) => <Option key={c} value={c}>{c}</Option>)}
        </Dropdown>
      </Field>
      <ul className={s.checklist} aria-label="Protections">
        {analysis.protections.map((p) => (
          <li key={p.key} className={s.check}>
            {p.present ? <CheckmarkCircle16Filled className={s.present} aria-hidden /> : <DismissCircle16Filled className={s.missing} aria-hidden />}
            <span>{p.present ? "In place: " : "Missing: "}{p.title ?? p.key}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
