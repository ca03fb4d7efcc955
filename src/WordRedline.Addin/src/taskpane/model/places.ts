import { placeLabel } from "../../word/stories";
import type { DocParagraph } from "../../word/types";
import { clauseOf, type Card } from "./cards";

// Where a card's clause is, said the same way on its card, in its buttons' names and in the Accepted list.

export interface Places {
  /** Outside the body: "Footer, sections 1, 2", "Footnote 2"; undefined for a body paragraph. */
  where(card: Card): string | undefined;
  /** For names read aloud: "footer", "clause 3", "paragraph 12", "after paragraph 4", "at the end of the body". */
  place(card: Card): string;
  /** The line a card shows: where it is outside the body, else its clause number and heading, else its place. */
  line(card: Card): string;
}

export function places(paragraphs: readonly DocParagraph[]): Places {
  const order = new Map(paragraphs.filter((p) => !p.place).map((p, i) => [p.id, i + 1]));
  const labels = new Map(paragraphs.flatMap((p) => (p.place ? [[p.id, placeLabel(p.place)] as const] : [])));
  const where = (card: Card) => (card.kind === "paragraph" ? labels.get(card.finding.paragraphId) : undefined);
  const place = (card: Card) => {
    const outside = where(card);
    if (outside) return outside.toLowerCase();
    const id = card.kind === "paragraph" ? card.finding.paragraphId : card.finding.insertAfterParagraphId;
    const n = order.get(id);
    const clause = clauseOf(card)?.number;
    if (card.kind === "paragraph") return clause ? `clause ${clause}` : `paragraph ${n ?? "?"}`;
    // A clause the engine anchored outside the body goes at the body's end (requests.ts).
    return labels.has(id) ? "at the end of the body" : `after paragraph ${n ?? "?"}`;
  };
  const line = (card: Card) => {
    const clause = clauseOf(card);
    return where(card) ?? (clause ? [clause.number, clause.heading].filter(Boolean).join(" ") : place(card));
  };
  return { where, place, line };
}

/** The findings of one clause (or one header, footer or note), for the list grouped by clause. */
export interface ClauseGroup {
  readonly key: string;
  /** What the cards' place line says: "3 License", "Footer", "paragraph 12". */
  readonly title: string;
  readonly cards: readonly Card[];
}

/**
 * The cards grouped by the clause they are in, in document order (the body, then headers, footers and notes). A clause
 * is a run of paragraphs with the same place line, so a schedule that numbers its clauses again from 1 gives new
 * groups. Within a clause, cards keep the order given (by severity); a clause fix that adds a paragraph sits with its
 * anchor.
 */
export function clauseGroups(cards: readonly Card[], paragraphs: readonly DocParagraph[], at: Places): ClauseGroup[] {
  const position = new Map(paragraphs.map((p, i) => [p.id, i]));
  const placed = cards.map((card, i) => {
    const id = card.kind === "paragraph" ? card.finding.paragraphId : card.finding.insertAfterParagraphId;
    return { card, i, title: at.line(card), order: position.get(id) ?? Number.MAX_SAFE_INTEGER };
  }).sort((a, b) => a.order - b.order || a.i - b.i);
  const groups: { key: string; title: string; cards: typeof placed }[] = [];
  let last: { title: string; order: number } | null = null;
  for (const p of placed) {
    const open = groups.at(-1);
    // Same clause: the same line, in the same paragraph or the next one.
    if (open && last && last.title === p.title && p.order - last.order <= 1) open.cards.push(p);
    else groups.push({ key: `${p.title}@${p.order}`, title: p.title, cards: [p] });
    last = { title: p.title, order: p.order };
  }
  return groups.map((g) => ({ key: g.key, title: g.title, cards: [...g.cards].sort((a, b) => a.i - b.i).map((p) => p.card) }));
}
