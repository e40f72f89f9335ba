import { html, nothing } from 'lit';
import { ApiError } from './api.js';
import { formatDateTime } from './i18n.js';
import { BEGIN_PASSKEY_REGISTRATION, FINISH_PASSKEY_REGISTRATION, MY_PASSKEYS, REMOVE_PASSKEY, RENAME_PASSKEY, type PasskeyRow } from './passkey-queries.js';
import { pt, type PKey } from './passkey-texts.js';
import { base, viewStyles } from './staff.styles.js';
import { StaffView } from './view-base.js';
import { createPasskey, passkeysSupported } from './webauthn.js';

/**
 * `<staff-passkeys>` (in my account): one's own passkeys — register one with a name (the browser's own
 * dialog asks for the fingerprint, face or PIN), see when each was last used, rename one in place
 * (「職場のPC」→「スマホ」: Enter saves, Escape cancels, focus back on its button), remove one. Removing the
 * last second factor where the municipality requires two is refused by the API with its reason, shown
 * here. Browsers without WebAuthn are told so; the authenticator app above still works for them.
 */
export class StaffPasskeys extends StaffView {
  static override styles = [base, viewStyles];
  static override properties = {
    ...StaffView.properties,
    passkeys: { state: true },
    error: { state: true },
    busy: { state: true },
    editing: { state: true },
    renameError: { state: true },
  };
  declare passkeys: PasskeyRow[] | null;
  declare error: string;
  declare busy: boolean;
  /** The passkey being renamed in place, if any (one at a time). */
  declare editing: string | null;
  declare renameError: string;
  private started = false;

  constructor() {
    super();
    this.passkeys = null;
    this.error = '';
    this.busy = false;
    this.editing = null;
    this.renameError = '';
  }

  private p(key: PKey, ...args: (string | number)[]): string {
    return pt(this.locale, key, ...args);
  }

  protected override willUpdate(): void {
    if (!this.started && this.api) {
      this.started = true;
      void this.load();
    }
  }

  private async load(): Promise<void> {
    try {
      this.passkeys = (await this.api.q<{ myPasskeys: PasskeyRow[] }>(MY_PASSKEYS)).myPasskeys;
    } catch (e) {
      this.announce(this.errorText(e), true);
    }
  }

  private nameInput(): HTMLInputElement {
    return this.renderRoot.querySelector<HTMLInputElement>('#pk-name')!;
  }

  /** A refusal in words: the browser's own (cancelled, timed out) or the API's message. */
  private problem(e: unknown): string {
    if (e instanceof DOMException || (e instanceof Error && !(e instanceof ApiError))) return this.p('cancelled');
    return e instanceof ApiError && e.message && e.code !== 'NETWORK' ? e.message : this.errorText(e);
  }

  private async register(e: Event): Promise<void> {
    e.preventDefault();
    if (this.busy) return;
    const name = this.nameInput().value.trim();
    if (!name) {
      this.error = this.t('required');
      this.announce(this.error, true);
      this.nameInput().focus();
      return;
    }
    this.busy = true;
    this.error = '';
    try {
      const begun = (await this.api.q<{ beginPasskeyRegistration: { ticket: string; optionsJson: string } }>(BEGIN_PASSKEY_REGISTRATION))
        .beginPasskeyRegistration;
      const responseJson = await createPasskey(begun.optionsJson);
      const added = (
        await this.api.q<{ finishPasskeyRegistration: PasskeyRow }>(FINISH_PASSKEY_REGISTRATION, { input: { ticket: begun.ticket, name, responseJson } })
      ).finishPasskeyRegistration;
      this.passkeys = [...(this.passkeys ?? []), added];
      this.nameInput().value = '';
      this.announce(this.p('registered', added.name));
    } catch (err) {
      this.error = this.problem(err);
      this.announce(this.error, true);
      await this.updateComplete;
      this.nameInput().focus();
    } finally {
      this.busy = false;
    }
  }

