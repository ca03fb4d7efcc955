// Writes a production manifest: addin-manifest/manifest.xml with the local origin swapped for the hosting one.
// Usage: node scripts/production-manifest.mjs https://wordredline.example.com [out-file]
// (default out-file: dist/manifest.xml, next to the pane the service hosts).
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const LOCAL_ORIGIN = "https://localhost:5443";
const here = path.dirname(fileURLToPath(import.meta.url));
const [origin, out = path.join(here, "../dist/manifest.xml")] = process.argv.slice(2);

let url;
try {
  url = new URL(origin ?? "");
} catch {
  console.error("usage: production-manifest.mjs https://host[:port] [out-file]");
  process.exit(2);
}
if (url.protocol !== "https:" || url.pathname !== "/" || url.search || url.hash) {
  console.error(`The origin must be https://host[:port] with nothing after it; got ${origin}`);
  process.exit(2);
}

const manifest = readFileSync(path.join(here, "../../../addin-manifest/manifest.xml"), "utf8");
const swapped = manifest.replaceAll(LOCAL_ORIGIN, url.origin);
mkdirSync(path.dirname(out), { recursive: true });
writeFileSync(out, swapped);
console.log(`${out}: ${manifest.split(LOCAL_ORIGIN).length - 1} URLs now on ${url.origin}`);
