#!/usr/bin/env node
// Smoke test of `actinf serve` through the official MCP TypeScript SDK client: tools/list, every tool once,
// and every error code a client can provoke, over stdio (--cmd) or Streamable HTTP (--url).
//
//   node smoke.mjs --cmd "dotnet artifacts/bin/Actinf.Cli/release/actinf.dll serve --store /tmp/s.db --networks tests/data/causal/networks" --model tests/data/bench-models/tmaze.json
//   node smoke.mjs --url http://127.0.0.1:8765/mcp --model tests/data/bench-models/tmaze.json
//
// The server must have a networks folder holding asia.bif. --model is an actinf-model/1 document for the agent tools.
// Output: one JSON line per check ({"check": name, "ok": bool, ...}), then {"summary": {passed, failed, protocolVersion}}.
// Exit code: 0 when every check passed, 1 on a usage error, 2 when a check failed, 3 when the connection failed.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { McpError } from '@modelcontextprotocol/sdk/types.js';
import { readFileSync } from 'node:fs';

const USAGE = 'usage: node smoke.mjs (--cmd "COMMAND LINE" | --url URL) --model MODEL.json';
const argv = process.argv.slice(2);
const opt = (name) => { const i = argv.indexOf(name); return i >= 0 ? argv[i + 1] : undefined; };
const cmd = opt('--cmd'), url = opt('--url'), modelPath = opt('--model');
if (!cmd === !url || !modelPath) { process.stderr.write(USAGE + '\n'); process.exit(1); }
const model = JSON.parse(readFileSync(modelPath, 'utf8'));

const EXPECTED_TOOLS = [
  'session_create', 'session_get', 'session_list', 'session_delete', 'session_export', 'session_import',
  'observe', 'epistemic_action', 'set_goals', 'feedback', 'causal_query', 'causal_suggest_experiment',
  'agent_create', 'agent_step',
];

const words = cmd ? cmd.split(/\s+/).filter(Boolean) : [];
const transport = url
  ? new StreamableHTTPClientTransport(new URL(url))
  : new StdioClientTransport({ command: words[0], args: words.slice(1), stderr: 'ignore' });
let protocolVersion;
{
  const orig = transport.setProtocolVersion?.bind(transport);
  transport.setProtocolVersion = (v) => { protocolVersion = v; orig?.(v); };
}
const client = new Client({ name: 'actinf-smoke', version: '1.0.0' }, { capabilities: {} });

let passed = 0, failed = 0;
const out = (o) => process.stdout.write(JSON.stringify(o) + '\n');
function check(name, ok, detail) {
  if (ok) passed++; else failed++;
  out({ check: name, ok: !!ok, ...(detail === undefined ? {} : { detail }) });
  return ok;
}

// A call that must succeed with structured content carrying the cognitive pulse.
async function call(name, args) {
  try {
    const r = await client.callTool({ name, arguments: args });
    const s = r.structuredContent;
    const pulse = s?.pulse;
    const ok = !r.isError && s && pulse && typeof pulse.entropy === 'number' && typeof pulse.coherence === 'number'
      && ['continue', 'explore', 'trigger_dream'].includes(pulse.suggested_action);
    check(`${name} succeeds with a pulse`, ok, ok ? undefined : r);
    return s ?? {};
  } catch (e) {
    check(`${name} succeeds with a pulse`, false, { code: e.code, message: e.message });
    return {};
  }
}

// A call that must fail with a JSON-RPC error of the given code, sent by the server.
async function fails(label, name, args, code) {
  try {
    const r = await client.callTool({ name, arguments: args });
    check(`${label}: ${code}`, false, { unexpected: r });
  } catch (e) {
    const ok = e instanceof McpError && e.code === code && typeof e.message === 'string' && e.message.length > 0;
    check(`${label}: ${code}`, ok, ok ? { message: e.message } : { code: e.code, message: e.message });
  }
}

try {
  await client.connect(transport);
} catch (e) {
  out({ connect: { error: String(e?.message ?? e) } });
  process.exit(3);
}

