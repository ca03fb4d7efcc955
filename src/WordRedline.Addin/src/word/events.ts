import type { ParagraphChanges } from "./types";

/** Subscribes to Word's paragraph events (WordApi 1.6); returns the unsubscribe function. */
export async function watchParagraphs(onChange: (changes: ParagraphChanges) => void): Promise<() => Promise<void>> {
  return Word.run(async (context) => {
    const doc = context.document;
    const handlers = [
      doc.onParagraphChanged.add(async (e) => onChange({ changed: e.uniqueLocalIds, added: [], deleted: [] })),
      doc.onParagraphAdded.add(async (e) => onChange({ changed: [], added: e.uniqueLocalIds, deleted: [] })),
      doc.onParagraphDeleted.add(async (e) => onChange({ changed: [], added: [], deleted: e.uniqueLocalIds })),
    ];
    await context.sync();
    return async () => {
      // Handlers are removed in the context that added them: Word.run(object, ...) reuses its context.
      await Word.run(doc, async (ctx) => {
        handlers.forEach((h) => h.remove());
        await ctx.sync();
      });
    };
  });
}
