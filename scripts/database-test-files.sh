#!/usr/bin/env bash
# Lists the vitest files that touch a database (they build the app or a database through tests/support), for the
# CI step that runs them again against a real PostgreSQL server. Pure unit tests (forecast engine, suppression,
# policies, parsers) do the same on either database and run once, in `npm test`. The server-process tests start
# embedded servers only and are left out too.
#
# Also left out: files that build the app (so the grep finds them) but whose tests run no SQL of their own — what
# they check is the same on either database, and building the app on PostgreSQL is proven by every other file here.
#   compression.test.ts     compresses GET /api/openapi.json and /healthz (neither reads the database)
#   route-coverage.test.ts  compares the app's registered routes with the role × route matrices (no request at all)
# Only a file with no request that reads or writes a table belongs in this list.
set -euo pipefail
cd "$(dirname "$0")/.."
NO_SQL_OF_THEIR_OWN=(
  src/platform/server/compression.test.ts
  src/modules/admin/route-coverage.test.ts
)
grep -rlE "tests/support/(test-app|access-matrix|sign-in-all|global-setup)\.ts|support/(test-app|access-matrix|sign-in-all)\.ts" \
  src tests/integration --include='*.test.ts' |
  grep -v '^tests/integration/postgres/' |
  grep -v '^tests/integration/server-process\.test\.ts$' |
  grep -vxF -f <(printf '%s\n' "${NO_SQL_OF_THEIR_OWN[@]}") |
  sort
