// How a lawyer reviews: the same wording in several clauses, editing the proposed wording and the comment before
// accepting, comments turned off, a contract that already carries the other side's tracked changes, a blank only the
// user can fill, and the per-finding controls (dismiss, accept, undo, the quote) with their names and announcements.
import { test } from "node:test";
import assert from "node:assert/strict";
import { axe, cards, contract, doc, notice, openPane, suiteEnvironment } from "./support.mjs";

const env = suiteEnvironment();


const ANY = "The Agency may use the Deliverables for any and all purposes.";
const REPEATED = [contract[0], contract[1], contract[2], `3. License. ${ANY}`, "4. Marketing. The Agency may show the Deliverables in its portfolio.", `5. Reuse. ${ANY}`, `6. Archive. ${ANY}`, contract[11]];

/** The accepted text of the paragraph each comment sits in. */
const commentParagraphs = (page) => doc(page, () => {
  const d = window.__wordDoc;
  const spans = d.paragraphSpans();
  const text = d.acceptedText();
  return d.comments.map((c) => text[spans.findIndex((p) => c.anchor.start >= p.start && c.anchor.end <= p.end + 1)] ?? "");
});

test("repeated wording: one card, one redline and one comment per clause, each in its own clause", async () => {
  const { page, context } = await openPane(env.browser, env.api.base, { paragraphs: REPEATED, query: "?action=scan" });
  await page.locator('[data-testid="finding-card"][data-category="usage-scope"]').nth(2).waitFor({ timeout: 20_000 });
  const usage = page.locator('[data-testid="finding-card"][data-category="usage-scope"]');
  assert.equal(await usage.count(), 3);
  const places = await usage.locator('[data-testid="place"]').allTextContents();
  assert.deepEqual(places, ["3 License", "5 Reuse", "6 Archive"]);
  // Accept the middle one only: the change and its comment land in paragraph 6, not the first match.
  await usage.nth(1).getByRole("button", { name: /^Accept: / }).click();
  await page.getByTestId("accepted").first().waitFor();
  const first = await commentParagraphs(page);
  assert.equal(first.length, 1);
  assert.match(first[0], /^5\. Reuse\./);
  const text = await doc(page, () => window.__wordDoc.acceptedText());
  assert.equal(text[3], REPEATED[3]);
  assert.notEqual(text[5], REPEATED[5]);
  assert.equal(text[6], REPEATED[6]);
  // The other two stay listed and accept into their own clauses.
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="finding-card"][data-category="usage-scope"]').length === 2, null, { timeout: 10_000 });
  await page.getByRole("button", { name: /^Accept all/ }).click();
  await notice(page).waitFor({ timeout: 20_000 });
  const where = await commentParagraphs(page);
  for (const clause of ["3. License.", "5. Reuse.", "6. Archive."]) {
    assert.equal(where.filter((w) => w.startsWith(clause) && /solely for the purposes described in the applicable statement of work/.test(w)).length, 1, `${clause}: ${JSON.stringify(where)}`);
  }
  await context.close();
});

test("edit before accepting: the user's wording goes in, redlined by the engine's diff, with the edited comment", async () => {
  const { page, context } = await openPane(env.browser, env.api.base, { query: "?action=scan" });
  const card = page.locator('[data-testid="finding-card"][data-category="usage-scope"]').first();
  await card.waitFor({ timeout: 20_000 });
  await card.getByRole("button", { name: /^Edit the wording: / }).click();
  const editor = card.getByTestId("draft-editor");
  const wording = editor.getByLabel("Wording to put in");
  const proposed = await wording.inputValue();
  assert.match(proposed, /solely for the purposes described in the applicable statement of work/);
  await wording.fill(proposed.replace(/the purposes described in .*$/, "the purposes of the Project described in each statement of work"));
  await editor.getByLabel("Comment for the other side").fill("Use is limited to the Project.");
  await axe(page, "editing a card");
  const asked = page.waitForRequest((r) => r.url().endsWith("/api/v1/changes"));
  await editor.getByRole("button", { name: "Save wording" }).click();
  await asked;
  await card.getByText("Your change").waitFor();
  assert.match(await card.getByTestId("diff").innerText(), /Project described in each statement of work/);
  await card.getByRole("button", { name: /^Accept: / }).click();
  await page.getByTestId("accepted").first().waitFor();
  const text = await doc(page, () => window.__wordDoc.acceptedText());
  assert.ok(text[4].includes("the purposes of the Project described in each statement of work."), text[4]);
  assert.ok(!text[4].includes("any and all"), text[4]);
  assert.deepEqual(await doc(page, () => window.__wordDoc.comments.map((c) => c.content)), ["Use is limited to the Project."]);
  // Whole words only: no tracked change starts or ends inside a word.
  const changes = await doc(page, () => window.__wordDoc.trackedChanges());
  assert.ok(changes.every((c) => !/^\w/.test(c.text) || c.text.length > 1), JSON.stringify(changes));
  await context.close();
});

