import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { ApiError, StaffApi } from './api.js';
import { ACCOUNT_VIEWS, accountRoute, accountTitle, accountView, type AccountView } from './accounts-nav.js';
import { ADMIN_VIEWS, adminRoute, adminTitle, adminView, type AdminView } from './admin-nav.js';
import { LANG_CHOOSE, LANG_NAMES, LANG_TAGS, label, langOf, tr, type Key, type Lang, col } from './i18n.js';
import { LOGOUT, ME, type Me } from './queries.js';
import { appStyles, base } from './staff.styles.js';
import type { StaffLogin } from './staff-login.js';
import type { StaffView } from './view-base.js';
import { L as LINE_TEXTS } from './line-texts.js';
import { lazyScreen } from './lazy-screens.js';
import { mainNav } from './staff-nav.js';

export interface Route {
  view:
    | 'worklist'
    | 'inbox'
    | 'records'
    | 'record'
    | 'origins'
    | 'dashboard'
    | 'outreach'
    | 'line'
    | 'print'
    | 'auditlog'
    | 'applications'
    | 'application'
    | 'figures'
    | 'merge'
    | AccountView
    | AdminView;
  /** The other record of a merge (`#/records/<id>/merge/<other>`). */
  other?: string;
  id?: string;
  tab?: string;
  params: URLSearchParams;
}

const TABS = ['consultations', 'eligibility', 'referrals', 'audit'];

/** `#/records/<id>/consultations?…`, `#/settings/origins` → a Route; anything unknown is the worklist (a caseworker's day starts there). */
export function parseRoute(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#/, '').split('?');
  const parts = path.split('/').filter(Boolean);
  const params = new URLSearchParams(query);
  if (parts[0] === 'records' && parts[1] && parts[2] === 'merge' && parts[3])
    return { view: 'merge', id: decodeURIComponent(parts[1]), other: decodeURIComponent(parts[3]), params };
  if (parts[0] === 'records' && parts[1] && parts[2] === 'print') return { view: 'print', id: decodeURIComponent(parts[1]), params };
  if (parts[0] === 'records' && parts[1])
    return { view: 'record', id: decodeURIComponent(parts[1]), tab: TABS.includes(parts[2] ?? '') ? parts[2] : 'sections', params };
  if (parts[0] === 'records') return { view: 'records', params };
  if (parts[0] === 'settings' && parts[1] === 'origins') return { view: 'origins', params };
  if (parts[0] === 'settings' && parts[1] === 'line') return { view: 'line', params };
  const account = accountRoute(parts);
  if (account) return { view: account, params };
  const admin = adminRoute(parts);
  if (admin) return { view: admin, params };
  if (parts[0] === 'inbox') return { view: 'inbox', params };
  if (parts[0] === 'dashboard' && parts[1] === 'figures') return { view: 'figures', params };
  if (parts[0] === 'dashboard') return { view: 'dashboard', params };
  if (parts[0] === 'outreach') return { view: 'outreach', params };
  if (parts[0] === 'audit') return { view: 'auditlog', params };
  if (parts[0] === 'applications') return parts[1] ? { view: 'application', id: decodeURIComponent(parts[1]), params } : { view: 'applications', params };
  return { view: 'worklist', params };
}

const LANG_KEY = 'yorisoi-staff:lang';

/**
 * `<yorisoi-staff api="/graphql">`: the staff console shell — header (who, which department,
 * language, sign-out), navigation, the hash router and the views, live regions, and the re-login
 * dialog that appears when the API says the sign-in has ended. Only the token (sessionStorage) and
 * the language choice are stored; record data stays in memory and is dropped on sign-out.
 */
export class YorisoiStaff extends LitElement {
  static override styles = [base, appStyles];
  static override properties = {
    apiUrl: { attribute: 'api' },
    me: { state: true },
    locale: { state: true },
    route: { state: true },
    status: { state: true },
    alert: { state: true },
    ready: { state: true },
    expired: { state: true },
    navOpen: { state: true },
    demoMailbox: { state: true },
  };
  declare apiUrl: string;
  declare me: Me | null;
  declare locale: Lang;
  declare route: Route;
  declare status: string;
  declare alert: string;
  declare ready: boolean;
  declare expired: boolean;
  /** The narrow screen's menu is unfolded (staff-nav.ts). */
  declare navOpen: boolean;
  /** The server runs the demo with its built-in mail catcher: admins get the demo mailbox's link. */
  declare demoMailbox: boolean;

