import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayInJapan } from '../../api/core/dates';
import { ALL_SOURCES, FigureRegistry, FigureStore } from '../../api/reporting';
import { startTestApp, type TestApp } from '../support/app';

// The live part of the usage figures (today and yesterday, the month not over) is counted through a
// short cache per municipality: a new event shows once the window has passed, and one municipality's
// counts never answer for another's.

const DEMO = '999999';
const OTHER = '131001';
const WINDOW = 30_000;

describe('usage figures: the live part is cached briefly, per municipality', () => {
  let t: TestApp;
  const today = todayInJapan();
  const noon = Date.parse(`${today}T12:00:00+09:00`);
  let clock = noon;
  let store: FigureStore;
  const em = () => t.em() as EntityManager;
  const session = (code: string) =>
    em()
      .getConnection()
      .execute(`insert into chat_session (id, municipality_code, locale, created_at, updated_at) values (?, ?, 'ja', ?, ?)`, [
        randomUUID(),
        code,
        new Date(noon - 60_000),
        new Date(noon - 60_000),
      ]);
  const sessions = async (code: string, from = today) =>
    (await store.read(em(), code, from, today)).filter((c) => c.figure === 'chat.sessions').reduce((a, c) => a + c.value, 0);

  beforeAll(async () => {
    t = await startTestApp({ records: 2 });
    await em().getConnection().execute(`insert into municipality (code, name, allowed_origins, created_at) values (?, '別の市', '{}', now())`, [OTHER]);
    store = new FigureStore(new FigureRegistry(ALL_SOURCES), () => new Date(clock), WINDOW);
  });
  afterAll(() => t.close());

  it('shows a new event once the cache window has passed, not counting the event tables again inside it', async () => {
    const before = await sessions(DEMO);
    await session(DEMO);
    clock += WINDOW / 2;
    expect(await sessions(DEMO)).toBe(before);
    clock += WINDOW / 2 + 1;
    expect(await sessions(DEMO)).toBe(before + 1);
    // A period reaching back a year reads the same live days: the stored part plus today's new count.
    expect(await sessions(DEMO, addDays(today, -365))).toBeGreaterThanOrEqual(before + 1);
  });

  it('never answers one municipality with another’s counts, cached or not', async () => {
    clock += WINDOW + 1;
    const demo = await sessions(DEMO);
    expect(await sessions(OTHER)).toBe(0);
    await session(OTHER);
    await session(OTHER);
    // DEMO's entry is fresh; OTHER has its own (already counted zero): neither shows the other's.
    expect(await sessions(DEMO)).toBe(demo);
    clock += WINDOW + 1;
    expect(await sessions(OTHER)).toBe(2);
    expect(await sessions(DEMO)).toBe(demo);
  });

  it('drops a municipality’s live counts at once when staff change a figure by hand, and only that municipality’s', async () => {
    clock += WINDOW + 1;
    const demo = await sessions(DEMO);
    const other = await sessions(OTHER);
    await session(DEMO);
    await session(OTHER);
    store.live.invalidate(DEMO);
    expect(await sessions(DEMO)).toBe(demo + 1);
    expect(await sessions(OTHER)).toBe(other);
  });
});
