// Browser end-to-end suite: the built task pane, served by the REAL WordRedline API process, in Debian's Chromium
// (playwright-core, no browser download). Only the office.js CDN request is answered by a stub, which installs the
// in-memory fake Word seeded with a realistic contract. Run: npm run test:e2e --prefix src/WordRedline.Addin
// (after npm run build). Environment: CHROMIUM (default /usr/bin/chromium), WR_API_DLL (a prebuilt
// WordRedline.Api.dll; default: build it with dotnet into a private artifacts folder).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, "../../..");
const addin = path.join(repo, "src/WordRedline.Addin");
const dist = path.join(addin, "dist");
const artifacts = path.resolve(here, "../artifacts");
// The packages live in the add-in's node_modules; resolve them from there.
const requireFromAddin = createRequire(path.join(addin, "package.json"));
const load = (name) => import(pathToFileURL(requireFromAddin.resolve(name)).href);

const contract = JSON.parse(readFileSync(path.join(here, "contract.json"), "utf8")).paragraphs;

let api; // the API child process
let base; // http://127.0.0.1:port
let browser;
let page;
const apiLog = [];

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

function apiDll() {
  if (process.env.WR_API_DLL) return process.env.WR_API_DLL;
  const out = path.join(os.tmpdir(), "wr-addin-e2e-api");
  const build = spawnSync("dotnet", ["build", path.join(repo, "src/WordRedline.Api"), "--artifacts-path", out, "-v", "q", "-nologo"], {
    encoding: "utf8",
  });
  if (build.status !== 0) throw new Error(`dotnet build of the API failed:\n${build.stdout}\n${build.stderr}`);
  return path.join(out, "bin/WordRedline.Api/debug/WordRedline.Api.dll");
}

