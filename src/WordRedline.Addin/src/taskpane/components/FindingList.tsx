import { Button, ToggleButton, makeStyles, tokens } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import type { CardGroup, GroupName, Card } from "../model/cards";
import { clauseGroups, type Places } from "../model/places";
import { needsFillIn, type Pane } from "../usePane";
import { FindingCard } from "./FindingCard";

const useStyles = makeStyles({
  group: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  groupTitle: { margin: 0, color: tokens.colorNeutralForeground1, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  groupBy: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalXS, fontSize: tokens.fontSizeBase200 },
});

const GROUP_TITLES: Record<GroupName, string> = {
  high: "High risk", medium: "Medium risk", low: "Low risk", info: "For information", protective: "Already protective",
};

/** Cards rendered per group before "Show more", and clauses before "Show more clauses": a 2,000-finding contract
 * stays a short, fast page. */
export const PAGE = 25;
/** Up to this many cards, every card starts open; beyond it they start collapsed to their title line. */
export const OPEN_LIMIT = 30;

export interface FindingListProps {
  readonly pane: Pane;
  /** The cards to show, by severity (what Accept all writes). */
  readonly groups: readonly CardGroup[];
  /** Where each card is: its place for names read aloud, its place outside the body, its clause line. */
  readonly places: Places;
  readonly onAccept: (card: Card) => void;
}

/** One list section: a severity or a clause, with its heading and its cards. */
interface Section {
  readonly id: string;
  readonly title: string;
  readonly cards: readonly Card[];
  readonly testId: string;
}

/**
 * The findings by severity, or by clause in document order (a lawyer reading a long contract clause by clause). Long
 * groups are shown a page at a time, and so are clauses.
 */
export function FindingList({ pane, groups, places, onAccept }: FindingListProps) {
  const s = useStyles();
  const [by, setBy] = useState<"risk" | "clause">("risk");
  const [shown, setShown] = useState<Readonly<Record<string, number>>>({});
  const [clauses, setClauses] = useState(PAGE);
  const total = groups.reduce((n, g) => n + g.cards.length, 0);
  const busy = pane.state.busy !== null || pane.state.status === "scanning";
  const byClause = useMemo(
    () => (by === "clause" ? clauseGroups(groups.flatMap((g) => g.cards), pane.state.paragraphs, places) : []),
    [by, groups, pane.state.paragraphs, places],
  );
  const sections: readonly Section[] = by === "risk"
    ? groups.map((g) => ({ id: `group-${g.name}`, title: GROUP_TITLES[g.name], cards: g.cards, testId: `group-${g.name}` }))
    : byClause.slice(0, clauses).map((g, i) => ({ id: `clause-${i}`, title: g.title, cards: g.cards, testId: "clause-group" }));
  return (
    <>
      {total > 0 && (
        <div className={s.groupBy} role="group" aria-label="Group findings by">
          <span aria-hidden>Group by</span>
          <ToggleButton size="small" checked={by === "risk"} onClick={() => setBy("risk")}>Risk</ToggleButton>
          <ToggleButton size="small" checked={by === "clause"} onClick={() => setBy("clause")}>Clause</ToggleButton>
        </div>
      )}
      {sections.map((g) => {
        const limit = shown[g.id] ?? PAGE;
        return (
          // A clause's name can repeat (a schedule numbering again from 1): clause groups are groups, not landmarks,
          // which must be told apart by name.
          <section key={g.id} className={s.group} aria-labelledby={g.id} data-testid={g.testId} role={by === "clause" ? "group" : undefined}>
            <h2 id={g.id} className={s.groupTitle}>{g.title} ({g.cards.length})</h2>
            {g.cards.slice(0, limit).map((card) => (
              <FindingCard
                key={card.key} card={card} text={pane.textOf(card)} place={places.place(card)} where={places.where(card)} busy={busy}
                comments={pane.state.comments} draft={pane.state.drafts[card.key]} blocked={needsFillIn(card, pane.state.drafts[card.key]?.replacements)}
                defaultOpen={total <= OPEN_LIMIT}
                onAccept={() => onAccept(card)}
                onDismiss={() => void pane.dismiss(card)}
                onSelect={() => void pane.select(card)}
                onSaveDraft={(replacements, comment) => pane.saveDraft(card, replacements, comment)}
                onDiscardDraft={() => pane.discardDraft(card.key)}
              />
            ))}
            {g.cards.length > limit && (
              <Button appearance="secondary" onClick={() => setShown({ ...shown, [g.id]: limit + PAGE })}>
                Show {Math.min(PAGE, g.cards.length - limit)} more of {g.cards.length - limit} ({g.title.toLowerCase()})
              </Button>
            )}
          </section>
        );
      })}
      {by === "clause" && byClause.length > clauses && (
        <Button appearance="secondary" onClick={() => setClauses(clauses + PAGE)}>
          Show {Math.min(PAGE, byClause.length - clauses)} more clauses of {byClause.length - clauses}
        </Button>
      )}
    </>
  );
}
