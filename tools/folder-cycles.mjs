// Folder cycles under api/ (part of `npm run boundaries`): the folders must form a one-way graph.
// dependency-cruiser's `circular` rule sees files; this folds its cruise into folders and fails on any
// strongly connected set of two or more. Type-only imports are erased at build and do not count (every
// resolver names server/'s Context type). db/'s composition (entities.ts, orm.ts, migrations, its
// commands) knows every module and counts as its own node above them, "db:composition". There are no
// exceptions: where a lower module must reach a higher one, the higher one fills a slot the lower one
// declares (core/hook.ts), connected in server/wiring.ts.
import { cruise } from 'dependency-cruiser';

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
  const idx = new Map(),
    low = new Map(),
    stack = [],
    on = new Set(),
    out = [];
  const nodes = new Set([...graph.keys(), ...[...graph.values()].flatMap((s) => [...s])]);
  const visit = (v) => {
    idx.set(v, index);
    low.set(v, index);
    index++;
    stack.push(v);
    on.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v), idx.get(w)));
    }
    if (low.get(v) === idx.get(v)) {
      const c = [];
      let w;
      do {
        w = stack.pop();
        on.delete(w);
        c.push(w);
      } while (w !== v);
      out.push(c);
    }
  };
  for (const v of nodes) if (!idx.has(v)) visit(v);
  return { nodes, cycles: out.filter((c) => c.length > 1) };
}

let failed = false;
const { nodes, cycles } = components(edges);
for (const c of cycles) {
  failed = true;
  const inside = new Set(c);
  console.error(`folder cycle: ${c.sort().join(', ')}`);
  for (const a of c) for (const b of edges.get(a) ?? []) if (inside.has(b)) console.error(`  ${a} → ${b}: ${why.get(`${a}>${b}`)}`);
}
console.log(`folders: ${nodes.size}, one-way edges: ${[...edges.values()].reduce((n, s) => n + s.size, 0)}, cycles: ${cycles.length}`);
process.exit(failed ? 1 : 0);
