import type { AnalyzeResponse } from "../api/contract";
import type { WordRedlineApi } from "../api/client";
import type { AddendumResult, DocParagraph, WordGateway } from "../word/types";

/** Fetches the addendum in the document's own terms and inserts it (with the reference sentence when the engine
 * found an entire-agreement clause). Shared by the pane and the ribbon command. */
export async function insertAddendum(
  gateway: WordGateway,
  api: WordRedlineApi,
  analysis: AnalyzeResponse,
  paragraphs: readonly DocParagraph[],
  replace: boolean,
  comments = true,
): Promise<AddendumResult> {
  const { name, counterparty, workTerm } = analysis.party;
  const addendum = await api.addendum({ party: name, counterparty, workTerm, format: "paragraphs" });
  const ref = analysis.addendumReference;
  // The reference sentence belongs in the body's entire-agreement clause, never in a header, footer or note.
  const anchor = ref && paragraphs.find((p) => p.id === ref.paragraphId && !p.place);
  const reference = ref && anchor
    ? {
      key: "addendum-reference", paragraphId: ref.paragraphId, text: anchor.text,
      changes: ref.changes && ref.changes.length > 0 ? ref.changes : [ref.edit],
      ...(comments ? { comment: `The AI Protection Addendum attached to this Agreement forms part of it and prevails over any conflicting term.` } : {}),
    }
    : null;
  return gateway.insertAddendum(addendum.paragraphs, reference, replace);
}
