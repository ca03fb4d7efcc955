// The main path in Chromium against the real API: scan, accept, undo, accept all, the addendum (strict style names,
// numbered by its own list, never twice, nothing left by a failure halfway), live updates, the service going away.
// axe-core runs on every state.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { axe, cardOf, cards, contract, doc, launchBrowser, notice, openPane, shot, startApi } from "./support.mjs";

let api;
let browser;
let page;

before(async () => {
  [api, browser] = await Promise.all([startApi(), launchBrowser()]);
  ({ page } = await openPane(browser, api.base, { query: "?action=scan" }));
});

after(async () => {
  await browser?.close();
  await api?.stop();
});

test("before a scan: the start screen is accessible", async () => {
  const { page: fresh, context } = await openPane(browser, api.base);
  await fresh.getByRole("button", { name: "Scan document" }).waitFor();
  await axe(fresh, "start");
  await context.close();
});

test("the ribbon's Scan opens the pane and scans: cards, grade, checklist, places", async () => {
  await cardOf(page, "usage-scope").first().waitFor({ timeout: 20_000 });
  const categories = await cards(page).evaluateAll((els) => els.map((e) => e.getAttribute("data-category")));
  for (const c of ["usage-scope", "license-breadth", "derivative-works", "ai-training", "data-sharing", "moral-rights"]) {
    assert.ok(categories.includes(c), `no ${c} card in ${categories.join(", ")}`);
  }
  assert.match(await page.getByTestId("grade").innerText(), /^[A-F]$/);
  assert.equal(await page.getByRole("list", { name: "Protections" }).locator("li").count(), 5);
  assert.match(await page.getByTestId("party").innerText(), /Designer/);
  assert.equal(await page.getByTestId("live").count(), 1);
  assert.equal(await page.getByRole("heading", { level: 1, name: "WordRedline" }).count(), 1);
  assert.ok((await page.getByRole("heading", { level: 2 }).count()) >= 2);
  await axe(page, "after scan");
  await shot(page, "after-scan.png");
  await page.screenshot({ path: new URL("../artifacts/pane.png", import.meta.url).pathname });
});

test("Accept writes tracked changes with the counterparty comment, only the changed words; focus moves on", async () => {
  const card = cardOf(page, "usage-scope").first();
  const rationale = await card.innerText();
  await card.getByRole("button", { name: /^Accept: / }).click();
  await page.getByTestId("accepted").first().waitFor();
  const changes = await doc(page, () => window.__wordDoc.trackedChanges());
  assert.ok(changes.some((c) => c.type === "Deleted" && c.text.includes("any and all")), JSON.stringify(changes));
  assert.ok(changes.some((c) => c.type === "Added" && c.text.includes("solely for the purposes")), JSON.stringify(changes));
  assert.ok(changes.every((c) => c.text.length < 200), "a change marked a whole paragraph");
  const comments = await doc(page, () => window.__wordDoc.comments.map((c) => c.content));
  assert.equal(comments.length, 1);
  // The comment speaks to the counterparty; the pane's "why this helps you" never goes into the document.
  const why = /Why this helps you: (.*)/.exec(rationale)?.[1] ?? "";
  assert.ok(why.length > 10 && !comments[0].includes(why), comments[0]);
  assert.deepEqual(await doc(page, () => window.__wordDoc.originalText()), contract);
  assert.equal(await doc(page, () => window.__wordDoc.trackingMode), "Off");
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute("data-testid")), "finding-card");
  await axe(page, "after accept");
});

test("Undo on an accepted card rejects its changes", async () => {
  await page.getByTestId("accepted").first().getByRole("button", { name: /^Undo: / }).click();
  await page.getByTestId("accepted").first().waitFor({ state: "detached" });
  assert.deepEqual(await doc(page, () => window.__wordDoc.trackedChanges()), []);
  assert.deepEqual(await doc(page, () => window.__wordDoc.acceptedText()), contract);
  await cardOf(page, "usage-scope").first().waitFor();
});

test("History: Save version records the scanned contract with the real service", async () => {
  const history = page.getByTestId("history");
  await history.getByRole("button", { name: "Save version" }).click();
  await history.getByTestId("history-message").getByText("Version 1 saved.").waitFor({ timeout: 20_000 });
  assert.equal(await history.getByTestId("version").count(), 1);
  assert.match(await history.getByTestId("version").first().innerText(), /Version 1[\s\S]*saved in Word; score \d+ \([A-F]\)/);
});

