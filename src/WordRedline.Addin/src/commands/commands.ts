import { createApiClient } from "../api/client";
import { createAuth } from "../api/auth";
import { insertAddendum } from "../taskpane/addendumFlow";
import { OfficeWordGateway } from "../word/gateway";

// The ribbon's "Insert AI addendum" (ExecuteFunction). It never inserts a second copy: when the document already
// has one, the pane's button offers to update it.
async function insertAddendumCommand(event: Office.AddinCommands.Event): Promise<void> {
  try {
    const gateway = new OfficeWordGateway();
    if (await gateway.hasAddendum()) return;
    const origin = window.location.origin;
    const auth = await createAuth(await createApiClient(origin).config());
    const api = createApiClient(origin, auth.token);
    const paragraphs = await gateway.readParagraphs();
    const party = Office.context.document.settings.get("wordredline.party") as string | null;
    const analysis = await api.analyze({ paragraphs: paragraphs.map(({ id, text }) => ({ id, text })), ...(party ? { party } : {}) });
    await insertAddendum(gateway, api, analysis, paragraphs, false);
  } catch (error) {
    // A function file has no UI; the pane shows the same failure with a way forward when the user opens it.
    console.error("WordRedline: could not insert the addendum", error instanceof Error ? error.message : error);
  } finally {
    // Office queues further clicks until completed() is called.
    event.completed();
  }
}

void Office.onReady(() => {
  Office.actions.associate("insertAddendum", insertAddendumCommand);
});
