import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { AnalyzeRequest, AnalyzeResponse } from "../../../src/WordRedline.Addin/src/api/contract";

// The real engine, through the lead's CLI (`wordredline analyze FILE... --format json`, one JSON document a line).
// Set WR_CLI to a built wordredline.dll to skip the build.

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

let cli: string | null = null;

function cliPath(): string {
  if (process.env.WR_CLI) return process.env.WR_CLI;
  if (cli) return cli;
  const out = path.join(os.tmpdir(), "wr-addin-tests-cli");
  const build = spawnSync("dotnet", ["build", path.join(repoRoot, "src/WordRedline.Cli"), "--artifacts-path", out, "-v", "q", "-nologo"], { encoding: "utf8" });
  if (build.status !== 0) throw new Error(`dotnet build of the CLI failed:\n${build.stdout}\n${build.stderr}`);
  cli = path.join(out, "bin/WordRedline.Cli/debug/wordredline.dll");
  return cli;
}

/** Analyzes each request with the real engine in one CLI run. */
export function analyzeWithEngine(requests: readonly AnalyzeRequest[]): AnalyzeResponse[] {
  const dir = mkdtempSync(path.join(os.tmpdir(), "wr-addin-requests-"));
  const files = requests.map((r, i) => {
    const file = path.join(dir, `${String(i).padStart(3, "0")}.json`);
    writeFileSync(file, JSON.stringify(r));
    return file;
  });
  const run = spawnSync("dotnet", [cliPath(), "analyze", ...files, "--format", "json"], { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(`wordredline analyze failed (${run.status}): ${run.stderr}`);
  const lines = run.stdout.split("\n").filter((l) => l.trim().startsWith("{"));
  if (lines.length !== requests.length) throw new Error(`expected ${requests.length} JSON documents, got ${lines.length}`);
  return lines.map((l) => JSON.parse(l) as AnalyzeResponse);
}
