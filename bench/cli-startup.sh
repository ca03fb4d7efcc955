#!/usr/bin/env bash
# CLI start-up (issue 14): the median wall time of `wordredline analyze` on a one-paragraph file, against the same
# process answering `--version` (runtime start-up and argument parsing, no engine) measured in the same run, so a busy
# machine moves both. Prints both medians and their ratio; the bar is a median under 1 s.
#   bench/cli-startup.sh [RUNS]     (default 15)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-15}
dotnet build src/WordRedline.Cli -c Release -v q -nologo >/dev/null
cli=artifacts/bin/WordRedline.Cli/release/wordredline.dll
file=$(mktemp --suffix .txt)
trap 'rm -f "$file"' EXIT
echo 'Designer hereby grants Agency a perpetual, irrevocable licence to use the Deliverables for any and all purposes.' > "$file"

median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
timed() { local s e; s=$(date +%s%N); "$@" >/dev/null; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }

base=(); target=()
for _ in $(seq "$runs"); do
  # Alternate the two so that load on a shared machine falls on both alike.
  base+=("$(timed dotnet "$cli" --version)")
  target+=("$(timed dotnet "$cli" analyze "$file" --format json)")
done
b=$(printf '%s\n' "${base[@]}" | median)
t=$(printf '%s\n' "${target[@]}" | median)
echo "cli --version median ${b} ms; analyze one paragraph median ${t} ms (${runs} runs each)"
awk -v b="$b" -v t="$t" 'BEGIN { printf "ratio analyze/--version = %.2f; analyze under 1 s: %s\n", t / b, (t < 1000 ? "yes" : "NO") }'
