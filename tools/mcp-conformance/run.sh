#!/usr/bin/env bash
# Runs the official MCP conformance runner (server scenarios, Streamable HTTP) against `actinf serve --http` on a
# free loopback port with a throw-away store, and prints one line per scenario: PASS/FAIL name (checks passed/total).
#   tools/mcp-conformance/run.sh [ACTINF_DLL]        (default: artifacts/bin/Actinf.Cli/release/actinf.dll)
# Needs `npm ci` in this folder first (Node 22 comes as an npm package). Full logs: $OUT (default /tmp/actinf-conformance).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
dll="${1:-$root/artifacts/bin/Actinf.Cli/release/actinf.dll}"
out="${OUT:-/tmp/actinf-conformance}"
rm -rf "$out"; mkdir -p "$out"

dotnet "$dll" serve --http 127.0.0.1:0 --store "$out/sessions.db" --networks "$root/tests/data/causal/networks" 2>"$out/server.log" &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
url=""
for _ in $(seq 1 150); do
  url=$(grep -o 'http://[^ ]*/mcp' "$out/server.log" || true)
  [ -n "$url" ] && break
  sleep 0.2
done
[ -n "$url" ] || { echo "the server did not start:"; cat "$out/server.log"; exit 3; }

cd "$here"
scenarios=$(npm run -s conformance -- list --server | sed -n 's/^  - \([a-z0-9-]*\) .*/\1/p')
for s in $scenarios; do
  npm run -s conformance -- server --url "$url" --scenario "$s" -o "$out/$s" >"$out/$s.log" 2>&1 || true
  summary=$(sed 's/\x1b\[[0-9;]*m//g' "$out/$s.log" | grep -E '^Passed: [0-9]+/[0-9]+' | tail -1 || true)
  if [[ "$summary" =~ ^Passed:\ ([0-9]+)/([0-9]+),\ 0\ failed ]] && [ "${BASH_REMATCH[1]}" -gt 0 ]; then
    echo "PASS $s (${summary#Passed: })"
  else
    echo "FAIL $s (${summary#Passed: })"
  fi
done