test("comments off: the redline goes in with no comment, and the choice is kept with the document", async () => {
  const { page, context } = await openPane(env.browser, env.api.base, { query: "?action=scan" });
  await cards(page).first().waitFor({ timeout: 20_000 });
  await page.getByTestId("comments-switch").click();
  assert.equal(await page.getByTestId("comment").count(), 0);
  await page.getByRole("button", { name: /^Accept all/ }).click();
  await notice(page).waitFor({ timeout: 20_000 });
  assert.ok((await doc(page, () => window.__wordDoc.trackedChanges().length)) > 0);
  assert.equal(await doc(page, () => window.__wordDoc.comments.length), 0);
  assert.equal(await doc(page, () => window.__wordDoc.settings.get("wordredline.comments")), false);
  await axe(page, "comments off");
  await context.close();
});

test("a contract that already carries the other side's tracked changes: findings land on the accepted text", async () => {
  const { page, context } = await openPane(env.browser, env.api.base);
  // The other side struck "perpetual, " and inserted "non-exclusive, " in the licence clause.
  await doc(page, () => {
    const d = window.__wordDoc;
    const text = d.acceptedText()[4];
    d.redline(4, text.indexOf("perpetual, "), "perpetual, ".length, "non-exclusive, ");
  });
  await page.getByRole("button", { name: "Scan document" }).click();
  const card = page.locator('[data-testid="finding-card"][data-category="usage-scope"]').first();
  await card.waitFor({ timeout: 20_000 });
  await card.getByRole("button", { name: /^Accept: / }).click();
  await page.getByTestId("accepted").first().waitFor();
  const state = await doc(page, () => ({ text: window.__wordDoc.acceptedText()[4], changes: window.__wordDoc.trackedChanges() }));
  assert.ok(state.text.includes("non-exclusive, irrevocable") && state.text.includes("solely for the purposes"), state.text);
  assert.equal(state.changes.filter((c) => c.author === "Counterparty Counsel").length, 2);
  await context.close();
});

for (const [view, options] of [["web: paragraph text shows deletions", {}], ["desktop, Simple Markup: paragraph text hides them", { textIncludesDeletions: false }]]) {
  test(`the other side struck a sentence holding the same words as a finding; Word's search still sees them (${view})`, async () => {
    const struck = "The Agency may copy the Deliverables for any and all purposes. ";
    const seeded = contract.map((p, i) => (i === 4 ? p.replace("3. License. ", `3. License. ${struck}`) : p));
    const { page, context } = await openPane(env.browser, env.api.base, { paragraphs: seeded, options });
    await doc(page, (s) => window.__wordDoc.redline(4, "3. License. ".length, s.length, ""), struck);
    await page.getByRole("button", { name: "Scan document" }).click();
    const card = page.locator('[data-testid="finding-card"][data-category="usage-scope"]').first();
    await card.waitFor({ timeout: 20_000 });
    await card.getByRole("button", { name: /^Accept: / }).click();
    await page.getByTestId("accepted").first().waitFor({ timeout: 10_000 }).catch(async () => assert.fail(await notice(page).innerText()));
    const state = await doc(page, () => ({ text: window.__wordDoc.acceptedText()[4], original: window.__wordDoc.originalText()[4] }));
    // The fix went into the licence sentence, not into the struck one, which stays as the other side left it.
    assert.match(state.text, /^3\. License\. The Designer hereby grants .* solely for the purposes/, state.text);
    assert.equal(state.original, seeded[4]);
    await context.close();
  });
}

