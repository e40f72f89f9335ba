import { html, nothing, svg } from 'lit';
import { ApiError } from './api.js';
import { at, type AKey } from './accounts-texts.js';
import { BEGIN_TWO_FACTOR, COMPLETE_TWO_FACTOR } from './account-queries.js';
import { CHANGE_PASSWORD, MY_TWO_FACTOR, REVOKE_SESSION, SESSIONS, type SessionRow } from './accounts-queries.js';
import { formatDateTime } from './i18n.js';
import { qrPath } from './qr.js';
import { base, viewStyles } from './staff.styles.js';
import { StaffView } from './view-base.js';

interface Enrolment {
  ticket: string;
  secret: string;
  otpauthUri: string;
}

/**
 * `<staff-my-account>` (every staff member): one's own sessions (end any but this one), setting up
 * two-factor sign-in — the password again, a QR code of the otpauth URI drawn from uqr's matrix
 * with the key as text beside it, a code from the app — and the ten recovery codes, shown once
 * until "I have kept them"; passkeys (staff-passkeys.ts); and changing one's password (the other sessions end).
 */
export class StaffMyAccount extends StaffView {
  static override styles = [base, viewStyles];
  static override properties = {
    ...StaffView.properties,
    sessions: { state: true },
    enabled: { state: true },
    enrolment: { state: true },
    recovery: { state: true },
    errors: { state: true },
    busy: { state: true },
  };
  declare sessions: SessionRow[] | null;
  declare enabled: boolean | null;
  declare enrolment: Enrolment | null;
  declare recovery: string[] | null;
  declare errors: Record<string, string>;
  declare busy: boolean;
  private started = false;

  constructor() {
    super();
    this.sessions = null;
    this.enabled = null;
    this.enrolment = null;
    this.recovery = null;
    this.errors = {};
    this.busy = false;
  }

  private a(key: AKey, ...args: (string | number)[]): string {
    return at(this.locale, key, ...args);
  }

  protected override willUpdate(): void {
    if (!this.started && this.api) {
      this.started = true;
      void this.load();
    }
  }

  private async load(): Promise<void> {
    try {
      const [s, tf] = await Promise.all([
        this.api.q<{ staffSessions: SessionRow[] }>(SESSIONS),
        this.api.q<{ myTwoFactor: { enabled: boolean } }>(MY_TWO_FACTOR),
      ]);
      this.sessions = s.staffSessions;
      this.enabled = tf.myTwoFactor.enabled;
    } catch (e) {
      this.announce(this.errorText(e), true);
    }
  }

  private input(id: string): HTMLInputElement {
    return this.renderRoot.querySelector<HTMLInputElement>(`#${id}`)!;
  }

  /** Runs a change; required fields first, then the API's own message at the field it names. */
  private async run(required: string[], fields: Record<string, string>, work: () => Promise<void>): Promise<void> {
    if (this.busy) return;
    const missing = required.find((id) => !this.input(id).value.trim());
    if (missing) {
      this.errors = { [missing]: this.a('required') };
      this.announce(this.a('required'), true);
      this.input(missing).focus();
      return;
    }
    this.busy = true;
    this.errors = {};
    try {
      await work();
    } catch (err) {
      const message = err instanceof ApiError && err.code === 'UNAUTHENTICATED' && err.message ? err.message : this.errorText(err);
      const id = (err instanceof ApiError && err.field && fields[err.field]) || required[required.length - 1];
      this.errors = { [id]: message };
      this.announce(message, true);
      await this.updateComplete;
      this.input(id)?.focus();
    } finally {
      this.busy = false;
    }
  }

  private async begin(e: Event): Promise<void> {
    e.preventDefault();
    await this.run(['tf-email', 'tf-password'], { 'input.email': 'tf-email', 'input.password': 'tf-password' }, async () => {
      const input = { email: this.input('tf-email').value.trim(), password: this.input('tf-password').value };
      // A wrong password answers UNAUTHENTICATED: that is about this form, not the sign-in, so the
      // client's re-login dialog is skipped (sent as already retried).
      this.enrolment = (await this.api.request<{ beginTwoFactorEnrolment: Enrolment }>(BEGIN_TWO_FACTOR, { input }, true)).data.beginTwoFactorEnrolment;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#scan-h')?.focus();
    });
  }

  private async complete(e: Event): Promise<void> {
    e.preventDefault();
    await this.run(['tf-code'], { 'input.code': 'tf-code' }, async () => {
      const input = { ticket: this.enrolment!.ticket, code: this.input('tf-code').value.trim() };
      const done = (
        await this.api.q<{ completeTwoFactorEnrolment: { recoveryCodes: string[]; token: string; expiresAt: string } }>(COMPLETE_TWO_FACTOR, { input })
      ).completeTwoFactorEnrolment;
      // The enrolment signed in anew with two factors: this tab continues on that session.
      this.api.setSession({ token: done.token, expiresAt: done.expiresAt });
      this.enrolment = null;
      this.enabled = true;
      this.recovery = done.recoveryCodes;
      this.announce(this.a('tfDone'));
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#recovery-h')?.focus();
      void this.load();
    });
  }

  private async keptCodes(): Promise<void> {
    this.recovery = null;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#tf-h')?.focus();
  }

  private async changePassword(e: Event): Promise<void> {
    e.preventDefault();
    await this.run(['pw-current', 'pw-new'], { 'input.currentPassword': 'pw-current', 'input.newPassword': 'pw-new' }, async () => {
      await this.api.q(CHANGE_PASSWORD, { input: { currentPassword: this.input('pw-current').value, newPassword: this.input('pw-new').value } });
      this.input('pw-current').value = '';
      this.input('pw-new').value = '';
      this.announce(this.a('pwChanged'));
      void this.load();
    });
  }