  private async focusRenameButton(id: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`button[data-rename="${id}"]`)?.focus();
  }

  private async startRename(row: PasskeyRow): Promise<void> {
    this.editing = row.id;
    this.renameError = '';
    await this.updateComplete;
    const input = this.renderRoot.querySelector<HTMLInputElement>('#pk-rename');
    input?.focus();
    input?.select();
  }

  private cancelRename(row: PasskeyRow): void {
    this.editing = null;
    this.renameError = '';
    void this.focusRenameButton(row.id);
  }

  private async saveRename(e: Event, row: PasskeyRow): Promise<void> {
    e.preventDefault();
    if (this.busy) return;
    const input = this.renderRoot.querySelector<HTMLInputElement>('#pk-rename')!;
    const name = input.value.trim();
    // The API says the same (BAD_USER_INPUT on input.name); checked here so nothing is sent in vain.
    if (!name || [...name].length > 40) {
      this.renameError = this.p('nameRule');
      this.announce(this.renameError, true);
      input.focus();
      return;
    }
    if (name === row.name) return this.cancelRename(row);
    this.busy = true;
    try {
      const renamed = (await this.api.q<{ renamePasskey: PasskeyRow }>(RENAME_PASSKEY, { input: { id: row.id, name } })).renamePasskey;
      this.passkeys = (this.passkeys ?? []).map((x) => (x.id === renamed.id ? renamed : x));
      this.editing = null;
      this.renameError = '';
      this.announce(this.p('renamed', row.name, renamed.name));
      // Not disabled any more (busy) by the time it takes focus.
      this.busy = false;
      await this.focusRenameButton(row.id);
    } catch (err) {
      this.renameError = this.problem(err);
      this.announce(this.renameError, true);
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLInputElement>('#pk-rename')?.focus();
    } finally {
      this.busy = false;
    }
  }

  private renameForm(k: PasskeyRow) {
    const err = this.renameError ? 'pk-rename-error' : nothing;
    return html`<form class="rename" @submit=${(e: Event) => this.saveRename(e, k)} @keydown=${(e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        this.cancelRename(k);
      }
    }} novalidate>
      <div class="field">
        <label for="pk-rename">${this.p('newName', k.name)}</label>
        <input id="pk-rename" type="text" maxlength="40" autocomplete="off" .value=${k.name} aria-describedby=${err} aria-invalid=${this.renameError ? 'true' : 'false'} />
      </div>
      ${this.renameError ? html`<p id="pk-rename-error" class="error">${this.renameError}</p>` : nothing}
      <div class="actions">
        <button type="submit" class="primary" ?disabled=${this.busy}>${this.p('save')}</button>
        <button type="button" @click=${() => this.cancelRename(k)}>${this.p('cancel')}</button>
      </div>
    </form>`;
  }

  private async removePasskey(row: PasskeyRow, index: number): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.error = '';
    try {
      await this.api.q(REMOVE_PASSKEY, { id: row.id });
      this.passkeys = (this.passkeys ?? []).filter((x) => x.id !== row.id);
      this.announce(this.p('removed', row.name));
      await this.updateComplete;
      const buttons = this.renderRoot.querySelectorAll<HTMLElement>('.passkeys button[data-remove]');
      (buttons[Math.min(index, buttons.length - 1)] ?? this.nameInput() ?? this.renderRoot.querySelector<HTMLElement>('#pk-h'))?.focus();
    } catch (err) {
      this.error = this.problem(err);
      this.announce(this.error, true);
    } finally {
      this.busy = false;
    }
  }

  private list() {
    if (this.passkeys == null) return html`<p>${this.t('loading')}</p>`;
    if (this.passkeys.length === 0) return html`<p class="muted">${this.p('none')}</p>`;
    return html`<ul class="plain passkeys" aria-label=${this.p('listLabel')}>
      ${this.passkeys.map((k, i) =>
        this.editing === k.id
          ? html`<li class="item">${this.renameForm(k)}</li>`
          : html`<li class="item item-head">
          <span><strong>${k.name}</strong>・${this.p('created', formatDateTime(k.createdAt, this.locale))}・${
            k.lastUsedAt ? this.p('lastUsed', formatDateTime(k.lastUsedAt, this.locale)) : this.p('neverUsed')
          }</span>
          <span class="actions">
            <button type="button" data-rename=${k.id} aria-label=${this.p('renameLabel', k.name)} ?disabled=${this.busy} @click=${() => this.startRename(k)}>${this.p('rename')}</button>
            <button type="button" data-remove=${k.id} aria-label=${this.p('removeLabel', k.name)} ?disabled=${this.busy} @click=${() => this.removePasskey(k, i)}>${this.p('remove')}</button>
          </span>
        </li>`,
      )}
    </ul>`;
  }

  override render() {
    const supported = passkeysSupported();
    const err = this.error ? 'pk-error' : nothing;
    return html`<section class="card" aria-labelledby="pk-h">
      <h2 id="pk-h" tabindex="-1">${this.p('heading')}</h2>
      <p>${this.p('intro')}</p>
      ${this.list()}
      ${
        supported
          ? html`<form @submit=${this.register} novalidate>
            <div class="field">
              <label for="pk-name">${this.p('name')}</label>
              <input id="pk-name" type="text" maxlength="40" autocomplete="off" aria-describedby=${err} aria-invalid=${this.error ? 'true' : 'false'} />
            </div>
            ${this.error ? html`<p id="pk-error" class="error">${this.error}</p>` : nothing}
            <div class="actions"><button type="submit" class="primary" ?disabled=${this.busy}>${this.p('register')}</button></div>
          </form>`
          : html`<p class="muted">${this.p('unsupported')}</p>${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}`
      }
    </section>`;
  }
}
