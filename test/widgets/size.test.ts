import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureBundle } from './support/browser';
import { ROOT } from './support/server';

describe('widget bundle size', () => {
  it('intake ≤ 30 KB, chat ≤ 20 KB, staff ≤ 80 KB on the wire, brotli and gzip (widgets/size-check.mjs)', () => {
    ensureBundle();
    const r = spawnSync(process.execPath, [join(ROOT, 'widgets', 'size-check.mjs')], { cwd: ROOT, encoding: 'utf8' });
    expect(r.stdout).toMatch(/intake\.js [\d.]+ KB brotli, [\d.]+ KB gzip on the wire .*budget 30 KB\) OK/);
    expect(r.stdout).toMatch(/chat\.js [\d.]+ KB brotli, [\d.]+ KB gzip on the wire .*budget 20 KB\) OK/);
    expect(r.status, r.stdout + r.stderr).toBe(0);
  });
});
