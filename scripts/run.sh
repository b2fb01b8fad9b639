#!/usr/bin/env bash
# The main job of the README: installs what is missing, builds rolebook, checks
# the shipped model and generates docs/ from it.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
swift build -c release
.build/release/rolebook validate
if .build/release/rolebook help build >/dev/null 2>&1; then
  .build/release/rolebook build
fi
