import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../../support/app';
import { launchChromium } from './browser';

/**
 * A widget against the REAL API (in-process, on the test file's database): the test page, the
 * bundles and /graphql share one origin — the API's own — which is added to the service's global
 * origins, so the public mutations accept the browser's Origin header.
 */
export interface RealApiPage {
  t: TestApp;
  origin: string;
  browser: Browser;
  /** A fresh context and page; `problems` collects page errors and console errors (404s aside). */
  newPage(): Promise<{ page: Page; problems: string[] }>;
  close(): Promise<void>;
}

/** Serves `html(lang)` at `path` (?lang=en or ja) on a real API app, and starts Chromium. Build the bundle first. `demo`: demo mode (SEED_DEMO). */
export async function startRealApiPage(path: string, html: (lang: 'ja' | 'en') => string, options: { demo?: boolean } = {}): Promise<RealApiPage> {
  const t = await startTestApp({ records: 0, ...options });
  t.app.express.get(path, (req, res) => {
    res.type('html').send(html(req.query.lang === 'en' ? 'en' : 'ja'));
  });
  const http = await new Promise<Server>((resolve) => {
    const s = t.app.express.listen(0, '127.0.0.1', () => resolve(s));
  });
  const origin = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  (t.app.services.intake.globalOrigins as Set<string>).add(origin);
  const browser = await launchChromium();
  let context: BrowserContext | undefined;
  return {
    t,
    origin,
    browser,
    async newPage() {
      await context?.close();
      context = await browser.newContext({ viewport: { width: 1024, height: 800 } });
      const page = await context.newPage();
      const problems: string[] = [];
      page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
      page.on('console', (m) => {
        if (m.type() === 'error' && !m.text().includes('404')) problems.push(`console: ${m.text()}`);
      });
      return { page, problems };
    },
    async close() {
      await context?.close();
      await browser.close();
      await new Promise((r) => http.close(r));
      await t.close();
    },
  };
}
