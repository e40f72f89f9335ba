import { html, nothing, type TemplateResult } from 'lit';
import type { StaffApi } from './api.js';
import { mt } from './admin-texts.js';
import type { Lang } from './i18n.js';
import type { Me } from './queries.js';

/**
 * How the administration screens plug into the console shell (staff-app.ts calls these four):
 *   #/settings/departments  departments and their names (admins)
 *   #/settings/partners     partner organisations and tokens (owner admins and supervisors)
 *   #/settings/privacy      the privacy notice (admins)
 *   #/settings/programmes   programme settings: contact, on/off, amounts (admins)
 *   #/settings/policy       the access policy: table, rules, YAML validate/preview/apply (admins)
 */
export type AdminView = 'departments' | 'partners' | 'privacy' | 'programmes' | 'policy';
export const ADMIN_VIEWS: readonly string[] = ['departments', 'partners', 'privacy', 'programmes', 'policy'];
const KEY = { departments: 'depNav', partners: 'partnersNav', privacy: 'noticeNav', programmes: 'progNav', policy: 'policyNav' } as const;

export function adminRoute(parts: string[]): AdminView | null {
  return parts[0] === 'settings' && ADMIN_VIEWS.includes(parts[1] ?? '') ? (parts[1] as AdminView) : null;
}

export function adminTitle(lang: Lang, view: AdminView): string {
  return mt(lang, KEY[view]);
}

export function adminNav(lang: Lang, me: Me, current: string): TemplateResult {
  const link = (view: AdminView) =>
    html`<li><a href="#/settings/${view}" aria-current=${current === view ? 'page' : nothing}>${adminTitle(lang, view)}</a></li>`;
  const owner = me.department === 'SINGLE_PARENT' && (me.role === 'ADMIN' || me.role === 'SUPERVISOR');
  return html`${me.role === 'ADMIN' ? link('departments') : nothing}${owner ? link('partners') : nothing}${me.role === 'ADMIN' ? link('privacy') : nothing}${
    me.role === 'ADMIN' ? html`${link('programmes')}${link('policy')}` : nothing
  }`;
}

export function adminView(view: AdminView, api: StaffApi, locale: Lang, me: Me): TemplateResult {
  if (view === 'departments') return html`<staff-departments .api=${api} .locale=${locale} .me=${me}></staff-departments>`;
  if (view === 'partners') return html`<staff-partners .api=${api} .locale=${locale} .me=${me}></staff-partners>`;
  if (view === 'programmes') return html`<staff-programme-settings .api=${api} .locale=${locale} .me=${me}></staff-programme-settings>`;
  if (view === 'policy') return html`<staff-access-policy .api=${api} .locale=${locale} .me=${me}></staff-access-policy>`;
  return html`<staff-privacy-notice .api=${api} .locale=${locale} .me=${me}></staff-privacy-notice>`;
}