test("a fix with a blank only the user can fill: Accept waits until the Edit fills it, and Accept all leaves it out", async () => {
  // No statement of work, no project: the engine cannot name the purpose and leaves a blank for the user.
  const blank = ['Design Agreement between Acme Ltd (the "Client") and Jo Bloggs (the "Designer").', "1. Licence. The Designer grants the Client a licence to use the Work for any and all purposes."];
  const { page, context } = await openPane(env.browser, env.api.base, { paragraphs: blank, query: "?action=scan" });
  const card = page.locator('[data-testid="finding-card"][data-category="usage-scope"]').first();
  await card.waitFor({ timeout: 20_000 });
  assert.match(await card.getByTestId("fill-in").innerText(), /Fill in before accepting: Name the project or purpose/);
  assert.equal(await card.getByRole("button", { name: /^Accept: / }).isDisabled(), true);
  // Accept all counts only what it would write: the cards whose Accept (or Insert) is enabled.
  const enabled = await page.locator('[data-testid="finding-card"] button[aria-label^="Accept: "]:not([disabled]), [data-testid="finding-card"] button[aria-label^="Insert: "]:not([disabled])').count();
  assert.equal(await page.getByRole("button", { name: /^Accept all/ }).innerText(), `Accept all (${enabled})`);
  await axe(page, "a fix waiting for its blank");
  await card.getByRole("button", { name: /^Edit the wording: / }).click();
  const wording = card.getByTestId("draft-editor").getByLabel("Wording to put in");
  const proposed = await wording.inputValue();
  assert.match(proposed, /\[the purpose agreed for the work\]/);
  await wording.fill(proposed.replace("[the purpose agreed for the work]", "the Acme spring campaign"));
  await card.getByRole("button", { name: "Save wording" }).click();
  await card.getByText("Your change").waitFor();
  assert.equal(await card.getByTestId("fill-in").count(), 0);
  await card.getByRole("button", { name: /^Accept: / }).click();
  await page.getByTestId("accepted").first().waitFor();
  const text = await doc(page, () => window.__wordDoc.acceptedText());
  assert.match(text[1], /solely for the Acme spring campaign\.$/);
  assert.ok(!text[1].includes("["), text[1]);
  await context.close();
});

test("dismiss, accept and undo per finding; every button names its clause; the quote selects its words; results are announced", async () => {
  const { page, context } = await openPane(env.browser, env.api.base, { query: "?action=scan" });
  await cards(page).nth(4).waitFor({ timeout: 20_000 });
  // Seven Accept buttons, seven different names, each with its clause.
  const names = await page.getByRole("button", { name: /^Accept: / }).evaluateAll((els) => els.map((e) => e.getAttribute("aria-label")));
  assert.ok(names.length >= 5, JSON.stringify(names));
  assert.equal(new Set(names).size, names.length, JSON.stringify(names));
  assert.ok(names.every((n) => /, clause \d+$/.test(n)), JSON.stringify(names));
  // The quote button says what it does, and does it.
  const moral = page.locator('[data-testid="finding-card"][data-category="moral-rights"]').first();
  const quote = moral.getByRole("button", { name: /Show in the document$/ });
  await quote.click();
  await page.waitForFunction(() => window.__wordDoc.selectedText() === "moral rights", null, { timeout: 10_000 });
  // Dismiss: the card goes, is remembered with the document, and nothing is written.
  const count = await cards(page).count();
  const risks = await page.getByTestId("risk-count").innerText();
  await moral.getByRole("button", { name: /^Dismiss: / }).click();
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid="finding-card"]').length === n - 1, count, { timeout: 10_000 });
  // Dismissing hides the card, not the risk: the open-risk count stays.
  assert.equal(await page.getByTestId("risk-count").innerText(), risks);
  assert.equal((await doc(page, () => window.__wordDoc.settings.get("wordredline.dismissed"))).length, 1);
  assert.deepEqual(await doc(page, () => window.__wordDoc.acceptedText()), contract);
  // The result of an Accept is in a live region, so a screen reader hears it.
  await page.locator('[data-testid="finding-card"][data-category="data-sharing"]').getByRole("button", { name: /^Accept: / }).click();
  await notice(page).waitFor({ timeout: 10_000 });
  assert.equal(await page.getByTestId("notices").getAttribute("aria-live"), "polite");
  assert.equal(await notice(page).getAttribute("role"), "status");
  // Undo: the change goes, and focus lands on the result instead of the page body.
  await page.getByTestId("accepted").first().getByRole("button", { name: /^Undo: .*, 6 Sharing$/ }).click();
  await page.getByText("Change undone").waitFor({ timeout: 10_000 });
  await page.waitForFunction(() => document.activeElement?.getAttribute("data-testid") === "notice", null, { timeout: 10_000 });
  assert.deepEqual(await doc(page, () => window.__wordDoc.acceptedText()), contract);
  await axe(page, "after dismiss, accept and undo");
  await context.close();
});
