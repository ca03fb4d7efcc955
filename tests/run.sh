#!/usr/bin/env bash
# Runs every test WordRedline has, after installing what they need (tests/setup.sh): the add-in build and unit tests,
# all .NET test projects, the engine's evaluation on the labeled corpora, and the browser end-to-end suite against the
# real API process. Needs .NET SDK 10 and Node 20 with npm; the rest it installs (as root) or names.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
source tests/setup.sh
wordredline_setup

addin=src/WordRedline.Addin

echo "== add-in: install, build (the API serves this build), unit and fake-Word tests"
npm ci --prefix "$addin" --no-audit --no-fund
npm run build --prefix "$addin"
npm test --prefix "$addin"

echo "== PostgreSQL: a throw-away cluster, so the versions suites run on PostgreSQL as well as SQLite (stopped on exit)"
source tests/postgres.sh
wordredline_postgres_start

echo "== .NET: build and every test project"
dotnet build WordRedline.sln -c Release
dotnet test --solution WordRedline.sln -c Release --no-build

echo "== engine evaluation on the labeled corpora (../shared/corpus, beside the checkout)"
bash tests/eval.sh

echo "== add-in: browser end-to-end against the real API"
npm run test:e2e --prefix "$addin"
