#!/usr/bin/env bash
# Load test of `actinf serve --http` alone: wrk (a C load generator, far cheaper per call than an MCP SDK client)
# sends MCP tools/call requests over many connections to one MCP session, cycling over SESSIONS epistemic sessions.
#
#   tools/load/run.sh [--tool epistemic_action|observe] [--sessions 100] [--connections 100] [--duration 10s]
#                     [--warmup 10s] [--durability full|process] [--gc workstation|server]
#
# Needs curl and wrk (Debian: apt-get install wrk) and a Release build (dotnet build -c Release Actinf.slnx);
# ACTINF_CLI names another actinf.dll. Prints wrk's summary, one line from call.lua
# ("calls: N in T s = R/s; errors ...; latency P50 ..., P99 ...") and one from the server's /metrics over the same
# run ("server: K KB allocated per call; C collections, P % of the time in their pauses; U µs of CPU per call").
# The store is a temporary file, deleted at the end.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"

tool=epistemic_action sessions=100 connections=100 duration=10s warmup=10s durability=full gc=workstation
while [ $# -gt 0 ]; do
  case "$1" in
    --tool) tool="$2"; shift 2 ;;
    --sessions) sessions="$2"; shift 2 ;;
    --connections) connections="$2"; shift 2 ;;
    --duration) duration="$2"; shift 2 ;;
    --warmup) warmup="$2"; shift 2 ;;
    --durability) durability="$2"; shift 2 ;;
    --gc) gc="$2"; shift 2 ;;
    -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
    *) echo "run.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
case "$tool" in epistemic_action|observe) ;; *) echo "run.sh: --tool must be epistemic_action or observe" >&2; exit 2 ;; esac
case "$gc" in workstation) gc_server=0 ;; server) gc_server=1 ;; *) echo "run.sh: --gc must be workstation or server" >&2; exit 2 ;; esac
for cmd in curl wrk dotnet; do
  command -v "$cmd" >/dev/null || { echo "run.sh: $cmd is not installed" >&2; exit 2; }
done
cli="${ACTINF_CLI:-$root/artifacts/bin/Actinf.Cli/release/actinf.dll}"
[ -f "$cli" ] || { echo "run.sh: $cli is missing; run dotnet build -c Release Actinf.slnx first" >&2; exit 2; }

work="$(mktemp -d)"
server_pid=""
cleanup() { [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

DOTNET_gcServer=$gc_server dotnet "$cli" serve --http 127.0.0.1:0 --store "$work/sessions.db" --durability "$durability" 2>"$work/server.log" &
server_pid=$!
for _ in $(seq 1 600); do
  url=$(sed -n 's/.*MCP over Streamable HTTP at \([^ ]*\).*/\1/p' "$work/server.log")
  [ -n "$url" ] && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$work/server.log" >&2; exit 1; }
  sleep 0.1
done
[ -n "$url" ] || { echo "run.sh: the server did not start listening" >&2; exit 1; }

rpc() { # rpc JSON -> response body (one SSE event or JSON)
  curl -sS -H 'Content-Type: application/json' -H 'Accept: application/json, text/event-stream' \
    ${mcp_session:+-H "Mcp-Session-Id: $mcp_session"} -H 'MCP-Protocol-Version: 2025-11-25' -X POST "$url" -d "$1"
}
mcp_session=""
curl -sS -D "$work/headers" -o /dev/null -H 'Content-Type: application/json' -H 'Accept: application/json, text/event-stream' -X POST "$url" \
  -d '{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"actinf-load","version":"1"}}}'
mcp_session=$(sed -n 's/^[Mm]cp-[Ss]ession-[Ii]d: *\([^[:space:]]*\).*/\1/p' "$work/headers")
[ -n "$mcp_session" ] || { echo "run.sh: no Mcp-Session-Id from initialize" >&2; exit 1; }
rpc '{"jsonrpc":"2.0","method":"notifications/initialized"}' >/dev/null

echo "run.sh: creating $sessions sessions with 3 messages each" >&2
: > "$work/sessions.txt"
for i in $(seq 1 "$sessions"); do
  id=$(rpc '{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"session_create","arguments":{"domain":"billing"}}}' \
    | grep -o 'session_id\\u0022:\\u0022[0-9a-f-]*' | sed 's/.*u0022//' | head -1)
  [ -n "$id" ] || { echo "run.sh: session_create failed" >&2; exit 1; }
  echo "$id" >> "$work/sessions.txt"
  for m in "I was charged twice for the same order last week" "both charges show the same amount on my card" "the second charge appeared after I updated my address"; do
    rpc "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"observe\",\"arguments\":{\"session_id\":\"$id\",\"text\":\"$m\",\"domain\":\"billing\"}}}" >/dev/null
  done
done

export LOAD_SESSIONS="$work/sessions.txt" LOAD_MCP_SESSION="$mcp_session" LOAD_TOOL="$tool"
echo "run.sh: warm-up $warmup, then $duration of $tool over $connections connections (durability $durability, $gc GC)" >&2
wrk -t1 -c"$connections" -d"$warmup" -s "$here/call.lua" "$url" >/dev/null
metrics_url="${url%/mcp}/metrics"
# Sum of a metric's samples (all label sets) in the server's Prometheus text.
metric() { awk -v m="$1" '$1 == m || index($1, m "{") == 1 { s += $NF } END { printf "%.6f", s + 0 }' "$2"; }
curl -sS "$metrics_url" > "$work/metrics.before"
wrk -t1 -c"$connections" -d"$duration" --latency -s "$here/call.lua" "$url" | tee "$work/wrk.out"
curl -sS "$metrics_url" > "$work/metrics.after"
# The server's own account of the measured run, from the .NET runtime's meter on /metrics.
calls=$(sed -n 's/^calls: \([0-9]*\) in \([0-9.]*\) s.*/\1/p' "$work/wrk.out")
seconds=$(sed -n 's/^calls: \([0-9]*\) in \([0-9.]*\) s.*/\2/p' "$work/wrk.out")
if [ -n "$calls" ] && [ "$calls" -gt 0 ]; then
  delta() { awk -v a="$(metric "$1" "$work/metrics.before")" -v b="$(metric "$1" "$work/metrics.after")" 'BEGIN { printf "%.6f", b - a }'; }
  awk -v calls="$calls" -v seconds="$seconds" -v alloc="$(delta dotnet_gc_heap_total_allocated_bytes_total)" \
      -v pause="$(delta dotnet_gc_pause_time_seconds_total)" -v gcs="$(delta dotnet_gc_collections_total)" \
      -v cpu="$(delta dotnet_process_cpu_time_seconds_total)" \
    'BEGIN { printf "server: %.1f KB allocated per call; %d collections, %.1f %% of the time in their pauses; %.0f µs of CPU per call\n",
             alloc / calls / 1024, gcs, 100 * pause / seconds, 1e6 * cpu / calls }'
fi
