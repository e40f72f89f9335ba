import { createServer, get, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DepartmentCode } from '../../api/core/departments';
import { startTestApp, type TestApp } from '../support/app';
import { ensureBundle, launchChromium } from './support/browser';

// The README's two lines, pasted into a municipality's page on ANOTHER origin: the Yorisoi API (real,
// in-process) listens on one port, the municipality's CMS page on another — two origins. The page
// has a strict Content-Security-Policy naming only the Yorisoi origin, exactly the directives the
// README lists. Until an admin allows the page's origin (addAllowedOrigin), the browser refuses the
// widget scripts; then both widgets load and talk to the API, within their wire-size budgets.

const BUDGET = { intake: 30 * 1024, chat: 20 * 1024 };

let t: TestApp;
let api: Server;
let cms: Server;
let apiOrigin: string;
let cmsOrigin: string;
let browser: Browser;

/** The CSP of the README's section "Content-Security-Policy of the host page", for `yorisoi` = the API's origin. */
const csp = (yorisoi: string) =>
  `default-src 'self'; script-src 'self' ${yorisoi}; connect-src 'self' ${yorisoi}; style-src 'self'; img-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'; require-trusted-types-for 'script'`;

const cmsPage = (yorisoi: string) => `<!doctype html>
<html lang="ja">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>ひとり親家庭の方へ | 別オリジン市</title>
<script type="module" src="${yorisoi}/widgets/intake.js"></script>
<script type="module" src="${yorisoi}/widgets/chat.js"></script>
</head>
<body>
<main>
<h1>ひとり親家庭の方へ</h1>
<yorisoi-intake api="${yorisoi}/graphql" municipality="999999"></yorisoi-intake>
</main>
<yorisoi-chat api="${yorisoi}/graphql" municipality="999999"></yorisoi-chat>
</body>
</html>`;

const listen = (server: Server) =>
  new Promise<string>((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));

beforeAll(async () => {
  ensureBundle();
  t = await startTestApp({ records: 0 });
  api = createServer(t.app.express);
  apiOrigin = await listen(api);
  cms = createServer((req, res) => {
    if (req.url !== '/') return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': csp(apiOrigin), 'cache-control': 'no-store' });
    res.end(cmsPage(apiOrigin));
  });
  cmsOrigin = await listen(cms);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await new Promise((r) => cms?.close(r));
  await new Promise((r) => api?.close(r));
  await t?.close();
});

