import type { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { addDays, todayInJapan } from '../core';
import type { FigureStore } from './figure-store';

/** How far back each run looks: a server that was down for a while still seals the days it missed. */
const LOOK_BACK_DAYS = 30;

/**
 * Seals the past days of every municipality a few times a day, so the figures are stored before the
 * events they count go (LINE's webhook events after seven days, chat sessions after retention) even
 * when nobody opens the dashboard, and the dashboard finds them stored. Sealing is idempotent: several
 * API processes running it at once insert nothing twice. The first run waits, so start-up (and tests)
 * are not slowed by it.
 */
export function startFigureSealer(
  orm: MikroORM,
  store: FigureStore,
  options: { firstAfterMs?: number; everyMs?: number } = {},
): { stop(): void; runOnce(): Promise<void> } {
  const runOnce = async () => {
    const em = orm.em.fork() as EntityManager;
    const codes = await em.getConnection().execute<{ code: string }[]>(`select code from municipality order by code`);
    const today = todayInJapan();
    for (const { code } of codes) await store.seal(em, code, addDays(today, -LOOK_BACK_DAYS), today);
  };
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  const schedule = (ms: number) => {
    if (stopped) return;
    timer = setTimeout(
      () =>
        void runOnce()
          .catch(() => undefined)
          .finally(() => schedule(options.everyMs ?? 6 * 3_600_000)),
      ms,
    );
    timer.unref();
  };
  schedule(options.firstAfterMs ?? 10 * 60_000);
  return {
    runOnce,
    stop: () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
}
