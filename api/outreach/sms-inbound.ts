import type { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { timingSafeEqual, createHash } from 'node:crypto';
import express, { type Router } from 'express';
import { contactHashes, keyringOf } from '../crypto';
import { rawQuery } from '../db';
import { recordConsent } from './consent';
import { bump } from './figures';
import { ConsentMethod, OutreachChannel } from './outreach-types';
import { OUTREACH_PURPOSE_VERSION } from './purpose';
import { isStopWord } from './sms';

/** +819012345678 → 09012345678 (the form the record's phone hash is made from). */
function nationalForm(number: string): string {
  const digits = number.normalize('NFKC').replace(/[^\d+]/g, '');
  return digits.startsWith('+81') ? `0${digits.slice(3)}` : digits.replace(/^\+/, '');
}

const sameSecret = (a: string, b: string) => timingSafeEqual(createHash('sha256').update(a).digest(), createHash('sha256').update(b).digest());

/**
 * The SMS provider's inbound webhook: `POST /outreach/sms/inbound` with `Authorization: Bearer
 * <SMS_INBOUND_TOKEN>` and JSON `{ from, text }`. A reply that is a stop word (sms.ts, named in every
 * SMS) withdraws the SMS opt-in of every record of that number that has one — recorded in the consent
 * history as method sms-reply, effective for the next send, and counted as an `opt-out` in the figures. Anything else is ignored (a caseworker
 * does not read SMS replies here). Answers 204 either way: the provider learns nothing about records.
 */
export function smsInboundRoutes(orm: MikroORM, token: string | null): Router {
  const router = express.Router();
  router.post('/sms/inbound', express.json({ limit: '4kb' }), async (req, res, next) => {
    try {
      const auth = req.get('authorization') ?? '';
      if (!token || !auth.startsWith('Bearer ') || !sameSecret(auth.slice(7), token)) {
        res.status(token ? 401 : 404).end();
        return;
      }
      const body = req.body as { from?: unknown; text?: unknown } | undefined;
      if (typeof body?.from !== 'string' || typeof body.text !== 'string' || body.from.length > 32 || body.text.length > 1000) {
        res.status(400).end();
        return;
      }
      if (isStopWord(body.text)) {
        const em = orm.em.fork() as EntityManager;
        const hash = contactHashes(keyringOf(em.getPlatform()), { phone: nationalForm(body.from) }).phoneHash;
        const rows = hash
          ? await rawQuery<{ id: string; municipality_code: string; kind: string | null }>(
              em,
              `select r.id, r.municipality_code,
                 (select n.kind from outreach_notice n where n.record_id = r.id and n.channel = 'SMS' and n.status = 'DELIVERED' order by n.delivered_at desc limit 1) as kind
               from personal_record r where r.contact_phone_hash = ?
                 and (select e.granted from outreach_consent_event e where e.record_id = r.id and e.channel = 'SMS' order by e.at desc, e.id desc limit 1)`,
              [hash],
            )
          : [];
        for (const r of rows) {
          await recordConsent(em, r.municipality_code, r.id, [
            { channel: OutreachChannel.SMS, granted: false, method: ConsentMethod.SMS_REPLY, recordedBy: null, purposeVersion: OUTREACH_PURPOSE_VERSION },
          ]);
          // Counted in the figures beside the family page's opt-outs, under the kind of the last SMS the
          // family received (the one the reply answers); `stop-reply` when none was sent from here.
          await bump(em, r.municipality_code, new Date(), r.kind ?? 'stop-reply', OutreachChannel.SMS, 'opt-out');
        }
      }
      res.status(204).end();
    } catch (e) {
      next(e);
    }
  });
  return router;
}
