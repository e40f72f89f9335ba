import express, { type Request, type RequestHandler, type Response } from 'express';
import { renderSVG } from 'uqr';
import { type Locale, type LocalizedText, localeFromHeader } from '../core';
import type { LineSettings } from './config';
import type { LineLinks } from './link';

/** Codes a record may have asked for in an hour: more is not a family linking its phone. */
export const MAX_CODES_PER_HOUR = 10;

const P = {
  title: { ja: 'LINEでお知らせを受け取る', en: 'Receive notices on LINE', 'ja-easy': 'LINEで お知らせを うけとる' },
  intro: {
    ja: 'Yorisoi の LINE 公式アカウントとつなぐと、お知らせが届いたことを LINE で知らせます。LINE には内容を書かず、ログインが必要なページへのリンクだけを送ります。いつでも解除できます。',
    en: 'Link the official LINE account to be told on LINE when you have a notice. LINE never shows what it is about: only a link to a page that needs you to sign in. You can unlink at any time.',
    'ja-easy': 'LINEと つなぐと、お知らせが きた ことを LINEで 知らせます。LINEには 中身を 書きません。いつでも やめられます。',
  },
  start: { ja: '連携を始める', en: 'Start linking', 'ja-easy': 'つなぐ' },
  revoke: { ja: '連携を解除する', en: 'Unlink', 'ja-easy': 'つながりを やめる' },
  codeIntro: {
    ja: '次のボタンで LINE を開き、入力済みのメッセージをそのまま送ってください（30分以内、1回だけ使えます）。',
    en: 'Open LINE with the button and send the message as it is (within 30 minutes; it works once).',
    'ja-easy': 'ボタンで LINEを ひらいて、そのまま 送って ください（30分 いないに）。',
  },
  openLine: { ja: 'LINEで送る', en: 'Send on LINE', 'ja-easy': 'LINEで 送る' },
  codeManual: {
    ja: 'ボタンが使えないときは、次の文を公式アカウントに送ってください：',
    en: 'If the button does not work, send this to the official account:',
    'ja-easy': 'ボタンが つかえない ときは、これを 送って ください：',
  },
  revoked: { ja: '連携を解除しました。LINE でのお知らせは届きません。', en: 'Unlinked. No notices will come on LINE.', 'ja-easy': 'つながりを やめました。' },
  notRevoked: { ja: '連携はありませんでした。', en: 'There was no link.', 'ja-easy': 'つながりは ありませんでした。' },
  invalid: {
    ja: 'このリンクは使えません（期限切れか、正しくありません）。受付票をご確認ください。',
    en: 'This link cannot be used (expired or not valid). Please check your receipt.',
    'ja-easy': 'この リンクは つかえません。',
  },
  tooMany: { ja: 'しばらくしてからもう一度お試しください。', en: 'Please try again later.', 'ja-easy': 'あとで もう一度 して ください。' },
} satisfies Record<string, LocalizedText>;

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The page in the request's language, with the other two below it (a family may read either). */
function page(res: Response, status: number, l: Locale, body: (l: Locale) => string): void {
  const others = (['ja', 'en', 'ja-easy'] as const).filter((x) => x !== l);
  const html = `<!doctype html><html lang="${l === 'en' ? 'en' : 'ja'}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(P.title[l])}</title>
<style>body{font:16px/1.7 system-ui,sans-serif;max-width:36rem;margin:1rem auto;padding:0 1rem;color:#1a1a1a}a.button,button{display:inline-block;min-height:44px;padding:.6rem 1.2rem;font-size:1rem;border-radius:8px;border:2px solid #06c755;background:#06c755;color:#fff;text-decoration:none}button.secondary{background:#fff;color:#1a1a1a;border-color:#767676}code{word-break:break-all}section+section{margin-top:2rem;border-top:1px solid #ccc}</style></head><body>
<main><section lang="${l === 'en' ? 'en' : 'ja'}">${body(l)}</section>${others.map((o) => `<section lang="${o === 'en' ? 'en' : 'ja'}">${body(o)}</section>`).join('')}</main></body></html>`;
  res.status(status).set({
    'content-type': 'text/html; charset=utf-8',
    // No script at all; forms post only here; the token in the address never leaves as a referrer.
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.send(html);
}

/**
 * The account-link pages, opened from the signed link on the intake receipt (LineLinks.startUrl):
 *   GET  /line/:code/link?t=…         what linking means; start or unlink
 *   POST /line/:code/link             a one-time code and the button that sends it on LINE
 *   POST /line/:code/link/revoke      unlink (the family's own act, audited)
 *   GET  /line/:code/link/qr.svg?t=…  the link page's address as a QR code (the intake receipt shows it)
 * They show nothing of the record: the signed link is the family's key, not a sign-in.
 */
export function linkPageRoutes(settings: LineSettings, links: LineLinks): express.Router {
  const router = express.Router();
  const form = express.urlencoded({ extended: false, limit: 2048, parameterLimit: 5 });
  const token = (req: Request): unknown => (req.method === 'GET' ? req.query.t : (req.body as Record<string, unknown> | undefined)?.t);
  const admit = (req: Request, res: Response): { code: string; recordId: string; l: Locale; t: string } | null => {
    const l = localeFromHeader(req.headers['accept-language']);
    const code = String(req.params.municipalityCode ?? '');
    const t = token(req);
    const recordId = settings.channels.has(code) ? links.verifyStart(code, t) : null;
    if (!recordId) {
      page(res, 403, l, (x) => `<h1>${escape(P.title[x])}</h1><p>${escape(P.invalid[x])}</p>`);
      return null;
    }
    return { code, recordId, l, t: t as string };
  };

  const show: RequestHandler = (req, res) => {
    const a = admit(req, res);
    if (!a) return;
    const action = `/line/${a.code}/link`;
    page(
      res,
      200,
      a.l,
      (x) => `<h1>${escape(P.title[x])}</h1><p>${escape(P.intro[x])}</p>
<form method="post" action="${action}"><input type="hidden" name="t" value="${escape(a.t)}"><button type="submit">${escape(P.start[x])}</button></form>
<form method="post" action="${action}/revoke"><input type="hidden" name="t" value="${escape(a.t)}"><p><button type="submit" class="secondary">${escape(P.revoke[x])}</button></p></form>`,
    );
  };

  const issue: RequestHandler = async (req, res, next) => {
    try {
      const a = admit(req, res);
      if (!a) return;
      if ((await links.codesInLastHour(a.recordId)) >= MAX_CODES_PER_HOUR)
        return page(res, 429, a.l, (x) => `<h1>${escape(P.title[x])}</h1><p>${escape(P.tooMany[x])}</p>`);
      const code = await links.issueCode(a.code, a.recordId);
      const message = `連携コード ${code}`;
      const basicId = settings.channels.get(a.code)!.basicId;
      const button = basicId ? `https://line.me/R/oaMessage/${encodeURIComponent(basicId)}/?${encodeURIComponent(message)}` : null;
      page(
        res,
        200,
        a.l,
        (x) => `<h1>${escape(P.title[x])}</h1><p>${escape(P.codeIntro[x])}</p>
${button ? `<p><a class="button" href="${escape(button)}">${escape(P.openLine[x])}</a></p>` : ''}<p>${escape(P.codeManual[x])}<br><code>${escape(message)}</code></p>`,
      );
    } catch (e) {
      next(e);
    }
  };

  const revoke: RequestHandler = async (req, res, next) => {
    try {
      const a = admit(req, res);
      if (!a) return;
      const done = await links.revoke(a.code, 'family', { recordId: a.recordId });
      page(res, 200, a.l, (x) => `<h1>${escape(P.title[x])}</h1><p>${escape((done ? P.revoked : P.notRevoked)[x])}</p>`);
    } catch (e) {
      next(e);
    }
  };

  // The QR code of the link page for the receipt (widgets/intake/line-link.ts): drawn here, so the
  // widget carries no encoder. The same signed token; nothing else is in it.
  const qr: RequestHandler = (req, res) => {
    const code = String(req.params.municipalityCode ?? '');
    const t = req.query.t;
    if (!settings.channels.has(code) || !links.verifyStart(code, t)) return void res.status(403).type('text/plain').send('not a valid link');
    const url = `${settings.publicUrl}/line/${code}/link?t=${t as string}`;
    res.status(200).set({
      'content-type': 'image/svg+xml; charset=utf-8',
      'content-security-policy': "default-src 'none'",
      'cache-control': 'no-store',
      'referrer-policy': 'no-referrer',
      'x-content-type-options': 'nosniff',
      // Shown by the intake widget in the municipality's pages.
      'cross-origin-resource-policy': 'cross-origin',
    });
    res.send(renderSVG(url, { ecc: 'M', border: 4, pixelSize: 4 }));
  };

  router.get('/:municipalityCode/link', show);
  router.get('/:municipalityCode/link/qr.svg', qr);
  router.post('/:municipalityCode/link', form, issue);
  router.post('/:municipalityCode/link/revoke', form, revoke);
  return router;
}
