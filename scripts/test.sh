#!/usr/bin/env bash
# The whole test suite on a fresh machine: dependencies, PostgreSQL, browser, tests.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh
bash scripts/ensure-postgres.sh
export LUOSHI_TEST_PG=${LUOSHI_TEST_PG:-postgres://postgres:${PGPASSWORD:-postgres}@127.0.0.1:5432/test}
npm test
