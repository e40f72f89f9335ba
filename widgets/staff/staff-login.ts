import { html, nothing } from 'lit';
import { ApiError } from './api.js';
import { BEGIN_PASSKEY_SIGN_IN, FINISH_PASSKEY_SIGN_IN, LOGIN_WITH_CODE } from './account-queries.js';
import { pt } from './passkey-texts.js';
import { passkeysSupported, usePasskey } from './webauthn.js';
import { LOGIN } from './queries.js';
import { base } from './staff.styles.js';
import { StaffView } from './view-base.js';

/**
 * `<staff-login>`: e-mail and password → `login`. As the sign-in screen it has the view heading (h1);
 * inside the re-login dialog (`dialog` set) the dialog gives the heading. The second step is a code from
 * the authenticator app or, where the account has a passkey and the browser offers WebAuthn, the
 * button 「パスキーで確認」 (password again → challenge → the browser's dialog). Fires `staff-signed-in`
 * with `{ token, expiresAt, email }`. The password is never kept after the request.
 */
export class StaffLogin extends StaffView {
  static override styles = [base];
  static override properties = {
    ...StaffView.properties,
    dialog: { type: Boolean },
    email: {},
    error: { state: true },
    busy: { state: true },
    askCode: { state: true },
    offerPasskey: { state: true },
    offerCode: { state: true },
  };
  /** At the second step: the account has a passkey (and this browser can use it); it has TOTP. */
  declare offerPasskey: boolean;
  declare offerCode: boolean;
  /** The password was right and the account signs in with an authenticator app: a code is asked. */
  declare askCode: boolean;
  declare dialog: boolean;
  declare email: string;
  declare error: string;
  declare busy: boolean;

  constructor() {
    super();
    this.dialog = false;
    this.email = '';
    this.error = '';
    this.busy = false;
    this.askCode = false;
    this.offerPasskey = false;
    this.offerCode = true;
  }

  /** Clears the password and the error (the dialog is opened again). */
  reset(): void {
    this.error = '';
    this.askCode = false;
    this.offerPasskey = false;
    this.offerCode = true;
    const pw = this.renderRoot.querySelector<HTMLInputElement>('#password');
    if (pw) pw.value = '';
  }

  focusFirst(): void {
    const target = this.email ? '#password' : '#email';
    this.renderRoot.querySelector<HTMLInputElement>(target)?.focus();
  }

  private async submit(e: Event): Promise<void> {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const email = (form.querySelector('#email') as HTMLInputElement).value.trim();
    const pw = form.querySelector('#password') as HTMLInputElement;
    if (!email || !pw.value) {
      this.error = this.t('required');
      this.announce(this.error, true);
      (email ? pw : (form.querySelector('#email') as HTMLInputElement)).focus();
      return;
    }
    this.busy = true;
    this.error = '';
    this.announce(this.t('signingIn'));
    try {
      // A stale token would make the API refuse even the sign-in: send none.
      this.api.setSession(null);
      const code = this.askCode ? (form.querySelector('#one-time-code') as HTMLInputElement).value.trim() : '';
      const data = code
        ? await this.api.q<{ login: { token: string; expiresAt: string } }>(LOGIN_WITH_CODE, { email, password: pw.value, oneTimeCode: code })
        : await this.api.q<{ login: { token: string; expiresAt: string } }>(LOGIN, { email, password: pw.value });
      pw.value = '';
      this.askCode = false;
      this.dispatchEvent(new CustomEvent('staff-signed-in', { detail: { ...data.login, email }, bubbles: true, composed: true }));
    } catch (err) {
      this.error = err instanceof ApiError && err.code !== 'NETWORK' ? err.message : this.t('netError');
      // A right password waiting for its second factor is kept; the code field gets focus.
      const ext = err instanceof ApiError ? err.errors[0]?.extensions : undefined;
      const reason = ext?.reason;
      this.askCode = reason === 'TWO_FACTOR_REQUIRED' || reason === 'TWO_FACTOR_INVALID';
      this.offerPasskey = this.askCode && ext?.passkey === true && passkeysSupported();
      this.offerCode = !this.askCode || ext?.totp !== false;
      if (!this.askCode) pw.value = '';
      this.announce(this.error, true);
      // Enabled again before focusing: a disabled button (the passkey's) cannot take focus.
      this.busy = false;
      await this.updateComplete;
      const second = this.renderRoot.querySelector<HTMLElement>(this.offerCode ? '#one-time-code' : '#use-passkey');
      (this.askCode && second ? second : pw).focus();
    } finally {
      this.busy = false;
    }
  }

