import type { Edit } from "../../api/contract";
import type { DocParagraph, EditRequest, InsertRequest } from "../../word/types";
import { changesOf, type Card, type ParagraphCard } from "./cards";

// What the pane asks the gateway to write for a card: exactly the engine's word-level changes (or, for wording the
// user edited, the changes the engine computed for it), and the counterparty-facing comment unless comments are off.

/** The user's own version of a card's fix, made before accepting. */
export interface Draft {
  /** The edited replacement for each of the finding's edits, in order. */
  readonly replacements: readonly string[];
  /** The word-level changes the service computed for the edited wording. */
  readonly changes: readonly Edit[];
  /** The comment as the user rewrote it ("" for none). */
  readonly comment: string;
}

export interface WriteOptions {
  readonly comments: boolean;
  readonly draft?: Draft;
}

const commentOf = (card: Card, options: WriteOptions): string | undefined => {
  if (!options.comments) return undefined;
  const text = (options.draft ? options.draft.comment : card.finding.comment ?? "").trim();
  return text.length > 0 ? text : undefined;
};

export function editRequest(card: ParagraphCard, paragraph: DocParagraph | undefined, options: WriteOptions): EditRequest | null {
  if (!paragraph) return null;
  const comment = commentOf(card, options);
  return {
    key: card.key, paragraphId: paragraph.id, text: paragraph.text,
    changes: options.draft?.changes ?? changesOf(card.finding),
    ...(comment ? { comment } : {}),
    ...(paragraph.copies && paragraph.copies.length > 0 ? { copies: paragraph.copies } : {}),
  };
}

/**
 * New paragraphs go after their anchor. The engine reads headers, footers and notes after the body, so a clause it
 * anchors there (a grant found only in a footer) goes at the end of the body instead: never into a footer or a note.
 */
export function insertRequest(card: Extract<Card, { kind: "document" }>, anchor: DocParagraph | undefined, options: WriteOptions,
  lastBodyParagraph?: DocParagraph): InsertRequest | null {
  if (anchor?.place) anchor = lastBodyParagraph;
  if (!anchor) return null;
  const comment = commentOf(card, options);
  return { key: card.key, paragraphId: anchor.id, text: anchor.text, paragraphs: card.finding.paragraphs, ...(comment ? { comment } : {}) };
}

/** The finding's edits with the user's wording in place of the engine's (for /api/v1/changes). */
export const editedEdits = (edits: readonly Edit[], replacements: readonly string[]): Edit[] =>
  edits.map((e, i) => ({ ...e, replacement: replacements[i] ?? e.replacement }));

/** Findings per Word.run in Accept all: small enough for Word on the web's request limits, few enough syncs. */
export const BATCH_FINDINGS = 20;
/** Characters of new text per batch (a long insertion counts more than a one-word change). */
export const BATCH_CHARS = 20_000;

/**
 * Splits cards into batches. A paragraph's cards stay together: their offsets refer to one text, which the first
 * batch to touch the paragraph changes.
 */
export function batches(cards: readonly Card[], paragraphOf: (card: Card) => string): Card[][] {
  const byParagraph = new Map<string, Card[]>();
  for (const card of cards) byParagraph.set(paragraphOf(card), [...(byParagraph.get(paragraphOf(card)) ?? []), card]);
  const out: Card[][] = [];
  let current: Card[] = [];
  let chars = 0;
  for (const group of byParagraph.values()) {
    const size = group.reduce((n, c) => n + weight(c), 0);
    if (current.length > 0 && (current.length + group.length > BATCH_FINDINGS || chars + size > BATCH_CHARS)) {
      out.push(current);
      current = [];
      chars = 0;
    }
    current.push(...group);
    chars += size;
  }
  if (current.length > 0) out.push(current);
  return out;
}

const weight = (card: Card): number =>
  card.kind === "document"
    ? card.finding.paragraphs.reduce((n, p) => n + p.text.length, 0)
    : changesOf(card.finding).reduce((n, c) => n + c.replacement.length + 16, 0);
