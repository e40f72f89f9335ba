import { html, nothing } from 'lit';
import { plain } from '../shared/lang.js';
import { ruby } from '../shared/ruby.js';
import type { Lang } from './i18n.js';

/** Texts of the receipt's LINE block: [Japanese, English, やさしい日本語] (kept apart from i18n.ts: one block's words). */
const LT = {
  heading: ['LINEでお知らせを受け取る', 'Get notices on LINE', 'LINEで お知{し}らせを もらう'],
  intro: [
    '市の LINE 公式アカウントと連携すると、お知らせがあることを LINE で知らせます。LINE には内容を書きません。連携はいつでも解除できます。',
    'Link the city’s official LINE account to be told on LINE when you have a notice. LINE never shows what it is about. You can unlink at any time.',
    '市{し}の LINEと つなぐと、お知{し}らせが ある ことを LINEで 知{し}らせます。中身{なかみ}は 書{か}きません。いつでも やめられます。',
  ],
  button: ['LINEと連携する', 'Link LINE', 'LINEと つなぐ'],
  newTab: ['（新しいタブで開きます）', '(opens in a new tab)', '（あたらしい タブで ひらきます）'],
  qrHint: [
    'スマートフォンで読み取るときは、このQRコードを使ってください（この画面を見ている人だけに見せてください）。',
    'To open it on your phone, scan this QR code (show it to no one else).',
    'スマホで 読{よ}む ときは この QRコードを 使{つか}って ください。',
  ],
  qrLabel: ['LINE連携ページのQRコード', 'QR code of the LINE link page', 'LINEと つなぐ ページの QRコード'],
} as const;

/**
 * The QR code of the link page, drawn by the API (`<link page>/qr.svg`, api/line/link-page.ts, with the
 * same signed token): a QR encoder in the widget would cost the bundle about 5 KB on the wire.
 */
export function qrUrl(url: string): string {
  const u = new URL(url);
  u.pathname = `${u.pathname.replace(/\/$/, '')}/qr.svg`;
  return u.toString();
}

/**
 * The receipt's invitation to link LINE (api/line: the signed link opens the link page, where the
 * family starts linking): a button, and a QR code for the phone when the form was filled in on a
 * computer. Shown only when the API gave a link — never for a DV-protected family, never without
 * consent to be contacted. Opens in a new tab, without a referrer: the receipt stays on screen.
 */
export function lineLinkView(url: string | null | undefined, l: Lang) {
  if (!url) return nothing;
  const t = (k: keyof typeof LT) => LT[k][l];
  return html`<section class="line" aria-labelledby="line-h" part="line">
    <p class="sub" id="line-h">${ruby(t('heading'))}</p>
    <p>${ruby(t('intro'))}</p>
    <p><a id="line-link" class="button" part="button line-link" href=${url} target="_blank" rel="noopener noreferrer">${ruby(t('button'))}<span class="sr">${plain(t('newTab'))}</span></a></p>
    <p id="line-qr-hint">${ruby(t('qrHint'))}</p>
    <img class="qr" id="line-qr" src=${qrUrl(url)} alt=${plain(t('qrLabel'))} aria-describedby="line-qr-hint" width="192" height="192" referrerpolicy="no-referrer" />
  </section>`;
}
