import express, { type Router } from 'express';
import { LOCALES, type Locale } from '../core';
import type { MailCatcher } from './mail-catcher';
import { mailText } from './mail-text';

/** How many of the newest messages the page shows (the catcher itself keeps a bounded number too). */
export const DEMO_MAILBOX_SHOWN = 100;

const T = {
  title: {
    ja: 'デモ用メールボックス（実際には送信されません）',
    en: 'Demo mailbox (nothing is actually sent)',
    'ja-easy': 'デモようの メールばこ（ほんとうには おくって いません）',
  },
  intro: {
    ja: 'このデモ（架空のデモ市）が送ったメール（ご家族へのログインコード、お知らせ、職員へのお知らせ、登録用リンク）は外へは送られず、このサーバーの中にだけあります。新しい順に最大{n}通を表示します。サーバーを止めると消えます。',
    en: 'E-mail this demo (the fictional デモ市) sends — the family’s sign-in codes, notices, staff reminders, sign-up links — never leaves this server. The newest {n} are shown here, newest first; they are gone when the server stops.',
    'ja-easy':
      'この デモが おくった メール（ログインの ばんごう、おしらせ など）は、そとには でません。この サーバーの なかに だけ あります。あたらしい じゅんに {n}こまで みせます。サーバーを とめると きえます。',
  },
  empty: { ja: 'まだメールはありません。', en: 'No e-mail yet.', 'ja-easy': 'まだ メールは ありません。' },
  to: { ja: '宛先', en: 'To', 'ja-easy': 'あてさき' },
  at: { ja: '受信日時', en: 'Received', 'ja-easy': 'とどいた じかん' },
  noSubject: { ja: '（件名なし）', en: '(no subject)', 'ja-easy': '（けんめい なし）' },
  reload: { ja: '最新の状態にする', en: 'Refresh', 'ja-easy': 'あたらしく する' },
  demo: { ja: 'デモのページへ', en: 'Back to the demo page', 'ja-easy': 'デモの ページへ' },
  count: { ja: '{n}通', en: '{n} messages', 'ja-easy': '{n}こ' },
} as const;
const LANG_NAMES: Record<Locale, string> = { ja: '日本語', en: 'English', 'ja-easy': 'やさしい にほんご' };

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const tx = (key: keyof typeof T, l: Locale, n = 0) => T[key][l].replace('{n}', String(n));
const TIME = new Intl.DateTimeFormat('ja-JP', { timeZone: 'Asia/Tokyo', dateStyle: 'medium', timeStyle: 'medium' });
const HEADERS = {
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'cache-control': 'no-store',
  // The messages hold sign-in links: no page they lead to learns where they were read.
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'x-robots-tag': 'noindex',
};

/** The text with its http(s) addresses as links, everything else escaped. */
export function linkified(text: string): string {
  let out = '';
  let last = 0;
  for (const m of text.matchAll(/https?:\/\/[^\s<>"'）」]+/g)) {
    out += escapeHtml(text.slice(last, m.index));
    const url = escapeHtml(m[0]);
    out += `<a href="${url}" rel="noreferrer">${url}</a>`;
    last = m.index + m[0].length;
  }
  return out + escapeHtml(text.slice(last));
}

function page(locale: Locale, catcher: MailCatcher): string {
  const mails = catcher.mails.slice(-DEMO_MAILBOX_SHOWN).reverse();
  const self = (l: Locale) => `mailbox?lang=${l}`;
  const langs = LOCALES.filter((l) => l !== locale)
    .map((l) => `<a href="${self(l)}" lang="${l === 'en' ? 'en' : 'ja'}" hreflang="${l === 'en' ? 'en' : 'ja'}">${LANG_NAMES[l]}</a>`)
    .join(' ');
  const items = mails
    .map((m, i) => {
      const { subject, text } = mailText(m.raw);
      return (
        `<article aria-labelledby="m${i}"><h2 id="m${i}">${escapeHtml(subject || tx('noSubject', locale))}</h2>` +
        `<dl><dt>${tx('to', locale)}</dt><dd>${escapeHtml(m.to.join(', '))}</dd><dt>${tx('at', locale)}</dt><dd><time datetime="${m.at.toISOString()}">${TIME.format(m.at)}</time></dd></dl>` +
        `<pre>${linkified(text)}</pre></article>`
      );
    })
    .join('');
  const title = tx('title', locale);
  return (
    `<!doctype html><html lang="${locale === 'en' ? 'en' : 'ja'}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title>` +
    `<style>body{font-family:system-ui,sans-serif;max-width:48rem;margin:1rem auto;padding:0 1rem;line-height:1.7;color:#1a1a1a}` +
    `.banner{background:#fff4ce;border:2px solid #8a6d00;padding:.5rem 1rem}nav a{display:inline-flex;align-items:center;min-height:44px;margin-right:1rem}` +
    `article{border-top:1px solid #999;padding:.5rem 0}h2{font-size:1.15rem;margin:.5rem 0}dl{display:grid;grid-template-columns:auto 1fr;gap:0 1rem;margin:0}dd{margin:0;overflow-wrap:anywhere}` +
    `pre{white-space:pre-wrap;overflow-wrap:anywhere;font-family:inherit;background:#f4f4f4;padding:.5rem}a{color:#0b57d0}pre a{display:inline-block;min-height:44px;line-height:44px}</style>` +
    `</head><body><header class="banner"><h1>${escapeHtml(title)}</h1><p>${escapeHtml(tx('intro', locale, DEMO_MAILBOX_SHOWN))}</p></header>` +
    `<nav aria-label="${locale === 'en' ? 'Demo' : 'デモ'}"><a href="${self(locale)}">${tx('reload', locale)}</a><a href="/">${tx('demo', locale)}</a>${langs}</nav>` +
    `<main><p>${tx('count', locale, mails.length)}</p>${items || `<p>${tx('empty', locale)}</p>`}</main></body></html>`
  );
}

/**
 * `/demo/mailbox`: the messages the built-in mail catcher received, for trying the demo end to end (the
 * family's sign-in code, notices, staff mail). Only in demo mode (SEED_DEMO) and only while e-mail goes to
 * the built-in catcher (`catcher` answers null whenever SMTP_URL is set): a plain 404 otherwise.
 * `/demo/status` answers on every server (so the demo page and the console ask without a failed request
 * in the browser's console): { mailbox, postalCodes }. Nothing of the messages is logged.
 */
export function demoMailbox(demo: boolean, catcher: () => Promise<MailCatcher | null>): Router {
  const router = express.Router();
  const open = () => (demo ? catcher() : Promise.resolve(null));
  router.get('/status', (_req, res, next) => {
    void open().then((c) => res.set('cache-control', 'no-store').json({ mailbox: c !== null, postalCodes: demo }), next);
  });
  router.get('/mailbox', (req, res, next) => {
    void open().then(
      (c) => {
        if (!c) return next();
        // Japanese first, like the demo pages that link here; the page's own links switch (?lang=en, ja-easy).
        const asked = typeof req.query.lang === 'string' ? req.query.lang : '';
        const locale: Locale = (LOCALES as readonly string[]).includes(asked) ? (asked as Locale) : 'ja';
        res.set(HEADERS).type('html').send(page(locale, c));
      },
      (e: unknown) => next(e),
    );
  });
  return router;
}