try {
  // tools/list: every tool there, each with a description and an object input schema.
  const { tools } = await client.listTools();
  const names = tools.map((t) => t.name);
  for (const t of EXPECTED_TOOLS) check(`tools/list has ${t}`, names.includes(t));
  check('every tool has a description and an input schema',
    tools.every((t) => typeof t.description === 'string' && t.description.length > 20 && t.inputSchema?.type === 'object'),
    tools.filter((t) => !(t.description?.length > 20)).map((t) => t.name));

  // Sessions and the epistemic loop.
  const created = await call('session_create', { domain: 'billing', goals: [{ description: 'resolve the duplicate charge' }] });
  const sid = created.session_id;
  check('session_create returns a session_id', typeof sid === 'string' && sid.length === 36);
  await call('set_goals', { session_id: sid, goals: [{ description: 'refund the second charge', weight: 2 }] });
  const observed = await call('observe', { session_id: sid, text: 'I was charged twice for the same order', domain: 'billing', source: 'user_query' });
  check('observe counts the observation', observed.observation_count === 1, observed);
  const embedding = Array.from({ length: 1536 }, (_, i) => Math.sin(i + 1));
  await call('observe', { session_id: sid, embedding, domain: 'billing', source: 'memory_retrieval' });
  const acted = await call('epistemic_action', { session_id: sid, force: true, max_actions: 3, min_relevance: 0 });
  const actions = acted.actions ?? [];
  check('epistemic_action returns 1 to 3 actions with content', actions.length >= 1 && actions.length <= 3
    && actions.every((a) => a.action_type && a.content && typeof a.expected_info_gain === 'number'), actions);
  if (actions.length > 0) await call('feedback', { session_id: sid, action_id: actions[0].action_id, helpful: true });
  const got = await call('session_get', { session_id: sid });
  check('session_get sees both observations', got.observation_count === 2, got);
  const listed = await call('session_list', {});
  check('session_list lists the session', (listed.sessions ?? []).some((s) => s.session_id === sid));
  const exported = await call('session_export', { session_id: sid });
  const imported = await call('session_import', { state: exported.state, replace: true });
  check('session_import takes the export back', imported.session_id === sid && imported.replaced === true, imported);

  // Causal tools on the asia network.
  const q = await call('causal_query', { network: 'asia', evidence: { dysp: 'yes' }, targets: ['lung'] });
  const pLung = q.marginals?.lung?.yes;
  check('causal_query gives P(lung = yes | dysp = yes) in (0, 1)', typeof pLung === 'number' && pLung > 0 && pLung < 1, q.marginals);
  const sx = await call('causal_suggest_experiment', { network: 'asia', target: 'lung', evidence: { dysp: 'yes' }, top: 3 });
  check('causal_suggest_experiment ranks experiments', (sx.suggestions ?? []).length >= 1, sx.suggestions);

  // Discrete agents.
  const agent = await call('agent_create', { model });
  const aid = agent.agent_id;
  check('agent_create returns an agent_id', typeof aid === 'string' && aid.length > 0, agent);
  const modalities = model.num_obs.length;
  const step = await call('agent_step', { agent_id: aid, observation: Array(modalities).fill(0) });
  check('agent_step returns a policy posterior that sums to 1',
    Array.isArray(step.q_pi) && Math.abs(step.q_pi.reduce((a, b) => a + b, 0) - 1) < 1e-9, step.q_pi);

  // Every error code a client can provoke.
  await fails('unknown session', 'session_get', { session_id: '00000000-0000-4000-8000-000000000000' }, -32000);
  await fails('unknown argument', 'observe', { session_id: sid, text: 'x', sessionid: sid }, -32602);
  await fails('missing required argument', 'session_get', {}, -32602);
  await fails('embedding of the wrong dimension', 'observe', { session_id: sid, embedding: [1, 2, 3] }, -32010);
  await fails('all-zero embedding', 'observe', { session_id: sid, embedding: Array(1536).fill(0) }, -32015);
  await fails('feedback on an unknown action', 'feedback', { session_id: sid, action_id: 'no-such-action', helpful: true }, -32014);
  await fails('import of an unknown format version', 'session_import',
    { state: JSON.stringify({ ...JSON.parse(typeof exported.state === 'string' ? exported.state : JSON.stringify(exported.state)), version: 99 }), replace: true }, -32012);
  await fails('impossible evidence', 'causal_query', { network: 'asia', evidence: { lung: 'yes', either: 'no' } }, -32010);
  await fails('agent model that is not a model', 'agent_create', { model: { format: 'actinf-model/1' } }, -32012);
  await fails('unknown agent', 'agent_step', { agent_id: '00000000-0000-4000-8000-000000000001', observation: [0] }, -32000);
  await fails('observation out of range', 'agent_step', { agent_id: aid, observation: Array(modalities).fill(99) }, -32602);
  await fails('unknown tool', 'no_such_tool', {}, -32602);

  const deleted = await call('session_delete', { session_id: sid });
  check('session_delete deletes', deleted.deleted === true, deleted);
  await fails('deleted session', 'session_get', { session_id: sid }, -32000);
} catch (e) {
  check('no unexpected exception', false, String(e?.stack ?? e));
}

out({ summary: { passed, failed, protocolVersion } });
try { if (url && transport.sessionId) await transport.terminateSession(); } catch { /* the session may be gone */ }
await client.close();
process.exit(failed === 0 ? 0 : 2);
