// Where the History view's letters and proof go: a new Word document (WordApi 1.3 createDocument) or the clipboard.
// Never sent anywhere by the product.

export interface NewDocuments {
  /** Opens a .docx (base64) as a new Word document. */
  open(base64Docx: string): Promise<void>;
  copy(text: string): Promise<void>;
}

export const officeDocuments: NewDocuments = {
  open: (base64Docx) => Word.run(async (context) => {
    context.application.createDocument(base64Docx).open();
    await context.sync();
  }),
  copy: async (text) => {
    try {
      await navigator.clipboard.writeText(text);
      return;
    } catch {
      // Some Office hosts refuse the async clipboard to add-ins; the selection fallback works there.
    }
    const area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    const copied = document.execCommand("copy");
    area.remove();
    if (!copied) throw new Error("The clipboard is not available here; open the letter in Word instead.");
  },
};
