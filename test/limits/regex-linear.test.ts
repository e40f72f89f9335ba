/**
 * Issue 14, finding 1 and "regular expressions that cannot backtrack": EVERY regular expression of
 * api/ — the literals (found in the source with TypeScript's parser) and the ones built with
 * `new RegExp` (recorded while every module of api/ is imported and the chat's danger patterns are
 * compiled) — is run on 2,000-character adversarial inputs. Inputs come from two places: the
 * pattern's own pieces repeated (so a match keeps almost succeeding), and, when the `recheck` analyser
 * finds a super-linear shape, its attack string pumped to 2,000 characters. A pattern that takes more
 * than BUDGET_MS on any input fails the test (the old address pattern took 23 s on one such input).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { checkSync } from 'recheck';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
// Types only: the modules themselves are imported after RegExp is wrapped (constructed() below).
import type * as ChatServicesModule from '../../api/chat/chat.services';
import type * as MaskingModule from '../../api/chat/masking';
import type * as CatalogueModule from '../../api/programme/catalogue';

const API = join(__dirname, '..', '..', 'api');
const LENGTH = 2000;
/** Milliseconds one pattern may take on one input (best of three; a linear pattern takes well under one). */
const BUDGET_MS = 5;
/** Scripts with effects at import (they start a server, write files or exit): their patterns are read from the source only. */
const SCRIPTS = new Set([
  'server/main.ts',
  'server/seed-demo.ts',
  'db/create-migration.ts',
  'server/schema/emit.ts',
  'server/outreach-worker.ts',
  'server/line-worker.ts',
  'server/municipality-create.ts',
  'server/settings-cli.ts',
]);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'migrations' ? [] : sourceFiles(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [p] : [];
  });
}

interface Found {
  where: string;
  re: RegExp;
}

