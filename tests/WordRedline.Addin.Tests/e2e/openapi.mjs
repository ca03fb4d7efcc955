// Writes the running service's OpenAPI document to src/WordRedline.Api/openapi/v1.json (npm run contract:update):
// builds the API, starts it on a free loopback port, saves /swagger/v1/swagger.json, stops it.
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { repo, startApi } from "./support.mjs";

if (!process.env.WR_API_DLL) {
  const out = path.join(os.tmpdir(), "wr-addin-e2e-api");
  const build = spawnSync("dotnet", ["build", path.join(repo, "src/WordRedline.Api"), "--artifacts-path", out, "-v", "q", "-nologo", "-p:BuildAddin=false"], { stdio: "inherit" });
  if (build.status !== 0) process.exit(build.status ?? 1);
  process.env.WR_API_DLL = path.join(out, "bin/WordRedline.Api/debug/WordRedline.Api.dll");
}
const api = await startApi();
try {
  const document = await (await fetch(`${api.base}/swagger/v1/swagger.json`)).json();
  writeFileSync(path.join(repo, "src/WordRedline.Api/openapi/v1.json"), `${JSON.stringify(document, null, 2)}\n`);
  console.log("src/WordRedline.Api/openapi/v1.json updated");
} finally {
  await api.stop();
}
