// A long contract: a 2,400-paragraph scan with real progress, cancel, a paged list, and Accept all in batches.
// Each Word round trip takes 50 ms (syncDelayMs), about what Word on the web takes. Prints the measured figures (the
// moments the pane is held still for axe left out). axe also runs while Word is still reading, while the engine is
// still checking and while Accept all is still writing.
import { test } from "node:test";
import assert from "node:assert/strict";
import { axe, contract, doc, notice, openPane, suiteEnvironment } from "./support.mjs";

const env = suiteEnvironment();
const LONG = Array.from({ length: 2400 }, (_, i) => {
  const clause = contract[2 + (i % 10)];
  return i % 10 === 0 ? `Part ${i / 10 + 1}. ${clause}` : clause;
});


test("2,400 paragraphs: the scan reports real progress and can be cancelled", async () => {
  // Each round trip to Word takes 50 ms here, as on the web, so the scan is still reading when Cancel is pressed.
  const { page, context } = await openPane(env.browser, env.api.base, { paragraphs: LONG, options: { syncDelayMs: 50 } });
  await page.getByRole("button", { name: "Scan document" }).click();
  await page.getByText(/Reading paragraphs: [\d,]+ of 2,400/).first().waitFor({ timeout: 10_000 });
  // Word is held mid-read, so the pane is looked at (and cancelled) while it is still reading.
  await doc(page, () => window.__wordDoc.hold());
  await page.waitForFunction(() => window.__wordDoc.heldSyncs > 0, null, { timeout: 10_000 });
  assert.match(await page.getByTestId("progress").innerText(), /Reading paragraphs: [\d,]+ of 2,400/);
  await axe(page, "scanning: reading paragraphs");
  await page.getByRole("button", { name: "Cancel scan" }).click();
  await doc(page, () => window.__wordDoc.release());
  await page.getByText("Scan cancelled").waitFor({ timeout: 10_000 });
  assert.equal(await page.locator('[data-testid="finding-card"]').count(), 0);
  await axe(page, "scan cancelled");
  await context.close();
});

