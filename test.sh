#!/usr/bin/env bash
# Builds the solution with warnings as errors and runs every test project; prints one closing line
# "Tests: N passed, N failed, N skipped". Exit code non-zero on any build error or failing test.
set -euo pipefail
cd "$(dirname "$0")"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

dotnet build Actinf.slnx -c Release -warnaserror -nologo -v quiet

# The official MCP TypeScript client drives the server in the end-to-end tests (tools/mcp-client).
if ! command -v npm >/dev/null 2>&1; then
  echo "test.sh: installing Node.js and npm (the TypeScript MCP client needs them)"
  if [ "$(id -u)" -eq 0 ]; then apt-get update -qq && apt-get install -y -qq nodejs npm; else sudo apt-get update -qq && sudo apt-get install -y -qq nodejs npm; fi
fi
if [ ! -d tools/mcp-client/node_modules/@modelcontextprotocol/sdk ]; then
  npm ci --prefix tools/mcp-client --no-audit --no-fund --loglevel=error
fi

log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
dotnet test Actinf.slnx -c Release --no-build --nologo 2>&1 | tee "$log" || status=$?

# Sum the per-assembly summaries ("Passed!  - Failed: 0, Passed: 43, Skipped: 0, Total: 43, ...").
read -r passed failed skipped < <(grep -E '(Passed|Failed)! +- +Failed: ' "$log" \
  | sed -E 's/.*Failed: *([0-9]+), Passed: *([0-9]+), Skipped: *([0-9]+).*/\2 \1 \3/' \
  | awk '{p+=$1; f+=$2; s+=$3} END {print p+0, f+0, s+0}')
echo "Tests: ${passed} passed, ${failed} failed, ${skipped} skipped"
if [ "$status" -ne 0 ] || [ "$failed" -ne 0 ] || [ "$passed" -eq 0 ]; then
  exit 1
fi
