import { hashText } from "./searchText";
import { queueStoryLookup, readStories, storyRef, type StoryRead } from "./stories";
import type { Capabilities, DocParagraph, ReadProgress } from "./types";

// Reading the document's paragraphs (the body here, headers, footers and notes in stories.ts), and finding them
// again by id. Body ids: WordApi 1.6 gives each paragraph a uniqueLocalId (valid for this session); below it the id
// is the index. Other paragraphs' ids name their place (stories.ts).

/** Paragraphs read per sync: one sync per slice keeps progress real and a cancel prompt without slowing small files. */
export const READ_SLICE = 400;

const indexId = (i: number): string => `p${i}`;
const indexOf = (id: string): number => (/^p\d+$/.test(id) ? Number(id.slice(1)) : -1);

const abortError = (): DOMException => new DOMException("The scan was cancelled.", "AbortError");

/** Every paragraph: the body's, then the headers', footers' and notes' (stories.ts), with what could not be read. */
export async function readDocument(caps: Capabilities, progress?: ReadProgress, signal?: AbortSignal): Promise<StoryRead> {
  const body = await readBody(caps, progress, signal);
  const stories = await readStories(caps);
  if (signal?.aborted) throw abortError();
  return { ...stories, paragraphs: [...body, ...stories.paragraphs] };
}

/** Every body paragraph with its accepted text (getReviewedText: paragraph.text shows deletions on the web). */
async function readBody(caps: Capabilities, progress?: ReadProgress, signal?: AbortSignal): Promise<DocParagraph[]> {
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

/**
 * The paragraph order and the accepted text of the given body paragraphs (WordApi 1.6), and every header, footer
 * and note paragraph: Word raises paragraph events for the body (what they say about other stories is not
 * documented), and those stories are short.
 */
export async function readChanged(caps: Capabilities, ids: readonly string[]): Promise<{ order: string[]; paragraphs: DocParagraph[]; stories: StoryRead }> {
  const body = await Word.run(async (context) => {
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
  const stories = await readStories(caps);
  return {
    order: [...body.order, ...stories.paragraphs.map((p) => p.id)],
    paragraphs: [...body.paragraphs, ...stories.paragraphs],
    stories,
  };
}

/**
 * Paragraph proxies by id. Body paragraphs: with WordApi 1.6 no sync is needed, else the list is loaded once to index
 * it. Header, footer and note paragraphs: two syncs (their stories, then the stories' paragraph lists). An id whose
 * place no longer exists is left out.
 */
export async function paragraphsById(caps: Capabilities, context: Word.RequestContext, ids: readonly string[]): Promise<Map<string, Word.Paragraph>> {
  const unique = [...new Set(ids)];
  const inStories = unique.filter((id) => storyRef(id) !== null);
  const inBody = unique.filter((id) => storyRef(id) === null);
  const stories = inStories.length > 0 ? queueStoryLookup(caps, context, inStories) : null;
  const map = new Map<string, Word.Paragraph>();
  if (caps.reviewApi) inBody.forEach((id) => map.set(id, context.document.getParagraphByUniqueLocalId(id)));
  const all = !caps.reviewApi && inBody.length > 0 ? context.document.body.paragraphs.load("$none") : null;
  if (all || stories) await context.sync();
  for (const id of all ? inBody : []) {
    const paragraph = all?.items[indexOf(id)];
    if (paragraph) map.set(id, paragraph);
  }
  for (const [id, paragraph] of (await stories?.resolve()) ?? []) map.set(id, paragraph);
  return map;
}