test("2,400 paragraphs: scan time, a short page of cards, Accept all in reported batches", async () => {
  const { page, context } = await openPane(env.browser, env.api.base, { paragraphs: LONG, options: { syncDelayMs: 50 } });
  // The engine's answer waits until the pane has been looked at while "Checking the clauses".
  let answer = () => undefined;
  const answered = new Promise((resolve) => { answer = resolve; });
  await context.route("**/api/v1/analyze", async (route) => {
    await answered;
    await route.continue();
  });
  const started = Date.now();
  await page.getByRole("button", { name: "Scan document" }).click();
  await page.getByText("Checking the clauses…").waitFor({ timeout: 60_000 });
  const reading = Date.now() - started;
  await axe(page, "scanning: checking the clauses");
  const asked = Date.now();
  answer();
  await page.locator('[data-testid="finding-card"], [data-testid="notice"]').first().waitFor({ timeout: 60_000 });
  assert.equal(await notice(page).count(), 0, await notice(page).count() ? await notice(page).innerText() : "");
  const scanMs = reading + (Date.now() - asked); // the time the pane was held for axe left out
  const findings = await page.evaluate(() => [...document.querySelectorAll("h2")].map((h) => h.textContent).filter((t) => /\(\d+\)/.test(t ?? "")));
  const rendered = await page.locator('[data-testid="finding-card"]').count();
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  assert.ok(rendered <= 25 * 5, `rendered ${rendered} cards at once`);
  await axe(page, "2,400-paragraph scan");
  // Cards start collapsed to their title line; one opens on demand; a group shows 25 more at a time.
  const first = page.locator('[data-testid="finding-card"]').first();
  const toggle = first.getByRole("button", { name: /^Expand: / });
  assert.equal(await toggle.getAttribute("aria-expanded"), "false");
  assert.equal(await first.getByRole("button", { name: /^Accept: / }).count(), 0);
  await toggle.click();
  assert.equal(await first.getByRole("button", { name: /^Collapse: / }).getAttribute("aria-expanded"), "true");
  await first.getByRole("button", { name: /^Accept: / }).waitFor();
  await axe(page, "2,400-paragraph scan, one card open");
  const high = page.getByTestId("group-high");
  const before = await high.locator('[data-testid="finding-card"]').count();
  await high.getByRole("button", { name: /^Show 25 more of / }).click();
  // React renders the 25 after the click resolves: wait for the last of them before counting.
  await high.locator('[data-testid="finding-card"]').nth(before + 24).waitFor({ timeout: 30_000 });
  assert.equal(await high.locator('[data-testid="finding-card"]').count(), before + 25);
  // Cards far out of view are skipped by the browser (content-visibility), cards in view are drawn.
  const cardsDrawn = await high.locator('[data-testid="finding-card"]').evaluateAll((els) => els.map((e) => {
    const r = e.getBoundingClientRect();
    const away = r.bottom < 0 ? -r.bottom : Math.max(0, r.top - window.innerHeight);
    return { away: away / window.innerHeight, drawn: e.firstElementChild?.checkVisibility({ contentVisibilityAuto: true }) ?? false };
  }));
  const summary = JSON.stringify(cardsDrawn.map((c) => `${c.away.toFixed(1)}:${c.drawn ? 1 : 0}`));
  assert.ok(cardsDrawn.filter((c) => c.away === 0).every((c) => c.drawn), summary);
  assert.ok(cardsDrawn.some((c) => c.away > 1.5) && cardsDrawn.filter((c) => c.away > 1.5).every((c) => !c.drawn), summary);
  await first.getByRole("button", { name: /^Collapse: / }).click();
  // Grouped by clause instead, in document order, 25 clauses at a time.
  await page.getByRole("group", { name: "Group findings by" }).getByRole("button", { name: "Clause" }).click();
  const clauses = page.getByTestId("clause-group");
  assert.equal(await clauses.count(), 25);
  assert.match(await clauses.first().getByRole("heading", { level: 2 }).innerText(), /^\d+ \w.* \(\d+\)$/);
  await page.getByRole("button", { name: /^Show 25 more clauses of / }).click();
  assert.equal(await clauses.count(), 50);
  assert.ok((await page.locator('[data-testid="finding-card"]').count()) <= 50 * 3);
  await axe(page, "2,400-paragraph scan grouped by clause");
  await page.getByRole("group", { name: "Group findings by" }).getByRole("button", { name: "Risk" }).click();
  const acceptAll = page.getByRole("button", { name: /^Accept all/ });
  const total = Number(/\((\d+)\)/.exec(await acceptAll.innerText())?.[1]);
  const t0 = Date.now();
  await acceptAll.click();
  await page.getByText(/Applying batch \d+ of \d+/).first().waitFor({ timeout: 20_000 });
  const held = Date.now();
  await doc(page, () => window.__wordDoc.hold());
  await page.waitForFunction(() => window.__wordDoc.heldSyncs > 0, null, { timeout: 20_000 });
  assert.match(await page.getByTestId("progress").innerText(), /Applying batch \d+ of \d+ \([\d,]+ applied so far\)/);
  await axe(page, "Accept all in progress");
  const released = Date.now();
  await doc(page, () => window.__wordDoc.release());
  await notice(page).waitFor({ timeout: 120_000 });
  const acceptMs = Date.now() - t0 - (released - held);
  const message = await notice(page).innerText();
  const batches = Number(/Batch \d+ of (\d+)/.exec(message)?.[1]);
  assert.ok(batches > 1, message);
  assert.equal(await notice(page).getAttribute("data-intent"), "success", message);
  const comments = await doc(page, () => window.__wordDoc.comments.length);
  assert.equal(comments, total);
  console.log(`scale: scan of 2,400 paragraphs ${scanMs} ms (${findings.join("; ")}), ${rendered} cards rendered, page ${height} px; accept all: ${total} findings in ${batches} batches, ${acceptMs} ms`);
  await context.close();
});
