#!/usr/bin/env bash
# A site built with a seeded synthetic dataset N× larger in place of the real one, for the
# benchmarks (scripts/bench.sh) and the journeys at scale (e2e/scale.test.mjs, from scripts/test.sh):
#   scripts/variant.sh N   → target/bench/data-Nx/ (the dataset) and target/bench/dist-Nx/ (the site)
# A copy of the app's build inputs with the generated data in data/published/ is built with its own
# cargo target directory (target/bench/cargo), so dist/ and target/ of the real build are never
# touched; it is seeded with the real build's compiled dependencies, by hard links, so only the
# workspace's own crates compile. Only the home page is prerendered there. Skipped when the site is
# newer than its inputs. Expects scripts/setup.sh to have been sourced.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
scale="$1"
BENCH="$ROOT/target/bench"
data="$BENCH/data-${scale}x" site="$BENCH/site" out="$BENCH/dist-${scale}x" cargo_dir="$BENCH/cargo"
mkdir -p "$BENCH"
if [ ! -f "$data/index.json" ] || [ -n "$(find crates/dataset crates/data crates/analysis data/documents data/indicators.toml -newer "$data/index.json" -print -quit)" ]; then
  cargo run --quiet --locked -p policy-dataset --bin dataset -- generate --scale "$scale" --seed 1 --out "$data"
fi
if [ -f "$out/index.html" ] && [ -z "$(find src crates Cargo.toml Cargo.lock index.html Trunk.toml static "$data" -newer "$out/index.html" -print -quit)" ]; then
  echo "target/bench/dist-${scale}x is up to date" >&2
  exit 0
fi
rm -rf "$site"
mkdir -p "$site/data/published"
cp -a Cargo.toml Cargo.lock Trunk.toml index.html src crates static benches .cargo "$site/"
cp -r "$data/index.json" "$data/document-list.json" "$data/indicators.json" "$data/targets" "$data/texts" \
  "$data/targets.json" "$data/texts.json" "$site/data/published/"
# Seed the variant's target directory with the real build's compiled dependencies (hard links:
# cargo writes new files for what it rebuilds, so the real build's files are never changed).
for profile in wasm32-unknown-unknown/release debug; do
  if [ ! -d "$cargo_dir/$profile" ] && [ -d "target/$profile" ]; then
    mkdir -p "$(dirname "$cargo_dir/$profile")"
    cp -al "target/$profile" "$cargo_dir/$profile"
  fi
done
(cd "$site" && CARGO_TARGET_DIR="$cargo_dir" SITE_DOCUMENT_PAGES=0 trunk build --release --offline --dist "$out")
