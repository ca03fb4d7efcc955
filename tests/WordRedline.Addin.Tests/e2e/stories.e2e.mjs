// Headers, footers and footnotes with the real API: a risky licence outside the body is found, its card says where it
// is, and Accept writes a tracked change of only the changed words into that footer or footnote (never into the
// body); the same wording in the body and a footer gives two findings, each landing in its own place; a Word without
// footnote support (WordApi 1.4) scans the rest and says footnotes were not scanned; a separate footer copy edited
// after the scan is left alone and named; Word for Windows's note reference marks (U+0002 in text) break nothing.
import { test } from "node:test";
import assert from "node:assert/strict";
import { axe, contract, doc, notice, openPane, suiteEnvironment } from "./support.mjs";

const env = suiteEnvironment();

const LICENCE = contract[4]; // "3. License. The Designer hereby grants the Agency a perpetual, ... for any and all purposes."
const WITHOUT_LICENCE = contract.filter((p) => p !== LICENCE);
const NOTE = "The Agency may use the Deliverables for any and all purposes.";
const FOOTER = "footer:s1:Primary";

const usage = (page) => page.locator('[data-testid="finding-card"][data-category="usage-scope"]');
/** The usage-scope card whose place line reads exactly `where`. */
const usageAt = (page, where) => usage(page).filter({ has: page.locator('[data-testid="place"]', { hasText: new RegExp(`^${where}$`) }) });
// textContent, not innerText: a card out of view is not rendered (content-visibility), and innerText reads rendering.
const places = async (page) => (await usage(page).locator('[data-testid="place"]').allTextContents()).sort();
const settled = (page) => page.waitForFunction(() => !/Updating/.test(document.querySelector('[data-testid="risk-count"]')?.textContent ?? "Updating"), null, { timeout: 15_000 });

test("a risky licence in a footer (shown in two sections) and in a footnote: found, placed, accepted as tracked changes there", async () => {
  const { page, context, errors } = await openPane(env.browser, env.api.base, {
    paragraphs: WITHOUT_LICENCE, query: "?action=scan",
    options: { sections: [{ footers: { Primary: [LICENCE] } }, {}], footnotes: [["See the statement of work."], [NOTE]] },
  });
  await usage(page).nth(1).waitFor({ timeout: 20_000 });
  assert.deepEqual(await places(page), ["Footer, sections 1, 2", "Footnote 2"]);
  await axe(page, "findings in a footer and a footnote");

  // The footer: a tracked change of the changed words only, in the footer, written once although two sections show it.
  await usageAt(page, "Footer, sections 1, 2").getByRole("button", { name: /^Accept: .*, footer, sections 1, 2$/ }).click();
  await notice(page).waitFor({ timeout: 10_000 });
  assert.match(await notice(page).innerText(), /added as tracked changes/);
  assert.match(await notice(page).innerText(), /no comments in headers and footers/);
  const footer = await doc(page, (story) => ({
    now: window.__wordDoc.storyText(story), before: window.__wordDoc.storyText(story, "Original"),
    changes: window.__wordDoc.trackedChanges(story), comments: window.__wordDoc.commentsIn(story), body: window.__wordDoc.acceptedText(),
  }), FOOTER);
  assert.deepEqual(footer.before, [LICENCE]);
  assert.match(footer.now[0], /solely for the purposes described in the applicable statement of work/);
  assert.ok(footer.changes.length >= 1 && footer.changes.every((c) => c.text.length < LICENCE.length / 2), JSON.stringify(footer.changes));
  assert.deepEqual(footer.comments, []);
  assert.deepEqual(footer.body, WITHOUT_LICENCE);
  // The Accepted list says where the change went, as the card did.
  assert.equal(await page.getByTestId("accepted-place").first().innerText(), "Footer, sections 1, 2");
  await settled(page);
  assert.deepEqual(await places(page), ["Footnote 2"]);

  // The footnote: tracked, with its comment on the changed words; nothing else moves.
  await usageAt(page, "Footnote 2").getByRole("button", { name: /^Accept: .*, footnote 2$/ }).click();
  await page.getByTestId("accepted").nth(1).waitFor({ timeout: 10_000 });
  const note = await doc(page, () => ({
    now: window.__wordDoc.storyText("footnote:2"), other: window.__wordDoc.storyText("footnote:1"),
    comments: window.__wordDoc.commentsIn("footnote:2"), changes: window.__wordDoc.trackedChanges("footnote:2"),
  }));
  assert.match(note.now[0], /solely for the purposes described in the applicable statement of work/);
  assert.deepEqual(note.other, ["See the statement of work."]);
  assert.equal(note.comments.length, 1);
  assert.ok(note.changes.length >= 1);
  assert.deepEqual(await page.getByTestId("accepted-place").allInnerTexts(), ["Footnote 2", "Footer, sections 1, 2"]);
  await axe(page, "accepted in a footer and a footnote");

  // Undo (the footnote's, listed first) takes back exactly its changes and its comment.
  await page.getByTestId("accepted").first().getByRole("button", { name: /^Undo: / }).click();
  await page.getByText("Change undone").waitFor({ timeout: 10_000 });
  assert.deepEqual(await doc(page, () => window.__wordDoc.storyText("footnote:2")), [NOTE]);
  assert.deepEqual(await doc(page, () => window.__wordDoc.commentsIn("footnote:2")), []);
  assert.match((await doc(page, (story) => window.__wordDoc.storyText(story), FOOTER))[0], /solely for the purposes/);
  assert.deepEqual(errors, []);
  await context.close();
});

