// The browser end-to-end suite's entry point (npm run test:e2e): builds the API once, then runs every *.e2e.mjs spec
// one at a time (each starts its own API process and browser) with node's test runner.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, "../../..");
if (!existsSync(path.join(repo, "src/WordRedline.Addin/dist/taskpane.html"))) {
  console.error("Build the add-in first: npm run build --prefix src/WordRedline.Addin");
  process.exit(1);
}
let dll = process.env.WR_API_DLL;
if (!dll) {
  const out = path.join(os.tmpdir(), "wr-addin-e2e-api");
  const build = spawnSync("dotnet", ["build", path.join(repo, "src/WordRedline.Api"), "--artifacts-path", out, "-v", "q", "-nologo", "-p:BuildAddin=false"], { stdio: "inherit" });
  if (build.status !== 0) process.exit(build.status ?? 1);
  dll = path.join(out, "bin/WordRedline.Api/debug/WordRedline.Api.dll");
}
rmSync(path.resolve(here, "../artifacts/axe.jsonl"), { force: true });
const specs = readdirSync(here).filter((f) => f.endsWith(".e2e.mjs")).sort().map((f) => path.join(here, f));
const only = process.argv.slice(2);
const run = spawnSync(process.execPath, ["--test", "--test-concurrency=1", "--test-reporter=spec", ...(only.length ? specs.filter((s) => only.some((o) => s.includes(o))) : specs)], {
  stdio: "inherit", env: { ...process.env, WR_API_DLL: dll },
});
process.exit(run.status ?? 1);
