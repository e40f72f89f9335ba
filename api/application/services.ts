/**
 * The process-wide parts of this module: the procedures book (seeds/procedures, loaded once) and the
 * notice sender. Kept beside the app's services (one per app, by a WeakMap) rather than in them, so the
 * module needs no change to the shared context; the lead wires delivery with `useNoticeSender`.
 */
import { join } from 'node:path';
import { SEEDS_DIR } from '../common/paths';
import type { AppServices } from '../context';
import { NO_DELIVERY, type NoticeSender } from './notice-sender';
import { loadProcedures, type ProcedureBook } from './procedures';

export interface ApplicationServices {
  procedures: ProcedureBook;
  notices: NoticeSender;
}

const BY_APP = new WeakMap<AppServices, ApplicationServices>();

export function applicationServices(app: AppServices): ApplicationServices {
  let s = BY_APP.get(app);
  if (!s) BY_APP.set(app, (s = { procedures: loadProcedures(join(SEEDS_DIR, 'procedures'), app.catalogue), notices: NO_DELIVERY }));
  return s;
}

/** Wires the delivery of family notices (the outreach lane's channels) into one app. */
export function useNoticeSender(app: AppServices, sender: NoticeSender): void {
  applicationServices(app).notices = sender;
}