test("the same wording in the body and a footer: two findings, each accepted into its own place", async () => {
  const { page, context } = await openPane(env.browser, env.api.base, {
    paragraphs: contract, query: "?action=scan", options: { sections: [{ footers: { Primary: [LICENCE] } }] },
  });
  await usage(page).nth(1).waitFor({ timeout: 20_000 });
  const where = await places(page);
  assert.equal(where.length, 2, JSON.stringify(where));
  assert.ok(where.includes("Footer"), JSON.stringify(where));
  const bodyPlace = where.find((w) => w !== "Footer");

  // The body's card first: the body changes (with its comment), the footer does not.
  await usageAt(page, bodyPlace).getByRole("button", { name: /^Accept: / }).click();
  await page.getByTestId("accepted").first().waitFor({ timeout: 10_000 });
  let state = await doc(page, (story) => ({ body: window.__wordDoc.acceptedText(), footer: window.__wordDoc.storyText(story), footerChanges: window.__wordDoc.trackedChanges(story), bodyComments: window.__wordDoc.commentsIn("body") }), FOOTER);
  assert.match(state.body[4], /solely for the purposes described in the applicable statement of work/);
  assert.deepEqual(state.footer, [LICENCE]);
  assert.deepEqual(state.footerChanges, []);
  assert.equal(state.bodyComments.length, 1);
  await settled(page);
  assert.deepEqual(await places(page), ["Footer"]);

  // Then the footer's: it lands in the footer; the body keeps exactly its one change and one comment.
  await usageAt(page, "Footer").getByRole("button", { name: /^Accept: / }).click();
  await page.getByTestId("accepted").nth(1).waitFor({ timeout: 10_000 });
  state = await doc(page, (story) => ({ body: window.__wordDoc.acceptedText(), footer: window.__wordDoc.storyText(story), footerChanges: window.__wordDoc.trackedChanges(story), bodyComments: window.__wordDoc.commentsIn("body") }), FOOTER);
  assert.match(state.footer[0], /solely for the purposes described in the applicable statement of work/);
  assert.ok(state.footerChanges.length >= 1);
  assert.equal(state.bodyComments.length, 1);
  assert.deepEqual(state.body.filter((p, i) => p !== contract[i]).length, 1);
  await axe(page, "same wording in body and footer, both accepted");
  await context.close();
});

test("Word without footnote support (WordApi 1.4): the footer is scanned, footnotes are skipped and the pane says so", async () => {
  const { page, context, errors } = await openPane(env.browser, env.api.base, {
    paragraphs: WITHOUT_LICENCE, query: "?action=scan",
    options: { apiVersion: "1.4", sections: [{ footers: { Primary: [LICENCE] } }], footnotes: [[NOTE]] },
  });
  await usage(page).first().waitFor({ timeout: 20_000 });
  await page.getByTestId("unread").waitFor();
  assert.match(await page.getByTestId("unread").innerText(), /^Not scanned: footnotes and endnotes/);
  assert.deepEqual(await places(page), ["Footer"]);
  await axe(page, "WordApi 1.4: footnotes not scanned");
  await usageAt(page, "Footer").getByRole("button", { name: /^Accept: / }).click();
  await notice(page).waitFor({ timeout: 10_000 });
  assert.match((await doc(page, (story) => window.__wordDoc.storyText(story), FOOTER))[0], /solely for the purposes/);
  assert.deepEqual(await doc(page, () => window.__wordDoc.storyText("footnote:1")), [NOTE]);
  assert.deepEqual(errors, []);
  await context.close();
});