  private async revoke(s: SessionRow, index: number): Promise<void> {
    await this.run([], {}, async () => {
      await this.api.q(REVOKE_SESSION, { id: s.id });
      this.sessions = (this.sessions ?? []).filter((x) => x.id !== s.id);
      this.announce(this.a('revoked'));
      await this.updateComplete;
      const buttons = this.renderRoot.querySelectorAll<HTMLElement>('.sessions button');
      (buttons[Math.min(index, buttons.length - 1)] ?? this.renderRoot.querySelector<HTMLElement>('#sessions-h'))?.focus();
    });
  }

  private field(id: string, key: AKey, type: string, autocomplete: string, extra: Partial<{ inputmode: string }> = {}) {
    const error = this.errors[id];
    return html`<div class="field">
      <label for=${id}>${this.a(key)}</label>
      <input id=${id} type=${type} autocomplete=${autocomplete} inputmode=${extra.inputmode ?? nothing} spellcheck="false"
        aria-invalid=${error ? 'true' : 'false'} aria-describedby=${error ? `${id}-error` : nothing} />
      ${error ? html`<p id="${id}-error" class="error">${error}</p>` : nothing}
    </div>`;
  }

  private qr(uri: string) {
    const { size, d } = qrPath(uri);
    return html`<svg class="qr" role="img" aria-label=${this.a('tfQrLabel', uri.replace(/\?.*$/, ''))} viewBox="0 0 ${size} ${size}" width="240" height="240">
      ${svg`<rect width=${size} height=${size} fill="#fff"></rect><path d=${d} fill="#000"></path>`}
    </svg>`;
  }

  private twoFactor() {
    if (this.recovery) {
      return html`<h3 id="recovery-h" tabindex="-1">${this.a('recoveryHeading')}</h3>
        <p>${this.a('recoveryIntro')}</p>
        <ul class="plain codes" aria-labelledby="recovery-h">${this.recovery.map((c) => html`<li class="ref">${c}</li>`)}</ul>
        <div class="actions"><button type="button" class="primary" @click=${this.keptCodes}>${this.a('recoverySaved')}</button></div>`;
    }
    if (this.enabled) return html`<p class="ok">${this.a('tfOn')}</p>`;
    if (this.enrolment) {
      const e = this.enrolment;
      return html`<h3 id="scan-h" tabindex="-1">${this.a('tfScan')}</h3>
        ${this.qr(e.otpauthUri)}
        <p>${this.a('tfManual')} <span class="ref">${e.secret.replace(/(.{4})/g, '$1 ').trim()}</span></p>
        <form @submit=${this.complete} novalidate>
          ${this.field('tf-code', 'tfCode', 'text', 'one-time-code', { inputmode: 'numeric' })}
          <div class="actions"><button type="submit" class="primary">${this.a('tfConfirm')}</button></div>
        </form>`;
    }
    return html`<p>${this.a('tfOff')}</p>
      <form @submit=${this.begin} novalidate aria-label=${this.a('tfPassword')}>
        <p class="muted">${this.a('tfPassword')}</p>
        ${this.field('tf-email', 'email', 'email', 'username')}
        ${this.field('tf-password', 'pwCurrent', 'password', 'current-password')}
        <div class="actions"><button type="submit" class="primary">${this.a('tfStart')}</button></div>
      </form>`;
  }

  override render() {
    return html`
      <h1 tabindex="-1">${this.a('myHeading')}</h1>
      <section class="card" aria-labelledby="tf-h">
        <h2 id="tf-h" tabindex="-1">${this.a('tfHeading')}</h2>
        ${this.enabled == null && !this.recovery ? html`<p>${this.t('loading')}</p>` : this.twoFactor()}
      </section>
      <staff-passkeys .api=${this.api} .locale=${this.locale} .me=${this.me}></staff-passkeys>
      <h2 id="sessions-h" tabindex="-1">${this.a('mySessions')}</h2>
      <p class="muted">${this.a('mySessionsIntro')}</p>
      ${
        this.sessions == null
          ? html`<p>${this.t('loading')}</p>`
          : html`<ul class="plain sessions" aria-labelledby="sessions-h">
            ${this.sessions.map(
              (s, i) => html`<li class="item item-head">
              <span>${this.a('started')}: ${formatDateTime(s.createdAt, this.locale)}・${this.a('expires')}: ${formatDateTime(s.expiresAt, this.locale)}（${s.twoFactor ? this.a('withTwoFactor') : this.a('withoutTwoFactor')}）</span>
              ${s.current ? html`<span class="badge">${this.a('thisSession')}</span>` : html`<button type="button" aria-label=${this.a('revokeLabel', formatDateTime(s.createdAt, this.locale))} @click=${() => this.revoke(s, i)}>${this.a('revoke')}</button>`}
            </li>`,
            )}
          </ul>`
      }
      <form class="card" aria-labelledby="pw-h" @submit=${this.changePassword} novalidate>
        <h2 id="pw-h">${this.a('pwHeading')}</h2>
        ${this.field('pw-current', 'pwCurrent', 'password', 'current-password')}
        ${this.field('pw-new', 'pwNew', 'password', 'new-password')}
        <div class="actions"><button type="submit" class="primary">${this.a('pwChange')}</button></div>
      </form>
    `;
  }
}
