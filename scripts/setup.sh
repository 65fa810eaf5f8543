#!/usr/bin/env bash
# Installs, idempotently and at pinned versions, everything the build and the tests need.
# Sourced by scripts/serve.sh and scripts/test.sh; safe to run on its own.
# Only package registries are used: crates.io, Debian and npm. Nothing is downloaded from elsewhere.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TRUNK_VERSION="0.21.14"
BINARYEN_VERSION="132.0.0"

log() { printf '\033[1;34m[setup]\033[0m %s\n' "$*" >&2; }

export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"
# Never let Trunk look anything up on the network.
export TRUNK_OFFLINE=true TRUNK_SKIP_VERSION_CHECK=true

# 1. The WebAssembly target.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "adding rustup target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi
for component in rustfmt clippy; do
  rustup component list --installed | grep -q "^$component" || rustup component add "$component"
done

# 2. Debian packages: Chromium + chromedriver for the browser tests, a CJK font so Chinese renders, brotli for size reports,
#    nginx and its brotli_static module for e2e/nginx.test.mjs (the server block of docs/deploy.md, run for real).
missing=()
for pkg in chromium chromium-driver fonts-noto-cjk brotli nginx libnginx-mod-http-brotli-static; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  log "installing Debian packages: ${missing[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# 3. Trunk, compiled from crates.io (0.21.14 is the newest release that builds on rustc 1.95).
if [ "$(trunk --version 2>/dev/null || true)" != "trunk $TRUNK_VERSION" ]; then
  log "installing trunk $TRUNK_VERSION from crates.io (about 8 minutes)"
  cargo install trunk --version "$TRUNK_VERSION" --locked --force
fi

# 4. wasm-bindgen-cli, forced equal to the wasm-bindgen crate in Cargo.lock.
WB_LOCK=$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/version = |"/, ""); print; exit}' "$ROOT/Cargo.lock")
WB_TOML=$(sed -n 's/^wasm-bindgen = "=\([0-9.]*\)".*/\1/p' "$ROOT/Cargo.toml")
if [ -z "$WB_LOCK" ] || [ "$WB_LOCK" != "$WB_TOML" ]; then
  echo "error: wasm-bindgen in Cargo.lock ($WB_LOCK) differs from the =pin in Cargo.toml ($WB_TOML); run 'cargo update -p wasm-bindgen'" >&2
  exit 1
fi
if [ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $WB_LOCK" ]; then
  log "installing wasm-bindgen-cli $WB_LOCK from crates.io (about 2 minutes)"
  # Not --locked: its lockfile pins a webpki-roots release the registry does not serve.
  cargo install wasm-bindgen-cli --version "$WB_LOCK" --force
fi

# 4b. wasm-split-cli: cuts the app into a main module and on-demand chunks after linking (crates/site/src/split.rs).
WASM_SPLIT_VERSION="0.2.4"
# (The tool has no --version: cargo's list of installed crates tells.)
if ! command -v wasm-split-cli >/dev/null || ! cargo install --list | grep -qx "wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
  log "installing wasm-split-cli $WASM_SPLIT_VERSION from crates.io (about 3 minutes)"
  cargo install wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary --locked --force
fi

# 5. Node-side tools (binaryen's wasm-opt 132, axe-core) from the npm registry, pinned in package-lock.json.
# The installed axe-core must be the locked one (a warm machine may hold an older release).
AXE_LOCK=$(node -p "require('$ROOT/package-lock.json').packages['node_modules/axe-core'].version")
AXE_HAVE=$(node -p "try { require('$ROOT/node_modules/axe-core/package.json').version } catch { '' }")
if [ "$(wasm-opt --version 2>/dev/null | awk '{print $3}')" != "${BINARYEN_VERSION%%.*}" ] || [ "$AXE_HAVE" != "$AXE_LOCK" ]; then
  log "installing npm devDependencies (binaryen $BINARYEN_VERSION, axe-core)"
  (cd "$ROOT" && npm ci --no-audit --no-fund --loglevel=error)
fi

# 6. The wasm build's flags (this replaces .cargo/config.toml's target rustflags while set, so it
# repeats them): the linker keeps relocations for wasm-split (crates/site/src/split.rs), and the
# source paths that panic messages carry name the crate (`yew-0.23.0/src/…`), not this machine's
# cargo home (`/root/.cargo/registry/src/index.crates.io-…/`): the published module holds no path
# of the build machine, and is ≈ 3 KB smaller for it. After the installs above, which fill the
# registry on a fresh machine.
wasm_flags="-Clink-arg=--emit-relocs"
for index in "${CARGO_HOME:-$HOME/.cargo}"/registry/src/*/; do
  [ -d "$index" ] && wasm_flags="$wasm_flags --remap-path-prefix=$index="
done
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="$wasm_flags"