test("a separate footer copy someone edited after the scan is left alone, and the pane says which one", async () => {
  const { page, context, errors } = await openPane(env.browser, env.api.base, {
    paragraphs: WITHOUT_LICENCE, query: "?action=scan",
    options: { sections: [{ footers: { Primary: [LICENCE] } }, { footers: { Primary: [LICENCE] } }] },
  });
  await usage(page).first().waitFor({ timeout: 20_000 });
  assert.deepEqual(await places(page), ["Footer, sections 1, 2"]);
  // Section 2's own footer is rewritten after the scan (Word raises no paragraph event for a footer).
  const edited = "3. License. The Designer grants the Agency a licence to display the Deliverables in its portfolio.";
  await doc(page, (text) => window.__wordDoc.userReplaceParagraph(0, text, "footer:s2:Primary"), edited);
  await usageAt(page, "Footer, sections 1, 2").getByRole("button", { name: /^Accept: / }).click();
  await notice(page).waitFor({ timeout: 10_000 });
  const message = await notice(page).innerText();
  assert.match(message, /Not changed: the copy in the footer, section 2, because it was edited since the scan/);
  assert.equal(await notice(page).getAttribute("data-intent"), "warning");
  const state = await doc(page, () => ({
    first: window.__wordDoc.storyText("footer:s1:Primary"), second: window.__wordDoc.storyText("footer:s2:Primary"),
    secondChanges: window.__wordDoc.trackedChanges("footer:s2:Primary"),
  }));
  assert.match(state.first[0], /solely for the purposes described in the applicable statement of work/);
  assert.deepEqual(state.second, [edited]);
  assert.deepEqual(state.secondChanges, []);
  await axe(page, "an edited footer copy left alone");
  assert.deepEqual(errors, []);
  await context.close();
});

test("Word for Windows shows note reference marks in text: quotes, search and fixes work around them", async () => {
  const M = "\u0002";
  // The licence clause references a footnote inside the quoted words; the footnote's text starts with its own mark.
  const body = contract.map((p) => (p === LICENCE ? p.replace("any and all purposes", `any and all${M} purposes`) : p));
  const { page, context, errors } = await openPane(env.browser, env.api.base, {
    paragraphs: body, query: "?action=scan",
    options: { profile: "windows", footnotes: [[`${M} ${NOTE}`]] },
  });
  await usage(page).nth(1).waitFor({ timeout: 20_000 });
  const where = await places(page);
  assert.equal(where.length, 2, JSON.stringify(where));
  assert.ok(where.includes("Footnote 1"), JSON.stringify(where));
  // Quotes show no stray mark, in the body or in the note.
  for (const quote of await page.getByTestId("quote").allTextContents()) assert.ok(!quote.includes(M), JSON.stringify(quote));
  const card = usageAt(page, "Footnote 1");
  await card.getByTestId("quote").click();
  await page.waitForFunction(() => window.__wordDoc.selectedText() === "for any and all purposes", null, { timeout: 10_000 });
  await axe(page, "Windows: findings where the text carries note reference marks");
  // The body's fix would cut through the reference: it is not placed, and the reference stays.
  await usageAt(page, where.find((w) => w !== "Footnote 1")).getByRole("button", { name: /^Accept: / }).click();
  await notice(page).waitFor({ timeout: 10_000 });
  assert.match(await notice(page).innerText(), /could not be placed exactly/);
  assert.deepEqual(await doc(page, () => window.__wordDoc.acceptedText()), body);
  // The note's fix goes in after the note's own mark; undo takes it back.
  await card.getByRole("button", { name: /^Accept: / }).click();
  await page.getByTestId("accepted").first().waitFor({ timeout: 10_000 });
  const note = await doc(page, () => window.__wordDoc.storyText("footnote:1"));
  assert.equal(note[0].slice(0, 2), `${M} `, "the note's own mark stays first");
  assert.match(note[0], /solely for the purposes described in the applicable statement of work/);
  await page.getByTestId("accepted").first().getByRole("button", { name: /^Undo: / }).click();
  await page.getByText("Change undone").waitFor({ timeout: 10_000 });
  assert.deepEqual(await doc(page, () => window.__wordDoc.storyText("footnote:1")), [`${M} ${NOTE}`]);
  assert.deepEqual(errors, []);
  await context.close();
});
