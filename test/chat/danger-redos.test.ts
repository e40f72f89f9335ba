/**
 * Every regular expression of the danger classifier is linear-time: checkLinear() refuses the shapes
 * that backtrack (checked here on known-bad patterns), and every compiled pattern of danger.yaml, and
 * the classifier as a whole, is run on 2,000-character adversarial inputs built from the pattern's own
 * text (its words repeated, its pieces in order without the last one, so a match keeps almost
 * succeeding). A pattern that takes more than a few milliseconds on any of them fails the test.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { DangerClassifier, parseDangerConfig } from '../../api/chat/danger';
import { checkLinear, DangerPatternError } from '../../api/chat/danger-patterns';
import { SEEDS_DIR } from '../../api/core/paths';

const LENGTH = 2000;
/** Milliseconds one pattern may take on one input (a linear pattern takes well under one here). */
const BUDGET_MS = 5;

const config = parseDangerConfig(parse(readFileSync(join(SEEDS_DIR, 'chatbot', 'danger.yaml'), 'utf8')), (f, m) => {
  throw new Error(`${f}: ${m}`);
})!;

function allPatterns(): { where: string; re: RegExp }[] {
  const out: { where: string; re: RegExp }[] = [];
  const add = (where: string, list: RegExp[]) => list.forEach((re, i) => out.push({ where: `${where}[${i}]`, re }));
  for (const k of ['mask', 'past', 'present', 'now'] as const) {
    add(`${k}.ja`, config[k].ja);
    add(`${k}.en`, config[k].en);
  }
  out.push({ where: 'negation.ja', re: config.negation.ja }, { where: 'negation.en', re: config.negation.en });
  for (const r of config.rules) {
    add(`${r.id}.ja`, r.ja);
    add(`${r.id}.en`, r.en);
    add(`${r.id}.unless.ja`, r.unless.ja);
    add(`${r.id}.unless.en`, r.unless.en);
  }
  return out;
}

const fill = (s: string) => (s.length === 0 ? 'あ'.repeat(LENGTH) : s.repeat(Math.ceil(LENGTH / s.length)).slice(0, LENGTH));

/** Inputs that keep a pattern almost matching: its literal pieces repeated, in order, and all but the last. */
function adversarial(re: RegExp): string[] {
  const pieces = re.source
    .replace(/\\[a-z]/gi, ' ')
    .split(/[()[\]{}|?*+^$\\.:!=<,0-9-]+/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
  const unique = [...new Set(pieces)].slice(0, 40);
  const inputs = unique.map(fill);
  inputs.push(fill(unique.join('')), fill(unique.slice(0, -1).join('')), fill(unique.join(' ')), fill(`${unique[0] ?? ''}。`), fill('あ'), fill('a '));
  return inputs;
}

function time(fn: () => void): number {
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    fn();
    best = Math.min(best, performance.now() - t);
  }
  return best;
}

describe('danger patterns are linear-time', () => {
  it.each(['殴られ+', '(?:夫|旦那)*に', '(?:殴られ{0,2}){0,3}', '(a)\\1', '[^。]{0,99}', '[^。]{0,41}', '[^。]{0,24}[^。]{0,24}[^。]{0,24}', 'x{3,}'])(
    'refuses %s',
    (p) => {
      expect(() => checkLinear(p)).toThrow(DangerPatternError);
    },
  );

  it('accepts bounded windows, alternations and lookarounds', () => {
    expect(() => checkLinear('(?<![丈工])夫(?:が|に)[^。]{0,12}(?:殴|叩)(?!ない)')).not.toThrow();
  });

  it(`runs every compiled pattern on ${LENGTH}-character adversarial inputs within ${BUDGET_MS} ms`, () => {
    const slow: string[] = [];
    let count = 0;
    for (const { where, re } of allPatterns()) {
      for (const input of adversarial(re)) {
        count++;
        const ms = time(() => {
          re.lastIndex = 0;
          for (let m = re.exec(input); m && re.global; m = re.exec(input)) re.lastIndex = m.index + 1;
        });
        if (ms > BUDGET_MS) slow.push(`${where} ${ms.toFixed(1)} ms on ${JSON.stringify(input.slice(0, 20))}…`);
      }
    }
    expect(count).toBeGreaterThan(500);
    expect(slow).toEqual([]);
  });

  it('classifies a 2,000-character message of danger words and near-misses quickly', () => {
    const d = new DangerClassifier(config);
    for (const input of [
      fill('夫に'),
      fill('子どもを叩'),
      fill('死に'),
      fill('助けてもら'),
      fill('元夫が家の前で'),
      fill('my husband hits '),
      fill('DV相談'),
    ]) {
      // The whole classifier runs some 200 patterns; a few ms each would be far above this.
      expect(
        time(() => d.classify(input)),
        input.slice(0, 12),
      ).toBeLessThan(50);
    }
  });
});
