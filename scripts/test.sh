#!/usr/bin/env bash
# Runs every test and check; fails on the first failure. Installs whatever is missing first.
#   1. cargo fmt --check; clippy -D warnings, native and wasm32
#   2. native tests: core, dataset validation, charts drawn into SVG, server-side rendering
#   3. component tests in headless Chromium (wasm-bindgen-test)
#   4. release build with Trunk (with precompressed copies), then end-to-end journeys in headless Chromium
#      (playwright-core), one of them through docs/deploy.md's nginx server block in Debian's nginx
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
. scripts/setup.sh

step() { printf '\n\033[1;32m==> %s\033[0m\n' "$*" >&2; }

step "format"
cargo fmt --all -- --check

step "clippy (native)"
cargo clippy --locked --all-targets -- -D warnings

step "clippy (wasm32)"
cargo clippy --locked --lib --bins --test browser --target wasm32-unknown-unknown -- -D warnings

step "clippy (wasm32, split into on-demand chunks as the site is built)"
cargo clippy --locked --lib --bins --target wasm32-unknown-unknown --features split -- -D warnings

step "native tests"
cargo test --locked

step "component tests in headless Chromium"
cargo test --locked --target wasm32-unknown-unknown --test browser

step "release build"
trunk build --release --offline

step "end-to-end journeys in headless Chromium"
node --test --test-concurrency=1 e2e/

step "all checks passed"
