// The pane on the Words people really have: WordApi 1.3 (no tracked changes from add-ins: ask first), Word for Mac
// (empty deletion text, moving paragraph ids), Windows builds that give no paragraph ids, Word on the web failing a
// batch halfway, dark and high-contrast themes.
import { test } from "node:test";
import assert from "node:assert/strict";
import { axe, cardOf, contract, doc, notice, openPane, shot, suiteEnvironment } from "./support.mjs";

const env = suiteEnvironment();
const settled = (page) => page.waitForFunction(() => !/Updating/.test(document.querySelector('[data-testid="risk-count"]')?.textContent ?? "Updating"), null, { timeout: 15_000 });

/** Undoes the accepted items one by one, first to last; fails naming the one whose undo did not go through. */
async function undoEach(page, count) {
  const accepted = page.getByTestId("accepted");
  for (let i = 0; i < count; i++) {
    const title = await accepted.first().textContent();
    await accepted.first().getByRole("button", { name: /^Undo: / }).click();
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="accepted"]').length === n, count - i - 1, { timeout: 10_000 })
      .catch(async () => assert.fail(`Undo of "${title}" did not go through: ${await notice(page).innerText()}`));
    await settled(page);
  }
}


test("older Word (WordApi 1.3): scanning works; accepting asks first, and nothing is written until the user agrees", async () => {
  const { page, context } = await openPane(env.browser, env.api.base, { options: { apiVersion: "1.3" }, query: "?action=scan" });
  await page.getByText("Older Word").waitFor();
  const card = cardOf(page, "usage-scope").first();
  await card.waitFor({ timeout: 20_000 });
  await card.getByRole("button", { name: /^Accept: / }).click();
  await page.getByTestId("confirm-untracked").waitFor();
  await axe(page, "WordApi 1.3: asking before untracked edits");
  assert.deepEqual(await doc(page, () => window.__wordDoc.acceptedText()), contract);
  await page.getByRole("button", { name: "Cancel" }).click();
  assert.deepEqual(await doc(page, () => window.__wordDoc.acceptedText()), contract);
  await card.getByRole("button", { name: /^Accept: / }).click();
  await page.getByRole("button", { name: "Apply directly" }).click();
  await notice(page).waitFor({ timeout: 10_000 });
  assert.match(await notice(page).innerText(), /applied directly/);
  assert.deepEqual(await doc(page, () => window.__wordDoc.trackedChanges()), []);
  assert.notDeepEqual(await doc(page, () => window.__wordDoc.acceptedText()), contract);
  // The addendum asks too: nothing goes in untracked without a yes.
  const before = await doc(page, () => window.__wordDoc.acceptedText());
  await page.getByRole("button", { name: "Insert AI addendum" }).click();
  await page.getByTestId("confirm-untracked").getByText(/cannot record the addendum as tracked changes/).waitFor();
  await axe(page, "WordApi 1.3: asking before an untracked addendum");
  await page.getByRole("button", { name: "Cancel" }).click();
  assert.deepEqual(await doc(page, () => window.__wordDoc.acceptedText()), before);
  await page.getByRole("button", { name: "Insert AI addendum" }).click();
  await page.getByRole("button", { name: "Insert directly" }).click();
  await page.getByText("Addendum inserted").waitFor({ timeout: 20_000 });
  assert.ok((await doc(page, () => window.__wordDoc.acceptedText())).some((p) => /AI Protection Addendum/i.test(p)));
  assert.deepEqual(await doc(page, () => window.__wordDoc.trackedChanges()), []);
  await context.close();
});

test("Word for Mac: accept, then undo, although Mac reports the deleted text as empty", async () => {
  const { page, context } = await openPane(env.browser, env.api.base, { options: { profile: "mac" }, query: "?action=scan" });
  const card = cardOf(page, "usage-scope").first();
  await card.waitFor({ timeout: 20_000 });
  await card.getByRole("button", { name: /^Accept: / }).click();
  await page.getByTestId("accepted").first().waitFor();
  assert.ok((await doc(page, () => window.__wordDoc.trackedChanges().length)) >= 2);
  await page.getByTestId("accepted").first().getByRole("button", { name: /^Undo: / }).click();
  await page.getByText("Change undone").waitFor({ timeout: 10_000 });
  assert.deepEqual(await doc(page, () => window.__wordDoc.trackedChanges()), []);
  assert.deepEqual(await doc(page, () => window.__wordDoc.acceptedText()), contract);
  await context.close();
});

