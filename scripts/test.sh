#!/usr/bin/env bash
# The one test command (README's second command, and what .ci/run calls): installs what the
# tests need on a fresh Debian machine, builds, then runs every suite and sums them up.
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p .cache test-artifacts
git_before=$(git status --porcelain 2>/dev/null && echo .)
passed=0
failed=0
status=0
step() { printf '\n== %s\n' "$*"; }
count() { # count LOG: add mocha's "N passing / N failing" (or our "N passed, N failed") to the totals
  local p f
  p=$(grep -Eo '^ *[0-9]+ passing' "$1" | tail -1 | grep -Eo '[0-9]+' || true)
  f=$(grep -Eo '^ *[0-9]+ failing' "$1" | tail -1 | grep -Eo '[0-9]+' || true)
  if [ -z "$p$f" ]; then
    p=$(grep -Eo '[0-9]+ passed, [0-9]+ failed' "$1" | tail -1 | grep -Eo '^[0-9]+' || true)
    f=$(grep -Eo '[0-9]+ passed, [0-9]+ failed' "$1" | tail -1 | sed -E 's/.* ([0-9]+) failed/\1/' || true)
  fi
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0}))
}
run() { # run NAME CMD...: run a stage, keep going on failure, remember it
  local name=$1 log=".cache/test-$1.log"
  shift
  step "$name"
  "$@" 2>&1 | tee "$log"
  local rc=${PIPESTATUS[0]}
  count "$log"
  if [ "$rc" -ne 0 ]; then
    echo "!! stage '$name' failed (exit $rc)"
    status=1
    [ "$name" = build ] && { echo "0 passed, 1 failed"; exit 1; }
  fi
}

step install
if [ "$(id -u)" = 0 ] && ! { command -v chromium && command -v nvim; } >/dev/null 2>&1; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium fonts-liberation neovim >/dev/null
fi
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund || { echo "0 passed, 1 failed"; exit 1; }
fi

run build npm run build
run typecheck npm run typecheck
run lint npm run lint
run format npm run format:check
run unit npx mocha
run fuzz npm run fuzz:ci --if-present
run e2e npm run test:e2e

step "git status unchanged"
# Tests write to test-artifacts/ and .cache/ (both ignored): a test that changed or added a file in
# the repository fails the run. Compared with the status before the run, so local edits are fine.
if [ -n "$git_before" ]; then
  git_after=$(git status --porcelain; echo .)
  if [ "$git_after" != "$git_before" ]; then
    printf '!! the tests changed the working tree (git status --porcelain before / after):\n%s\n---\n%s\n' "$git_before" "$git_after"
    failed=$((failed + 1))
  else
    passed=$((passed + 1))
  fi
fi

step summary
echo "tests: $passed passed, $failed failed"
[ "$failed" -eq 0 ] || status=1
exit $status