  /** The second step by passkey: the password again opens a challenge for this attempt; the browser signs it. */
  private async withPasskey(): Promise<void> {
    if (this.busy) return;
    const email = this.renderRoot.querySelector<HTMLInputElement>('#email')!.value.trim();
    const pw = this.renderRoot.querySelector<HTMLInputElement>('#password')!;
    const button = () => this.renderRoot.querySelector<HTMLElement>('#use-passkey');
    if (!email || !pw.value) {
      this.error = this.t('required');
      this.announce(this.error, true);
      (email ? pw : this.renderRoot.querySelector<HTMLInputElement>('#email')!).focus();
      return;
    }
    this.busy = true;
    this.error = '';
    this.announce(pt(this.locale, 'confirming'));
    try {
      this.api.setSession(null);
      const begun = (
        await this.api.q<{ beginPasskeySignIn: { ticket: string; optionsJson: string } }>(BEGIN_PASSKEY_SIGN_IN, { input: { email, password: pw.value } })
      ).beginPasskeySignIn;
      const responseJson = await usePasskey(begun.optionsJson);
      const data = await this.api.q<{ finishPasskeySignIn: { token: string; expiresAt: string } }>(FINISH_PASSKEY_SIGN_IN, {
        input: { ticket: begun.ticket, responseJson },
      });
      pw.value = '';
      this.askCode = false;
      this.dispatchEvent(new CustomEvent('staff-signed-in', { detail: { ...data.finishPasskeySignIn, email }, bubbles: true, composed: true }));
    } catch (err) {
      // The browser's dialog cancelled or timed out: a DOMException (or no credential), not the API's answer.
      const api = err instanceof ApiError;
      this.error = !api ? pt(this.locale, 'cancelled') : err.code !== 'NETWORK' ? err.message : this.t('netError');
      const reason = api ? String(err.errors[0]?.extensions?.reason ?? '') : 'CANCELLED';
      // A refused password (no reason) starts over, as in submit(); a passkey refusal keeps the second step.
      if (api && !reason) {
        this.askCode = false;
        pw.value = '';
      }
      this.announce(this.error, true);
      this.busy = false;
      await this.updateComplete;
      (this.askCode ? (button() ?? pw) : pw).focus();
    } finally {
      this.busy = false;
    }
  }

  override render() {
    const err = this.error ? 'login-error' : nothing;
    return html`
      ${this.dialog ? nothing : html`<h1 tabindex="-1">${this.t('signInHeading')}</h1><p>${this.t('signInIntro')}</p>`}
      <form @submit=${this.submit} novalidate>
        <div class="field">
          <label for="email">${this.t('email')}</label>
          <input id="email" type="email" autocomplete="username" .value=${this.email} ?readonly=${this.dialog && !!this.email}
            aria-describedby=${err} aria-invalid=${this.error ? 'true' : 'false'} />
        </div>
        <div class="field">
          <label for="password">${this.t('password')}</label>
          <input id="password" type="password" autocomplete="current-password" aria-describedby=${err} aria-invalid=${this.error ? 'true' : 'false'} />
        </div>
        ${
          this.askCode && this.offerCode
            ? html`<div class="field">
              <label for="one-time-code">${this.t('oneTimeCode')}</label>
              <input id="one-time-code" type="text" inputmode="numeric" autocomplete="one-time-code" spellcheck="false" aria-describedby=${err} aria-invalid="true" />
            </div>`
            : nothing
        }
        ${this.error ? html`<p id="login-error" class="error">${this.error}</p>` : nothing}
        ${
          this.askCode && this.offerPasskey
            ? html`<div class="actions">
              <button id="use-passkey" type="button" ?disabled=${this.busy} @click=${this.withPasskey}>${pt(this.locale, 'confirm')}</button>
            </div>
            ${this.offerCode ? html`<p class="muted">${pt(this.locale, 'orCode')}</p>` : nothing}`
            : nothing
        }
        <div class="actions">
          <button class="primary" type="submit" ?disabled=${this.busy}>${this.busy ? this.t('signingIn') : this.t('signIn')}</button>
          <slot name="actions"></slot>
        </div>
      </form>
    `;
  }
}
