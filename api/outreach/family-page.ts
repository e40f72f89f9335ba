import type { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import express, { type Router } from 'express';
import type { Locale } from '../core';
import { rawQuery } from '../db';
import type { RateLimit } from '../limits';
import type { Catalogue } from '../programme';
import { recordConsent } from './consent';
import { bump } from './figures';
import type { NoticeLinks } from './link';
import { ConsentMethod, type OutreachChannel } from './outreach-types';
import { OUTREACH_PURPOSE_VERSION } from './purpose';

interface NoticeRow {
  id: string;
  municipality_code: string;
  record_id: string;
  kind: string;
  channel: OutreachChannel;
  programme_id: string;
  locale: Locale;
  facts: Record<string, unknown> | string;
  opened_at: Date | null;
}

const T = {
  title: { ja: 'あなたに関係があるかもしれない支援', en: 'Support that may be for you', 'ja-easy': 'あなたが つかえる かもしれない しえん' },
  next: { ja: '次にすること', en: 'What to do next', 'ja-easy': 'つぎに すること' },
  how: { ja: '申請のしかた', en: 'How to apply', 'ja-easy': 'もうしこみ' },
  ask: { ja: '問い合わせ先', en: 'Contact', 'ja-easy': 'きく ところ' },
  stop: { ja: 'お知らせを止める', en: 'Stop these notices', 'ja-easy': 'おしらせを とめる' },
  stopNote: {
    ja: 'このボタンを押すと、この方法（メールなど）でのお知らせを止めます。',
    en: 'This stops notices sent this way (e-mail or other).',
    'ja-easy': 'おすと、この ほうほうの おしらせが とまります。',
  },
  stopped: { ja: 'お知らせを止めました。', en: 'Notices have been stopped.', 'ja-easy': 'おしらせを とめました。' },
  invalid: {
    ja: 'このリンクは使えません（期限切れの可能性があります）。市の窓口にお問い合わせください。',
    en: 'This link cannot be used (it may have expired). Please contact the city office.',
    'ja-easy': 'この リンクは つかえません。しやくしょに きいて ください。',
  },
  confirm: { ja: 'お知らせを止めますか？', en: 'Stop these notices?', 'ja-easy': 'おしらせを とめますか？' },
} as const;

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const HEADERS = {
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
  'cache-control': 'no-store',
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
};

function page(locale: Locale, title: string, body: string): string {
  return (
    `<!doctype html><html lang="${locale === 'en' ? 'en' : 'ja'}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title>` +
    `<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:1rem auto;padding:0 1rem;line-height:1.7;color:#1a1a1a}button{font-size:1rem;padding:.6rem 1rem;min-height:44px}section{border-top:1px solid #ccc;padding:.5rem 0}</style>` +
    `</head><body><main><h1>${escapeHtml(title)}</h1>${body}</main></body></html>`
  );
}

export interface FamilyPageDeps {
  orm: MikroORM;
  links: NoticeLinks;
  catalogue: () => Catalogue;
  limit: RateLimit;
}

/**
 * The family's side of a notice, at /outreach: the page a link opens (the programmes that prompted
 * it, how to apply, whom to ask, one button to stop notices) and the RFC 8058 one-click unsubscribe
 * that mail systems POST to. Opening the page is recorded (once, as a figure); nothing in the e-mail
 * tracks. An opt-out is a consent withdrawal in the record's history, effective for the next send.
 */
export function familyPageRoutes(deps: FamilyPageDeps): Router {
  const router = express.Router();
  const load = async (em: EntityManager, token: string): Promise<NoticeRow | null> => {
    const payload = deps.links.verify(token);
    if (!payload) return null;
    const [row] = await rawQuery<NoticeRow>(
      em,
      `select id, municipality_code, record_id, kind, channel, programme_id, locale, facts, opened_at from outreach_notice where id = ?`,
      [payload.noticeId],
    );
    return row ?? null;
  };
  const limited = async (req: express.Request, res: express.Response): Promise<boolean> => {
    if (await deps.limit.take(req.ip ?? 'unknown')) return false;
    res.status(429).set(HEADERS).type('text/plain').send('Too many requests');
    return true;
  };
  const invalid = (res: express.Response) =>
    res
      .status(404)
      .set(HEADERS)
      .type('html')
      .send(page('ja', T.invalid.ja, `<p lang="en">${T.invalid.en}</p><p>${T.invalid['ja-easy']}</p>`));

  router.get('/n/:token', async (req, res, next) => {
    try {
      if (await limited(req, res)) return;
      const em = deps.orm.em.fork() as EntityManager;
      const n = await load(em, req.params.token);
      if (!n) return invalid(res);
      const opened = await rawQuery(em, `update outreach_notice set opened_at = now() where id = ? and opened_at is null returning id`, [n.id]);
      if (opened.length) await bump(em, n.municipality_code, new Date(), n.kind, n.channel, 'link-opened');
      const l = n.locale;
      const facts = typeof n.facts === 'string' ? (JSON.parse(n.facts) as Record<string, unknown>) : n.facts;
      const ids = [...new Set([n.programme_id, ...(Array.isArray(facts.programmeIds) ? (facts.programmeIds as string[]) : [])].filter(Boolean))];
      const sections = ids
        .map((id) => deps.catalogue().get(id, n.municipality_code))
        .filter((p) => p !== undefined)
        .map(
          (p) =>
            `<section><h2>${escapeHtml(p.name[l])}</h2><h3>${T.how[l]}</h3><p>${escapeHtml(p.howToApply[l])}</p><h3>${T.ask[l]}</h3><p>${escapeHtml(p.contact[l])}</p></section>`,
        )
        .join('');
      const token = escapeHtml(req.params.token);
      res
        .set(HEADERS)
        .type('html')
        .send(
          page(
            l,
            T.title[l],
            `${sections}<section><h2>${T.stop[l]}</h2><p>${T.stopNote[l]}</p>` +
              `<form method="post" action="/outreach/unsubscribe/${token}"><input type="hidden" name="from" value="page"><button type="submit">${T.stop[l]}</button></form></section>`,
          ),
        );
    } catch (e) {
      next(e);
    }
  });

  // A GET never unsubscribes (link scanners follow links): it asks, and the button POSTs.
  router.get('/unsubscribe/:token', async (req, res, next) => {
    try {
      if (await limited(req, res)) return;
      const n = await load(deps.orm.em.fork() as EntityManager, req.params.token);
      if (!n) return invalid(res);
      const l = n.locale;
      res
        .set(HEADERS)
        .type('html')
        .send(
          page(
            l,
            T.confirm[l],
            `<p>${T.stopNote[l]}</p><form method="post" action="/outreach/unsubscribe/${escapeHtml(req.params.token)}"><input type="hidden" name="from" value="page"><button type="submit">${T.stop[l]}</button></form>`,
          ),
        );
    } catch (e) {
      next(e);
    }
  });

  router.post('/unsubscribe/:token', express.urlencoded({ extended: false, limit: '1kb', parameterLimit: 5 }), async (req, res, next) => {
    try {
      if (await limited(req, res)) return;
      const em = deps.orm.em.fork() as EntityManager;
      const n = await load(em, req.params.token);
      if (!n) return invalid(res);
      const oneClick = (req.body as Record<string, string> | undefined)?.['List-Unsubscribe'] === 'One-Click';
      await recordConsent(em, n.municipality_code, n.record_id, [
        {
          channel: n.channel,
          granted: false,
          method: oneClick ? ConsentMethod.ONE_CLICK : ConsentMethod.FAMILY_PAGE,
          recordedBy: null,
          purposeVersion: OUTREACH_PURPOSE_VERSION,
        },
      ]);
      await bump(em, n.municipality_code, new Date(), n.kind, n.channel, 'opt-out');
      const l = n.locale;
      res
        .set(HEADERS)
        .type('html')
        .send(page(l, T.stopped[l], ''));
    } catch (e) {
      next(e);
    }
  });
  return router;
}
