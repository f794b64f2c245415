#!/usr/bin/env bash
# Makes sure Debian's Chromium is installed at /usr/bin/chromium (the browser tests drive it with playwright-core).
set -euo pipefail

if [ -x /usr/bin/chromium ]; then
  exit 0
fi

as_root() {
  if [ "$(id -u)" = 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo -n "$@"
  else
    echo "ensure-chromium: needs root (or password-less sudo) to run: $*" >&2
    exit 1
  fi
}

LOG=$(mktemp -t ensure-chromium.XXXXXX)
trap 'rm -f "$LOG"' EXIT
echo "ensure-chromium: installing Chromium with apt-get (a minute or two)…"
export DEBIAN_FRONTEND=noninteractive
if ! as_root apt-get update -qq >>"$LOG" 2>&1 ||
  ! as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium fonts-liberation >>"$LOG" 2>&1; then
  echo "ensure-chromium: apt-get could not install chromium" >&2
  tail -n 40 "$LOG" >&2
  exit 1
fi
if [ ! -x /usr/bin/chromium ]; then
  echo "ensure-chromium: chromium was installed but /usr/bin/chromium is missing" >&2
  exit 1
fi
echo "ensure-chromium: $(/usr/bin/chromium --version 2>/dev/null || echo 'chromium installed')"