  private client: StaffApi | null = null;
  private email = '';
  private pendingReauth: Promise<boolean> | null = null;
  private settleReauth: ((ok: boolean) => void) | null = null;
  private focusView = false;
  private focusSelector: string | null = null;
  private readonly onHash = () => this.navigate();

  constructor() {
    super();
    this.apiUrl = '/graphql';
    this.me = null;
    let saved: string | null = null;
    try {
      saved = sessionStorage.getItem(LANG_KEY);
    } catch {
      /* storage unavailable */
    }
    this.locale = langOf(saved ?? document.documentElement.lang);
    this.route = parseRoute(location.hash);
    this.status = '';
    this.alert = '';
    this.ready = false;
    this.expired = false;
    this.navOpen = false;
    this.demoMailbox = false;
  }

  get api(): StaffApi {
    if (!this.client) {
      this.client = new StaffApi(this.apiUrl || '/graphql');
      this.client.locale = this.locale;
      this.client.reauth = () => this.reauth();
    }
    return this.client;
  }

  private t(key: Key, ...args: (string | number)[]): string {
    return tr(this.locale, key, ...args);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', this.onHash);
    this.addEventListener('staff-announce', (e) => {
      const { message, assertive } = (e as CustomEvent<{ message: string; assertive: boolean }>).detail;
      this.say(message, assertive);
    });
    void this.restore();
  }
  override disconnectedCallback(): void {
    window.removeEventListener('hashchange', this.onHash);
    super.disconnectedCallback();
  }

  /** A token from this tab's sessionStorage: still good? Otherwise show the sign-in screen. */
  private async restore(): Promise<void> {
    document.documentElement.lang = LANG_TAGS[this.locale];
    if (this.api.signedIn) {
      try {
        this.me = (await this.api.q<{ me: Me }>(ME)).me;
      } catch {
        this.api.setSession(null);
        this.me = null;
      }
    }
    void this.checkDemo();
    this.ready = true;
    this.updateTitle();
  }

  private say(message: string, assertive: boolean): void {
    // Clear first, so the same message twice is read twice.
    if (assertive) this.alert = '';
    else this.status = '';
    void this.updateComplete.then(() => {
      if (assertive) this.alert = message;
      else this.status = message;
    });
  }

  private navigate(): void {
    const before = this.route.view;
    this.route = parseRoute(location.hash);
    this.navOpen = false;
    // A new search stays on the same view: focus goes to its results heading instead.
    this.focusSelector = before === 'records' && this.route.view === 'records' ? '#results-h' : null;
    this.focusView = true;
    this.updateTitle();
  }

  private updateTitle(): void {
    const r = this.route;
    if (this.me && ACCOUNT_VIEWS.includes(this.route.view)) {
      document.title = `${accountTitle(this.locale, this.route.view as AccountView)} | ${this.t('app')}`;
      return;
    }
    if (this.me && ADMIN_VIEWS.includes(this.route.view)) {
      document.title = `${adminTitle(this.locale, this.route.view as AdminView)} | ${this.t('app')}`;
      return;
    }
    const view: Key = !this.me
      ? 'signInHeading'
      : r.view === 'worklist'
        ? 'worklistHeading'
        : r.view === 'inbox'
          ? 'inbox'
          : r.view === 'records'
            ? 'recordsHeading'
            : r.view === 'origins'
              ? 'originsNav'
              : r.view === 'dashboard'
                ? 'dashboardNav'
                : r.view === 'figures'
                  ? 'figuresNav'
                  : r.view === 'outreach'
                    ? 'outreachNav'
                    : r.view === 'auditlog'
                      ? 'auditLogNav'
                      : r.view === 'applications' || r.view === 'application'
                        ? 'applicationsNav'
                        : 'records';
    document.title = `${r.view === 'line' && this.me ? col(LINE_TEXTS.nav, this.locale) : this.t(view)} | ${this.t('app')}`;
  }

  protected override updated(): void {
    // Lit ignores what updated() returns: the focus move is started here and finishes on its own.
    void this.focusAfterUpdate();
  }

  private async focusAfterUpdate(): Promise<void> {
    if (!this.focusView) return;
    const view = this.renderRoot.querySelector('main > *') as StaffView | null;
    // A screen whose chunk is still loading: focus moves once it has rendered (lazy-screens.ts).
    if (view?.dataset.lazyScreen === 'loading') return;
    this.focusView = false;
    const selector = this.focusSelector ?? (this.route.view === 'record' && this.route.tab !== 'sections' ? 'h2' : 'h1');
    this.focusSelector = null;
    await view?.focusHeading?.(selector);
  }

