import {
  Badge, Button, Card, CardFooter, Field, Text, Textarea, makeStyles, mergeClasses, tokens,
} from "@fluentui/react-components";
import { Search12Regular, Checkmark16Regular, ChevronDown16Regular, ChevronRight16Regular, Dismiss16Regular, Edit16Regular, ShieldCheckmark20Filled } from "@fluentui/react-icons";
import { useState } from "react";
import { CATEGORY_LABELS, type Severity } from "../../api/contract";
import { canAccept, changesOf, clauseOf, fillInsOf, preview, type Card as CardModel } from "../model/cards";
import type { Draft } from "../model/requests";

const useStyles = makeStyles({
  // A card out of view is neither laid out nor painted (it keeps its place, its focus order and its text for
  // assistive technology and find-in-page): a list showing hundreds of cards stays quick to scroll and update.
  card: { rowGap: tokens.spacingVerticalS, contentVisibility: "auto", containIntrinsicSize: "auto 72px" },
  high: { borderLeft: `4px solid ${tokens.colorPaletteRedBorder2}` },
  medium: { borderLeft: `4px solid ${tokens.colorPaletteDarkOrangeBorder2}` },
  low: { borderLeft: `4px solid ${tokens.colorPaletteYellowBorder2}` },
  info: { borderLeft: `4px solid ${tokens.colorNeutralStroke1}` },
  protective: { borderLeft: `4px solid ${tokens.colorPaletteGreenBorder2}` },
  head: { display: "flex", alignItems: "flex-start", columnGap: tokens.spacingHorizontalXS },
  title: { margin: 0, fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300, fontWeight: tokens.fontWeightSemibold, flexGrow: 1 },
  clause: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  badges: { display: "flex", columnGap: tokens.spacingHorizontalXS, flexWrap: "wrap" },
  quote: {
    margin: 0, padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`, border: "none",
    borderLeft: `3px solid ${tokens.colorNeutralStroke1}`, backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground1, fontStyle: "italic", cursor: "pointer", textAlign: "left", fontFamily: "inherit",
    fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200,
    display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS,
    ":hover": { backgroundColor: tokens.colorNeutralBackground3Hover },
  },
  quoteHint: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalXXS, fontStyle: "normal", color: tokens.colorNeutralForeground2 },
  diff: { fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300, color: tokens.colorNeutralForeground1 },
  del: { color: tokens.colorPaletteRedForeground3, textDecorationLine: "line-through" },
  ins: { color: tokens.colorPaletteGreenForeground3, textDecorationLine: "underline" },
  label: { margin: 0, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold },
  body: { color: tokens.colorNeutralForeground1, fontSize: tokens.fontSizeBase200 },
  editor: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
});

const SEVERITY_BADGE: Record<Severity, { color: "danger" | "warning" | "important" | "informative"; label: string }> = {
  high: { color: "danger", label: "High" },
  medium: { color: "warning", label: "Medium" },
  low: { color: "important", label: "Low" },
  info: { color: "informative", label: "Info" },
};

export interface FindingCardProps {
  readonly card: CardModel;
  /** The paragraph's text as analyzed (paragraph findings). */
  readonly text: string | undefined;
  /** Where the finding is, for names and the header ("clause 4" or "paragraph 12"). */
  readonly place: string;
  /** Outside the body ("Footer", "Footnote 3"): shown instead of the engine's clause, which reads the body only. */
  readonly where?: string | undefined;
  readonly busy: boolean;
  readonly comments: boolean;
  readonly draft: Draft | undefined;
  readonly blocked: boolean;
  /** Long lists start with cards collapsed. */
  readonly defaultOpen: boolean;
  readonly onAccept: () => void;
  readonly onDismiss: () => void;
  readonly onSelect: () => void;
  readonly onSaveDraft: (replacements: readonly string[], comment: string) => Promise<void>;
  readonly onDiscardDraft: () => void;
}

export function FindingCard(props: FindingCardProps) {
  const { card, text, place, where, busy, comments, draft, blocked } = props;
  const s = useStyles();
  const [open, setOpen] = useState(props.defaultOpen);
  const [editing, setEditing] = useState(false);
  const f = card.finding;
  const protective = f.category === "ai-protection";
  const clause = clauseOf(card);
  const comment = draft ? draft.comment : f.comment ?? "";
  const bodyId = `card-body-${card.key.replace(/[^a-zA-Z0-9_-]/g, "_")}`;
  return (
    <Card
      className={mergeClasses(s.card, protective ? s.protective : s[f.severity])}
      size="small" data-testid="finding-card" data-category={f.category} data-key={card.key} tabIndex={-1}
      aria-label={`${f.title}, ${place}`}
    >
      <div className={s.head}>
        <Button appearance="transparent" size="small" icon={open ? <ChevronDown16Regular /> : <ChevronRight16Regular />}
          aria-expanded={open} aria-controls={bodyId} aria-label={`${open ? "Collapse" : "Expand"}: ${f.title}, ${place}`} onClick={() => setOpen(!open)} />
        {protective && <ShieldCheckmark20Filled color={tokens.colorPaletteGreenForeground3} aria-hidden />}
        <h3 className={s.title}>{f.title}</h3>
      </div>
      <div className={s.badges}>
        {protective ? <Badge appearance="tint" color="success">Protective</Badge> : <Badge appearance="filled" color={SEVERITY_BADGE[f.severity].color}>{SEVERITY_BADGE[f.severity].label}</Badge>}
        <Badge appearance="tint" color="informative">{CATEGORY_LABELS[f.category]}</Badge>
        {card.kind === "paragraph" && f.category !== "ai-protection" && card.finding.mitigated && <Badge appearance="tint" color="success">Mitigated</Badge>}
        <Text className={s.clause} data-testid="place">{where ?? (clause ? [clause.number, clause.heading].filter(Boolean).join(" ") : place)}</Text>
      </div>
      {open && (
        <div id={bodyId} className={s.editor}>
          {/* The visible words are the button's name (the quote, then what clicking does), as WCAG 2.5.3 asks. */}
          {card.kind === "paragraph" && (
            <button type="button" className={s.quote} onClick={props.onSelect} data-testid="quote">
              <span>“{card.finding.quote}”</span>
              <span className={s.quoteHint}><Search12Regular aria-hidden /> Show in the document</span>
            </button>
          )}
          <Text className={s.body}>{f.explanation}</Text>
          {card.kind === "paragraph" && text !== undefined && changesOf(card.finding).length > 0 && !editing && (
            <div>
              <p className={s.label}>{draft ? "Your change" : "Proposed change"}</p>
              <div className={s.diff} data-testid="diff">
                {preview(text, draft?.changes ?? changesOf(card.finding)).map((seg, i) =>
                  seg.kind === "del" ? <del key={i} className={s.del}>{seg.text}</del>
                  : seg.kind === "ins" ? <ins key={i} className={s.ins}>{seg.text}</ins>
                  : <span key={i}>{seg.text}</span>)}
              </div>
            </div>
          )}
          {card.kind === "document" && (
            <div>
              <p className={s.label}>Proposed new paragraph</p>
              {card.finding.paragraphs.map((p, i) => <div key={i} className={s.diff}><ins className={s.ins}>{p.text}</ins></div>)}
            </div>
          )}
          {f.rationale && <Text className={s.body}><b>Why this helps you: </b>{f.rationale}</Text>}
          {comments && comment && !editing && !protective && (
            <Text className={s.body} data-testid="comment"><b>Comment for the other side: </b>{comment}</Text>
          )}
          {editing && card.kind === "paragraph" && (
            <DraftEditor card={card} draft={draft} comments={comments} busy={busy}
              onSave={async (r, c) => { await props.onSaveDraft(r, c); setEditing(false); }} onCancel={() => setEditing(false)} />
          )}
          {blocked && (
            <Text className={s.body} role="note" data-testid="fill-in">
              <b>Fill in before accepting: </b>{fillInsOf(card).map((fi) => fi.prompt).join("; ")}. Choose Edit and replace the bracketed blank.
            </Text>
          )}
          {!protective && !editing && <CardActions {...props} onEdit={() => setEditing(true)} />}
        </div>
      )}
    </Card>
  );
}

/** Accept / Edit / Reset / Dismiss, each named with the card's title and place for screen readers. */
function CardActions(props: FindingCardProps & { readonly onEdit: () => void }) {
  const { card, place, busy, draft, blocked } = props;
  const f = card.finding;
  return (
    <CardFooter>
      <Button appearance="primary" size="small" icon={<Checkmark16Regular />} disabled={busy || !canAccept(card) || blocked}
        onClick={props.onAccept} aria-label={`${card.kind === "document" ? "Insert" : "Accept"}: ${f.title}, ${place}`}>
        {card.kind === "document" ? "Insert" : "Accept"}
      </Button>
      {card.kind === "paragraph" && changesOf(card.finding).length > 0 && (
        <Button size="small" icon={<Edit16Regular />} disabled={busy} onClick={props.onEdit} aria-label={`Edit the wording: ${f.title}, ${place}`}>Edit</Button>
      )}
      {draft && <Button size="small" appearance="subtle" disabled={busy} onClick={props.onDiscardDraft} aria-label={`Use the proposed wording again: ${f.title}, ${place}`}>Reset</Button>}
      <Button appearance="subtle" size="small" icon={<Dismiss16Regular />} disabled={busy} onClick={props.onDismiss} aria-label={`Dismiss: ${f.title}, ${place}`}>
        Dismiss
      </Button>
    </CardFooter>
  );
}

function DraftEditor(props: {
  readonly card: Extract<CardModel, { kind: "paragraph" }>;
  readonly draft: Draft | undefined;
  readonly comments: boolean;
  readonly busy: boolean;
  readonly onSave: (replacements: readonly string[], comment: string) => Promise<void>;
  readonly onCancel: () => void;
}) {
  const { card, draft, comments, busy } = props;
  const edits = card.finding.edits;
  const [wording, setWording] = useState<string[]>(() => edits.map((e, i) => draft?.replacements[i] ?? e.replacement));
  const [comment, setComment] = useState(draft?.comment ?? card.finding.comment ?? "");
  return (
    <div data-testid="draft-editor">
      {edits.map((e, i) => (
        <Field key={i} label={edits.length > 1 ? `Wording ${i + 1}` : "Wording to put in"}>
          <Textarea value={wording[i] ?? ""} resize="vertical" onChange={(_, d) => setWording(wording.map((w, k) => (k === i ? d.value : w)))} />
        </Field>
      ))}
      {comments && (
        <Field label="Comment for the other side" hint="Written into the document beside the change. Leave empty for none.">
          <Textarea value={comment} resize="vertical" onChange={(_, d) => setComment(d.value)} />
        </Field>
      )}
      <CardFooter>
        <Button appearance="primary" size="small" disabled={busy} onClick={() => void props.onSave(wording, comment)}>Save wording</Button>
        <Button size="small" disabled={busy} onClick={props.onCancel}>Cancel</Button>
      </CardFooter>
    </div>
  );
}