async function startApi() {
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  const dll = apiDll();
  api = spawn("dotnet", [dll], {
    cwd: path.dirname(dll), // its own appsettings.json, as when deployed
    env: {
      ...process.env,
      ASPNETCORE_ENVIRONMENT: "Development",
      // Plain HTTP on loopback for the test: no dev-certificate prompts. Local mode (no AzureAd:ClientId).
      Kestrel__Endpoints__Https__Url: base,
      WordRedline__Addin__Path: dist,
      WordRedline__Addin__ManifestPath: path.join(repo, "addin-manifest/manifest.xml"),
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  api.stdout.on("data", (d) => apiLog.push(String(d)));
  api.stderr.on("data", (d) => apiLog.push(String(d)));
  for (let i = 0; i < 200; i++) {
    if (api.exitCode !== null) throw new Error(`The API exited early:\n${apiLog.join("")}`);
    try {
      if ((await fetch(`${base}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`The API did not become healthy:\n${apiLog.join("")}`);
}

async function stopApi() {
  if (!api || api.exitCode !== null) return;
  const exited = new Promise((r) => api.once("exit", r));
  api.kill("SIGTERM");
  await exited;
}

async function bundleOfficeStub() {
  const { build } = await load("vite");
  const result = await build({
    configFile: false,
    logLevel: "silent",
    root: addin,
    build: {
      write: false,
      minify: false,
      lib: { entry: path.join(here, "officeStub.ts"), formats: ["iife"], name: "WordRedlineOfficeStub" },
    },
  });
  const output = (Array.isArray(result) ? result[0] : result).output;
  return output[0].code;
}

const doc = (fn, arg) => page.evaluate(fn, arg);
const cards = () => page.locator('[data-testid="finding-card"]');
const cardOf = (category) => page.locator(`[data-testid="finding-card"][data-category="${category}"]`);
const notice = () => page.locator('[data-testid="notice"]');
const shot = (name) => page.screenshot({ path: path.join(artifacts, name), fullPage: true });

before(async () => {
  assert.ok(existsSync(path.join(dist, "taskpane.html")), "Build the add-in first: npm run build --prefix src/WordRedline.Addin");
  mkdirSync(artifacts, { recursive: true });
  const [stub] = await Promise.all([bundleOfficeStub(), startApi()]);
  const playwright = await load("playwright-core"); // CommonJS: named exports may sit on default
  const chromium = playwright.chromium ?? playwright.default.chromium;
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium", args: ["--no-sandbox"] });
  const context = await browser.newContext({ viewport: { width: 400, height: 900 }, deviceScaleFactor: 1 });
  await context.route("https://appsforoffice.microsoft.com/**", (route) =>
    route.fulfill({ status: 200, contentType: "application/javascript", body: stub }));
  await context.addInitScript((paragraphs) => {
    window.__WR_SEED__ = { paragraphs, options: { apiVersion: "1.6" } };
  }, contract);
  page = await context.newPage();
  page.on("pageerror", (e) => apiLog.push(`[page error] ${e.message}\n`));
});

after(async () => {
  await browser?.close();
  await stopApi();
});

test("every manifest URL is served by the running service", async () => {
  const manifest = readFileSync(path.join(repo, "addin-manifest/manifest.xml"), "utf8");
  const urls = [...new Set([...manifest.matchAll(/DefaultValue="(https:\/\/localhost:5443[^"]*)"/g)].map((m) => m[1]))];
  assert.ok(urls.length >= 8, `expected the manifest's URLs, found ${urls.length}`);
  for (const url of urls) {
    const local = url.replace("https://localhost:5443", base);
    const response = await fetch(local);
    assert.equal(response.status, 200, `${url} -> ${local}`);
  }
  const icon = await fetch(`${base}/assets/icon-80.png`);
  assert.equal(icon.headers.get("content-type"), "image/png");
});

test("the ribbon's Scan opens the pane and scans: cards, grade and checklist", async () => {
  await page.goto(`${base}/taskpane.html?action=scan`);
  await cardOf("usage-scope").first().waitFor({ timeout: 20_000 });
  const categories = await cards().evaluateAll((els) => els.map((e) => e.getAttribute("data-category")));
  for (const c of ["usage-scope", "license-breadth", "derivative-works", "ai-training", "data-sharing", "moral-rights"]) {
    assert.ok(categories.includes(c), `no ${c} card in ${categories.join(", ")}`);
  }
  assert.match(await page.locator('[data-testid="grade"]').innerText(), /^[A-F]$/);
  assert.equal(await page.getByRole("list", { name: "Protections" }).locator("li").count(), 5);
  assert.match(await page.locator('[data-testid="party"]').innerText(), /Designer/);
  assert.equal(await page.getByTestId("live").count(), 1);
  await shot("after-scan.png");
  await page.screenshot({ path: path.join(artifacts, "pane.png") }); // the first screen, for the README
});

test("Accept writes tracked changes with a comment and only the changed words", async () => {
  const card = cardOf("usage-scope").first();
  await card.getByRole("button", { name: /^Accept: / }).click();
  await page.getByTestId("accepted").first().waitFor();
  const changes = await doc(() => window.__wordDoc.trackedChanges());
  assert.ok(changes.some((c) => c.type === "Deleted" && c.text.includes("any and all")), JSON.stringify(changes));
  assert.ok(changes.some((c) => c.type === "Added" && c.text.includes("sole purpose")), JSON.stringify(changes));
  assert.ok(changes.every((c) => c.text.length < 200), "a change marked a whole paragraph");
  assert.equal(await doc(() => window.__wordDoc.comments.length), 1);
  assert.deepEqual(await doc(() => window.__wordDoc.originalText()), contract);
  assert.equal(await doc(() => window.__wordDoc.trackingMode), "Off");
});

test("Undo on an accepted card rejects its changes", async () => {
  await page.getByTestId("accepted").first().getByRole("button", { name: /^Undo: / }).click();
  await page.getByTestId("accepted").first().waitFor({ state: "detached" });
  assert.deepEqual(await doc(() => window.__wordDoc.trackedChanges()), []);
  assert.deepEqual(await doc(() => window.__wordDoc.acceptedText()), contract);
  await cardOf("usage-scope").first().waitFor();
});

test("Accept all applies every suggestion; rejecting all restores the contract", async () => {
  await page.getByRole("button", { name: /^Accept all/ }).click();
  await page.locator('[data-testid="notice"]').waitFor({ timeout: 20_000 });
  assert.equal(await notice().getAttribute("data-intent"), "success", await notice().innerText());
  assert.ok((await page.getByTestId("accepted").count()) >= 5);
  const accepted = await doc(() => window.__wordDoc.acceptedText());
  assert.ok(!accepted.join("\n").includes("for any and all purposes"));
  assert.ok(accepted.some((p) => p.includes("machine learning") && /not|shall not/.test(p)));
  assert.deepEqual(await doc(() => window.__wordDoc.originalText()), contract);
  // The live re-scan catches up with the changes: no open high-risk usage-scope card remains.
  await page.waitForFunction(() => !document.querySelector('[data-testid="finding-card"][data-category="usage-scope"]'), null, { timeout: 10_000 });
  await shot("after-accept-all.png");
});

test("an addendum insertion that fails halfway leaves nothing behind", async () => {
  const before = await doc(() => window.__wordDoc.acceptedText());
  // Word refuses a command after the clauses are in (a list could not be joined): the whole insertion must go.
  await doc(() => window.__wordDoc.failOn("Paragraph.attachToList", 3));
  await page.getByRole("button", { name: "Insert AI addendum" }).click();
  await page.locator('[data-testid="notice"][data-intent="error"]').waitFor({ timeout: 20_000 });
  const after = await doc(() => ({ text: window.__wordDoc.acceptedText(), controls: window.__wordDoc.contentControls.length }));
  assert.equal(after.controls, 0);
  assert.deepEqual(after.text.filter((p) => p !== ""), before.filter((p) => p !== ""));
  assert.ok(!after.text.some((p) => /AI Protection Addendum/.test(p)));
});

test("Insert AI addendum twice gives one copy, tracked, numbered, in its content control", async () => {
  await page.getByRole("button", { name: "Insert AI addendum" }).click();
  await page.getByText("Addendum inserted").waitFor({ timeout: 20_000 });
  await page.getByRole("button", { name: "Insert AI addendum" }).click();
  await page.getByText("Addendum already there").waitFor();
  const state = await doc(() => ({
    controls: window.__wordDoc.contentControls.map((c) => c.tag),
    text: window.__wordDoc.acceptedText(),
    original: window.__wordDoc.originalText(),
  }));
  assert.deepEqual(state.controls, ["wordredline-ai-addendum"]);
  assert.equal(state.text.filter((p) => /AI Protection Addendum/i.test(p) && p.length < 60).length, 1, state.text.join("\n"));
  assert.ok(state.text.some((p) => p.includes("forms part of this Agreement")));
  // The numbered clauses are numbered by a list the add-in created, under Word's strict style names.
  const labels = await doc(() => window.__wordDoc.listLabels().filter((l) => l !== null));
  assert.deepEqual(labels, ["1.", "2.", "3.", "4.", "5.", "6.", "7.", "8.", "9."]);
  assert.deepEqual(state.original.filter((p) => p !== ""), contract);
});

test("editing a paragraph updates the findings live", async () => {
  await doc(() => window.__wordDoc.userReplaceParagraph(9, "9. Publicity. The Agency may use the Deliverables for any purpose whatsoever, without restriction."));
  await page.locator('[data-testid="finding-card"]', { hasText: "for any purpose" }).first().waitFor({ timeout: 5_000 });
});

test("when the service stops, the pane says so and offers a retry", async () => {
  await stopApi();
  await doc(() => window.__wordDoc.userReplaceParagraph(2, "1. Services. The Designer will create the illustrations described in each statement of work."));
  await page.locator('[data-testid="notice"][data-intent="error"]').waitFor({ timeout: 10_000 });
  assert.match(await notice().innerText(), /Service unreachable/);
  assert.equal(await notice().getByRole("button", { name: "Try again" }).count(), 1);
  await shot("service-down.png");
});
