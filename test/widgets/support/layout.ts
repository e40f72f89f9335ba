import type { Page } from 'playwright-core';

/**
 * Where an element is, as a person sees it: fully inside the viewport, and the topmost thing at nine
 * points of its box (corners inset by 2 px, or past a rounded border, edge midpoints, centre) — found with elementFromPoint
 * through every shadow root on the way, so a fixed launcher, a clipping scroll box or a panel drawn
 * over it all count as "covered".
 *
 * `path` locates the element: each selector is looked up in the previous match's shadow root
 * (the first in the document); a selector starting with `last:` takes the last match.
 * Returns what is wrong ([] when the element is fully visible), for readable assertion messages.
 */
export function coverage(page: Page, path: string[]): Promise<string[]> {
  return page.evaluate((path) => {
    let scope: Document | ShadowRoot = document;
    let el: Element | null = null;
    for (const step of path) {
      const last = step.startsWith('last:');
      const sel = last ? step.slice(5) : step;
      const all: Element[] = [...scope.querySelectorAll(sel)];
      el = (last ? all[all.length - 1] : all[0]) ?? null;
      if (!el) return [`${path.join(' » ')}: not found`];
      if (el.shadowRoot) scope = el.shadowRoot;
    }
    const target = el!;
    const r = target.getBoundingClientRect();
    const vw = document.documentElement.clientWidth;
    const vh = window.innerHeight;
    const name = (e: Element | null) =>
      e
        ? `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}${e.getAttribute('part') ? `[part=${e.getAttribute('part')}]` : ''}${typeof e.className === 'string' && e.className ? `.${e.className.split(' ').join('.')}` : ''}`
        : 'nothing';
    const problems: string[] = [];
    if (r.width === 0 || r.height === 0) return [`${name(target)} has no size`];
    if (r.top < -0.5 || r.left < -0.5 || r.bottom > vh + 0.5 || r.right > vw + 0.5) {
      problems.push(
        `${name(target)} at ${r.left.toFixed(0)},${r.top.toFixed(0)}–${r.right.toFixed(0)},${r.bottom.toFixed(0)} is not inside the ${vw}×${vh} viewport`,
      );
    }
    const deepAt = (x: number, y: number): Element | null => {
      let hit = document.elementFromPoint(x, y);
      while (hit?.shadowRoot) {
        const inner = hit.shadowRoot.elementFromPoint(x, y);
        if (!inner || inner === hit) break;
        hit = inner;
      }
      return hit;
    };
    // Corners inset past a rounded border (a pill-shaped button's corner is not the button): on the
    // diagonal, a point is inside the rounding from 0.293 × radius; a little more, for anti-aliasing.
    const radius = Math.min(Number.parseFloat(getComputedStyle(target).borderTopLeftRadius) || 0, r.height / 2, r.width / 2);
    const inset = Math.max(2, Math.min(0.35 * radius + 1, r.width / 4, r.height / 4));
    const xs = [r.left + inset, (r.left + r.right) / 2, r.right - inset];
    const ys = [r.top + inset, (r.top + r.bottom) / 2, r.bottom - inset];
    for (const x of xs) {
      for (const y of ys) {
        if (x < 0 || y < 0 || x > vw || y > vh) continue; // already reported as outside
        const hit = deepAt(x, y);
        if (!hit || !(hit === target || target.contains(hit)))
          problems.push(
            `${name(target)} (${r.left.toFixed(1)},${r.top.toFixed(1)}–${r.right.toFixed(1)},${r.bottom.toFixed(1)}) covered at ${x.toFixed(1)},${y.toFixed(1)} by ${name(hit)}`,
          );
      }
    }
    return problems;
  }, path);
}

/** `coverage` of an element inside <yorisoi-chat>. */
export const chatCoverage = (page: Page, selector: string): Promise<string[]> => coverage(page, ['yorisoi-chat', selector]);
