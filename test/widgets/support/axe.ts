import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { AXE_PATH } from './browser';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
interface Violation {
  id: string;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

/**
 * axe-core (WCAG 2.0/2.1 A and AA) on the page, or on `include` only; fails with the violations.
 * A page under a strict CSP needs a context with `bypassCSP` so that axe can be injected.
 */
export async function expectAxeClean(page: Page, where: string, include?: string): Promise<void> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE_PATH });
  const violations = await page.evaluate(
    async ({ tags, include }) => {
      const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: Violation[] }> } }).axe;
      const r = await axe.run(include ? { include: [[include]] } : document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
      return r.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })) }));
    },
    { tags: TAGS, include },
  );
  expect(violations, `${where}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
}
