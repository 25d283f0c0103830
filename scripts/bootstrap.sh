#!/usr/bin/env bash
# Installs everything this project needs on a fresh machine, and nothing twice.
#   1. Node.js >= 22: the machine's if new enough, else `node@NODE_VERSION` from the npm registry.
#   2. The npm dependencies (npm ci), skipped when package-lock.json has not changed.
#   3. The Pulumi CLI and a Node.js language host, built from the Go module proxy at exactly the
#      version of the installed @pulumi/pulumi, and pulumi-resource-pulumi-nodejs from that package.
# Binaries are cached outside the clone (keyed by version); the clone only gets links in .tools/bin.
# Run scripts/with-toolchain.sh CMD to run CMD with that toolchain first on PATH.
set -euo pipefail

NODE_VERSION=22.23.3
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cache=${PULUMI_SCALEWAY_LB_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-scaleway-lb}
tools="$repo/.tools"
bin="$tools/bin"
quiet=${BOOTSTRAP_QUIET:-}

# Status lines are hidden in quiet mode (scripts/with-toolchain.sh); actions are always announced.
say() { [ -n "$quiet" ] || printf 'bootstrap: %s\n' "$*"; }
act() { printf 'bootstrap: %s\n' "$*" >&2; }
die() { printf 'bootstrap: error: %s\n' "$*" >&2; exit 1; }

mkdir -p "$bin" "$cache"
export PATH="$bin:$PATH"

# One bootstrap at a time per cache: parallel runs (several clones, scripts started together)
# would otherwise race on the shared builds.
exec 9>"$cache/bootstrap.lock"
if ! flock -n 9; then
  act "waiting for another bootstrap to finish"
  flock 9
fi

# --- 1. Node.js >= 22 -----------------------------------------------------------------------------
node_major() { "$1" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }
if [ -x "$bin/node" ] && [ "$(node_major "$bin/node")" -ge 22 ]; then
  say "node $("$bin/node" --version) (cached)"
elif command -v node >/dev/null && [ "$(node_major node)" -ge 22 ]; then
  say "node $(node --version) from the machine"
else
  node_dir="$cache/node/$NODE_VERSION"
  if [ ! -x "$node_dir/node_modules/node/bin/node" ]; then
    command -v npm >/dev/null || die "npm is needed to install Node.js $NODE_VERSION and was not found"
    act "installing Node.js $NODE_VERSION from the npm registry into $node_dir"
    rm -rf "$node_dir.tmp" && mkdir -p "$node_dir.tmp"
    npm install --prefix "$node_dir.tmp" --no-save --no-audit --no-fund --loglevel=error "node@$NODE_VERSION" >&2
    rm -rf "$node_dir" && mv "$node_dir.tmp" "$node_dir"
  fi
  ln -sfn "$node_dir/node_modules/node/bin/node" "$bin/node"
  say "node $("$bin/node" --version) linked into .tools/bin"
fi

# --- 2. npm dependencies --------------------------------------------------------------------------
lock_hash=$(sha256sum "$repo/package-lock.json" | cut -d' ' -f1)
if [ -d "$repo/node_modules" ] && [ "$(cat "$tools/npm-ci.stamp" 2>/dev/null)" = "$lock_hash" ]; then
  say "npm dependencies up to date"
else
  act "npm ci"
  # npm ci refuses a lock that lacks the other platforms' optional binaries (e.g. @biomejs/cli-*),
  # which registry mirrors that carry only this platform's builds leave out; npm install with
  # --no-save then installs the same locked versions without touching package-lock.json.
  if ! (cd "$repo" && npm ci --no-audit --no-fund --loglevel=error >&2 2>"$tools/npm-ci.log"); then
    grep -q 'Missing: .* from lock file' "$tools/npm-ci.log" || { cat "$tools/npm-ci.log" >&2; die "npm ci failed"; }
    act "npm ci: this registry lacks other platforms' optional packages; installing the locked versions with npm install --no-save"
    (cd "$repo" && npm install --no-save --no-audit --no-fund --loglevel=error >&2)
  fi
  echo "$lock_hash" >"$tools/npm-ci.stamp"
