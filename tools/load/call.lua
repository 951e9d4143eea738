-- wrk script: each request is one MCP tools/call on the Streamable HTTP endpoint, cycling over the epistemic
-- sessions listed in $LOAD_SESSIONS (one id per line). Set by run.sh: LOAD_SESSIONS, LOAD_MCP_SESSION, LOAD_TOOL.
local ids = {}
for line in io.lines(os.getenv("LOAD_SESSIONS")) do ids[#ids + 1] = line end
local tool = os.getenv("LOAD_TOOL")
local messages = {
  "I was charged twice for the same order last week",
  "both charges show the same amount on my card",
  "the second charge appeared after I updated my address",
  "can you refund one of them or tell me why it happened",
}
local n = 0
local failures = 0

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "application/json, text/event-stream"
wrk.headers["Mcp-Session-Id"] = os.getenv("LOAD_MCP_SESSION")
wrk.headers["MCP-Protocol-Version"] = "2025-11-25"

request = function()
  n = n + 1
  local id = ids[(n % #ids) + 1]
  local arguments
  if tool == "observe" then
    arguments = '{"session_id":"' .. id .. '","text":"' .. messages[(n % #messages) + 1] .. '","domain":"billing"}'
  else
    arguments = '{"session_id":"' .. id .. '","force":true}'
  end
  return wrk.format(nil, nil, nil,
    '{"jsonrpc":"2.0","id":' .. n .. ',"method":"tools/call","params":{"name":"' .. tool .. '","arguments":' .. arguments .. '}}')
end

-- A tool error comes back as HTTP 200 with "isError":true; count both kinds of failure.
response = function(status, headers, body)
  if status ~= 200 or string.find(body, '"isError":true', 1, true) then
    failures = failures + 1
    if failures <= 3 then io.stderr:write("failed call: HTTP " .. status .. " " .. string.sub(body, 1, 300) .. "\n") end
  end
end

done = function(summary, latency, requests)
  io.write(string.format("calls: %d in %.2f s = %.0f/s; errors (socket) %d; latency P50 %.2f ms, P99 %.2f ms\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout + summary.errors.status,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
