#!/usr/bin/env bash
# The hostile-load probe (issue 13): builds the API in Release, starts it as a real process in Production on loopback
# (a fresh process per section), and prints each bar with its measured figure and PASS/FAIL:
# 32 concurrent 31 MB uploads (peak RSS, RSS 30 s later, every answer a 4xx/503 problem), the same with valid .docx
# packages past the rate limit (the concurrency gate alone), a small analyze's p99 while eight redlines run, SIGTERM
# during uploads (no 500), Production headers, Host filtering, field limits, bad inputs and hostile files, CORS,
# Entra tokens and outages against a fake identity provider (up, refusing, failing, hanging), bad settings at start-up.
# Needs python3 and openssl (throw-away certificates, token signatures). Takes about seven minutes.
#   bench/hostile.sh                      # every section
#   bench/hostile.sh memory,latency       # some: production, entra, settings, memory, gate, latency, sigterm
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

echo "== build (Release)"
dotnet build "$repo/src/WordRedline.Api" -c Release --artifacts-path "$work/artifacts" -nologo >"$work/build.log" 2>&1 \
  || { grep -E 'error|Error' "$work/build.log" >&2; exit 1; }
openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj "/CN=127.0.0.1" \
  -keyout "$work/key.pem" -out "$work/cert.pem" >/dev/null 2>&1

python3 "$repo/bench/hostile/probe.py" "$work/artifacts/bin/WordRedline.Api/release/WordRedline.Api.dll" \
  "$repo/src/WordRedline.Api" "$work/cert.pem" "$work/key.pem" ${1:+"$1"}
