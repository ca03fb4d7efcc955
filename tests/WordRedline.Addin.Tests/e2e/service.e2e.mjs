// The pane and the service around it: every manifest URL served (help pages included), the OpenAPI document the
// pane's contract is generated from equal to the running service's, sign-in that recovers when the service comes
// back and falls back to the Office dialog without nested app authentication, and the ribbon command reporting.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { addin, axe, cardOf, notice, openPane, repo, suiteEnvironment } from "./support.mjs";

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
  for (const page of ["index", "support", "privacy"]) {
    const { page: help, context } = await openPane(env.browser, env.api.base);
    await help.goto(`${env.api.base}/help/${page}.html`);
    await axe(help, `help page ${page}`);
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
