#!/usr/bin/env bash
# Runs a command with the bootstrapped toolchain (.tools/bin: node >= 22, pulumi, the language host
# and the dynamic-provider plugin) first on PATH, bootstrapping first if needed, and with the Pulumi
# CLI kept offline: no update checks, no plugin downloads.
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BOOTSTRAP_QUIET=1 bash "$repo/scripts/bootstrap.sh"
export PATH="$repo/.tools/bin:$repo/node_modules/.bin:$PATH"
export PULUMI_SKIP_UPDATE_CHECK=true
export PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION=true
export PULUMI_HOME="${PULUMI_HOME:-$repo/.tools/pulumi-home}"
exec "$@"
