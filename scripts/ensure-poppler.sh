#!/usr/bin/env bash
# Makes sure poppler-utils' pdftoppm is installed (the region report's browser journey renders a page of the PDF to
# PNG). Installs only what is missing (scripts/apt-install.sh).
set -euo pipefail

bash "$(dirname "$0")/apt-install.sh" poppler-utils
if ! command -v pdftoppm >/dev/null 2>&1; then
  echo "ensure-poppler: poppler-utils is installed but pdftoppm is missing" >&2
  exit 1
fi
echo "ensure-poppler: $(pdftoppm -v 2>&1 | head -n 1)"
