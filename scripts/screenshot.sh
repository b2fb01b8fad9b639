#!/usr/bin/env bash
# Renders the generated HTML page in headless Chromium (Debian's `chromium`)
# and saves screenshots, to look at the page the way its readers will:
#   scripts/screenshot.sh [OUT_DIR]    (default: .build/screenshots)
# Writes page-light.png (desktop width, light), page-dark.png (dark mode),
# page-narrow.png (phone width) and page.pdf (print).
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-.build/screenshots}"
mkdir -p "$out"
command -v chromium >/dev/null 2>&1 || {
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
}
page="file://$PWD/docs/roles-and-responsibilities.html"
common=(--headless --no-sandbox --disable-gpu --hide-scrollbars --virtual-time-budget=2000)
chromium "${common[@]}" --window-size=1400,2600 --screenshot="$out/page-light.png" "$page" 2>/dev/null
chromium "${common[@]}" --window-size=1400,2600 --force-dark-mode --blink-settings=preferredColorScheme=0 \
  --screenshot="$out/page-dark.png" "$page" 2>/dev/null
chromium "${common[@]}" --window-size=420,2400 --screenshot="$out/page-narrow.png" "$page" 2>/dev/null
chromium "${common[@]}" --no-pdf-header-footer --print-to-pdf="$out/page.pdf" "$page" 2>/dev/null
ls -l "$out"
