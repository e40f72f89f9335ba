import { expect, it } from 'vitest';
import * as migration from '../../api/db/migrations/Migration20261204120000_Outreach';
import { OUTREACH_SEND_QUEUE, PGBOSS_SCHEMA } from '../../api/outreach/queue';

it('the outreach queue uses the queue and schema its migration creates', () => {
  expect(OUTREACH_SEND_QUEUE).toBe(migration.OUTREACH_SEND_QUEUE);
  expect(PGBOSS_SCHEMA).toBe(migration.PGBOSS_SCHEMA);
});
