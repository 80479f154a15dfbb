#!/usr/bin/env bash
# The whole test suite on a fresh machine: dependencies, PostgreSQL, browser, tests.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh
bash scripts/ensure-postgres.sh
export LUOSHI_TEST_PG=${LUOSHI_TEST_PG:-postgres://postgres:${PGPASSWORD:-postgres}@127.0.0.1:5432/test}
# The web UI and a browser for its end-to-end tests (Debian's chromium, never a downloaded one).
if [ ! -x /usr/bin/chromium ] || ! dpkg -s fonts-wqy-zenhei >/dev/null 2>&1; then
  SUDO=$([ "$(id -u)" = 0 ] || echo sudo)
  $SUDO apt-get update && $SUDO apt-get install -y chromium fonts-wqy-zenhei
fi
npm run build:web
npm test
