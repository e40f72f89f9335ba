import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureBundle } from './support/browser';
import { ROOT } from './support/server';

describe('widget bundle size', () => {
  it('intake ≤ 30.2 KB, chat ≤ 20.2 KB, staff first load (entry + static chunks) ≤ 80 KB on the wire, brotli and gzip (widgets/size-check.mjs)', () => {
    ensureBundle();
    const r = spawnSync(process.execPath, [join(ROOT, 'widgets', 'size-check.mjs')], { cwd: ROOT, encoding: 'utf8' });
    expect(r.stdout).toMatch(/intake\.js [\d.]+ KB brotli, [\d.]+ KB gzip on the wire .*budget 30.2 KB\) OK/);
    expect(r.stdout).toMatch(/chat\.js [\d.]+ KB brotli, [\d.]+ KB gzip on the wire .*budget 20.2 KB\) OK/);
    expect(r.stdout).toMatch(/staff\.js [\d.]+ KB brotli, [\d.]+ KB gzip on the wire \(staff\.[0-9a-f]{12}\.js \+ \d+ chunks .*budget 80 KB\) OK/);
    // The staff console is split: the total of all its chunks is printed too (the lazily loaded screens).
    expect(r.stdout).toMatch(/staff\.js all \d+ files \(lazily loaded screens included\): [\d.]+ KB brotli, [\d.]+ KB gzip/);
    expect(r.status, r.stdout + r.stderr).toBe(0);
  });
});
