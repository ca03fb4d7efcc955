// Shared by the browser end-to-end specs: the real WordRedline API process, Debian's Chromium (playwright-core, no
// browser download), the office.js CDN request answered by a bundle that installs the in-memory fake Word seeded
// by each test, and axe-core run in the page. The API is built once by run.mjs (WR_API_DLL).
import assert from "node:assert/strict";
import { after, before } from "node:test";
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { appendFileSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
export const repo = path.resolve(here, "../../..");
export const addin = path.join(repo, "src/WordRedline.Addin");
export const dist = path.join(addin, "dist");
export const artifacts = path.resolve(here, "../artifacts");
const requireFromAddin = createRequire(path.join(addin, "package.json"));
const load = (name) => import(pathToFileURL(requireFromAddin.resolve(name)).href);

export const contract = JSON.parse(readFileSync(path.join(here, "contract.json"), "utf8")).paragraphs;

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

/** Starts the real API (local mode, plain HTTP on loopback) and waits until it is healthy. */
export async function startApi(port) {
  const dll = process.env.WR_API_DLL;
  assert.ok(dll, "Run the e2e suite through run.mjs (it builds the API once and sets WR_API_DLL).");
  const base = `http://127.0.0.1:${port ?? (await freePort())}`;
  const log = [];
  const versions = path.join(os.tmpdir(), `wr-e2e-versions-${process.pid}-${base.split(":").pop()}.db`);
  const child = spawn("dotnet", [dll], {
    cwd: path.dirname(dll), // its own appsettings.json, as when deployed
    env: {
      ...process.env,
      ASPNETCORE_ENVIRONMENT: "Development",
      Kestrel__Endpoints__Https__Url: base,
      WordRedline__Addin__Path: dist,
      WordRedline__Addin__ManifestPath: path.join(repo, "addin-manifest/manifest.xml"),
      // Contract versions in a file of this service's own, not the user's data folder.
      WordRedline__Versions__ConnectionString: `Data Source=${versions}`,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout.on("data", (d) => log.push(String(d)));
  child.stderr.on("data", (d) => log.push(String(d)));
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`The API exited early:\n${log.join("")}`);
    try {
      if ((await fetch(`${base}/healthz`)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((r) => child.once("exit", r));
    child.kill("SIGTERM");
    await exited;
    for (const file of [versions, `${versions}-wal`, `${versions}-shm`]) rmSync(file, { force: true });
  };
  return { base, port: Number(new URL(base).port), stop, log };
}

/** A spec's real API process and browser, started before its tests and stopped after them. */
export function suiteEnvironment() {
  const env = { api: null, browser: null };
  before(async () => {
    [env.api, env.browser] = await Promise.all([startApi(), launchBrowser()]);
  });
  after(async () => {
    await env.browser?.close();
    await env.api?.stop();
  });
  return env;
}

let stubCode = null;
/** The office.js stand-in: the fake Word bundled for the browser. */
export async function officeStub() {
  if (stubCode) return stubCode;
  const { build } = await load("vite");
  const result = await build({
    configFile: false, logLevel: "silent", root: addin,
    build: { write: false, minify: false, lib: { entry: path.join(here, "officeStub.ts"), formats: ["iife"], name: "WordRedlineOfficeStub" } },
  });
  stubCode = (Array.isArray(result) ? result[0] : result).output[0].code;
  return stubCode;
}

export async function launchBrowser() {
  const playwright = await load("playwright-core"); // CommonJS: named exports may sit on default
  const chromium = playwright.chromium ?? playwright.default.chromium;
  return chromium.launch({ executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium", args: ["--no-sandbox"] });
}

/**
 * Opens the pane in a new browser context over a fake Word seeded with `paragraphs` and fake-document `options`
 * (apiVersion, profile, officeTheme, trackingMode, ...) and, with `naa`, Office's nested app authentication bridge
 * (fakes/fakeNaa.ts); the page is window.__wordDoc for the test to edit.
 */
export async function openPane(browser, base, { paragraphs = contract, options = {}, naa, query = "", colorScheme, forcedColors } = {}) {
  const stub = await officeStub();
  const context = await browser.newContext({ viewport: { width: 400, height: 900 }, deviceScaleFactor: 1, colorScheme, forcedColors });
  await context.route("https://appsforoffice.microsoft.com/**", (route) => route.fulfill({ status: 200, contentType: "application/javascript", body: stub }));
  await context.addInitScript(({ paragraphs, options, naa }) => {
    window.__WR_SEED__ = { paragraphs, options, ...(naa ? { naa } : {}) };
  }, { paragraphs, options, naa: naa ?? null });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(`${base}/taskpane.html${query}`);
  return { page, context, errors };
}

let axeSource = null;
/** Runs axe-core (WCAG 2.0-2.2 A/AA rules) on the page; asserts no serious or critical violation; logs the counts. */
export async function axe(page, state) {
  axeSource ??= readFileSync(requireFromAddin.resolve("axe-core/axe.min.js"), "utf8");
  // page.evaluate is not subject to the page's Content-Security-Policy, so the service's real headers stay on.
  await page.evaluate(axeSource);
  const run = async () => {
    // Colours are judged at rest: wait for Fluent's colour transitions (a button just enabled fades in) to finish; an
    // endless animation (an indeterminate progress bar) never does and is not waited for.
    await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== "running" || a.effect?.getTiming().iterations === Infinity), null, { timeout: 10_000, polling: 50 });
    return page.evaluate(async () => {
      const r = await window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] } });
      return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length, target: v.nodes[0]?.target?.join(" "), html: v.nodes[0]?.html?.slice(0, 200), why: v.nodes[0]?.any?.[0]?.message }));
    });
  };
  let result = await run();
  if (result.some((v) => v.id === "color-contrast")) {
    // On a loaded machine a busy phase can end between the wait and the scan, catching buttons mid-way from their
    // disabled colours; a real contrast fault is still there half a second later, so judge that second reading.
    await page.waitForTimeout(500);
    result = await run();
  }
  mkdirSync(artifacts, { recursive: true });
  appendFileSync(path.join(artifacts, "axe.jsonl"), `${JSON.stringify({ state, violations: result })}\n`);
  const serious = result.filter((v) => v.impact === "serious" || v.impact === "critical");
  assert.deepEqual(serious, [], `axe (${state}): ${JSON.stringify(serious)}`);
  return result;
}

export const cards = (page) => page.locator('[data-testid="finding-card"]');
export const cardOf = (page, category) => page.locator(`[data-testid="finding-card"][data-category="${category}"]`);
export const notice = (page) => page.locator('[data-testid="notice"]');
export const doc = (page, fn, arg) => page.evaluate(fn, arg);
export const shot = (page, name) => page.screenshot({ path: path.join(artifacts, name), fullPage: true });