test("Word for Mac: a document-level insertion moves its anchor's id; the pane re-reads, stays consistent and can undo it", async () => {
  // Without its machine-learning clause the contract is silent on AI training: the engine proposes a new clause.
  const silent = contract.filter((p) => !p.startsWith("5. Machine learning"));
  const { page, context, errors } = await openPane(env.browser, env.api.base, { paragraphs: silent, options: { profile: "mac" }, query: "?action=scan" });
  const card = cardOf(page, "ai-training-silent").first();
  await card.waitFor({ timeout: 20_000 });
  const idsBefore = await doc(page, () => window.__wordDoc.paragraphIds());
  await card.getByRole("button", { name: /^Insert: / }).click();
  await page.getByTestId("accepted").first().waitFor();
  await settled(page);
  assert.equal(await cardOf(page, "ai-training-silent").count(), 0);
  const after = await doc(page, () => ({ ids: window.__wordDoc.paragraphIds(), text: window.__wordDoc.acceptedText() }));
  assert.equal(after.text.length, silent.length + 1);
  // Word for Mac gave the new paragraph its anchor's id: the same ids, one more, and the anchor's moved.
  assert.ok(idsBefore.every((id) => after.ids.includes(id)));
  assert.notEqual(after.ids.indexOf(idsBefore[4]), 4);
  await page.getByTestId("accepted").first().getByRole("button", { name: /^Undo: / }).click();
  await page.getByText("Change undone").waitFor({ timeout: 10_000 });
  assert.deepEqual(await doc(page, () => window.__wordDoc.acceptedText()), silent);
  await cardOf(page, "ai-training-silent").first().waitFor({ timeout: 10_000 });
  assert.deepEqual(errors, []);
  await context.close();
});

test("Word for Mac: Accept all puts a new clause after a clause it also edits; every accepted change can still be undone", async () => {
  // The new machine-learning clause goes after the licence clause, which Accept all also edits in the same batch; on
  // Mac the licence clause's id moves to the new paragraph, so the licence edits must not be looked for under it.
  const silent = contract.filter((p) => !p.startsWith("5. Machine learning"));
  const { page, context, errors } = await openPane(env.browser, env.api.base, { paragraphs: silent, options: { profile: "mac" }, query: "?action=scan" });
  await cardOf(page, "ai-training-silent").first().waitFor({ timeout: 20_000 });
  await page.getByRole("button", { name: /^Accept all/ }).click();
  await notice(page).waitFor({ timeout: 20_000 });
  await settled(page);
  const accepted = page.getByTestId("accepted");
  const count = await accepted.count();
  assert.ok(count >= 3, await notice(page).innerText());
  assert.ok((await doc(page, () => window.__wordDoc.acceptedText())).some((p) => /machine learning/i.test(p) && /not/.test(p)));
  await undoEach(page, count);
  assert.deepEqual(await doc(page, () => window.__wordDoc.trackedChanges()), []);
  assert.deepEqual(await doc(page, () => window.__wordDoc.acceptedText()), silent);
  assert.deepEqual(errors, []);
  await context.close();
});

test("Word for Mac stops Accept all after the new clause went in: the pane reports all that landed, and each undoes", async () => {
  const silent = contract.filter((p) => !p.startsWith("5. Machine learning"));
  const { page, context, errors } = await openPane(env.browser, env.api.base, { paragraphs: silent, options: { profile: "mac" }, query: "?action=scan" });
  await cardOf(page, "ai-training-silent").first().waitFor({ timeout: 20_000 });
  const acceptAll = page.getByRole("button", { name: /^Accept all/ });
  const total = Number(/\((\d+)\)/.exec(await acceptAll.innerText())?.[1]);
  // One batch: every edit's comment, then the new clause, then its comment, where Word stops.
  await doc(page, (n) => window.__wordDoc.failOn("Range.insertComment", n), total - 1);
  await acceptAll.click();
  await notice(page).waitFor({ timeout: 20_000 });
  await settled(page);
  const accepted = page.getByTestId("accepted");
  assert.equal(await accepted.count(), total, await notice(page).innerText());
  await undoEach(page, total);
  assert.deepEqual(await doc(page, () => window.__wordDoc.acceptedText()), silent);
  assert.deepEqual(errors, []);
  await context.close();
});

