#!/usr/bin/env bash
# Makes sure poppler-utils' pdftoppm is installed (the region report's browser journey renders a page of the PDF to PNG).
set -euo pipefail

if command -v pdftoppm >/dev/null 2>&1; then
  exit 0
fi

as_root() {
  if [ "$(id -u)" = 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo -n "$@"
  else
    echo "ensure-poppler: needs root (or password-less sudo) to run: $*" >&2
    exit 1
  fi
}

LOG=$(mktemp -t ensure-poppler.XXXXXX)
trap 'rm -f "$LOG"' EXIT
echo "ensure-poppler: installing poppler-utils with apt-get…"
if ! as_root apt-get update -qq >>"$LOG" 2>&1 ||
  ! as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends poppler-utils >>"$LOG" 2>&1; then
  echo "ensure-poppler: apt-get could not install poppler-utils" >&2
  tail -n 40 "$LOG" >&2
  exit 1
fi
if ! command -v pdftoppm >/dev/null 2>&1; then
  echo "ensure-poppler: poppler-utils was installed but pdftoppm is missing" >&2
  exit 1
fi
echo "ensure-poppler: $(pdftoppm -v 2>&1 | head -n 1)"
