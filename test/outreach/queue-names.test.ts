import { expect, it } from 'vitest';
import * as migration from '../../api/db/migrations/Migration20261204120000_Outreach';
import * as campaigns from '../../api/db/migrations/Migration20261206200000_OutreachCampaigns';
import { OUTREACH_RESCREEN_QUEUE } from '../../api/outreach/nightly';
import { OUTREACH_SEND_QUEUE, PGBOSS_SCHEMA } from '../../api/outreach/queue';

it('the outreach queue uses the queue and schema its migration creates', () => {
  expect(OUTREACH_SEND_QUEUE).toBe(migration.OUTREACH_SEND_QUEUE);
  expect(PGBOSS_SCHEMA).toBe(migration.PGBOSS_SCHEMA);
});

it('the nightly re-screening uses the queue its migration creates', () => {
  expect(OUTREACH_RESCREEN_QUEUE).toBe(campaigns.OUTREACH_RESCREEN_QUEUE);
});
