#!/usr/bin/env bash
# The main job on the embedded default: install, load the seed reports into
# the per-user SQLite database, and serve the web UI and API.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh
[ -d web/dist ] || [ ! -f web/package.json ] || npm run build:web
SEEDS=${LUOSHI_SEEDS:-../shared/seeds}
if [ -d "$SEEDS" ]; then
  node bin/luoshi.js import "$SEEDS" ${LUOSHI_DB:+--db "$LUOSHI_DB"}
fi
exec node bin/luoshi.js serve --port "${PORT:-8080}" ${LUOSHI_DB:+--db "$LUOSHI_DB"}
