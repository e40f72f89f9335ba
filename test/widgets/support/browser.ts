import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { findChromium } from '../../support/chromium';
import { BUNDLE, ROOT, bundleExists } from './server';

/** Flags for headless Chromium on a closed network (no background connections, no first-run UI). */
export const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/**
 * The browser test/support/chromium.ts finds (the global setup has made sure there is one).
 * Playwright gives every launch a fresh temporary user-data dir (deleted on close).
 */
export function launchChromium(): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('no Chromium found (test/support/chromium.ts)');
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS });
}

/** Builds dist/widgets/intake.js if it is missing. */
export function ensureBundle(): void {
  if (bundleExists()) return;
  const r = spawnSync(process.execPath, [join(ROOT, 'widgets', 'build.mjs')], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0 || !bundleExists()) throw new Error(`could not build ${BUNDLE}`);
}

export const AXE_PATH = join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');

/** The element focused inside the widget's shadow root, described for assertions. */
export async function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.querySelector('yorisoi-intake')?.shadowRoot?.activeElement as HTMLElement | null | undefined;
    if (!el) return '';
    return (
      el.id ||
      `${el.tagName.toLowerCase()}${el.getAttribute('value') ? `[value=${el.getAttribute('value')}]` : ''}${el.getAttribute('part') ? `[part=${el.getAttribute('part')}]` : ''}`
    );
  });
}

/** Presses Tab until the element matching `selector` (inside the shadow root) has focus. */
export async function tabTo(page: Page, selector: string, max = 60): Promise<void> {
  for (let i = 0; i < max; i++) {
    const ok = await page.evaluate((s) => {
      const root = document.querySelector('yorisoi-intake')?.shadowRoot;
      return !!root?.activeElement && root.activeElement === root.querySelector(s);
    }, selector);
    if (ok) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${selector} (focus: ${await focused(page)})`);
}

/** Text content of the first match inside the widget's shadow root ('' when absent). */
export function shadowText(page: Page, selector: string): Promise<string> {
  return page.evaluate((s) => document.querySelector('yorisoi-intake')?.shadowRoot?.querySelector(s)?.textContent?.replace(/\s+/g, ' ').trim() ?? '', selector);
}

export function heading(page: Page): Promise<string> {
  return shadowText(page, 'h2');
}

/**
 * Types an ISO date into the focused <input type=date> with the keyboard. Chromium here runs in
 * en-US, whose date field is mm/dd/yyyy with auto-advance between segments.
 */
export async function typeDate(page: Page, iso: string): Promise<void> {
  // The birth-date field is text (it reads 和暦 and 8 digits too); an ISO date is one of the forms it takes.
  await page.keyboard.type(iso);
  const value = await page.evaluate(() => (document.querySelector('yorisoi-intake')?.shadowRoot?.activeElement as HTMLInputElement | null)?.value);
  if (value !== iso) throw new Error(`date field holds ${value}, expected ${iso} `);
}

/** Waits for the widget to render and returns once its first heading is there. */
export async function openWidget(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForFunction(() => !!document.querySelector('yorisoi-intake')?.shadowRoot?.querySelector('h2'));
}

/** Waits until the step heading reads `text` (and has focus, as it must after a step change). */
export async function waitForStep(page: Page, text: string): Promise<void> {
  await page.waitForFunction(
    (t) => {
      const root = document.querySelector('yorisoi-intake')?.shadowRoot;
      const h = root?.querySelector('h2');
      return !!h && h.textContent?.includes(t) && root?.activeElement === h;
    },
    text,
    { timeout: 15_000 },
  );
}
