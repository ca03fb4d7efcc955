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
