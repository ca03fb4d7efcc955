import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { CardGroup, GroupName, Card } from "../model/cards";
import { needsFillIn, type Pane } from "../usePane";
import { FindingCard } from "./FindingCard";

const useStyles = makeStyles({
  group: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  groupTitle: { margin: 0, color: tokens.colorNeutralForeground1, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
});

const GROUP_TITLES: Record<GroupName, string> = {
  high: "High risk", medium: "Medium risk", low: "Low risk", info: "For information", protective: "Already protective",
};

/** Cards rendered per group before "Show more": a 2,000-finding contract stays a short, fast page. */
export const PAGE = 25;
/** Up to this many cards, every card starts open; beyond it they start collapsed to their title line. */
export const OPEN_LIMIT = 30;

export interface FindingListProps {
  readonly pane: Pane;
  readonly groups: readonly CardGroup[];
  readonly placeOf: (card: Card) => string;
  /** Where a finding outside the body lives ("Footer"), or undefined in the body. */
  readonly whereOf: (card: Card) => string | undefined;
  readonly onAccept: (card: Card) => void;
}

/** The findings by severity; long groups are shown a page at a time. */
export function FindingList({ pane, groups, placeOf, whereOf, onAccept }: FindingListProps) {
  const s = useStyles();
  const [shown, setShown] = useState<Partial<Record<GroupName, number>>>({});
  const total = groups.reduce((n, g) => n + g.cards.length, 0);
  const busy = pane.state.busy !== null || pane.state.status === "scanning";
  return (
    <>
      {groups.map((g) => {
        const limit = shown[g.name] ?? PAGE;
        const headingId = `group-${g.name}`;
        return (
          <section key={g.name} className={s.group} aria-labelledby={headingId} data-testid={`group-${g.name}`}>
            <h2 id={headingId} className={s.groupTitle}>{GROUP_TITLES[g.name]} ({g.cards.length})</h2>
            {g.cards.slice(0, limit).map((card) => (
              <FindingCard
                key={card.key} card={card} text={pane.textOf(card)} place={placeOf(card)} where={whereOf(card)} busy={busy}
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
              <Button appearance="secondary" onClick={() => setShown({ ...shown, [g.name]: limit + PAGE })}>
                Show {Math.min(PAGE, g.cards.length - limit)} more of {g.cards.length - limit} ({GROUP_TITLES[g.name].toLowerCase()})
              </Button>
            )}
          </section>
        );
      })}
    </>
  );
}
