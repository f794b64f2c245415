#!/usr/bin/env bash
# Installs the given Debian packages with apt-get, only those not installed yet, in one `apt-get install`.
#   bash scripts/apt-install.sh chromium fonts-liberation poppler-utils postgresql
# Idempotent: with everything installed it does nothing (no root needed). Runs apt-get as root, or through
# password-less sudo. `apt-get update` runs at most once per run: before the install, and only when something is
# missing (APT_UPDATED=1 in the environment says a caller has already run it). On failure it prints the tail of
# apt-get's log and exits non-zero.
set -euo pipefail

if [ "$#" -eq 0 ]; then
  echo "usage: bash scripts/apt-install.sh PACKAGE..." >&2
  exit 2
fi

missing=()
for pkg in "$@"; do
  # `install ok installed` is dpkg's status of a fully installed package (not merely known or half-configured).
  if [ "$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null)" != "install ok installed" ]; then
    missing+=("$pkg")
  fi
done
if [ "${#missing[@]}" -eq 0 ]; then
  exit 0
fi

as_root() {
  if [ "$(id -u)" = 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo -n "$@"
  else
    echo "apt-install: installing ${missing[*]} needs root or password-less sudo (run: sudo apt-get install ${missing[*]})" >&2
    exit 1
  fi
}

LOG=$(mktemp -t apt-install.XXXXXX)
trap 'rm -f "$LOG"' EXIT
fail() {
  echo "apt-install: $*" >&2
  echo "--- last lines of apt-get's output ---" >&2
  tail -n 40 "$LOG" >&2
  exit 1
}

started=$SECONDS
echo "apt-install: installing ${missing[*]}…"
if [ "${APT_UPDATED:-0}" != 1 ]; then
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq >>"$LOG" 2>&1 || fail "apt-get update failed"
fi
as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >>"$LOG" 2>&1 ||
  fail "apt-get install ${missing[*]} failed"
echo "apt-install: installed ${missing[*]} in $((SECONDS - started)) s"
