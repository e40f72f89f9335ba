import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureBundle } from './support/browser';
import { ROOT } from './support/server';

describe('widget bundle size', () => {
  it('dist/widgets/intake.js is at most 30 KB gzipped (widgets/size-check.mjs)', () => {
    ensureBundle();
    const r = spawnSync(process.execPath, [join(ROOT, 'widgets', 'size-check.mjs')], { cwd: ROOT, encoding: 'utf8' });
    expect(r.stdout).toMatch(/intake\.js [\d.]+ KB gzipped/);
    expect(r.stdout).toMatch(/chat\.js [\d.]+ KB gzipped .*budget 20 KB\) OK/);
    expect(r.status, r.stdout + r.stderr).toBe(0);
  });
});