fi

# Programs in this clone (examples/, test fixtures) and the dynamic-provider processes the engine
# starts for them resolve the package by name, the way an installed dependency is resolved.
ln -sfn .. "$repo/node_modules/pulumi-scaleway-lb"

# --- 3. Pulumi CLI and language host --------------------------------------------------------------
pulumi_version=$(node -p 'require(process.argv[1]).version' "$repo/node_modules/@pulumi/pulumi/package.json")
wrapper="$repo/scripts/toolchain"
grep -q "github.com/pulumi/pulumi/pkg/v3 v$pulumi_version\$" "$wrapper/go.mod" ||
  die "scripts/toolchain/go.mod must require github.com/pulumi/pulumi/pkg/v3 v$pulumi_version (the @pulumi/pulumi version); update it with: cd scripts/toolchain && go get github.com/pulumi/pulumi/pkg/v3@v$pulumi_version github.com/pulumi/pulumi/sdk/v3@v$pulumi_version && go mod tidy"
toolchain_hash=$(cat "$wrapper/go.mod" "$wrapper/go.sum" "$wrapper"/langhost/*.go | sha256sum | cut -c1-12)
pulumi_dir="$cache/pulumi/v$pulumi_version-$toolchain_hash"
if [ -x "$pulumi_dir/pulumi" ] && [ -x "$pulumi_dir/pulumi-language-nodejs" ]; then
  say "pulumi v$pulumi_version (cached in $pulumi_dir)"
else
  command -v go >/dev/null || die "Go is needed to build the Pulumi CLI (v$pulumi_version) and was not found"
  act "building pulumi v$pulumi_version and pulumi-language-nodejs with $(go version | cut -d' ' -f3) (a cold build takes several minutes)"
  rm -rf "$pulumi_dir.tmp" && mkdir -p "$pulumi_dir.tmp"
  (
    cd "$wrapper"
    export GOTOOLCHAIN=auto GOFLAGS="-mod=readonly -buildvcs=false"
    go build -trimpath -o "$pulumi_dir.tmp/pulumi" \
      -ldflags "-s -w -X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=v$pulumi_version" \
      github.com/pulumi/pulumi/pkg/v3/cmd/pulumi
    go build -trimpath -o "$pulumi_dir.tmp/pulumi-language-nodejs" \
      -ldflags "-s -w -X main.version=$pulumi_version" ./langhost
  )
  rm -rf "$pulumi_dir" && mv "$pulumi_dir.tmp" "$pulumi_dir"
  # Earlier builds of the same version (an older language host) may still be linked by other
  # clones on this machine: only builds older than a week go.
  find "$cache/pulumi" -mindepth 1 -maxdepth 1 -name "v$pulumi_version-*" ! -path "$pulumi_dir" -mtime +7 \
    -exec rm -rf {} +
fi
ln -sfn "$pulumi_dir/pulumi" "$bin/pulumi"
ln -sfn "$pulumi_dir/pulumi-language-nodejs" "$bin/pulumi-language-nodejs"
# The dynamic-provider plugin is a script that resolves @pulumi/pulumi from the program's directory,
# so one copy beside the CLI (where the CLI looks first) serves every clone.
plugin="$repo/node_modules/@pulumi/pulumi/pulumi-resource-pulumi-nodejs"
cmp -s "$plugin" "$pulumi_dir/pulumi-resource-pulumi-nodejs" || install -m 755 "$plugin" "$pulumi_dir/pulumi-resource-pulumi-nodejs"
ln -sfn "$pulumi_dir/pulumi-resource-pulumi-nodejs" "$bin/pulumi-resource-pulumi-nodejs"
say "$("$bin/pulumi" version) ready in .tools/bin"
