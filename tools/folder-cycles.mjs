// Folder cycles under api/ (part of `npm run boundaries`): the folders must form a one-way graph.
// dependency-cruiser's `circular` rule sees files; this folds its cruise into folders and fails on any
// strongly connected set of two or more. Type-only imports are erased at build and do not count (every
// resolver names server/'s Context type). db/'s composition (entities.ts, orm.ts, migrations, its
// commands) knows every module and counts as its own node above them, "db:composition".
import { cruise } from 'dependency-cruiser';

/**
 * Edges allowed although they close a cycle: each with why and what would remove it. SHRINK-ONLY: the
 * check fails when an edge listed here is no longer there, so the list can only get shorter.
 */
const ALLOWED = new Map([
  // Taking an inbox item assigns the department's case for the family (#18, console lane), while casework
  // lists inbox items by their kind: inbox and casework reach each other. To go when inbox announces
  // "taken" through a listener casework registers (wired by server/), so inbox no longer imports casework.
  ['inbox>casework', 'inbox.service.ts take() calls CaseworkService.assign'],
  // Debt from the 2026-12-03 parallel lanes (#21 go-live, #18 console, #16 outreach, #20 LINE), merged after the
  // house plan: listed so the check guards everything else, each to go as named.
  // accounts (#21) grew out of auth and staff: sign-in's second factor and sessions live in accounts/, and auth
  // and staff call into it. To go when auth/staff/accounts become one module, or accounts registers hooks.
  ['auth>accounts', 'auth.service.ts uses accounts/sign-in.ts and sessions.ts'],
  ['staff>accounts', 'staff.service.ts uses accounts/account-admin.service.ts'],
  ['partner>accounts', 'partner.service.ts records admin events (accounts/admin-events.ts)'],
  // "Shared with you" (#18): the record writer creates the inbox item when consent is given. To go when inbox
  // listens for consent events (wired by server/).
  ['record>inbox', 'record.writer.ts creates SHARED inbox items'],
]);

const folderOf = (path) => {
  const m = /^api\/([^/]+)\/(.*)$/.exec(path);
  if (!m) return null;
  if (m[1] === 'db' && /^(entities|orm|app-role|create-migration)\.ts$|^migrations\//.test(m[2])) return 'db:composition';
  return m[1];
};

const result = await cruise(['api'], { tsPreCompilationDeps: true, doNotFollow: { path: 'node_modules' }, exclude: { path: 'node_modules' } });
const edges = new Map();
const why = new Map();
for (const m of result.output.modules) {
  const a = folderOf(m.source);
  if (!a) continue;
  for (const d of m.dependencies) {
    const b = folderOf(d.resolved);
    if (!b || a === b || d.dependencyTypes.includes('type-only')) continue;
    const key = `${a}>${b}`;
    if (!edges.has(a)) edges.set(a, new Set());
    edges.get(a).add(b);
    if (!why.has(key)) why.set(key, `${m.source} → ${d.resolved}`);
  }
}

function components(graph) {
  let index = 0;
  const idx = new Map(), low = new Map(), stack = [], on = new Set(), out = [];
  const nodes = new Set([...graph.keys(), ...[...graph.values()].flatMap((s) => [...s])]);
  const visit = (v) => {
    idx.set(v, index); low.set(v, index); index++; stack.push(v); on.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!idx.has(w)) { visit(w); low.set(v, Math.min(low.get(v), low.get(w))); }
      else if (on.has(w)) low.set(v, Math.min(low.get(v), idx.get(w)));
    }
    if (low.get(v) === idx.get(v)) { const c = []; let w; do { w = stack.pop(); on.delete(w); c.push(w); } while (w !== v); out.push(c); }
  };
  for (const v of nodes) if (!idx.has(v)) visit(v);
  return { nodes, cycles: out.filter((c) => c.length > 1) };
}

let failed = false;
const allowedGraph = new Map([...edges].map(([a, bs]) => [a, new Set([...bs].filter((b) => !ALLOWED.has(`${a}>${b}`)))]));
const { nodes, cycles } = components(allowedGraph);
for (const c of cycles) {
  failed = true;
  const inside = new Set(c);
  console.error(`folder cycle: ${c.sort().join(', ')}`);
  for (const a of c) for (const b of allowedGraph.get(a) ?? []) if (inside.has(b)) console.error(`  ${a} → ${b}: ${why.get(`${a}>${b}`)}`);
}
for (const key of ALLOWED.keys()) {
  const [a, b] = key.split('>');
  if (!edges.get(a)?.has(b)) {
    failed = true;
    console.error(`the allowed edge ${key} is gone: remove it from ALLOWED in tools/folder-cycles.mjs (the list only shrinks)`);
  }
}
console.log(`folders: ${nodes.size}, one-way edges: ${[...edges.values()].reduce((n, s) => n + s.size, 0)}, cycles: ${cycles.length}, allowed exceptions: ${ALLOWED.size}`);
process.exit(failed ? 1 : 0);
