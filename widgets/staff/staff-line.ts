import { html, nothing } from 'lit';
import { ApiError } from './api.js';
import { formatDateTime, col } from './i18n.js';
import { type LineChannelSettings, LINE_SETTINGS, TEST_LINE_CONNECTION, UPDATE_LINE_SETTINGS } from './line-queries.js';
import { L, type LKey } from './line-texts.js';
import { base, viewStyles } from './staff.styles.js';
import { StaffView } from './view-base.js';

type FieldName = 'channelId' | 'channelSecret' | 'accessToken' | 'basicId';
const FIELDS: FieldName[] = ['channelId', 'channelSecret', 'accessToken', 'basicId'];
const SECRET: ReadonlySet<FieldName> = new Set(['channelSecret', 'accessToken']);

/**
 * `<staff-line>` (admins): the municipality's LINE official account — whether it is connected and
 * from where, the webhook URL to paste into LINE Developers, the channel's ID, secret, token and
 * basic ID (`updateLineSettings`; the secret and the token are write-only: the form says only
 * whether they are set, and the inputs are emptied after saving), and the connection test
 * (`testLineConnection`) with what to do when it fails.
 */
export class StaffLine extends StaffView {
  static override styles = [base, viewStyles];
  static override properties = {
    ...StaffView.properties,
    data: { state: true },
    draft: { state: true },
    errors: { state: true },
    loadError: { state: true },
    busy: { state: true },
  };
  declare data: LineChannelSettings | null;
  declare draft: Record<FieldName, string>;
  /** the API's message per field */
  declare errors: Partial<Record<FieldName, string>>;
  declare loadError: string;
  declare busy: boolean;
  private started = false;

  constructor() {
    super();
    this.data = null;
    this.draft = { channelId: '', channelSecret: '', accessToken: '', basicId: '' };
    this.errors = {};
    this.loadError = '';
    this.busy = false;
  }

  private l(key: LKey, ...args: (string | number)[]): string {
    let s: string = col(L[key], this.locale);
    for (const a of args) s = s.replace('%', String(a));
    return s;
  }

  protected override willUpdate(): void {
    if (!this.started && this.api) {
      this.started = true;
      void this.load();
    }
  }

  private show(d: LineChannelSettings): void {
    this.data = d;
    // The secret and the token are never shown: their inputs start empty.
    this.draft = { channelId: d.channelId ?? '', channelSecret: '', accessToken: '', basicId: d.basicId ?? '' };
  }

  private async load(): Promise<void> {
    this.loadError = '';
    try {
      this.show((await this.api.q<{ lineSettings: LineChannelSettings }>(LINE_SETTINGS)).lineSettings);
    } catch (e) {
      this.loadError = e instanceof ApiError && e.code === 'FORBIDDEN' ? this.l('adminOnly') : this.errorText(e);
      this.announce(this.loadError, true);
    }
  }

  private async save(e: Event): Promise<void> {
    e.preventDefault();
    if (this.busy || !this.data) return;
    const d = this.data;
    const input: Record<string, string> = {};
    if (this.draft.channelId.trim() !== (d.channelId ?? '')) input.channelId = this.draft.channelId;
    if (this.draft.basicId.trim() !== (d.basicId ?? '')) input.basicId = this.draft.basicId;
    for (const f of SECRET) if (this.draft[f].trim()) input[f] = this.draft[f];
    if (Object.keys(input).length === 0) {
      this.announce(this.l('nothingToSave'), true);
      return;
    }
    this.busy = true;
    this.errors = {};
    try {
      this.show((await this.api.q<{ updateLineSettings: LineChannelSettings }>(UPDATE_LINE_SETTINGS, { input })).updateLineSettings);
      this.announce(this.l('saved'));
    } catch (err) {
      const errors: Partial<Record<FieldName, string>> = {};
      const problems = err instanceof ApiError ? ((err.errors[0]?.extensions?.problems as { field: string; message: string }[] | undefined) ?? []) : [];
      for (const p of problems) {
        const name = p.field.replace(/^input\./, '') as FieldName;
        if (FIELDS.includes(name)) errors[name] ??= p.message;
      }
      this.errors = errors;
      this.announce(this.errorText(err), true);
      const first = FIELDS.find((f) => errors[f]);
      this.busy = false;
      await this.updateComplete;
      if (first) this.renderRoot.querySelector<HTMLElement>(`#line-${first}`)?.focus();
    } finally {
      this.busy = false;
    }
  }

