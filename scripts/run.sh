#!/usr/bin/env bash
# The main job of the README: installs what is missing, builds rolebook, checks
# the shipped model, generates docs/ from it and lints the runbooks.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
swift build -c release
.build/release/rolebook validate
.build/release/rolebook build
.build/release/rolebook lint
