import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { DepartmentCode } from '../../../api/core/departments';
import { demoStaffEmail } from '../../../api/server/seed/demo-seed';
import { startTestApp, TEST_PASSWORD, type TestApp } from '../../support/app';
import { ROOT } from './server';

/**
 * Helpers of the staff console tests: the real API app (demo seed) listening on loopback, the
 * console at /staff on the same origin, and Playwright helpers. Playwright's CSS locators pierce
 * open shadow roots, so `page.locator('#email')` finds the input inside <staff-login>.
 */
export const STAFF_BUNDLE = join(ROOT, 'dist', 'widgets', 'staff.js');

/** Builds dist/widgets/staff.js when it is missing or older than a source file of widgets/staff/. */
export function ensureStaffBundle(): void {
  const dir = join(ROOT, 'widgets', 'staff');
  const newest = Math.max(...readdirSync(dir).map((f) => statSync(join(dir, f)).mtimeMs));
  if (existsSync(STAFF_BUNDLE) && statSync(STAFF_BUNDLE).mtimeMs >= newest) return;
  const r = spawnSync(process.execPath, [join(ROOT, 'widgets', 'build.mjs')], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0 || !existsSync(STAFF_BUNDLE)) throw new Error('could not build dist/widgets/staff.js');
}

export interface StaffServer {
  t: TestApp;
  origin: string;
  close(): Promise<void>;
}

/** `demo`: demo mode (SEED_DEMO), as `npm start` on the embedded default. */
export async function startStaffServer(options: { demo?: boolean } = {}): Promise<StaffServer> {
  ensureStaffBundle(); // before createApp, which serves dist/widgets only if it exists
  const t = await startTestApp(options);
  const http = await new Promise<Server>((resolve) => {
    const s = t.app.express.listen(0, '127.0.0.1', () => resolve(s));
  });
  const origin = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  (t.app.services.intake.globalOrigins as Set<string>).add(origin);
  return {
    t,
    origin,
    async close() {
      await new Promise((r) => http.close(r));
      await t.close();
    },
  };
}

/** Public submissions that land in the single-parent inbox: intake forms and a chat request. Returns reference numbers, oldest first. */
export async function submitPublic(
  s: StaffServer,
  items: ({ intake: string[] } | { chat: { message: string; preferredTime: string; name: string } })[],
): Promise<string[]> {
  const settings = await s.t.gql('{ intakeSettings(municipalityCode: "999999") { privacyNoticeVersion } }');
  const notice = settings.body.data!.intakeSettings.privacyNoticeVersion as string;
  const refs: string[] = [];
  for (const item of items) {
    const res =
      'intake' in item
        ? await s.t.gql(
            'mutation($i: IntakeInput!) { r: submitIntake(input: $i) { referenceNumber } }',
            {
              i: {
                municipalityCode: '999999',
                idempotencyKey: randomUUID(),
                concerns: { categories: item.intake },
                consent: { sharedWith: [], privacyNoticeVersion: notice },
              },
            },
            undefined,
            { origin: s.origin },
          )
        : await s.t.gql(
            'mutation($i: ConsultationRequestInput!) { r: requestConsultation(input: $i) { referenceNumber } }',
            {
              i: {
                municipalityCode: '999999',
                idempotencyKey: randomUUID(),
                privacyNoticeVersion: notice,
                ...item.chat,
                contact: { contactAllowed: true, phone: '0000-11-2222', preferredChannel: 'PHONE' },
              },
            },
            undefined,
            { origin: s.origin },
          );
    if (res.body.errors) throw new Error(JSON.stringify(res.body.errors));
    refs.push(res.body.data!.r.referenceNumber);
  }
  return refs;
}

export const staffEmail = (d: DepartmentCode, role?: string) => demoStaffEmail(d, role);

/** Opens /staff and signs in; resolves when the header names the person. */
export async function signIn(page: Page, origin: string, department: DepartmentCode, role?: string): Promise<void> {
  await page.goto(`${origin}/staff`);
  await page.locator('#email').fill(staffEmail(department, role));
  await page.locator('#password').fill(TEST_PASSWORD);
  await page.locator('staff-login button[type=submit]').click();
  await page.locator('#who').waitFor();
}

/** The whole rendered DOM as HTML, shadow roots included (page.content() leaves them out). */
export function deepHtml(page: Page): Promise<string> {
  return page.evaluate(() => {
    const parts: string[] = [document.documentElement.outerHTML];
    const walk = (root: Document | ShadowRoot) => {
      for (const el of Array.from(root.querySelectorAll('*'))) {
        if (el.shadowRoot) {
          parts.push(el.shadowRoot.innerHTML);
          walk(el.shadowRoot);
        }
      }
      // Values typed or set as properties are not in the markup.
      for (const input of Array.from(root.querySelectorAll('input, textarea, select')) as HTMLInputElement[]) parts.push(input.value);
    };
    walk(document);
    return parts.join('\n');
  });
}

/** The element that has focus, through shadow roots: `tag#id` and its text. */
export function deepFocus(page: Page): Promise<{ tag: string; id: string; text: string }> {
  return page.evaluate(() => {
    let el: Element | null = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return { tag: el?.tagName.toLowerCase() ?? '', id: el?.id ?? '', text: el?.textContent?.replace(/\s+/g, ' ').trim() ?? '' };
  });
}

/** Waits until the focused element is a heading whose text includes `text`. */
export async function waitForHeadingFocus(page: Page, text: string): Promise<void> {
  await page.waitForFunction(
    (t) => {
      let el: Element | null = document.activeElement;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      return !!el && /^H[1-3]$/.test(el.tagName) && (el.textContent ?? '').includes(t);
    },
    text,
    { timeout: 10_000 },
  );
}

/** Whether any storage of the page holds `needle`. */
export function storageHolds(page: Page, needle: string): Promise<boolean> {
  return page.evaluate((n) => {
    const all = (s: Storage) => Array.from({ length: s.length }, (_, i) => `${s.key(i)}=${s.getItem(s.key(i)!)}`).join('\n');
    return all(localStorage).includes(n) || all(sessionStorage).includes(n);
  }, needle);
}

export { DepartmentCode, TEST_PASSWORD };

/** Whether the whole of the element is inside the viewport (not just its first line). */
export async function wholeInView(page: Page, locator: Locator): Promise<boolean> {
  const box = await locator.boundingBox();
  const view = page.viewportSize();
  return !!box && !!view && box.y >= 0 && box.y + box.height <= view.height;
}
