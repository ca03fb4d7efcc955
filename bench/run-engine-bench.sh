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
# The Stopwatch modes time a few calls each: without this the JIT's profile-guided recompilation, which comes in
# phases well after a warm-up, can land inside them (seen here: the first case of "parts --quick" 3-4x slow).
# BenchmarkDotNet's own warm-up and many iterations absorb it, so the ratio run keeps the default JIT.
if [[ " $* " == *" --quick "* ]]; then
  export DOTNET_TieredPGO=0
fi
exec dotnet run -c Release --project bench/WordRedline.Benchmarks \
  --artifacts-path "${WORDREDLINE_BENCH_ARTIFACTS:-${TMPDIR:-/tmp}/wordredline-bench}" -- "$set" "$@"
