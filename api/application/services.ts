/**
 * The process-wide parts of this module: the procedures book (seeds/procedures, loaded once) and the
 * notice sender. Kept beside the app's services (one per app, by a WeakMap) rather than in them, so the
 * module needs no change to the shared context; the lead wires delivery with `useNoticeSender`.
 */
import { join } from 'node:path';
import { SEEDS_DIR } from '../core';
import type { AppServices } from '../server/context';
import type { DocumentStore } from './documents/store';
import { documentStoreFromEnv } from './documents/store-config';
import { NO_DELIVERY, type NoticeSender } from './notice-sender';
import { loadProcedures, type ProcedureBook } from './procedures';

export interface ApplicationServices {
  procedures: ProcedureBook;
  notices: NoticeSender;
  /** Uploaded documents: on the embedded default under DATA_DIR/documents, or in S3 (documents/store-config.ts). */
  documents: DocumentStore;
}

const BY_APP = new WeakMap<AppServices, ApplicationServices>();

export function applicationServices(app: AppServices): ApplicationServices {
  let s = BY_APP.get(app);
  if (!s)
    BY_APP.set(
      app,
      (s = { procedures: loadProcedures(join(SEEDS_DIR, 'procedures'), app.catalogue), notices: NO_DELIVERY, documents: documentStoreFromEnv(process.env) }),
    );
  return s;
}

/** Wires the delivery of family notices (the outreach lane's channels) into one app. */
export function useNoticeSender(app: AppServices, sender: NoticeSender): void {
  applicationServices(app).notices = sender;
}