  private async signedIn(e: CustomEvent<{ token: string; expiresAt: string; email: string }>): Promise<void> {
    const previous = this.me;
    this.api.setSession({ token: e.detail.token, expiresAt: e.detail.expiresAt });
    this.email = e.detail.email;
    let me: Me;
    try {
      me = (await this.api.q<{ me: Me }>(ME)).me;
    } catch (err) {
      this.say(err instanceof ApiError ? err.message : this.t('netError'), true);
      return;
    }
    if (this.expired) {
      // Re-login: continue only as the same person; anyone else starts afresh.
      const same = previous?.id === me.id;
      this.closeDialog(same);
      if (!same) this.reset(me);
      return;
    }
    this.me = me;
    this.focusView = true;
    this.updateTitle();
    void this.checkDemo();
  }

  /** Admins of a demo server (GET /demo/status, 404 elsewhere) get the demo mailbox's link. */
  private async checkDemo(): Promise<void> {
    if (this.me?.role !== 'ADMIN') return;
    try {
      const res = await fetch(new URL('/demo/status', new URL(this.apiUrl || '/graphql', location.href)), { credentials: 'omit' });
      this.demoMailbox = res.ok && ((await res.json()) as { mailbox?: boolean }).mailbox === true;
    } catch {
      this.demoMailbox = false;
    }
  }

