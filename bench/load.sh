#!/usr/bin/env bash
# Load test of POST /api/v1/analyze: starts the API in Release on loopback (plain HTTP), posts a realistic
# ~300-paragraph contract at a fixed rate for a fixed time with wrk, and prints requests/s, p50/p99 latency,
# the error count and the service's RSS before and after. Needs wrk and python3 (apt-get install -y wrk).
#   bench/load.sh                      # 200 requests/s for 30 s, 8 connections
#   RATE=400 DURATION=60 bench/load.sh
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rate="${RATE:-200}" duration="${DURATION:-30}" connections="${CONNECTIONS:-8}" threads="${THREADS:-2}"
paragraphs="${PARAGRAPHS:-300}" port="${PORT:-5480}"
work="$(mktemp -d)"
server=""
cleanup() {
  if [[ -n "$server" ]]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }

echo "== build (Release)"
dotnet build "$repo/src/WordRedline.Api" -c Release --artifacts-path "$work/artifacts" -nologo >"$work/build.log" 2>&1 \
  || { grep -E 'error|Error' "$work/build.log" >&2; exit 1; }

python3 "$repo/bench/load/make-contract.py" "$paragraphs" "$repo/../shared/corpus/dev" >"$work/request.json"
echo "request:      $(wc -c <"$work/request.json") bytes"

echo "== start on http://127.0.0.1:$port"
# One client address sends everything here, so the per-client rate limit is raised for the run; the log goes
# to a file as it would under a service manager.
(
  cd "$repo/src/WordRedline.Api"
  ASPNETCORE_ENVIRONMENT=Production \
  WordRedline__RateLimit__Analyze__TokensPerPeriod=1000000 WordRedline__RateLimit__Analyze__BurstLimit=1000000 \
  exec dotnet "$work/artifacts/bin/WordRedline.Api/release/WordRedline.Api.dll" \
    --Kestrel:Endpoints:Https:Url="http://127.0.0.1:$port" >"$work/service.log" 2>&1
) &
server=$!
for _ in $(seq 1 100); do
  curl -sf "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
  kill -0 "$server" 2>/dev/null || { cat "$work/service.log" >&2; exit 1; }
  sleep 0.2
done
status="$(curl -s -o "$work/first.json" -w '%{http_code}' -H 'Content-Type: application/json' \
  --data-binary "@$work/request.json" "http://127.0.0.1:$port/api/v1/analyze")"
[[ "$status" == 200 ]] || { echo "analyze answered $status" >&2; cat "$work/first.json" >&2; exit 1; }
python3 - "$work/first.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
print(f"response:     {len(r['findings'])} findings, {len(r['documentFindings'])} document findings, score {r['score']} ({r['grade']})")
PY

rss() { awk '/VmRSS/ { printf "%.1f MB", $2 / 1024 }' "/proc/$server/status"; }
export BODY_FILE="$work/request.json" RATE="$rate" THREADS="$threads"
url="http://127.0.0.1:$port/api/v1/analyze"
echo "rss start:    $(rss)"
echo "== warm-up: 5 s at $rate requests/s"
wrk -t "$threads" -c "$connections" -d 5s -s "$repo/bench/load/paced-post.lua" "$url" >/dev/null
echo "rss before:   $(rss)"
echo "== load: $duration s at $rate requests/s, $connections connections, $threads wrk threads"
logged_before="$(wc -l <"$work/service.log")"
wrk -t "$threads" -c "$connections" -d "${duration}s" --timeout 5s -s "$repo/bench/load/paced-post.lua" "$url" \
  | grep -E '^(requests|latency|errors):'
echo "rss after:    $(rss)"
sleep 1 # the console logger writes from a queue
# The service's own "Analyzed ... in X ms" lines: the engine's share of the latency above.
tail -n +"$((logged_before + 1))" "$work/service.log" | grep -o 'paragraphs ([0-9]* characters) in [0-9.]* ms' \
  | awk '{ print $5 }' | sort -n | awk '
      function at(q,  i) { i = int(NR * q) + 1; return v[i > NR ? NR : i] }
      { v[NR] = $1 }
      END { if (NR) printf "engine:       p50 %.2f ms, p99 %.2f ms per request (%d analyses, from the service log)\n", at(0.5), at(0.99), NR }'
echo "machine:      $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) (1/5/15 min); wrk shares the cores with the service"
