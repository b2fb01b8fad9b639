#!/usr/bin/env bash
# Installs the system packages rolebook links against (libcmark, Graphviz's
# libgvc) and the tools its tests use, when they are missing. Debian/Ubuntu.
set -euo pipefail

need=()
pkg-config --exists libcmark 2>/dev/null || need+=(libcmark-dev)
pkg-config --exists libgvc 2>/dev/null || need+=(libgraphviz-dev)
command -v dot >/dev/null 2>&1 || need+=(graphviz)
command -v pkg-config >/dev/null 2>&1 || need+=(pkg-config)
# xmllint: the Confluence export tests check the page body with it too.
command -v xmllint >/dev/null 2>&1 || need+=(libxml2-utils)

if [ ${#need[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "installing: ${need[*]}" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

# Tools the live-cluster tests use: openssl makes a throwaway CA, python3's
# PyYAML runs the stand-in API server, kubectl is exercised for real. kubectl
# comes from Debian's kubernetes-client when no kubectl is installed.
tools=()
command -v openssl >/dev/null 2>&1 || tools+=(openssl)
command -v kubectl >/dev/null 2>&1 || tools+=(kubernetes-client)
if [ ${#tools[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "installing: ${tools[*]}" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${tools[@]}" >/dev/null
fi
python3 -c "import yaml" 2>/dev/null || python3 -m pip install -q pyyaml
