import type { EntityManager } from '@mikro-orm/postgresql';
import { Hook } from '../core';
import type { PersonalRecord } from './personal-record.entity';

/**
 * The one-stop hand-over, called by RecordWriter when a family newly consents to share with departments
 * (`granted`: the new targets, partners included; `creating`: the record is new). inbox/ gives each
 * department an item (inbox/hand-over.ts); inbox/ reads records, so record/ calls it through this slot,
 * connected by server/wiring.ts, instead of importing inbox/. Runs before the writer's caller flushes:
 * what it creates is stored in the same transaction.
 */
export const CONSENT_GRANTED = new Hook<(em: EntityManager, record: PersonalRecord, granted: string[], at: Date, creating: boolean) => Promise<void>>(
  'record: CONSENT_GRANTED',
);
