import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

type Texts = typeof import('../../widgets/staff/admin-event-texts.js', { with: { 'resolution-mode': 'import' } });
let m: Texts;
beforeAll(async () => {
  m = await import('../../widgets/staff/admin-event-texts.js');
});

/** The codes of AdminAction, read from its declaration (the API's own list). */
function recordedActions(): string[] {
  const src = readFileSync(join(__dirname, '../../api/accounts/admin-events.ts'), 'utf8');
  const union = src.slice(src.indexOf('export type AdminAction ='), src.indexOf(';', src.indexOf('export type AdminAction =')));
  return [...union.matchAll(/'([a-z-]+\.[a-z-]+)'/g)].map((x) => x[1]!);
}

describe('administration trail in words (user trial: raw codes such as staff.invited on screen)', () => {
  it('names every action the API records, in Japanese, English and やさしい日本語', () => {
    const actions = recordedActions();
    expect(actions.length).toBeGreaterThan(30);
    for (const a of actions) for (const lang of [0, 1, 2] as const) expect(m.actionName(lang, a), a).not.toBe(a);
    // And nothing named that the API does not record (a renamed code would silently lose its words).
    expect([...m.NAMED_ACTIONS].sort()).toEqual([...actions].sort());
  });

  it('shows a code it does not know as it is', () => {
    expect(m.actionName(0, 'staff.something-new')).toBe('staff.something-new');
  });
});
