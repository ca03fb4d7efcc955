import {
  Badge, Button, Card, CardFooter, CardHeader, Text, makeStyles, mergeClasses, tokens,
} from "@fluentui/react-components";
import { Checkmark16Regular, Dismiss16Regular, ShieldCheckmark20Filled } from "@fluentui/react-icons";
import { CATEGORY_LABELS, type Severity } from "../../api/contract";
import type { DocParagraph } from "../../word/gateway";
import { canAccept, diffPreview, type Card as FindingCardModel } from "../model";

const useStyles = makeStyles({
  card: { rowGap: tokens.spacingVerticalS },
  high: { borderLeft: `4px solid ${tokens.colorPaletteRedBorderActive}` },
  medium: { borderLeft: `4px solid ${tokens.colorPaletteMarigoldBorderActive}` },
  low: { borderLeft: `4px solid ${tokens.colorPaletteYellowBorderActive}` },
  info: { borderLeft: `4px solid ${tokens.colorNeutralStroke1}` },
  protective: { borderLeft: `4px solid ${tokens.colorPaletteGreenBorderActive}` },
  badges: { display: "flex", columnGap: tokens.spacingHorizontalXS, flexWrap: "wrap", marginTop: tokens.spacingVerticalXXS },
  quote: {
    margin: 0,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderLeft: `3px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    fontStyle: "italic",
    cursor: "pointer",
    textAlign: "left",
    border: "none",
    fontFamily: "inherit",
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    ":hover": { backgroundColor: tokens.colorNeutralBackground3Hover },
  },
  diff: { fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300 },
  del: { color: tokens.colorPaletteRedForeground1, textDecorationLine: "line-through" },
  ins: {
    color: tokens.colorPaletteGreenForeground1,
    textDecorationLine: "underline",
    backgroundColor: tokens.colorPaletteGreenBackground1,
  },
  label: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase100, textTransform: "uppercase", letterSpacing: "0.04em" },
  body: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
});

const SEVERITY_BADGE: Record<Severity, { color: "danger" | "warning" | "important" | "informative"; label: string }> = {
  high: { color: "danger", label: "High" },
  medium: { color: "warning", label: "Medium" },
  low: { color: "important", label: "Low" },
  info: { color: "informative", label: "Info" },
};

export interface FindingCardProps {
  readonly card: FindingCardModel;
  readonly paragraph: DocParagraph | undefined;
  readonly busy: boolean;
  readonly onAccept: () => void;
  readonly onDismiss: () => void;
  readonly onSelect: () => void;
}

export function FindingCard({ card, paragraph, busy, onAccept, onDismiss, onSelect }: FindingCardProps) {
  const s = useStyles();
  const f = card.finding;
  const protective = f.category === "ai-protection";
  const severity = SEVERITY_BADGE[f.severity];
  return (
    <Card
      className={mergeClasses(s.card, protective ? s.protective : s[f.severity])}
      size="small"
      data-testid="finding-card"
      data-category={f.category}
      aria-label={f.title}
    >
      <CardHeader
        image={protective ? <ShieldCheckmark20Filled color={tokens.colorPaletteGreenForeground1} /> : undefined}
        header={<Text weight="semibold">{f.title}</Text>}
        description={
          <div className={s.badges}>
            {protective ? <Badge appearance="tint" color="success">Protective</Badge>
              : <Badge appearance="filled" color={severity.color}>{severity.label}</Badge>}
            <Badge appearance="outline" color="subtle">{CATEGORY_LABELS[f.category]}</Badge>
            {card.kind === "paragraph" && card.finding.mitigated && <Badge appearance="tint" color="success">Mitigated</Badge>}
          </div>
        }
      />
      {card.kind === "paragraph" && (
        <button type="button" className={s.quote} onClick={onSelect} title="Show in the document">
          “{card.finding.quote}”
        </button>
      )}
      <Text className={s.body}>{f.explanation}</Text>
      {card.kind === "paragraph" && card.finding.edits.length > 0 && paragraph && (
        <div>
          <div className={s.label}>Proposed change</div>
          <div className={s.diff} data-testid="diff">
            {diffPreview(paragraph.text, card.finding).map((seg, i) =>
              seg.kind === "del" ? <del key={i} className={s.del}>{seg.text}</del>
              : seg.kind === "ins" ? <ins key={i} className={s.ins}>{seg.text}</ins>
              : <span key={i}>{seg.text}</span>)}
          </div>
        </div>
      )}
      {card.kind === "document" && (
        <div>
          <div className={s.label}>Proposed new paragraph</div>
          {card.finding.paragraphs.map((p, i) => <div key={i} className={s.diff}><ins className={s.ins}>{p.text}</ins></div>)}
        </div>
      )}
      {"rationale" in f && f.rationale && <Text className={s.body}><b>Why this helps: </b>{f.rationale}</Text>}
      {!protective && (
        <CardFooter>
          <Button appearance="primary" size="small" icon={<Checkmark16Regular />} disabled={busy || !canAccept(card)} onClick={onAccept}>
            {card.kind === "document" ? "Insert" : "Accept"}
          </Button>
          <Button appearance="subtle" size="small" icon={<Dismiss16Regular />} disabled={busy} onClick={onDismiss}>
            Dismiss
          </Button>
        </CardFooter>
      )}
    </Card>
  );
}
