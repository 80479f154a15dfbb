#!/usr/bin/env bash
# Installs the npm dependencies once (better-sqlite3 compiles from source: ~1 min).
set -euo pipefail
cd "$(dirname "$0")/.."
stamp=node_modules/.luoshi-installed
if [ ! -f "$stamp" ] || [ package-lock.json -nt "$stamp" ]; then
  # `npm ci` refuses this lock file over optional platform packages it never installs; `npm install` keeps the pinned versions.
  npm install --no-audit --no-fund
  # npm 11 may skip install scripts it has not been told to allow; build the native addon explicitly.
  if ! node -e "require('better-sqlite3')(':memory:')" 2>/dev/null && ! npm rebuild better-sqlite3; then
    # No prebuilt binary for this platform and Node, and compiling it failed: node-gyp needs a toolchain.
    echo "install: better-sqlite3 could not be built; on Debian: sudo apt-get install -y build-essential python3, then run this again" >&2
    exit 1
  fi
  touch "$stamp"
fi
