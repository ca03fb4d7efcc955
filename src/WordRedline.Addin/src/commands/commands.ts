import { createApiClient } from "../api/client";
import { createServiceAuth } from "../api/auth";
import { noticeForError } from "../taskpane/model/notices";
import { insertAddendum } from "../taskpane/addendumFlow";
import { OfficeWordGateway } from "../word/gateway";
import { SETTING_PARTY } from "../word/settings";

// The ribbon's "Insert AI addendum" (ExecuteFunction). It never inserts a second copy, and it always says how it
// went: a function command has no pane, so the outcome opens in a small Office dialog (help/message.html).

async function insertAddendumCommand(event: Office.AddinCommands.Event): Promise<void> {
  try {
    const gateway = new OfficeWordGateway();
    if (!gateway.capabilities.trackedChanges) {
      // A function command cannot ask first, and the addendum would go in untracked: the pane asks, so send the user there.
      await tell("Open the WordRedline pane", "This version of Word cannot record the addendum as tracked changes. Open the WordRedline pane (Home > WordRedline pane) and choose Insert AI addendum: it asks before inserting it directly.");
      return;
    }
    if (await gateway.hasAddendum()) {
      await tell("Addendum already there", "This document already has the AI Protection Addendum. To update it, open the WordRedline pane and choose Insert AI addendum.");
      return;
    }
    const origin = window.location.origin;
    const auth = createServiceAuth(() => createApiClient(origin).config());
    const api = createApiClient(origin, auth.token);
    const paragraphs = await gateway.readParagraphs();
    const party = Office.context.document.settings.get(SETTING_PARTY) as string | null;
    const analysis = await api.analyze({ paragraphs: paragraphs.map(({ id, text }) => ({ id, text })), ...(party ? { party } : {}) });
    const result = await insertAddendum(gateway, api, analysis, paragraphs, false);
    if (result.status === "inserted") {
      await tell("Addendum inserted", `The AI Protection Addendum was added at the end of the document${result.tracked ? " as tracked changes" : ""}.`);
    }
  } catch (error) {
    const notice = noticeForError(error);
    await tell(`Could not insert the addendum: ${notice.title}`, notice.message);
  } finally {
    // Office queues further clicks until completed() is called.
    event.completed();
  }
}

/** Shows a short message in an Office dialog and resolves when the user closes it (or it cannot open). */
export function tell(title: string, message: string): Promise<void> {
  const url = `${window.location.origin}/help/message.html?${new URLSearchParams({ title, message })}`;
  return new Promise((resolve) => {
    Office.context.ui.displayDialogAsync(url, { height: 30, width: 35, displayInIframe: true }, (opened) => {
      if (opened.status !== Office.AsyncResultStatus.Succeeded) {
        resolve();
        return;
      }
      const done = () => {
        opened.value.close();
        resolve();
      };
      opened.value.addEventHandler(Office.EventType.DialogMessageReceived, done);
      opened.value.addEventHandler(Office.EventType.DialogEventReceived, () => resolve());
    });
  });
}

void Office.onReady(() => {
  Office.actions.associate("insertAddendum", insertAddendumCommand);
});
