import { hashText } from "./searchText";
import type { Capabilities, DocParagraph, ReadProgress } from "./types";

// Reading the document's body paragraphs, and finding them again by id.
// Ids: WordApi 1.6 gives each paragraph a uniqueLocalId (valid for this session); below it the id is the index.

/** Paragraphs read per sync: one sync per slice keeps progress real and a cancel prompt without slowing small files. */
export const READ_SLICE = 400;

const indexId = (i: number): string => `p${i}`;
const indexOf = (id: string): number => (/^p\d+$/.test(id) ? Number(id.slice(1)) : -1);

const abortError = (): DOMException => new DOMException("The scan was cancelled.", "AbortError");

/** Every body paragraph with its accepted text (getReviewedText: paragraph.text shows deletions on the web). */
export async function readParagraphs(caps: Capabilities, progress?: ReadProgress, signal?: AbortSignal): Promise<DocParagraph[]> {
  return Word.run(async (context) => {
    const all = context.document.body.paragraphs.load(caps.reviewApi ? "items/uniqueLocalId" : "$none");
    await context.sync();
    const items = all.items;
    const out: DocParagraph[] = [];
    progress?.(0, items.length);
    for (let from = 0; from < items.length; from += READ_SLICE) {
      if (signal?.aborted) throw abortError();
      const slice = items.slice(from, from + READ_SLICE);
      const texts = caps.trackedChanges ? slice.map((p) => p.getReviewedText("Current")) : null;
      if (!texts) slice.forEach((p) => p.load("text"));
      // One sync per slice on purpose: real progress and a prompt cancel on a 2,000-paragraph contract.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
      slice.forEach((p, i) => {
        const text = texts ? (texts[i] as OfficeExtension.ClientResult<string>).value : p.text;
        out.push({ id: caps.reviewApi ? p.uniqueLocalId : indexId(from + i), text, hash: hashText(text) });
      });
      progress?.(out.length, items.length);
    }
    if (signal?.aborted) throw abortError();
    return out;
  });
}

/** The paragraph order and the accepted text of the given paragraphs (WordApi 1.6). */
export async function readChanged(ids: readonly string[]): Promise<{ order: string[]; paragraphs: DocParagraph[] }> {
  return Word.run(async (context) => {
    const all = context.document.body.paragraphs.load("items/uniqueLocalId");
    await context.sync();
    const order = all.items.map((p) => p.uniqueLocalId);
    const byId = new Map(all.items.map((p) => [p.uniqueLocalId, p]));
    const wanted = ids.filter((id) => byId.has(id));
    const texts = wanted.map((id) => (byId.get(id) as Word.Paragraph).getReviewedText("Current"));
    if (wanted.length > 0) await context.sync();
    return {
      order,
      paragraphs: wanted.map((id, i) => {
        const text = (texts[i] as OfficeExtension.ClientResult<string>).value;
        return { id, text, hash: hashText(text) };
      }),
    };
  });
}

/** Paragraph proxies by id; with WordApi 1.6 no sync is needed, else the list is loaded once to index it. */
export async function paragraphsById(caps: Capabilities, context: Word.RequestContext, ids: readonly string[]): Promise<Map<string, Word.Paragraph>> {
  const unique = [...new Set(ids)];
  if (caps.reviewApi) return new Map(unique.map((id) => [id, context.document.getParagraphByUniqueLocalId(id)]));
  const all = context.document.body.paragraphs.load("$none");
  await context.sync();
  const map = new Map<string, Word.Paragraph>();
  for (const id of unique) {
    const paragraph = all.items[indexOf(id)];
    if (paragraph) map.set(id, paragraph);
  }
  return map;
}