test("Word that reports WordApi 1.6 but gives no paragraph ids (office-js #4258): scans by index, accepts, undoes, stays live by polling", async () => {
  const { page, context, errors } = await openPane(env.browser, env.api.base, { options: { uniqueLocalIds: false }, query: "?action=scan" });
  const card = cardOf(page, "usage-scope").first();
  await card.waitFor({ timeout: 20_000 });
  assert.equal(await page.getByTestId("live").innerText(), "Live: updates every few seconds");
  await card.getByRole("button", { name: /^Accept: / }).click();
  await page.getByTestId("accepted").first().waitFor();
  assert.match((await doc(page, () => window.__wordDoc.acceptedText()))[4], /solely for the purposes described/);
  await page.getByTestId("accepted").first().getByRole("button", { name: /^Undo: / }).click();
  await page.getByText("Change undone").waitFor({ timeout: 10_000 });
  assert.deepEqual(await doc(page, () => window.__wordDoc.acceptedText()), contract);
  await doc(page, () => window.__wordDoc.userReplaceParagraph(9, "9. Publicity. The Agency may use the Deliverables for any purpose whatsoever."));
  await page.locator('[data-testid="finding-card"]', { hasText: "for any purpose" }).first().waitFor({ timeout: 15_000 });
  await axe(page, "Word without paragraph ids: polling");
  assert.deepEqual(errors, []);
  await context.close();
});

test("a batch Word fails halfway: the pane reports exactly what landed, leaves nothing half-done, and the retry finishes", async () => {
  const { page, context } = await openPane(env.browser, env.api.base, { query: "?action=scan" });
  await cardOf(page, "usage-scope").first().waitFor({ timeout: 20_000 });
  // Word on the web stops the batch at the third text insertion, after earlier paragraphs are in.
  await doc(page, () => window.__wordDoc.failOn("Range.insertText", 2));
  await page.getByRole("button", { name: /^Accept all/ }).click();
  await notice(page).waitFor({ timeout: 20_000 });
  const message = await notice(page).innerText();
  assert.match(message, /Word stopped the batch/);
  const accepted = await page.getByTestId("accepted").count();
  assert.ok(accepted >= 1, message);
  // Every finding is either fully in (with its comment) or fully out.
  const state = await doc(page, () => ({ comments: window.__wordDoc.comments.length, original: window.__wordDoc.originalText() }));
  assert.equal(state.comments, accepted);
  assert.deepEqual(state.original, contract);
  await axe(page, "batch stopped halfway");
  assert.equal(await notice(page).getByRole("button", { name: "Try again" }).count(), 1);
  // What landed can be undone finding by finding, like any accepted change.
  const landed = await doc(page, () => window.__wordDoc.trackedChanges().length);
  await page.getByTestId("accepted").first().getByRole("button", { name: /^Undo: / }).click();
  await page.getByText("Change undone").waitFor({ timeout: 10_000 });
  assert.ok((await doc(page, () => window.__wordDoc.trackedChanges().length)) < landed);
  assert.equal(await page.getByTestId("accepted").count(), accepted - 1);
  // Accept all again (what "Try again" does) finishes the rest, the undone one included.
  await page.getByRole("button", { name: /^Accept all/ }).click();
  await page.waitForFunction(() => document.querySelector('[data-testid="notice"]')?.getAttribute("data-intent") === "success", null, { timeout: 20_000 });
  assert.deepEqual(await doc(page, () => window.__wordDoc.originalText()), contract);
  await context.close();
});

for (const [name, setup] of [
  ["light", { options: { officeTheme: { bodyBackgroundColor: "#FFFFFF", bodyForegroundColor: "#262626" } }, colorScheme: "light" }],
  ["dark", { options: { officeTheme: { bodyBackgroundColor: "#262626", bodyForegroundColor: "#FFFFFF" } }, colorScheme: "dark" }],
  ["highContrast", { forcedColors: "active" }],
]) {
  test(`the Office theme is followed (${name}) and stays accessible`, async () => {
    const { page, context } = await openPane(env.browser, env.api.base, { ...setup, query: "?action=scan" });
    await cardOf(page, "usage-scope").first().waitFor({ timeout: 20_000 });
    assert.equal(await page.locator(`[data-theme="${name}"]`).count(), 1);
    await axe(page, `theme ${name}`);
    await shot(page, `theme-${name}.png`);
    await context.close();
  });
}

test("switching Office to the black theme while the pane is open: the pane follows when it gets focus again", async () => {
  const { page, context } = await openPane(env.browser, env.api.base, { query: "?action=scan" });
  await cardOf(page, "usage-scope").first().waitFor({ timeout: 20_000 });
  assert.equal(await page.locator('[data-theme="light"]').count(), 1);
  await page.evaluate(() => {
    Office.context.officeTheme = { bodyBackgroundColor: "#000000", bodyForegroundColor: "#FFFFFF", controlBackgroundColor: "#262626", controlForegroundColor: "#FFFFFF" };
    window.dispatchEvent(new Event("focus"));
  });
  await page.locator('[data-theme="dark"]').waitFor({ timeout: 5_000 });
  await axe(page, "theme switched to black while open");
  await context.close();
});
