import { html } from 'lit';
import type { Lang } from './i18n.js';

/**
 * The response-target field of the municipality settings (issue 18): how many open days (開庁日) a new
 * item may wait before the worklist marks it over target. In its own file so the settings screen needs only
 * a two-line edit. Texts: [Japanese, English, やさしい日本語].
 */
const TEXTS = {
  label: ['対応目標（開庁日）', 'Response target (open days)', 'れんらくする までの 日数（やくしょが あいている 日）'],
  hint: [
    '新しい受付がこの開庁日数を超えて待つと、ワークリストで「目標超過」と表示します。土日・祝日・年末年始は数えません（1〜30）。',
    'A new item waiting longer than this many open days is shown as over target on the worklist. Weekends, public holidays and the year-end closing do not count (1 to 30).',
    'あたらしい うけつけが この 日数より ながく まつと、ワークリストに「目標超過」と でます。土よう・日よう・しゅくじつ・年まつ年しは かぞえません（1から 30）。',
  ],
} as const;

export function responseTargetField(lang: Lang | 2, value: number) {
  const t = (k: keyof typeof TEXTS) => TEXTS[k][lang] ?? TEXTS[k][0];
  return html`<div class="field">
    <label for="target-days">${t('label')}</label>
    <input id="target-days" type="number" inputmode="numeric" min="1" max="30" step="1" required .value=${String(value)} aria-describedby="target-days-hint" />
    <p id="target-days-hint" class="muted">${t('hint')}</p>
  </div>`;
}

/** The field's value; anything but a whole number goes to the server as 0 so its message (1 to 30) is the one shown. */
export function readResponseTarget(root: ParentNode): number {
  const n = Number(root.querySelector<HTMLInputElement>('#target-days')?.value ?? '');
  return Number.isInteger(n) ? n : 0;
}
