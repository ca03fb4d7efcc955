import { hashText, readableText } from "./searchText";
import { queueStoryLookup, readStories, storyRef, type StoryRead } from "./stories";
import type { Capabilities, DocParagraph, ReadProgress } from "./types";

// Reading the document's paragraphs (the body here, headers, footers and notes in stories.ts), and finding them
// again by id. Body ids: WordApi 1.6 gives each paragraph a uniqueLocalId (valid for this session); below it, or where
// the host gives none, the id is the index. Other paragraphs' ids name their place (stories.ts). Every text read from
// Word is made readable first (searchText.ts: no note reference marks).

/** Paragraphs read per sync: one sync per slice keeps progress real and a cancel prompt without slowing small files. */
export const READ_SLICE = 400;

const indexId = (i: number): string => `p${i}`;
const indexOf = (id: string): number => (/^p\d+$/.test(id) ? Number(id.slice(1)) : -1);

const abortError = (): DOMException => new DOMException("The scan was cancelled.", "AbortError");

/** Every paragraph: the body's, then the headers', footers' and notes' (stories.ts), with what could not be read. */
export async function readDocument(caps: Capabilities, progress?: ReadProgress, signal?: AbortSignal): Promise<StoryRead & { paragraphIds: boolean }> {
  const body = await readBody(caps, progress, signal);
  const stories = await readStories(caps);
  if (signal?.aborted) throw abortError();
  return { ...stories, paragraphs: [...body.paragraphs, ...stories.paragraphs], paragraphIds: body.paragraphIds };
}

/**
 * The body paragraphs' uniqueLocalIds (WordApi 1.6), or null when this Word gives none: some Windows builds report
 * WordApi 1.6 yet load every id as null (office-js #4258); an id that is missing or repeated is no id at all.
 */
async function readIds(caps: Capabilities, context: Word.RequestContext): Promise<{ items: Word.Paragraph[]; ids: string[] | null }> {
  if (!caps.paragraphIds) {
    const all = context.document.body.paragraphs.load("$none");
    await context.sync();
    return { items: all.items, ids: null };
  }
  try {
    const all = context.document.body.paragraphs.load("items/uniqueLocalId");
    await context.sync();
    const ids = all.items.map((p) => p.uniqueLocalId);
    const usable = ids.every((id) => typeof id === "string" && id !== "") && new Set(ids).size === ids.length;
    return { items: all.items, ids: usable ? ids : null };
  } catch {
    // A host that does not know the property fails the sync; the context stays usable for a read without it.
    return readIds({ ...caps, paragraphIds: false }, context);
  }
}

/** Every body paragraph with its accepted text (getReviewedText: paragraph.text shows deletions on the web). */
async function readBody(caps: Capabilities, progress?: ReadProgress, signal?: AbortSignal): Promise<{ paragraphs: DocParagraph[]; paragraphIds: boolean }> {
  return Word.run(async (context) => {
    const { items: bodyItems, ids } = await readIds(caps, context);
    const out: DocParagraph[] = [];
    progress?.(0, bodyItems.length);
    for (let from = 0; from < bodyItems.length; from += READ_SLICE) {
      if (signal?.aborted) throw abortError();
      const slice = bodyItems.slice(from, from + READ_SLICE);
      const texts = caps.trackedChanges ? slice.map((p) => p.getReviewedText("Current")) : null;
      if (!texts) slice.forEach((p) => p.load("text"));
      // One sync per slice on purpose: real progress and a prompt cancel on a 2,000-paragraph contract.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
      slice.forEach((p, i) => {
        const text = readableText(texts ? (texts[i] as OfficeExtension.ClientResult<string>).value : p.text);
        out.push({ id: ids?.[from + i] ?? indexId(from + i), text, hash: hashText(text) });
      });
      progress?.(out.length, bodyItems.length);
    }
    if (signal?.aborted) throw abortError();
    return { paragraphs: out, paragraphIds: ids !== null };
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
        const text = readableText((texts[i] as OfficeExtension.ClientResult<string>).value);
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
  if (caps.paragraphIds) inBody.forEach((id) => map.set(id, context.document.getParagraphByUniqueLocalId(id)));
  const all = !caps.paragraphIds && inBody.length > 0 ? context.document.body.paragraphs.load("$none") : null;
  if (all || stories) await context.sync();
  for (const id of all ? inBody : []) {
    const paragraph = all?.items[indexOf(id)];
    if (paragraph) map.set(id, paragraph);
  }
  for (const [id, paragraph] of (await stories?.resolve()) ?? []) map.set(id, paragraph);
  return map;
}

/** The accepted, readable text of each paragraph that still exists (to tell what a batch left in place). */
export async function readTexts(caps: Capabilities, ids: readonly string[]): Promise<Map<string, string>> {
  return Word.run(async (context) => {
    const paragraphs = await paragraphsById(caps, context, ids);
    const texts = [...paragraphs].map(([id, p]) => [id, caps.trackedChanges ? p.getReviewedText("Current") : p.load("text")] as const);
    if (texts.length > 0) await context.sync();
    return new Map(texts.map(([id, t]) => [id, readableText("value" in t ? t.value : t.text)]));
  });
}