interface Visit {
  page: Page;
  problems: string[];
  widgetResponses: Response[];
  close(): Promise<void>;
}
async function visit(): Promise<Visit> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  const problems: string[] = [];
  const widgetResponses: Response[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  page.on('response', (r) => r.url().startsWith(`${apiOrigin}/widgets/`) && widgetResponses.push(r));
  // CSP violations are reported to the page as events; count them from the first script on.
  await page.addInitScript(() => {
    (window as unknown as { cspViolations: string[] }).cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as { cspViolations: string[] }).cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  await page.goto(`${cmsOrigin}/`);
  return { page, problems, widgetResponses, close: () => context.close() };
}
const defined = (p: Page) => p.evaluate(() => ({ intake: !!customElements.get('yorisoi-intake'), chat: !!customElements.get('yorisoi-chat') }));

describe('embedding both widgets in a page of another origin, under a strict CSP', () => {
  it('refuses the scripts to an origin that is not allowed (403, no CORS header: the browser does not run them)', async () => {
    const direct = await t.http.get('/widgets/intake.js').set('origin', cmsOrigin);
    expect(direct.status).toBe(403);
    expect(direct.headers['access-control-allow-origin']).toBeUndefined();
    const v = await visit();
    try {
      await v.page.waitForLoadState('networkidle');
      expect(await defined(v.page)).toEqual({ intake: false, chat: false });
      expect(v.problems.join('\n')).toMatch(/CORS|Access-Control-Allow-Origin|403/);
    } finally {
      await v.close();
    }
  });

  it('once an admin allows the origin, loads both widgets, talks to the API, and stays within budget on the wire', async () => {
    const admin = await t.login(DepartmentCode.SINGLE_PARENT, 'admin');
    const added = await t.gql('mutation($i: AllowedOriginInput!) { addAllowedOrigin(input: $i) { origins } }', { i: { origin: cmsOrigin } }, admin);
    expect(added.body.errors).toBeUndefined();

    const v = await visit();
    try {
      await v.page.waitForFunction(
        () =>
          !!document.querySelector('yorisoi-intake')?.shadowRoot?.querySelector('h2') &&
          !!document.querySelector('yorisoi-chat')?.shadowRoot?.querySelector('#launcher'),
      );
      // The chat asks the real API across origins (CORS on /graphql) and shows the answer.
      await v.page.evaluate(() => (document.querySelector('yorisoi-chat')!.shadowRoot!.querySelector('#launcher') as HTMLButtonElement).click());
      await v.page.waitForFunction(() => document.querySelector('yorisoi-chat')?.shadowRoot?.activeElement?.id === 'input');
      await v.page.keyboard.type('児童扶養手当の申請に必要な書類は？');
      await v.page.keyboard.press('Enter');
      await v.page.waitForFunction(() => (document.querySelector('yorisoi-chat')?.shadowRoot?.querySelectorAll('.log .bot').length ?? 0) >= 1, undefined, {
        timeout: 10_000,
      });
      expect(
        await v.page.evaluate(() => document.querySelector('yorisoi-chat')!.shadowRoot!.querySelector('.log .bot [part~=programmes]')?.textContent),
      ).toContain('児童扶養手当');
      expect(await v.page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);
      expect(v.problems).toEqual([]);

      // What crossed the wire for each widget: the stable file and the build it imports.
      const wire: Record<string, number> = { intake: 0, chat: 0 };
      for (const r of v.widgetResponses) {
        const name = /\/widgets\/([a-z]+)\./.exec(r.url())![1]!;
        const sizes = await r.request().sizes();
        wire[name] = (wire[name] ?? 0) + sizes.responseBodySize + sizes.responseHeadersSize;
        const h = r.headers();
        expect(h['access-control-allow-origin'], r.url()).toBe(cmsOrigin);
        expect(h['cross-origin-resource-policy']).toBe('cross-origin');
        if (/\.[0-9a-f]{12}\.js$/.test(r.url())) {
          expect(h['content-encoding'], r.url()).toBe('br');
          expect(h['cache-control']).toBe('public, max-age=31536000, immutable');
        } else {
          expect(h['cache-control']).toBe('public, max-age=300');
          expect(h.etag).toMatch(/^"[0-9a-f]{16}"$/);
        }
      }
      expect(v.widgetResponses.map((r) => new URL(r.url()).pathname).sort()).toEqual([
        expect.stringMatching(/^\/widgets\/chat\.[0-9a-f]{12}\.js$/),
        '/widgets/chat.js',
        expect.stringMatching(/^\/widgets\/intake\.[0-9a-f]{12}\.js$/),
        '/widgets/intake.js',
      ]);
      console.log(`on the wire (brotli, with headers): intake ${(wire.intake! / 1024).toFixed(1)} KB, chat ${(wire.chat! / 1024).toFixed(1)} KB`);
      expect(wire.intake).toBeLessThanOrEqual(BUDGET.intake);
      expect(wire.chat).toBeLessThanOrEqual(BUDGET.chat);
    } finally {
      await v.close();
    }
  }, 60_000);
});

/** GET from the API as bytes on the wire (supertest and fetch would decompress them). */
function rawGet(path: string, headers: Record<string, string>): Promise<{ headers: IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    get(`${apiOrigin}${path}`, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

describe('/widgets/* over HTTP', () => {
  it('revalidates the stable name with its ETag (304), serves builds immutable, by Accept-Encoding', async () => {
    const allowed = 'http://cms.example.jp'; // CORS_ORIGINS of the test app
    const stable = await t.http.get('/widgets/chat.js').set('origin', allowed);
    expect(stable.status).toBe(200);
    expect(stable.headers.vary).toBe('Origin, Accept-Encoding');
    const build = /"\.\/(chat\.[0-9a-f]{12}\.js)"/.exec(stable.text)![1]!;
    const again = await t.http.get('/widgets/chat.js').set('origin', allowed).set('if-none-match', stable.headers.etag!);
    expect(again.status).toBe(304);
    expect(again.headers['access-control-allow-origin']).toBe(allowed);
    expect(again.text ?? '').toBe('');

    const raw = (enc: string) => rawGet(`/widgets/${build}`, { 'accept-encoding': enc });
    const br = await raw('gzip, deflate, br');
    const gz = await raw('gzip');
    const none = await raw('identity');
    const refusesBr = await raw('br;q=0, gzip;q=0.5');
    expect([br.headers['content-encoding'], gz.headers['content-encoding'], none.headers['content-encoding'], refusesBr.headers['content-encoding']]).toEqual([
      'br',
      'gzip',
      undefined,
      'gzip',
    ]);
    expect(br.body.length).toBeLessThan(gz.body.length);
    expect(gz.body.length).toBeLessThan(none.body.length / 2);
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.headers['content-type']).toBe('text/javascript; charset=utf-8');
    const revalidated = await t.http.get(`/widgets/${build}`).set('accept-encoding', 'br').set('if-none-match', br.headers.etag!);
    expect(revalidated.status).toBe(304);
  });

  it('serves nothing else under /widgets', async () => {
    for (const path of ['/widgets/manifest.json', '/widgets/chat.js.map', '/widgets/..%2Fpackage.json', '/widgets/chat.000000000000.js', '/widgets/Chat.js']) {
      expect((await t.http.get(path)).status, path).toBe(404);
    }
  });
});
