// A long contract: a 2,400-paragraph scan with real progress, cancel, a paged list, and Accept all in batches.
// Each Word round trip takes 50 ms (syncDelayMs), about what Word on the web takes. Prints the measured figures.
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
  await page.getByRole("button", { name: "Cancel scan" }).click();
  await page.getByText("Scan cancelled").waitFor({ timeout: 10_000 });
  assert.equal(await page.locator('[data-testid="finding-card"]').count(), 0);
  await axe(page, "scan cancelled");
  await context.close();
});

test("2,400 paragraphs: scan time, a short page of cards, Accept all in reported batches", async () => {
  const { page, context } = await openPane(env.browser, env.api.base, { paragraphs: LONG, options: { syncDelayMs: 50 } });
  const started = Date.now();
  await page.getByRole("button", { name: "Scan document" }).click();
  await page.locator('[data-testid="finding-card"], [data-testid="notice"]').first().waitFor({ timeout: 60_000 });
  assert.equal(await notice(page).count(), 0, await notice(page).count() ? await notice(page).innerText() : "");
  const scanMs = Date.now() - started;
  const findings = await page.evaluate(() => [...document.querySelectorAll("h2")].map((h) => h.textContent).filter((t) => /\(\d+\)/.test(t ?? "")));
  const rendered = await page.locator('[data-testid="finding-card"]').count();
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  assert.ok(rendered <= 25 * 5, `rendered ${rendered} cards at once`);
  await axe(page, "2,400-paragraph scan");
  const acceptAll = page.getByRole("button", { name: /^Accept all/ });
  const total = Number(/\((\d+)\)/.exec(await acceptAll.innerText())?.[1]);
  const t0 = Date.now();
  await acceptAll.click();
  await page.getByText(/Applying batch \d+ of \d+/).first().waitFor({ timeout: 20_000 });
  await notice(page).waitFor({ timeout: 120_000 });
  const acceptMs = Date.now() - t0;
  const message = await notice(page).innerText();
  const batches = Number(/Batch \d+ of (\d+)/.exec(message)?.[1]);
  assert.ok(batches > 1, message);
  assert.equal(await notice(page).getAttribute("data-intent"), "success", message);
  const comments = await doc(page, () => window.__wordDoc.comments.length);
  assert.equal(comments, total);
  console.log(`scale: scan of 2,400 paragraphs ${scanMs} ms (${findings.join("; ")}), ${rendered} cards rendered, page ${height} px; accept all: ${total} findings in ${batches} batches, ${acceptMs} ms`);
  await context.close();
});