  private async test(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.announce(this.l('testing'));
    try {
      this.show((await this.api.q<{ testLineConnection: LineChannelSettings }>(TEST_LINE_CONNECTION)).testLineConnection);
      this.announce(this.testText(), !this.data?.lastTest?.ok);
    } catch (err) {
      this.announce(this.errorText(err), true);
    } finally {
      this.busy = false;
    }
  }

  private testText(): string {
    const t = this.data?.lastTest;
    if (!t) return this.l('neverTested');
    const at = formatDateTime(t.at, this.locale);
    return t.ok ? this.l('testOk', at, t.botName ?? '—') : this.l('testFailed', at, this.l((t.problem ?? 'PLATFORM_ERROR') as LKey));
  }

  private field(name: FieldName, label: string, hint: string, attrs: { type?: string; inputmode?: string } = {}) {
    const error = this.errors[name];
    const id = `line-${name}`;
    const describedBy = [`${id}-hint`, error ? `${id}-error` : ''].filter(Boolean).join(' ');
    return html`<div class="field">
      <label for=${id}>${label}</label>
      <p class="muted" id="${id}-hint">${hint}</p>
      <input id=${id} type=${attrs.type ?? 'text'} inputmode=${attrs.inputmode ?? 'text'} autocomplete="off" spellcheck="false" .value=${this.draft[name]}
        aria-invalid=${error ? 'true' : 'false'} aria-describedby=${describedBy}
        @input=${(e: Event) => (this.draft = { ...this.draft, [name]: (e.target as HTMLInputElement).value })} />
      ${error ? html`<p id="${id}-error" class="error">${error}</p>` : nothing}
    </div>`;
  }

  override render() {
    const d = this.data;
    const secretHint = (set: boolean) => (set ? this.l('secretSet') : this.l('secretNotSet'));
    return html`
      <h1 tabindex="-1">${this.l('heading')}</h1>
      <p>${this.l('intro')}</p>
      ${this.loadError ? html`<p class="error" role="alert">${this.loadError} <button type="button" @click=${this.load}>${this.t('retry')}</button></p>` : nothing}
      ${
        d
          ? html`
            <section class="card" aria-labelledby="line-status-h">
              <h2 id="line-status-h">${this.l('statusHeading')}</h2>
              <p id="line-connected">${d.connected ? this.l('connected') : this.l('notConnected')}</p>
              <p>${this.l('source')}: ${this.l(d.source)}</p>
              ${d.updatedAt ? html`<p class="muted">${this.l('updated', formatDateTime(d.updatedAt, this.locale), d.updatedByName ?? '')}</p>` : nothing}
            </section>
            <section class="card" aria-labelledby="line-webhook-h">
              <h2 id="line-webhook-h">${this.l('webhookHeading')}</h2>
              <label class="visually-hidden" for="line-webhook">${this.l('webhookHeading')}</label>
              <input id="line-webhook" type="text" readonly .value=${d.webhookUrl} aria-describedby="line-webhook-hint" @focus=${(e: Event) => (e.target as HTMLInputElement).select()} />
              <p class="muted" id="line-webhook-hint">${this.l('webhookHint')}</p>
            </section>
            <form class="card" aria-labelledby="line-form-h" @submit=${this.save} novalidate>
              <h2 id="line-form-h">${this.l('formHeading')}</h2>
              ${this.field('channelId', this.l('channelId'), this.l('channelIdHint'), { inputmode: 'numeric' })}
              ${this.field('channelSecret', this.l('channelSecret'), secretHint(d.channelSecretSet), { type: 'password' })}
              ${this.field('accessToken', this.l('accessToken'), secretHint(d.accessTokenSet), { type: 'password' })}
              ${this.field('basicId', this.l('basicId'), this.l('basicIdHint'))}
              <div class="actions"><button class="primary" type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>${this.l('save')}</button></div>
            </form>
            <section class="card" aria-labelledby="line-test-h">
              <h2 id="line-test-h">${this.l('testHeading')}</h2>
              <!-- The buttons stay focusable while busy (aria-disabled): a disabled button would drop the keyboard user's focus. -->
              <p>${this.l('testIntro')}</p>
              <p id="line-test-result" class=${d.lastTest && !d.lastTest.ok ? 'error' : ''}>${this.testText()}</p>
              <div class="actions"><button type="button" aria-disabled=${this.busy ? 'true' : 'false'} @click=${this.test}>${this.l('test')}</button></div>
            </section>
            <section aria-labelledby="line-rich-h">
              <h2 id="line-rich-h">${this.l('richMenuHeading')}</h2>
              <p>${this.l('richMenuText')}</p>
            </section>
          `
          : this.loadError
            ? nothing
            : html`<p>${this.l('loading')}</p>`
      }
    `;
  }
}