test("Accept all applies every suggestion; the score then counts what is left; rejecting all restores the contract", async () => {
  await page.getByRole("button", { name: /^Accept all/ }).click();
  await notice(page).waitFor({ timeout: 20_000 });
  assert.equal(await notice(page).getAttribute("data-intent"), "success", await notice(page).innerText());
  assert.ok((await page.getByTestId("accepted").count()) >= 5);
  const accepted = await doc(page, () => window.__wordDoc.acceptedText());
  assert.ok(!accepted.join("\n").includes("for any and all purposes"));
  assert.ok(accepted.some((p) => p.includes("machine learning") && /not|shall not/.test(p)));
  assert.deepEqual(await doc(page, () => window.__wordDoc.originalText()), contract);
  await page.waitForFunction(() => !document.querySelector('[data-testid="finding-card"][data-category="usage-scope"]'), null, { timeout: 10_000 });
  // The score is the engine's reading of the document as it now is (accepted text), not a tally of what was touched.
  await page.waitForFunction(() => !/Updating/.test(document.querySelector('[data-testid="risk-count"]')?.textContent ?? "Updating"), null, { timeout: 10_000 });
  const now = await doc(page, () => window.__wordDoc.acceptedText());
  const fresh = await (await fetch(`${api.base}/api/v1/analyze`, {
    method: "POST", headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ paragraphs: now.map((text, i) => ({ id: `p${i}`, text })), party: "Designer" }),
  })).json();
  assert.equal(await page.getByTestId("grade").innerText(), fresh.grade);
  assert.match(await page.getByText(/^Protection score/).innerText(), new RegExp(`${fresh.score}/100`));
  // "No open risks" only when the engine finds none left: what it still reports open is counted, fixed or not.
  const open = fresh.findings.filter((f) => f.category !== "ai-protection" && !f.mitigated).length
    + fresh.documentFindings.filter((f) => f.category !== "ai-protection").length;
  const risks = await page.getByTestId("risk-count").innerText();
  assert.ok(open === 0 ? risks.startsWith("No open risks") : risks.startsWith(`${open} open risk`), `${risks} (engine: ${open} open)`);
  if (now.some((p) => /perpetual, irrevocable/.test(p)) && fresh.findings.some((f) => f.category === "license-breadth" && !f.mitigated)) {
    assert.doesNotMatch(risks, /No open risks/);
  }
  await axe(page, "after accept all");
  await shot(page, "after-accept-all.png");
});

test("History: Accept all saved a version; the diff shows the AI protections it added", async () => {
  const history = page.getByTestId("history");
  await history.getByText("Version 2 saved after Accept all.").waitFor({ timeout: 20_000 });
  assert.equal(await history.getByTestId("version").count(), 2);
  const diff = history.getByTestId("diff");
  await diff.getByText(/^Added: AI-training carve-out/).waitFor({ timeout: 10_000 });
  assert.match(await diff.innerText(), /From version 1 to 2: score \d+ \([A-F]\) to \d+ \([A-F]\)/);
  await axe(page, "history");
  await shot(page, "history.png");
});

test("an addendum insertion that fails halfway leaves nothing behind, and says so", async () => {
  const before = await doc(page, () => window.__wordDoc.acceptedText());
  await doc(page, () => window.__wordDoc.failOn("Paragraph.attachToList", 3));
  await page.getByRole("button", { name: "Insert AI addendum" }).click();
  await page.locator('[data-testid="notice"][data-intent="error"]').waitFor({ timeout: 20_000 });
  assert.equal(await notice(page).getByRole("button", { name: "Try again" }).count(), 1);
  const after = await doc(page, () => ({ text: window.__wordDoc.acceptedText(), controls: window.__wordDoc.contentControls.length }));
  assert.equal(after.controls, 0);
  assert.deepEqual(after.text.filter((p) => p !== ""), before.filter((p) => p !== ""));
  await axe(page, "error notice");
});

test("Insert AI addendum (the retry) gives one copy, tracked, numbered by its own list under Word's strict style names", async () => {
  await notice(page).getByRole("button", { name: "Try again" }).click();
  await page.getByText("Addendum inserted").waitFor({ timeout: 20_000 });
  await page.getByRole("button", { name: "Insert AI addendum" }).click();
  await page.getByText("Addendum already there").waitFor();
  const state = await doc(page, () => ({
    controls: window.__wordDoc.contentControls.map((c) => c.tag), text: window.__wordDoc.acceptedText(),
    original: window.__wordDoc.originalText(), labels: window.__wordDoc.listLabels().filter((l) => l !== null),
    styles: window.__wordDoc.paragraphStyles(),
  }));
  assert.deepEqual(state.controls, ["wordredline-ai-addendum"]);
  assert.equal(state.text.filter((p) => /AI Protection Addendum/i.test(p) && p.length < 60).length, 1, state.text.join("\n"));
  assert.ok(state.text.some((p) => p.includes("forms part of this Agreement")));
  assert.deepEqual(state.labels, ["1.", "2.", "3.", "4.", "5.", "6.", "7.", "8.", "9."]);
  assert.ok(state.styles.includes("Heading1") && state.styles.includes("ListParagraph") && !state.styles.includes("ListNumber"));
  assert.deepEqual(state.original.filter((p) => p !== ""), contract);
  await axe(page, "addendum notice");
});

test("editing a paragraph updates the findings live", async () => {
  await doc(page, () => window.__wordDoc.userReplaceParagraph(9, "9. Publicity. The Agency may use the Deliverables for any purpose whatsoever, without restriction."));
  await page.locator('[data-testid="finding-card"]', { hasText: "for any purpose" }).first().waitFor({ timeout: 5_000 });
});

test("when the service stops, the pane says so in words for users and offers a retry", async () => {
  await api.stop();
  await doc(page, () => window.__wordDoc.userReplaceParagraph(2, "1. Services. The Designer will create the illustrations described in each statement of work."));
  await page.locator('[data-testid="notice"][data-intent="error"]').waitFor({ timeout: 10_000 });
  assert.match(await notice(page).innerText(), /Service unreachable/);
  assert.doesNotMatch(await notice(page).innerText(), /dotnet|--project/);
  assert.equal(await notice(page).getByRole("button", { name: "Try again" }).count(), 1);
  await axe(page, "service unreachable");
  await shot(page, "service-down.png");
});
