import { html, nothing, type TemplateResult } from 'lit';
import type { StaffApi } from './api.js';
import { at } from './accounts-texts.js';
import type { Lang } from './i18n.js';
import type { Me } from './queries.js';

/**
 * How the account screens plug into the console shell (staff-app.ts calls these four, so that the
 * shell's own edit stays small): their routes, navigation links, titles and elements.
 *   #/account               my account (everyone)
 *   #/settings/staff        staff and roles (admins)
 *   #/settings/municipality municipality settings (admins)
 */
export type AccountView = 'my-account' | 'staff-accounts' | 'municipality';
export const ACCOUNT_VIEWS: readonly string[] = ['my-account', 'staff-accounts', 'municipality'];

export function accountRoute(parts: string[]): AccountView | null {
  if (parts[0] === 'account') return 'my-account';
  if (parts[0] === 'settings' && parts[1] === 'staff') return 'staff-accounts';
  if (parts[0] === 'settings' && parts[1] === 'municipality') return 'municipality';
  return null;
}

export function accountTitle(lang: Lang, view: AccountView): string {
  return at(lang, view === 'my-account' ? 'myNav' : view === 'staff-accounts' ? 'staffNav' : 'municipalityNav');
}

export function accountNav(lang: Lang, me: Me, current: string): TemplateResult {
  const link = (href: string, view: AccountView) =>
    html`<li><a href=${href} aria-current=${current === view ? 'page' : nothing}>${accountTitle(lang, view)}</a></li>`;
  return html`${me.role === 'ADMIN' ? html`${link('#/settings/staff', 'staff-accounts')}${link('#/settings/municipality', 'municipality')}` : nothing}${me.kind === 'staff' ? link('#/account', 'my-account') : nothing}`;
}

export function accountView(view: AccountView, api: StaffApi, locale: Lang, me: Me): TemplateResult {
  if (view === 'staff-accounts') return html`<staff-accounts .api=${api} .locale=${locale} .me=${me}></staff-accounts>`;
  if (view === 'municipality') return html`<staff-municipality .api=${api} .locale=${locale} .me=${me}></staff-municipality>`;
  return html`<staff-my-account .api=${api} .locale=${locale} .me=${me}></staff-my-account>`;
}
