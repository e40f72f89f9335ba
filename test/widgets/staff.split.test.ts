import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './support/browser';
import { ROOT } from './support/server';
import { DepartmentCode, signIn, startStaffServer, waitForHeadingFocus, type StaffServer } from './support/staff';

// The staff console split per route (widgets/build.mjs with esbuild `splitting`, widgets/staff/lazy-screens.ts):
// the first load (entry + the chunks it imports statically) holds the sign-in and the worklist, not the
// dashboard; opening the dashboard's route fetches its chunk; a chunk that cannot be fetched leaves a
// message instead of a blank screen.

const DIST = join(ROOT, 'dist', 'widgets');
/** Text only the dashboard's module holds: the name of its figures query. */
const DASHBOARD_CODE = 'query StaffUsageFigures(';

let s: StaffServer;
let browser: Browser;
beforeAll(async () => {
  s = await startStaffServer(); // builds dist/widgets when a source is newer
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await s?.close();
});

const read = (f: string) => readFileSync(join(DIST, f), 'utf8');

/** The entry and every chunk it imports statically: what the browser fetches before anything renders. */
function firstLoad(): string[] {
  const entry = (JSON.parse(read('manifest.json')) as Record<string, string>).staff!;
  const seen = new Set<string>();
  const visit = (f: string) => {
    if (seen.has(f)) return;
    seen.add(f);
    for (const m of read(f).matchAll(/(?:from|import)\s*["']\.\/([\w.-]+\.js)["']/g)) visit(m[1]!);
  };
  visit(entry);
  return [...seen];
}

/** The chunk holding the dashboard's code (one of the files the current entry reaches). */
function dashboardChunk(): string {
  const chunks = readdirSync(DIST).filter((f) => /^staff-[a-z-]+\.[0-9A-Z]{8}\.js$/.test(f) && read(f).includes(DASHBOARD_CODE));
  expect(chunks.length).toBeGreaterThan(0);
  return chunks.find((f) => f.startsWith('staff-dashboard.')) ?? chunks[0]!;
}

describe('staff console split per route', () => {
  it('the first load holds the sign-in and worklist but not the dashboard, whose chunk is served precompressed and immutable', async () => {
    const first = firstLoad();
    const firstCode = first.map(read).join('\n');
    expect(firstCode).toContain('staff-login');
    expect(firstCode).toContain('staff-worklist');
    expect(firstCode).not.toContain(DASHBOARD_CODE);
    const chunk = dashboardChunk();
    expect(first).not.toContain(chunk);

    const res = await s.t.http.get(`/widgets/${chunk}`).set('accept-encoding', 'br, gzip');
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers['content-type']).toContain('text/javascript');
    const gz = await s.t.http.get(`/widgets/${chunk}`).set('accept-encoding', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    // Names outside the build's patterns are not served.
    expect((await s.t.http.get('/widgets/staff-dashboard.js')).status).toBe(404);
    expect((await s.t.http.get('/widgets/manifest.json')).status).toBe(404);
  });

  it('opening the dashboard fetches its chunk only then (same origin, under the CSP) and shows the screen', async () => {
    const context = await browser.newContext({ locale: 'ja-JP' });
    const page = await context.newPage();
    const fetched: string[] = [];
    const problems: string[] = [];
    page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
    page.on('pageerror', (e) => problems.push(e.message));
    // Every script and the API answer (the browser's own /favicon.ico request is not the console's).
    page.on('response', (r) => {
      const path = new URL(r.url()).pathname;
      if (r.status() >= 400 && path !== '/favicon.ico') problems.push(`${r.status()} ${path}`);
    });
    const chunk = dashboardChunk();
    await signIn(page, s.origin, DepartmentCode.SINGLE_PARENT, 'supervisor');
    await waitForHeadingFocus(page, '今日の仕事');
    expect(fetched).not.toContain(`/widgets/${chunk}`);
    await page.locator('nav a[href="#/dashboard"]').click();
    await waitForHeadingFocus(page, '利用実績');
    await page.locator('staff-dashboard .cards').waitFor({ timeout: 60_000 });
    expect(fetched).toContain(`/widgets/${chunk}`);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('a screen whose chunk cannot be fetched says so in the reader’s language instead of staying blank', async () => {
    const context = await browser.newContext({ locale: 'ja-JP' });
    const page = await context.newPage();
    const chunk = dashboardChunk();
    await page.route(`**/widgets/${chunk}`, (route) => route.abort('internetdisconnected'));
    await signIn(page, s.origin, DepartmentCode.SINGLE_PARENT, 'supervisor');
    await waitForHeadingFocus(page, '今日の仕事');
    await page.locator('nav a[href="#/dashboard"]').click();
    const alert = page.locator('main [role=alert][data-lazy-screen=failed]');
    await alert.waitFor({ timeout: 60_000 });
    expect(await alert.innerText()).toContain('この画面を読み込めませんでした');
    // The other screens still work: back to the worklist.
    await page.locator('nav a[href="#/worklist"]').click();
    await waitForHeadingFocus(page, '今日の仕事');
    await context.close();
  });
});
