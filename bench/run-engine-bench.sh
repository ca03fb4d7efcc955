#!/usr/bin/env bash
# Engine benchmarks in Release (issue 2, items 9 and 10).
#   bench/run-engine-bench.sh                analyze vs. deserialize; the last line is "ratio analyze/deserialize = X.XX"
#   bench/run-engine-bench.sh --quick        50 timed analyze calls, a sanity figure in ms per 60,000-word contract
#   bench/run-engine-bench.sh parts [--quick]  hostile and split inputs at full and quarter size
# Builds into its own artifacts folder so a benchmark never fights a concurrent Debug build of the same projects.
set -euo pipefail
cd "$(dirname "$0")/.."
set=engine
if [[ "${1:-}" == parts ]]; then
  set=engine-parts
  shift
fi
exec dotnet run -c Release --project bench/WordRedline.Benchmarks \
  --artifacts-path "${WORDREDLINE_BENCH_ARTIFACTS:-${TMPDIR:-/tmp}/wordredline-bench}" -- "$set" "$@"
