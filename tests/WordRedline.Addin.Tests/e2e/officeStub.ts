// Served in place of https://appsforoffice.microsoft.com/lib/1/hosted/office.js in the browser suite: installs the
// in-memory Word (seeded by the test through window.__WR_SEED__) as the page's Office and Word globals, and exposes
// the document as window.__wordDoc so the test can edit it like a user and inspect tracked changes.
import { createFakeOffice, FakeWordDocument, installFakeOffice, type FakeDocumentOptions } from "../fakes/fakeWord";

interface Seed {
  readonly paragraphs: readonly string[];
  readonly options?: FakeDocumentOptions;
}

const w = window as unknown as Record<string, unknown> & { __WR_SEED__?: Seed };
const seed = w.__WR_SEED__ ?? { paragraphs: [] };
const doc = new FakeWordDocument(seed.paragraphs, seed.options);
const host = createFakeOffice(doc);
installFakeOffice(w, host);
w["__wordDoc"] = doc;
w["__office"] = host.Office;
