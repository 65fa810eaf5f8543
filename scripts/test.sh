#!/usr/bin/env bash
# Runs every test and check; fails on the first failure. Installs whatever is missing first.
#   1. cargo fmt --check; clippy -D warnings, native (every crate of the workspace) and wasm32 (the app)
#   2. native tests of every crate: core, dataset validation, charts drawn into SVG, server-side
#      rendering, the site build's steps, the layer rules (tests/architecture.rs)
#   3. component tests in headless Chromium (wasm-bindgen-test)
#   4. release build with Trunk (`site finish --split`: chunks, names by content, pages, sw.js,
#      precompressed copies); a second build that differs only in the pack threshold, for the
#      naming test; a copy of the first whose service worker is written again over the precache
#      budget (`site worker --precache-budget 0`, seconds, not a third build), for the offline
#      test; a site with a synthetic dataset ten times the real one (scripts/variant.sh 10, for
#      e2e/scale.test.mjs: more documents than home's index lists); then end-to-end journeys in
#      headless Chromium (playwright-core), one of them through docs/deploy.md's nginx server block
#      in Debian's nginx
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
. scripts/setup.sh

step() { printf '\n\033[1;32m==> %s\033[0m\n' "$*" >&2; }

step "format"
cargo fmt --all -- --check

step "clippy (native)"
cargo clippy --locked --workspace --all-targets -- -D warnings

step "clippy (wasm32)"
cargo clippy --locked -p policy-explorer --lib --bins --test browser --target wasm32-unknown-unknown -- -D warnings

step "clippy (wasm32, split into on-demand chunks as the site is built)"
cargo clippy --locked -p policy-explorer --lib --bins --target wasm32-unknown-unknown --features split -- -D warnings

step "native tests"
cargo test --locked --workspace

step "component tests in headless Chromium"
cargo test --locked --target wasm32-unknown-unknown --test browser

step "release build"
trunk build --release --offline

step "the same build with another pack threshold (e2e/immutable-names.test.mjs compares the two)"
SITE_PACK_BELOW=0 trunk build --release --offline --dist target/site-pack-0

step "the release site with its service worker over the precache budget (e2e/offline.test.mjs)"
rm -rf target/site-precache-0
cp -r dist target/site-precache-0
cargo site worker target/site-precache-0 --precache-budget 0

step "a site with ten times the documents (e2e/scale.test.mjs)"
scripts/variant.sh 10

step "end-to-end journeys in headless Chromium"
node --test --test-concurrency=1 e2e/

step "all checks passed"
