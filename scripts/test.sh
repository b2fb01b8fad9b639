#!/usr/bin/env bash
# The test command of the README, and what CI runs: installs what is missing,
# builds, runs every test against the real libraries and the real binary,
# then checks the shipped model and the generated docs the way CI users do.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
swift build --build-tests
swift test --skip-build

echo "== rolebook validate (shipped model)"
.build/debug/rolebook validate
if [ -f docs/.rolebook-manifest.json ]; then
  echo "== rolebook check (docs/ must be what build writes)"
  .build/debug/rolebook check
fi