/** Regular-expression literals in the source, evaluated. */
function literals(files: string[]): Found[] {
  const out: Found[] = [];
  for (const file of files) {
    const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
    const visit = (node: ts.Node) => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const text = node.getText(sf);
        const { line } = sf.getLineAndCharacterOfPosition(node.getStart(sf));
        out.push({ where: `${relative(API, file)}:${line + 1}`, re: new Function(`return ${text}`)() as RegExp });
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return out;
}

/** Regular expressions built at run time by api/ code: RegExp is wrapped while every module is imported. */
async function constructed(files: string[]): Promise<Found[]> {
  const out: Found[] = [];
  const Original = globalThis.RegExp;
  globalThis.RegExp = new Proxy(Original, {
    construct(target, args) {
      const re = Reflect.construct(target, args) as RegExp;
      const site = new Error().stack?.split('\n').find((l) => l.includes('/api/') && !l.includes('node_modules'));
      if (site) out.push({ where: site.trim().replace(/^at /, '').replace(API, 'api'), re });
      return re;
    },
    apply(target, thisArg, args) {
      return Reflect.apply(target, thisArg, args);
    },
  });
  try {
    for (const file of files) if (!SCRIPTS.has(relative(API, file))) await import(file);
    // The chat's danger classifier and the catalogue compile their patterns from seeds/ when loaded.
    const { loadChatServices } = (await import(join(API, 'chat', 'chat.services.ts'))) as typeof ChatServicesModule;
    const { loadCatalogue } = (await import(join(API, 'programme', 'catalogue', 'index.ts'))) as typeof CatalogueModule;
    const SEEDS_DIR = join(API, '..', 'seeds');
    const catalogue = loadCatalogue(join(SEEDS_DIR, 'programmes'));
    const chat = loadChatServices(join(SEEDS_DIR, 'chatbot'), () => catalogue, {});
    chat.knowledge.danger.classify('夫に殴られた。死にたい');
  } finally {
    globalThis.RegExp = Original;
  }
  return out;
}

const fill = (s: string) => (s.length === 0 ? 'あ'.repeat(LENGTH) : s.repeat(Math.ceil(LENGTH / s.length)).slice(0, LENGTH));

/** Inputs built from the pattern's text: its literal pieces and class members repeated, alone, together and in pairs. */
function fromSource(re: RegExp): string[] {
  const src = re.source;
  const pieces = src
    .replace(/\\[pP]\{[^}]*\}/g, ' ')
    .replace(/\\[a-zA-Z]/g, ' ')
    .split(/[()[\]{}|?*+^$\\.:!=<,0-9-]+/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
  const chars = [...new Set([...src.replace(/\\[a-zA-Z]/g, '')].filter((c) => !'()[]{}|?*+^$\\.:!=<,'.includes(c)))].slice(0, 30);
  const unique = [...new Set(pieces)].slice(0, 30);
  const samples = ['a', 'A', '1', '一', 'あ', 'ア', ' ', '-', '@', '.', '\u3000', 'ー', '\t', '_', '/', '"', '1-', '1 ', 'a@', '一丁目', '漢字1'];
  const inputs = [...unique, ...chars, ...samples].map(fill);
  inputs.push(
    fill(unique.join('')),
    fill(unique.slice(0, -1).join('')),
    fill(chars.join('')),
    `${fill('1 ')}x`,
    `${fill('a')}!`,
    `${fill(' ')}x`,
    `${fill('一')}丁`,
  );
  return inputs;
}

/** recheck's attack string, pumped to LENGTH characters, when it finds a super-linear shape. */
function fromRecheck(re: RegExp): string[] {
  const flags = re.flags.replace(/[gy]/g, '');
  const result = checkSync(re.source, flags, { timeout: 2000 });
  if (result.status !== 'vulnerable') return [];
  const { pumps, suffix } = result.attack;
  const fixed = pumps.reduce((n, p) => n + p.prefix.length, 0) + suffix.length;
  const pumpLength = pumps.reduce((n, p) => n + p.pump.length, 0) || 1;
  const times = Math.max(1, Math.floor((LENGTH - fixed) / pumpLength));
  return [pumps.map((p) => p.prefix + p.pump.repeat(times)).join('') + suffix];
}

/** Every match in the input, as a global search does it (start positions one after another). */
function scan(re: RegExp, input: string): void {
  const g = new RegExp(re.source, re.flags.replace(/[gy]/g, '') + 'g');
  for (let m = g.exec(input); m; m = g.exec(input)) if (m[0] === '') g.lastIndex++;
}

/** The time of one run; a run over budget is repeated and the best of three counts (a busy machine is not a slow pattern). */
function best(fn: () => void, budget = BUDGET_MS): number {
  let min = Infinity;
  for (let i = 0; i < 3 && min > budget; i++) {
    const t = performance.now();
    fn();
    min = Math.min(min, performance.now() - t);
  }
  return min;
}

/**
 * Whether a pattern is slow on an input: over budget on the full input AND growing faster than the input.
 * A busy machine (other tests, a CI neighbour) can push a linear pattern past 5 ms once in a while, but it
 * cannot change the shape: on a quarter of the input a linear pattern takes about a quarter of the time,
 * a quadratic one a sixteenth. So an input over budget is timed again at a quarter of its length and
 * counts as slow only when the full input took more than GROWTH times as long — or far too long outright.
 */
const GROWTH = 8;
const FAR_TOO_LONG_MS = 250;
const CONFIRM_ROUNDS = 5;
function slowOn(re: RegExp, input: string): number | null {
  const full = best(() => scan(re, input));
  if (full <= BUDGET_MS) return null;
  if (full > FAR_TOO_LONG_MS) return full;
  // A suspect is timed again in alternating rounds (quarter, full, quarter, full …) and the best of each
  // compared: a pause that hit the full input three times in a row (a loaded CI neighbour: /[^0-9A-Z]/ once
  // took 15.9 ms on 2,000 characters) rarely hits it in every round too, while a quadratic pattern is slow
  // in all of them.
  const quarter = input.slice(0, Math.ceil(input.length / 4));
  let part = Infinity;
  let whole = full;
  for (let round = 0; round < CONFIRM_ROUNDS && whole > BUDGET_MS; round++) {
    part = Math.min(
      part,
      best(() => scan(re, quarter), 0),
    );
    whole = Math.min(
      whole,
      best(() => scan(re, input), 0),
    );
  }
  return whole > BUDGET_MS && whole > GROWTH * Math.max(part, 0.05) ? whole : null;
}

describe('every regular expression of api/ is linear on 2,000 characters', () => {
  it(`takes at most ${BUDGET_MS} ms per pattern and input`, async () => {
    const files = sourceFiles(API);
    const found = [...literals(files), ...(await constructed(files))];
    const unique = new Map<string, Found>();
    for (const f of found) unique.set(`/${f.re.source}/${f.re.flags}`, unique.get(`/${f.re.source}/${f.re.flags}`) ?? f);
    // The masking patterns (built with new RegExp) and the danger patterns (compiled from danger.yaml) are among them.
    const { MASKING_PATTERNS } = (await import(join(API, 'chat', 'masking.ts'))) as typeof MaskingModule;
    for (const re of MASKING_PATTERNS) expect(unique.has(`/${re.source}/${re.flags}`), re.source).toBe(true);
    expect(unique.size).toBeGreaterThan(300);

    const slow: string[] = [];
    let runs = 0;
    for (const { where, re } of unique.values()) {
      for (const input of [...fromSource(re), ...fromRecheck(re)]) {
        runs++;
        const ms = slowOn(re, input);
        if (ms !== null) slow.push(`${where} /${re.source.slice(0, 80)}/ ${ms.toFixed(1)} ms on ${JSON.stringify(input.slice(0, 16))}…`);
      }
    }
    expect(runs).toBeGreaterThan(10_000);
    expect(slow).toEqual([]);
  }, 300_000);
});

describe('the slowness check itself', () => {
  it('flags a cubic pattern and passes a linear one on the same input', () => {
    const input = `${'a'.repeat(700)}!`;
    // Three nested choices of where each a* stops: about n³/6 steps from the one anchored start.
    expect(slowOn(/^a*a*a*b/, input)).not.toBeNull();
    expect(slowOn(/a+b/, input)).toBeNull();
  });
});
