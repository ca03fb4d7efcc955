// The pane and the service around it: every manifest URL served (help pages included), the OpenAPI document the
// pane's contract is generated from equal to the running service's, a service that never answers (timeout, retry),
// sign-in through Office's nested app authentication bridge (silent, interactive, cancelled), sign-in that recovers
// when the service comes back and falls back to the Office dialog without it, and the ribbon command reporting.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { addin, axe, cardOf, contract, doc, notice, openPane, repo, suiteEnvironment } from "./support.mjs";

const env = suiteEnvironment();

/** A service configuration that asks for sign-in (Entra ID); the real service runs in local mode underneath. */
const ENTRA_CONFIG = JSON.stringify({ auth: { enabled: true, clientId: "11111111-1111-1111-1111-111111111111", authority: "https://login.microsoftonline.com/common", scopes: ["api://wordredline/access_as_user"] } });

/** The analyze endpoint as a service requiring a token sees it: 401 without the dialog's token. */
const requireToken = (context) => context.route("**/api/v1/analyze", (route) => (route.request().headers()["authorization"] === "Bearer dialog-token"
  ? route.continue()
  : route.fulfill({ status: 401, contentType: "application/problem+json", body: JSON.stringify({ status: 401, title: "Unauthorized" }) })));


test("every manifest URL is served by the running service, help pages included, with the pane's security headers", async () => {
  const manifest = readFileSync(path.join(repo, "addin-manifest/manifest.xml"), "utf8");
  const urls = [...new Set([...manifest.matchAll(/DefaultValue="(https:\/\/localhost:5443[^"]*)"/g)].map((m) => m[1]))];
  assert.ok(urls.length >= 9, `expected the manifest's URLs, found ${urls.length}`);
  assert.ok(urls.some((u) => u.includes("/help/support.html")) && urls.some((u) => u.includes("/help/index.html")));
  for (const url of urls) {
    const response = await fetch(url.replace("https://localhost:5443", env.api.base));
    assert.equal(response.status, 200, url);
  }
  const pane = await fetch(`${env.api.base}/taskpane.html`);
  assert.match(pane.headers.get("content-security-policy") ?? "", /script-src 'self' https:\/\/appsforoffice\.microsoft\.com/);
  // The help pages, and the small dialog in which the ribbon's commands report their outcome.
  const message = `message.html?${new URLSearchParams({ title: "Could not insert the addendum", message: "WordRedline could not reach its service. Check your connection and try again." })}`;
  for (const page of ["index.html", "support.html", "privacy.html", message]) {
    const { page: help, context } = await openPane(env.browser, env.api.base);
    await help.goto(`${env.api.base}/help/${page}`);
    if (page === message) await help.getByText("Could not insert the addendum").waitFor();
    await axe(help, `help page ${page.split("?")[0]}`);
    await context.close();
  }
});

test("the committed OpenAPI document (the pane's contract is generated from it) equals the running service's", async () => {
  const committed = JSON.parse(readFileSync(path.join(repo, "src/WordRedline.Api/openapi/v1.json"), "utf8"));
  const served = await (await fetch(`${env.api.base}/swagger/v1/swagger.json`)).json();
  assert.deepEqual(served, committed, "The API changed: run `npm run contract:update --prefix src/WordRedline.Addin` and commit both files.");
  // ...and the pane's generated contract is what the generator makes of it today.
  const out = mkdtempSync(path.join(os.tmpdir(), "wr-contract-"));
  const generate = spawnSync("npm", ["run", "contract", "--", "--output", out], { cwd: addin, encoding: "utf8" });
  assert.equal(generate.status, 0, generate.stderr);
  assert.equal(readFileSync(path.join(out, "contract.gen.ts"), "utf8"), readFileSync(path.join(addin, "src/api/contract.gen.ts"), "utf8"),
    "src/api/contract.gen.ts is stale: run `npm run contract --prefix src/WordRedline.Addin`.");
});

test("sign-in recovers: a pane whose first config request failed asks again and signs in (not unsigned all session)", async () => {
  const { page, context } = await openPane(env.browser, env.api.base, { options: { sets: ["DialogApi"] } });
  let configCalls = 0;
  await context.route("**/api/v1/config", (route) => (++configCalls === 1 ? route.abort("connectionrefused") : route.fulfill({
    status: 200, contentType: "application/json",
    body: ENTRA_CONFIG,
  })));
  await requireToken(context);
  await page.reload();
  await page.getByRole("button", { name: "Scan document" }).click();
  await notice(page).getByRole("button", { name: "Sign in" }).click();
  await page.waitForFunction(() => window.__office.dialogs.length === 1);
  await page.evaluate(() => window.__office.dialogs[0].send(JSON.stringify({ token: "dialog-token", expiresOn: Date.now() + 3_600_000 })));
  await cardOf(page, "usage-scope").first().waitFor({ timeout: 20_000 });
  assert.equal(configCalls, 2);
  await context.close();
});

test("without nested app authentication, Sign in opens the Office dialog and the scan then goes through", async () => {
  const { page, context } = await openPane(env.browser, env.api.base, { options: { sets: ["DialogApi"] } });
  await context.route("**/api/v1/config", (route) => route.fulfill({
    status: 200, contentType: "application/json",
    body: ENTRA_CONFIG,
  }));
  await requireToken(context);
  await page.reload();
  await page.getByRole("button", { name: "Scan document" }).click();
  await notice(page).getByRole("button", { name: "Sign in" }).click();
  await page.waitForFunction(() => window.__office.dialogs.length === 1);
  assert.match(await page.evaluate(() => window.__office.dialogs[0].url), /\/auth-dialog\.html\?clientId=/);
  await page.evaluate(() => window.__office.dialogs[0].send(JSON.stringify({ token: "dialog-token", expiresOn: Date.now() + 3_600_000 })));
  await cardOf(page, "usage-scope").first().waitFor({ timeout: 20_000 });
  assert.equal(await page.evaluate(() => window.__office.dialogs[0].closed), true);
  assert.equal((await fetch(`${env.api.base}/auth-dialog.html`)).status, 200);
  await context.close();
});

test("the ribbon's Insert AI addendum reports a failure in a dialog instead of failing silently", async () => {
  const { page, context } = await openPane(env.browser, env.api.base);
  await context.route("**/api/v1/analyze", (route) => route.abort("connectionrefused"));
  await page.goto(`${env.api.base}/commands.html`);
  await page.waitForFunction(() => window.__office?.associations?.has("insertAddendum"));
  await page.evaluate(() => {
    window.__completed = false;
    void window.__office.associations.get("insertAddendum")({ completed: () => { window.__completed = true; } });
  });
  await page.waitForFunction(() => window.__office.dialogs.length === 1);
  const url = await page.evaluate(() => window.__office.dialogs[0].url);
  assert.equal(new URL(url).searchParams.get("title"), "Could not insert the addendum: Service unreachable");
  assert.equal(await page.evaluate(() => window.__completed), false); // Office waits until the message is closed
  await page.evaluate(() => window.__office.dialogs[0].send("close"));
  await page.waitForFunction(() => window.__completed === true);
  // The dialog page itself shows the message (as text) and is accessible.
  const { page: dialog, context: dialogContext } = await openPane(env.browser, env.api.base);
  await dialog.goto(url.replace(/^https?:\/\/[^/]+/, env.api.base));
  await dialog.getByRole("heading", { name: /Could not insert the addendum/ }).waitFor();
  await axe(dialog, "ribbon command message");
  await dialogContext.close();
  await context.close();
});

test("a service that never answers: the scan times out with words for users and a retry that then goes through", async () => {
  const { page, context } = await openPane(env.browser, env.api.base);
  // The pane's own clock is driven by the test, so its 60-second limit passes without waiting for it.
  await context.clock.install();
  let hang = true;
  await context.route("**/api/v1/analyze", (route) => (hang ? undefined : route.continue()));
  await page.reload();
  await page.getByRole("button", { name: "Scan document" }).click();
  await page.getByText("Checking the clauses…").waitFor({ timeout: 20_000 });
  await page.clock.fastForward(61_000);
  await notice(page).getByText("No answer in time").waitFor({ timeout: 10_000 });
  const message = await notice(page).innerText();
  assert.match(message, /did not answer within 60 s\. Nothing was changed\. Try again/);
  assert.equal(await page.getByRole("button", { name: "Scan document" }).isEnabled(), true, "the pane is not frozen");
  await axe(page, "service timed out");
  hang = false;
  await notice(page).getByRole("button", { name: "Try again" }).click();
  await cardOf(page, "usage-scope").first().waitFor({ timeout: 20_000 });
  assert.equal(await notice(page).count(), 0);
  await context.close();
});

/** The analyze endpoint as a service requiring a token sees it: 401 unless the bearer is `token`. */
const requireBearer = (context, token) => context.route("**/api/v1/analyze", (route) => (route.request().headers()["authorization"] === `Bearer ${token}`
  ? route.continue()
  : route.fulfill({ status: 401, contentType: "application/problem+json", body: JSON.stringify({ status: 401, title: "Unauthorized" }) })));
const entra = (context) => context.route("**/api/v1/config", (route) => route.fulfill({ status: 200, contentType: "application/json", body: ENTRA_CONFIG }));
const naaRequests = (page) => page.evaluate(() => window.__naa.requests);

test("nested app authentication: Office signs the user in silently through its bridge and the scan carries the token", async () => {
  const { page, context } = await openPane(env.browser, env.api.base, { options: { sets: ["NestedAppAuth", "DialogApi"] }, naa: { silent: "token" } });
  await entra(context);
  await requireBearer(context, "naa-token");
  await page.reload();
  await page.getByRole("button", { name: "Scan document" }).click();
  await cardOf(page, "usage-scope").first().waitFor({ timeout: 20_000 });
  const requests = await naaRequests(page);
  assert.equal(requests[0], "GetInitContext");
  assert.ok(requests.includes("GetToken") && !requests.includes("GetTokenPopup"), JSON.stringify(requests));
  assert.equal(await page.evaluate(() => window.__office.dialogs.length), 0, "no dialog where Office has nested app authentication");
  await context.close();
});

test("nested app authentication: when Office needs the user, Sign in opens its window and the scan then goes through", async () => {
  const { page, context } = await openPane(env.browser, env.api.base, { options: { sets: ["NestedAppAuth", "DialogApi"] }, naa: { silent: "interactionRequired" } });
  await entra(context);
  await requireBearer(context, "naa-token");
  await page.reload();
  await page.getByRole("button", { name: "Scan document" }).click();
  await notice(page).getByText("Sign in needed").waitFor({ timeout: 20_000 });
  await axe(page, "sign-in needed");
  await notice(page).getByRole("button", { name: "Sign in" }).click();
  await cardOf(page, "usage-scope").first().waitFor({ timeout: 20_000 });
  assert.ok((await naaRequests(page)).includes("GetTokenPopup"));
  assert.equal(await page.evaluate(() => window.__office.dialogs.length), 0);
  await context.close();
});

test("nested app authentication: a sign-in window the user closes is said in words for users, with Sign in again", async () => {
  const { page, context } = await openPane(env.browser, env.api.base, { options: { sets: ["NestedAppAuth", "DialogApi"] }, naa: { silent: "interactionRequired", popup: "cancel" } });
  await entra(context);
  await requireBearer(context, "naa-token");
  await page.reload();
  await page.getByRole("button", { name: "Scan document" }).click();
  await notice(page).getByRole("button", { name: "Sign in" }).click();
  await notice(page).getByText("Sign-in did not finish").waitFor({ timeout: 20_000 });
  assert.doesNotMatch(await notice(page).innerText(), /user_cancel|ClientAuthError|Word reported/);
  assert.equal(await notice(page).getByRole("button", { name: "Sign in" }).count(), 1);
  await axe(page, "sign-in did not finish");
  await context.close();
});

/** Opens commands.html (the ribbon's function file) over the page's fake Word. */
async function openCommands(page) {
  await page.goto(`${env.api.base}/commands.html`);
  await page.waitForFunction(() => window.__office?.associations?.has("insertAddendum"));
}

/** Clicks the ribbon's Insert AI addendum once; resolves, after the user closed its message, with the message's URL. */
async function clickAddendumCommand(page) {
  const n = await page.evaluate(() => {
    window.__completed = false;
    const before = window.__office.dialogs.length;
    void window.__office.associations.get("insertAddendum")({ completed: () => { window.__completed = true; } });
    return before;
  });
  await page.waitForFunction((k) => window.__office.dialogs.length === k + 1, n, { timeout: 20_000 });
  const url = await page.evaluate((k) => window.__office.dialogs[k].url, n);
  await page.evaluate((k) => window.__office.dialogs[k].send("close"), n);
  await page.waitForFunction(() => window.__completed === true);
  return new URL(url);
}

test("the ribbon's Insert AI addendum: inserts once, tracked, and says so; a second click says it is already there", async () => {
  const { page, context } = await openPane(env.browser, env.api.base);
  await openCommands(page);
  const first = await clickAddendumCommand(page);
  assert.equal(first.searchParams.get("title"), "Addendum inserted");
  assert.match(first.searchParams.get("message"), /as tracked changes/);
  const state = await doc(page, () => ({ controls: window.__wordDoc.contentControls.map((c) => c.tag), original: window.__wordDoc.originalText(), mode: window.__wordDoc.trackingMode }));
  assert.deepEqual(state.controls, ["wordredline-ai-addendum"]);
  assert.deepEqual(state.original.filter((p) => p !== ""), contract);
  assert.equal(state.mode, "Off");
  const second = await clickAddendumCommand(page);
  assert.equal(second.searchParams.get("title"), "Addendum already there");
  assert.deepEqual(await doc(page, () => window.__wordDoc.contentControls.map((c) => c.tag)), ["wordredline-ai-addendum"]);
  await context.close();
});

test("the ribbon's Insert AI addendum on Word without tracked changes (WordApi 1.3): nothing goes in; it sends the user to the pane", async () => {
  const { page, context } = await openPane(env.browser, env.api.base, { options: { apiVersion: "1.3" } });
  await openCommands(page);
  const told = await clickAddendumCommand(page);
  assert.equal(told.searchParams.get("title"), "Open the WordRedline pane");
  assert.match(told.searchParams.get("message"), /cannot record the addendum as tracked changes/);
  assert.deepEqual(await doc(page, () => window.__wordDoc.acceptedText()), contract);
  assert.equal(await doc(page, () => window.__wordDoc.contentControls.length), 0);
  await context.close();
});
