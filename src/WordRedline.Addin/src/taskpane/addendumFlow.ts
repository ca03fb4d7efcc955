import type { AnalyzeResponse } from "../api/contract";
import type { WordRedlineApi } from "../api/client";
import type { AddendumResult, DocParagraph, WordGateway } from "../word/gateway";
import { commentFor } from "./model";

/** Fetches the addendum in the document's own terms and inserts it (with the reference sentence when the engine
 * found an entire-agreement clause). Shared by the pane and the ribbon command. */
export async function insertAddendum(
  gateway: WordGateway,
  api: WordRedlineApi,
  analysis: AnalyzeResponse,
  paragraphs: readonly DocParagraph[],
  replace: boolean,
): Promise<AddendumResult> {
  const { name, counterparty, workTerm } = analysis.party;
  const addendum = await api.addendum({ party: name, counterparty, workTerm, format: "paragraphs" });
  const ref = analysis.addendumReference;
  const anchor = ref && paragraphs.find((p) => p.id === ref.paragraphId);
  const reference = ref && anchor
    ? { key: "addendum-reference", paragraphId: ref.paragraphId, text: anchor.text, edits: [ref.edit], comment: commentFor("Makes the AI Protection Addendum part of this agreement.") }
    : null;
  return gateway.insertAddendum(addendum.paragraphs, reference, replace);
}
