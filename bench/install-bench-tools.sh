#!/usr/bin/env bash
# The tools `make bench` compares rolebook with, from Debian and PyPI.
set -euo pipefail
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
need=()
command -v plantuml >/dev/null 2>&1 || need+=(plantuml)
command -v cmark >/dev/null 2>&1 || need+=(cmark)
if [ ${#need[@]} -gt 0 ]; then
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
python3 -m pip install -q codespell rumdl check-jsonschema jsonschema pyyaml 2>&1 | grep -v "Running pip as the 'root' user" || true
