// Per-document choices (the side the user represents, dismissed cards) live in the document's add-in settings,
// so they travel with the file. Never tokens or contract text.

export interface DocumentSettings {
  get<T>(name: string): T | null;
  set(name: string, value: unknown): Promise<void>;
}

export const officeSettings: DocumentSettings = {
  get<T>(name: string): T | null {
    return (Office.context.document.settings.get(name) as T | undefined) ?? null;
  },
  set(name: string, value: unknown): Promise<void> {
    const settings = Office.context.document.settings;
    settings.set(name, value);
    return new Promise((resolve) => settings.saveAsync(() => resolve()));
  },
};

export const SETTING_PARTY = "wordredline.party";
export const SETTING_DISMISSED = "wordredline.dismissed";
/** Whether accepted fixes carry their comment for the other side (on unless the user turns it off). */
export const SETTING_COMMENTS = "wordredline.comments";
