import { html, nothing, type TemplateResult } from 'lit';
import { accountNav } from './accounts-nav.js';
import { adminNav } from './admin-nav.js';
import { col, tr, type Lang } from './i18n.js';
import { L as LINE_TEXTS } from './line-texts.js';
import type { Me } from './queries.js';

/** The demo mailbox's link (api/outreach/demo-mailbox.ts): admins see it only while the server says it is there. */
const MAILBOX = [
  'デモ用メールボックス（実際には送信されません）',
  'Demo mailbox (nothing is actually sent)',
  'デモようの メールばこ（ほんとうには おくって いません）',
] as const;
const NEW_TAB = ['（新しいタブで開く）', '(opens in a new tab)', '（あたらしい タブで ひらく）'] as const;

export interface NavState {
  locale: Lang;
  me: Me;
  /** The current route's view. */
  view: string;
  /** On a narrow screen the list shows only when open (the 「メニュー」 disclosure button). */
  open: boolean;
  /** The server runs the demo with its built-in mail catcher (GET /demo/status). */
  demoMailbox: boolean;
  toggle(open: boolean, focusButton: boolean): void;
}

/**
 * The console's main menu. Wide screens: every link in a wrapped row, as always. Narrow ones (a phone,
 * staff.styles.ts): a 「メニュー」 button (disclosure, aria-expanded) before the list, which stays folded
 * until opened, so a screen's content starts within the first viewport instead of below ~18 links.
 * Choosing a link folds it again (the view then takes focus); Escape folds it and returns to the button.
 */
export function mainNav(s: NavState): TemplateResult {
  const { me, locale: l, view } = s;
  const t = (k: Parameters<typeof tr>[1]) => tr(l, k);
  const current = (v: string[]) => (v.includes(view) ? 'page' : nothing);
  const owner = me.department === 'SINGLE_PARENT' && (me.role === 'SUPERVISOR' || me.role === 'ADMIN');
  const keydown = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && s.open) {
      e.preventDefault();
      s.toggle(false, true);
    }
  };
  return html`<nav aria-label=${t('navLabel')} class=${s.open ? 'open' : ''} @keydown=${keydown}>
    <button type="button" class="menu" aria-expanded=${s.open ? 'true' : 'false'} aria-controls="nav-list" @click=${() => s.toggle(!s.open, false)}>
      <span aria-hidden="true">☰</span> ${t('menu')}
    </button>
    <ul id="nav-list" @click=${(e: Event) => (e.target as Element).closest('a') && s.toggle(false, false)}>
      <li><a href="#/worklist" aria-current=${current(['worklist'])}>${t('worklistNav')}</a></li>
      <li><a href="#/inbox" aria-current=${current(['inbox'])}>${t('inbox')}</a></li>
      <li><a href="#/records" aria-current=${current(['records', 'record', 'print', 'merge'])}>${t('records')}</a></li>
      <li><a href="#/applications" aria-current=${current(['applications', 'application'])}>${t('applicationsNav')}</a></li>
      <li><a href="#/outreach" aria-current=${current(['outreach'])}>${t('outreachNav')}</a></li>
      ${owner ? html`<li><a href="#/dashboard" aria-current=${current(['dashboard'])}>${t('dashboardNav')}</a></li><li><a href="#/dashboard/figures" aria-current=${current(['figures'])}>${t('figuresNav')}</a></li>` : nothing}
      ${owner ? html`<li><a href="#/audit" aria-current=${current(['auditlog'])}>${t('auditLogNav')}</a></li>` : nothing}
      ${me.role === 'ADMIN' ? html`<li><a href="#/settings/origins" aria-current=${current(['origins'])}>${t('originsNav')}</a></li>` : nothing}
      ${accountNav(l, me, view)} ${adminNav(l, me, view)}
      ${me.role === 'ADMIN' ? html`<li><a href="#/settings/line" aria-current=${current(['line'])}>${col(LINE_TEXTS.nav, l)}</a></li>` : nothing}
      ${me.role === 'ADMIN' && s.demoMailbox ? html`<li><a class="demo" href="/demo/mailbox?lang=${['ja', 'en', 'ja-easy'][l]}" target="_blank" rel="noopener noreferrer">${MAILBOX[l]}<span class="visually-hidden">${NEW_TAB[l]}</span></a></li>` : nothing}
    </ul>
  </nav>`;
}
