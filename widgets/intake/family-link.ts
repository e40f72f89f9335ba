import { html, nothing } from 'lit';
import { ruby } from '../shared/ruby.js';
import type { Lang } from './i18n.js';

/** Texts of the receipt's way on to the family page: [Japanese, English, やさしい日本語]. */
const FT = {
  heading: ['オンラインでの申請・手続き', 'Apply online', 'インターネットで 申{もう}し込{こ}む'],
  intro: [
    '申請・手続きのページで、この受付の内容を使って申請できます。受付で入力した連絡先に、サインイン用のコードをお送りします（番号を入力し直す必要はありません）。',
    'On the applications page you can apply with what you gave on this form. We send a sign-in code to the contact you gave (no need to type your number again).',
    '申{もう}し込{こ}みの ページで、いま 書{か}いた ことを 使{つか}って 申{もう}し込{こ}めます。書{か}いた 連絡先{れんらくさき}に コードを おくります。',
  ],
  button: ['申請・手続きのページへ', 'Go to the applications page', '申{もう}し込{こ}みの ページへ'],
} as const;

/** The fragment the family page reads (widgets/mypage/handoff.ts): a one-time token, never personal data. */
export const FAMILY_FRAGMENT = 'yorisoi-intake=';

/**
 * Where the family page lives: the `family-page-url` attribute (a webmaster's page with
 * <yorisoi-mypage>), else `/mypage` beside the API (the page Yorisoi serves itself).
 */
export function familyPageBase(attr: string | null, api: string): string {
  try {
    return new URL(attr || '/mypage', attr ? location.href : new URL(api, location.href)).href.split('#')[0]!;
  } catch {
    return '/mypage';
  }
}

/** The link with the hand-off token in its fragment (not sent to any server, removed by the family page on arrival). */
export function familyLinkUrl(base: string, token: string | null): string {
  return token ? `${base}#${FAMILY_FRAGMENT}${encodeURIComponent(token)}` : base;
}

/**
 * The receipt's next step: a clear link to the family page, where the sign-in code is sent to the
 * contact the intake gave. Shown only when there is such a contact (`url` null otherwise).
 */
export function familyLinkView(url: string | null, l: Lang) {
  if (!url) return nothing;
  const t = (k: keyof typeof FT) => FT[k][l];
  return html`<section class="family" aria-labelledby="family-h" part="family">
    <p class="sub" id="family-h">${ruby(t('heading'))}</p>
    <p id="family-hint">${ruby(t('intro'))}</p>
    <p><a id="family-link" class="button" part="button family-link" href=${url} aria-describedby="family-hint">${ruby(t('button'))}</a></p>
  </section>`;
}