  private toggleNav(open: boolean, focusButton: boolean): void {
    this.navOpen = open;
    if (focusButton) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('nav .menu')?.focus());
  }

  /** Forgets everything of the previous person (views are re-created from scratch). */
  private reset(me: Me | null): void {
    this.me = null;
    void this.updateComplete.then(() => {
      this.me = me;
      this.demoMailbox = false;
      void this.checkDemo();
      location.hash = '#/worklist';
      this.focusView = true;
      this.updateTitle();
    });
  }

  private async signOut(): Promise<void> {
    try {
      await this.api.request(LOGOUT);
    } catch {
      /* the token may have ended already; sign out locally anyway */
    }
    this.api.setSession(null);
    this.me = null;
    this.email = '';
    this.navOpen = false;
    this.demoMailbox = false;
    this.focusView = true;
    this.updateTitle();
    this.say(this.t('signedOut'), false);
  }

  /** Called by the API client on UNAUTHENTICATED: shows the dialog, resolves when it is done. */
  private reauth(): Promise<boolean> {
    if (this.pendingReauth) return this.pendingReauth;
    if (!this.me) return Promise.resolve(false);
    this.pendingReauth = new Promise<boolean>((resolve) => (this.settleReauth = resolve));
    this.expired = true;
    void this.updateComplete.then(() => {
      const dialog = this.renderRoot.querySelector('dialog');
      const login = this.renderRoot.querySelector('staff-login[dialog]') as StaffLogin | null;
      login?.reset();
      if (dialog && !dialog.open) dialog.showModal();
      void login?.updateComplete.then(() => login.focusFirst());
    });
    this.say(this.t('expiredHeading'), true);
    return this.pendingReauth;
  }

  private closeDialog(ok: boolean): void {
    const dialog = this.renderRoot.querySelector('dialog');
    if (dialog?.open) dialog.close();
    this.expired = false;
    const settle = this.settleReauth;
    this.pendingReauth = null;
    this.settleReauth = null;
    settle?.(ok);
  }

  private switchLang(to: Lang): void {
    this.locale = to;
    this.api.locale = this.locale;
    document.documentElement.lang = LANG_TAGS[this.locale];
    try {
      sessionStorage.setItem(LANG_KEY, LANG_TAGS[this.locale]);
    } catch {
      /* storage unavailable */
    }
    this.updateTitle();
  }

  private skip(e: Event): void {
    e.preventDefault();
    this.renderRoot.querySelector<HTMLElement>('main')?.focus();
  }

  private view(): TemplateResult {
    const me = this.me!;
    const r = this.route;
    if (r.view === 'record') {
      return html`<staff-record-view .api=${this.api} .locale=${this.locale} .me=${me} .recordId=${r.id!} .tab=${r.tab!}></staff-record-view>`;
    }
    if (r.view === 'auditlog') return html`<staff-audit-log .api=${this.api} .locale=${this.locale} .me=${me}></staff-audit-log>`;
    if (r.view === 'merge')
      return html`<staff-merge .api=${this.api} .locale=${this.locale} .me=${me} .survivorId=${r.id!} .mergedId=${r.other!}></staff-merge>`;
    if (r.view === 'print') return html`<staff-print .api=${this.api} .locale=${this.locale} .me=${me} .recordId=${r.id!}></staff-print>`;
    if (ACCOUNT_VIEWS.includes(r.view)) return accountView(r.view as AccountView, this.api, this.locale, me);
    if (ADMIN_VIEWS.includes(r.view)) return adminView(r.view as AdminView, this.api, this.locale, me);
    if (r.view === 'origins') return html`<staff-origins .api=${this.api} .locale=${this.locale} .me=${me}></staff-origins>`;
    if (r.view === 'line') return html`<staff-line .api=${this.api} .locale=${this.locale} .me=${me}></staff-line>`;
    if (r.view === 'dashboard') return html`<staff-dashboard .api=${this.api} .locale=${this.locale} .me=${me}></staff-dashboard>`;
    if (r.view === 'outreach') return html`<staff-outreach .api=${this.api} .locale=${this.locale} .me=${me}></staff-outreach>`;
    if (r.view === 'figures') return html`<staff-figure-input .api=${this.api} .locale=${this.locale} .me=${me}></staff-figure-input>`;
    if (r.view === 'records') return html`<staff-records .api=${this.api} .locale=${this.locale} .me=${me} .params=${r.params}></staff-records>`;
    if (r.view === 'inbox') return html`<staff-inbox .api=${this.api} .locale=${this.locale} .me=${me}></staff-inbox>`;
    if (r.view === 'applications') return html`<staff-applications .api=${this.api} .locale=${this.locale} .me=${me} .params=${r.params}></staff-applications>`;
    if (r.view === 'application')
      return html`<staff-application .api=${this.api} .locale=${this.locale} .me=${me} .applicationId=${r.id!}></staff-application>`;
    return html`<staff-worklist .api=${this.api} .locale=${this.locale} .me=${me}></staff-worklist>`;
  }

  override render() {
    const me = this.me;
    const r = this.route;
    return html`
      <a class="skip" href="#main" @click=${this.skip}>${this.t('skip')}</a>
      <header>
        <p class="brand">${this.t('app')}</p>
        ${
          me
            ? html`<p class="who" id="who">${this.t('signedInAs', me.name, (this.locale !== 1 && me.departmentName) || label(this.locale, me.department), label(this.locale, me.role))}</p>`
            : nothing
        }
        <span role="group" aria-label=${this.t('langSwitchLabel')}>${([0, 1, 2] as const)
          .filter((l) => l !== this.locale)
          .map(
            (l) => html`<button type="button" lang=${LANG_TAGS[l]} aria-label=${LANG_CHOOSE[l]} @click=${() => this.switchLang(l)}>${LANG_NAMES[l]}</button> `,
          )}</span>
        ${me ? html`<button type="button" @click=${this.signOut}>${this.t('signOut')}</button>` : nothing}
      </header>
      ${
        me
          ? mainNav({
              locale: this.locale,
              me,
              view: r.view,
              open: this.navOpen,
              demoMailbox: this.demoMailbox,
              toggle: (open, focusButton) => this.toggleNav(open, focusButton),
            })
          : nothing
      }
      <main id="main" tabindex="-1">
        ${
          !this.ready
            ? html`<p role="status">${this.t('loading')}</p>`
            : me
              ? lazyScreen(this.view(), this.locale, () => this.requestUpdate())
              : html`<staff-login .api=${this.api} .locale=${this.locale} @staff-signed-in=${this.signedIn}></staff-login>`
        }
      </main>
      <div class="visually-hidden" role="status" aria-live="polite">${this.status}</div>
      <div class="visually-hidden" role="alert">${this.alert}</div>
      <dialog aria-labelledby="expired-h" aria-describedby="expired-p" @cancel=${(e: Event) => {
        e.preventDefault();
        this.closeDialog(false);
      }}>
        ${
          this.expired
            ? html`<h2 id="expired-h">${this.t('expiredHeading')}</h2>
              <p id="expired-p">${this.t('expiredText')}</p>
              <staff-login dialog .api=${this.api} .locale=${this.locale} .email=${this.email} @staff-signed-in=${this.signedIn}>
                <button slot="actions" type="button" @click=${() => this.closeDialog(false)}>${this.t('cancel')}</button>
              </staff-login>`
            : nothing
        }
      </dialog>
    `;
  }
}
