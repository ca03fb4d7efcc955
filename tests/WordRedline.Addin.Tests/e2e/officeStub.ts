// Served in place of https://appsforoffice.microsoft.com/lib/1/hosted/office.js in the browser suite: installs the
// in-memory Word (seeded by the test through window.__WR_SEED__) as the page's Office and Word globals, and exposes
// the document as window.__wordDoc so the test can edit it like a user and inspect tracked changes. With `naa` in
// the seed, Office's nested app authentication bridge answers MSAL too (window.__naa records its requests).
import { createFakeNaaBridge, type FakeNaaOptions } from "../fakes/fakeNaa";
import { createFakeOffice, FakeWordDocument, installFakeOffice, type FakeDocumentOptions } from "../fakes/fakeWord";

interface Seed {
  readonly paragraphs: readonly string[];
  readonly options?: FakeDocumentOptions;
  readonly naa?: FakeNaaOptions;
}

const w = window as unknown as Record<string, unknown> & { __WR_SEED__?: Seed };
const seed = w.__WR_SEED__ ?? { paragraphs: [] };
const doc = new FakeWordDocument(seed.paragraphs, seed.options);
const host = createFakeOffice(doc);
installFakeOffice(w, host);
w["__wordDoc"] = doc;
w["__office"] = host.Office;
if (seed.naa) {
  const bridge = createFakeNaaBridge(seed.naa);
  w["nestedAppAuthBridge"] = bridge;
  w["__naa"] = bridge;
}
