#!/usr/bin/env bash
# The test command of the README, and what CI runs: installs what is missing,
# builds, checks the shipped model and docs/ the way CI users do, then runs
# every test against the real libraries and the real binary.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
python3 -c "import jsonschema, yaml" 2>/dev/null || python3 -m pip install -q jsonschema pyyaml

swift build --build-tests

echo "== rolebook validate (the shipped model)"
.build/debug/rolebook validate
echo "== rolebook check (docs/ must be exactly what 'rolebook build' writes)"
.build/debug/rolebook check
echo "== rolebook lint (the shipped runbooks)"
.build/debug/rolebook lint
echo "== the JSON Schema editors get accepts the shipped model"
python3 scripts/check-schema.py

echo "== swift test"
swift test --skip-build
