#!/usr/bin/env bash
# Lists the vitest files that touch a database (they build the app or a database through tests/support), for the
# CI step that runs them again against a real PostgreSQL server. Pure unit tests (forecast engine, suppression,
# policies, parsers) do the same on either database and run once, in `npm test`. The server-process tests start
# embedded servers only and are left out too.
set -euo pipefail
cd "$(dirname "$0")/.."
grep -rlE "tests/support/(test-app|access-matrix|sign-in-all|global-setup)\.ts|support/(test-app|access-matrix|sign-in-all)\.ts" \
  src tests/integration --include='*.test.ts' |
  grep -v '^tests/integration/postgres/' |
  grep -v '^tests/integration/server-process\.test\.ts$' |
  sort
