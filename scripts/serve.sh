#!/usr/bin/env bash
# Installs whatever is missing, builds the release site into dist/ and serves it at
# http://127.0.0.1:8080 (PORT overrides the port). dist/ is the whole deployable site.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
. scripts/setup.sh
trunk build --release --offline
echo "Serving dist/ at http://127.0.0.1:${PORT:-8080}/ (Ctrl-C stops)" >&2
exec python3 -m http.server --bind 127.0.0.1 "${PORT:-8080}" --directory dist
