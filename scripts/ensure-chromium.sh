#!/usr/bin/env bash
# Makes sure Debian's Chromium is installed at /usr/bin/chromium, with fonts-liberation (the browser journeys drive
# it with playwright-core). Installs only what is missing (scripts/apt-install.sh).
set -euo pipefail

bash "$(dirname "$0")/apt-install.sh" chromium fonts-liberation
if [ ! -x /usr/bin/chromium ]; then
  echo "ensure-chromium: chromium is installed but /usr/bin/chromium is missing" >&2
  exit 1
fi
echo "ensure-chromium: $(/usr/bin/chromium --version 2>/dev/null || echo 'chromium installed')"
