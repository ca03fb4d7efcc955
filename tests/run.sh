#!/usr/bin/env bash
# Runs every test WordRedline has: the add-in build and unit tests, all .NET test projects, the engine's evaluation
# on the labeled corpus, and the browser end-to-end suite against the real API process.
# Needs: .NET SDK 10, Node 20 with npm, and (installed by .ci/run) chromium, pandoc, libreoffice-writer, python3-uno.
set -euo pipefail
cd "$(dirname "$0")/.."
addin=src/WordRedline.Addin

echo "== add-in: install, build (the API serves this build), unit and fake-Word tests"
npm ci --prefix "$addin" --no-audit --no-fund
npm run build --prefix "$addin"
npm test --prefix "$addin"

echo "== .NET: build and every test project"
dotnet build WordRedline.sln -c Release
dotnet test --solution WordRedline.sln -c Release --no-build

echo "== engine evaluation on the labeled dev corpus"
if [ -d ../shared/corpus/dev ]; then
  dotnet artifacts/bin/WordRedline.Cli/release/wordredline.dll eval ../shared/corpus/dev --min-f1 0.85 --min-recall 0.80
else
  echo "skipped: ../shared/corpus/dev is absent"
fi

echo "== add-in: browser end-to-end against the real API"
npm run test:e2e --prefix "$addin"
