#!/usr/bin/env bash
# Benchmarks (figures printed next to the budgets of BENCHMARKS.md; nothing here fails on a budget):
#   1. release build of the site (dist/), as scripts/serve.sh does;
#   2. seeded synthetic datasets 10× and 100× larger (cargo run -p policy-dataset --bin dataset -- generate), validated;
#   3. bench-only sites with those datasets bundled instead of the real one (target/bench/dist-<n>x/);
#   4. browser benchmarks in headless Chromium (node bench-browser/run.mjs): transfer sizes, throttled load
#      against a static copy of the home page, interaction times and memory at every scale;
#   5. native criterion benchmarks of the core operations (cargo bench --bench core) and their growth table.
# Not part of scripts/test.sh (it takes several minutes). Environment knobs:
#   BENCH_SCALES="10 100"   dataset scales for the browser runs ("" = the real data only)
#   BENCH_LOAD_RUNS=7       throttled loads of each page (medians reported)
#   BENCH_SAMPLES=30        samples per interaction on the real data (BENCH_LARGE_SAMPLES=12 on larger ones)
#   BENCH_NATIVE=1          0 skips the criterion benchmarks; BENCH_BROWSER=0 skips the browser ones
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
. scripts/setup.sh

SCALES="${BENCH_SCALES-10 100}"
BENCH="$ROOT/target/bench"
mkdir -p "$BENCH"
step() { printf '\n\033[1;32m==> %s\033[0m\n' "$*" >&2; }

step "release build (dist/)"
trunk build --release --offline

scale_args=()
for scale in $SCALES; do
  step "synthetic dataset ${scale}× (seed 1) and a bench-only site with it bundled"
  scripts/variant.sh "$scale"
  scale_args+=(--scale "${scale}=$BENCH/dist-${scale}x")
done

if [ "${BENCH_BROWSER:-1}" != 0 ]; then
  step "browser benchmarks (headless Chromium)"
  node bench-browser/run.mjs "${scale_args[@]}" \
    --load-runs "${BENCH_LOAD_RUNS:-7}" --samples "${BENCH_SAMPLES:-30}" --large-samples "${BENCH_LARGE_SAMPLES:-12}" \
    | tee "$BENCH/browser.txt"
fi

if [ "${BENCH_NATIVE:-1}" != 0 ]; then
  step "native core benchmarks (criterion)"
  cargo bench --locked --bench core
  node bench-browser/native.mjs | tee "$BENCH/native.txt"
fi
step "done: figures in target/bench/browser.txt, target/bench/native.txt and target/bench/results.json"
