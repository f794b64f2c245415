#!/usr/bin/env bash
# `npm test`: the static checks (biome, tsc, dependency-cruiser) run beside the vitest suite rather than before it.
# tsc and dependency-cruiser are single-threaded: run first, one after the other, they left one of CI's two cores idle
# for about a minute. Their output is printed after the tests'; the command fails when any of the four fails.
# Arguments go to vitest (`npm test -- src/modules/people`).
set -uo pipefail
cd "$(dirname "$0")/.."
logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT
checks=(lint typecheck check:boundaries)
for check in "${checks[@]}"; do
  (
    started=$SECONDS
    npm run -s "$check" >"$logs/$check.log" 2>&1
    echo "$? $((SECONDS - started))" >"$logs/$check.rc"
  ) &
done
npx vitest run "$@"
tests_rc=$?
wait
failed=0
printf '\n-- static checks (run beside the tests) --\n'
for check in "${checks[@]}"; do
  read -r rc took <"$logs/$check.rc"
  if [ "$rc" -eq 0 ]; then
    printf 'ok      %-18s %4d s\n' "$check" "$took"
  else
    failed=1
    printf 'FAILED  %-18s %4d s\n' "$check" "$took"
    cat "$logs/$check.log"
  fi
done
if [ "$tests_rc" -ne 0 ]; then printf 'FAILED  vitest (exit %d; its output is above)\n' "$tests_rc"; fi
[ "$failed" -eq 0 ] && [ "$tests_rc" -eq 0 ]
