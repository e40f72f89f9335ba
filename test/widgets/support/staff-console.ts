import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, expect } from 'vitest';
import { launchChromium } from './browser';
import { DepartmentCode, startStaffServer, type StaffServer } from './staff';

// The staff console's browser tests (staff.console, staff.owner and staff.session .test.ts) against the REAL
// API app (in-process, demo seed of 40 fictional records). Each test file that calls useStaffConsole()
// gets its own server and browser, and every test a fresh page; the bindings below are live (ES module
// exports), so tests read the current page, problems and bodies. Facts are checked through the API itself.

export let s: StaffServer;
export let browser: Browser;
export let context: BrowserContext;
export let page: Page;
/** Page errors and console errors of the current page (a test ends expecting none). */
export let problems: string[];
/** Every response body the page received (text), for the "never sent to this browser" checks. */
export let bodies: string[];
export let pendingBodies: Promise<unknown>[] = [];

export interface Row {
  id: string;
  referenceNumber: string;
  version: number;
  identity: { familyName: string; givenName: string };
  consent: { sharedWith: string[]; shareWithPartners: boolean };
  concerns: { categories: string[] };
  income: { annualEmploymentIncome: number };
  consultations: { summary: string }[];
  address: { street: string | null };
  contact: { phone: string | null };
}
/** Every record of the demo municipality as the owner reads it (refresh() reads it again). */
export let all: Row[];

const ALL = `{ records(first: 100) { totalCount edges { node { id referenceNumber version identity { familyName givenName }
  consent { sharedWith shareWithPartners } concerns { categories } income { annualEmploymentIncome } consultations { summary } address { street } contact { phone } } } } }`;

export async function owner(): Promise<string> {
  return s.t.login(DepartmentCode.SINGLE_PARENT);
}
export async function gql(query: string, variables: Record<string, unknown>, token: string) {
  const res = await s.t.gql(query, variables, token);
  expect(res.body.errors, JSON.stringify(res.body.errors)).toBeUndefined();
  return res.body.data!;
}
export async function refresh(): Promise<void> {
  const data = await gql(ALL, {}, await owner());
  all = data.records.edges.map((e: { node: Row }) => e.node);
  expect(all.length).toBe(data.records.totalCount); // one page holds them all
  expect(all.length).toBeGreaterThanOrEqual(40); // the demo seed, plus what earlier tests submitted
}

/** The server, the browser and a fresh page for each test of the calling file. */
export function useStaffConsole(): void {
  beforeAll(async () => {
    s = await startStaffServer();
    browser = await launchChromium();
    await refresh();
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await s?.close();
  });
  beforeEach(async () => {
    await context?.close();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'ja-JP' });
    page = await context.newPage();
    problems = [];
    bodies = [];
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      // (Chromium's own request for /favicon.ico is a 404 with no page behind it.)
      if (m.type() === 'error' && !(m.text().includes('404') && m.location().url.endsWith('/favicon.ico')))
        problems.push(`console: ${m.text()} ${m.location().url}`);
    });
    page.on('response', (r) => {
      bodies.push(r.url());
      const pending = r.text().then(
        (t) => bodies.push(t),
        () => undefined,
      );
      pendingBodies.push(pending);
    });
    pendingBodies = [];
  });
}

/** A second person at another desk: a new browser context (no locale, nothing recorded), its page the current one. */
export async function otherDesk(): Promise<void> {
  await context.close();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
}

/** The visible text of a section card (its notice, or its fields). */
export const section = (p: Page, name: string) => p.locator(`section[data-section=${name}]`);

export async function openRecord(p: Page, id: string): Promise<void> {
  await p.evaluate((h) => (location.hash = h), `#/records/${id}`);
  await p.locator('section[data-section=IDENTITY]').waitFor();
}
