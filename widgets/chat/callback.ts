import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { LANG_TAGS, LOCALES, type Key, type Lang } from './i18n.js';
import {
  REQUEST,
  SETTINGS,
  consultationInput,
  emptyForm,
  errorsByField,
  isImeEnter,
  plain,
  uuid,
  validateForm,
  type ApiError,
  type CallbackForm,
  type Receipt,
  type Transcript,
} from './model.js';
import { ruby } from './views.js';

export type Gql<D> = { data?: D | null; errors?: ApiError[] };

/** What the call-back form needs of <yorisoi-chat>. */
export interface ChatCore extends ReactiveControllerHost {
  readonly renderRoot: HTMLElement | DocumentFragment;
  readonly l: Lang;
  readonly municipality: string;
  readonly t: Transcript;
  setT(t: Transcript): void;
  tx(k: Key, n?: number | string): string;
  r(k: Key, n?: number | string): TemplateResult | string;
  post<D>(query: string, operationName: string, variables: Record<string, unknown>): Promise<Gql<D>>;
  /** Polite announcement (role=status). */
  say(text: string): void;
  /** Focus moves to the element with this id after the next render. */
  focusOn(id: string | null): void;
  emit(name: string, detail?: unknown): void;
}

/**
 * The call-back request of a STAFF hand-off (`requestConsultation`): the form, the privacy notice it
 * shows, sending with the transcript's idempotency key (retries reuse it), field errors, the receipt.
 * What is typed is kept in memory only, never stored.
 */
export class CallbackController implements ReactiveController {
  form: CallbackForm = emptyForm();
  errors: Record<string, string> = {};
  /** assertive announcement of the form's errors */
  live = '';
  busy = false;
  /** the request got no answer: the retry button shows */
  net = false;
  notice: { privacyNoticeVersion: string; privacyNotice: string; lang: string } | null = null;
  /** kept for this page view only */
  receipt: Receipt | null = null;

  constructor(private readonly host: ChatCore) {
    host.addController(this);
  }
  hostConnected(): void {}

  private set(patch: Partial<Pick<CallbackController, 'form' | 'errors' | 'live' | 'busy' | 'net' | 'notice' | 'receipt'>>): void {
    Object.assign(this, patch);
    this.host.requestUpdate();
  }
  private setForm(patch: Partial<CallbackForm>): void {
    this.set({ form: { ...this.form, ...patch } });
  }
  /** A new session offered the form: start it empty. */
  reset(): void {
    this.set({ form: emptyForm(), errors: {} });
  }
  clearReceipt(): void {
    this.set({ receipt: null });
  }

  async loadNotice(): Promise<void> {
    const lang = LANG_TAGS[this.host.l];
    if (this.notice?.lang === lang) return;
    try {
      const body = await this.host.post<{ intakeSettings: { privacyNoticeVersion: string; privacyNotice: string } }>(SETTINGS, 'ChatPrivacy', {
        code: this.host.municipality,
      });
      const s = body.data?.intakeSettings;
      if (!s) throw new Error('no settings');
      this.set({ notice: { ...s, lang } });
    } catch {
      this.set({ net: true, errors: { cform: this.host.tx('netErr') } });
    }
  }

  private showErrors(errors: Record<string, string>): void {
    this.set({ errors, live: Object.values(errors).map(plain).join(' ') });
    const first = Object.keys(errors)[0];
    this.host.focusOn(first === 'cform' ? (this.net ? 'cb-retry' : 'cb-h') : (first ?? null));
  }

  private async request(e?: Event): Promise<void> {
    e?.preventDefault();
    if (this.busy) return;
    if (!this.notice) return void this.loadNotice();
    const h = this.host;
    const invalid = validateForm(this.form);
    if (Object.keys(invalid).length) return this.showErrors(Object.fromEntries(Object.entries(invalid).map(([f, k]) => [f, h.tx(k)])));
    this.set({ busy: true, net: false, errors: {}, live: '' });
    h.say(h.tx('sending'));
    const website = h.renderRoot.querySelector<HTMLInputElement>('#website')?.value ?? '';
    const input = consultationInput(this.form, {
      key: h.t.key,
      municipality: h.municipality,
      sessionId: h.t.sessionId,
      noticeVersion: this.notice.privacyNoticeVersion,
      website,
    });
    let body: Gql<{ requestConsultation: Receipt }>;
    try {
      body = await h.post<{ requestConsultation: Receipt }>(REQUEST, 'RequestConsultation', { input });
    } catch {
      // No answer: the same key is sent again on retry, so the request is stored once.
      this.set({ busy: false, net: true });
      h.say('');
      return this.showErrors({ cform: h.tx('netErr') });
    }
    this.set({ busy: false });
    h.say('');
    const receipt = body.data?.requestConsultation;
    if (!receipt) {
      const list = body.errors ?? [];
      const fields = list.map((x) => x.extensions?.field ?? '');
      if (fields.includes('input.idempotencyKey')) h.setT({ ...h.t, key: uuid() });
      if (fields.includes('input.privacyNoticeVersion')) {
        this.set({ notice: null, form: { ...this.form, agree: false } });
        void this.loadNotice();
      }
      const codes = list.map((x) => x.extensions?.code);
      const errors = codes.includes('TOO_MANY_REQUESTS')
        ? { cform: h.tx('tooMany') }
        : codes.includes('FORBIDDEN')
          ? { cform: h.tx('forbidden') }
          : errorsByField(list, LOCALES[h.l], 'cform');
      return this.showErrors(Object.keys(errors).length ? errors : { cform: h.tx('netErr') });
    }
    this.set({ receipt, form: emptyForm() });
    h.setT({ ...h.t, ref: receipt.referenceNumber, key: '' });
    h.say(h.tx('refDone', receipt.referenceNumber));
    h.focusOn('ref');
    h.emit('yorisoi-consultation-requested', { referenceNumber: receipt.referenceNumber });
  }
  private cancel(): void {
    this.host.setT({ ...this.host.t, key: '' });
    this.set({ errors: {}, live: '' });
    this.host.focusOn('input');
  }
  private retry(): void {
    if (this.notice) void this.request();
    else {
      this.set({ net: false, errors: {} });
      void this.loadNotice();
    }
  }

  // ---- rendering ------------------------------------------------------------------------------
  private err(id: string) {
    const m = this.errors[id];
    return m ? html`<p class="error" id="err-${id}" part="error">${ruby(m)}</p>` : nothing;
  }
  private field(id: 'name' | 'phone' | 'email' | 'time', label: Key, opts: { type?: string; ac?: string; hint?: Key; req?: boolean } = {}) {
    const r = (k: Key) => this.host.r(k);
    const invalid = !!this.errors[id];
    const described = [opts.hint ? `hint-${id}` : '', invalid ? `err-${id}` : ''].filter(Boolean).join(' ');
    return html`<div part="field">
      <label class="label" for=${id}>${r(label)}${opts.req ? r('req') : nothing}</label>
      ${opts.hint ? html`<span class="hint" id="hint-${id}">${r(opts.hint)}</span>` : nothing}
      <input
        id=${id}
        type=${opts.type ?? 'text'}
        part="input"
        autocomplete=${opts.ac ?? 'off'}
        .value=${this.form[id]}
        aria-required=${opts.req ? 'true' : 'false'}
        aria-invalid=${invalid ? 'true' : 'false'}
        aria-describedby=${described || nothing}
        @input=${(e: Event) => this.setForm({ [id]: (e.target as HTMLInputElement).value })}
      />
      ${this.err(id)}
    </div>`;
  }

  /** The receipt once received, else the form while a STAFF hand-off is open, else nothing. */
  render() {
    const t = this.host.t;
    const r = (k: Key) => this.host.r(k);
    if (t.ref) {
      return html`<section class="bar" part="callback" aria-labelledby="ref-h">
        <h3 id="ref-h">${r('ref')}</h3>
        <p class="ref" id="ref" tabindex="-1" part="reference">${t.ref}</p>
        ${
          this.receipt?.nextSteps.length
            ? html`<p class="sub">${r('next')}</p>
              <ul class="list">
                ${this.receipt.nextSteps.map((s) => html`<li>${ruby(s)}</li>`)}
              </ul>`
            : nothing
        }
      </section>`;
    }
    if (!t.key) return nothing;
    const f = this.form;
    const chInvalid = !!this.errors.ch;
    const agreeInvalid = !!this.errors.agree;
    return html`<section class="bar callback" part="callback" aria-labelledby="cb-h">
      <h3 id="cb-h" tabindex="-1">${r('cbTitle')}</h3>
      <p>${r('cbIntro')}</p>
      <div class="sr" aria-live="assertive" aria-atomic="true">${this.live}</div>
      <form novalidate @submit=${(e: Event) => this.request(e)} @keydown=${(e: KeyboardEvent) => isImeEnter(e) && (e.preventDefault(), e.stopPropagation())} aria-labelledby="cb-h">
        ${this.field('name', 'name', { ac: 'name' })}
        <fieldset id="ch" aria-describedby=${chInvalid ? 'err-ch' : nothing}>
          <legend>${r('ch')}${r('req')}</legend>
          ${(['PHONE', 'EMAIL'] as const).map(
            (v) => html`<label class="opt"
              ><input type="radio" name="ch" value=${v} .checked=${f.ch === v} aria-invalid=${chInvalid ? 'true' : 'false'} @change=${() => this.setForm({ ch: v })} />${r(v)}</label
            >`,
          )}
          ${this.err('ch')}
        </fieldset>
        ${f.ch === 'PHONE' ? this.field('phone', 'phone', { type: 'tel', ac: 'tel', req: true }) : nothing}
        ${f.ch === 'EMAIL' ? this.field('email', 'email', { type: 'email', ac: 'email', req: true }) : nothing}
        ${this.field('time', 'time', { hint: 'timeHint' })}
        <div part="field">
          <label class="label" for="note">${r('note')}</label>
          <textarea id="note" part="input" rows="2" maxlength="1000" .value=${f.note} aria-invalid=${this.errors.note ? 'true' : 'false'} aria-describedby=${this.errors.note ? 'err-note' : nothing} @input=${(e: Event) => this.setForm({ note: (e.target as HTMLTextAreaElement).value })}></textarea>
          ${this.err('note')}
        </div>
        <div class="notice" part="notice">
          <h3>${r('notice')}</h3>
          ${this.notice ? html`<p>${this.notice.privacyNotice}</p>` : html`<p>${r('loading')}</p>`}
        </div>
        <label class="opt"
          ><input type="checkbox" id="agree" .checked=${f.agree} aria-invalid=${agreeInvalid ? 'true' : 'false'} aria-describedby=${agreeInvalid ? 'err-agree' : nothing} @change=${(e: Event) => this.setForm({ agree: (e.target as HTMLInputElement).checked })} />${r('agree')}${r('req')}</label
        >
        ${this.err('agree')}
        <div class="sr" aria-hidden="true">
          <label for="website">Website</label>
          <input type="text" id="website" name="website" tabindex="-1" autocomplete="off" aria-hidden="true" />
        </div>
        ${this.err('cform')}
        <div class="row">
          ${this.net ? html`<button type="button" id="cb-retry" part="button" @click=${() => this.retry()}>${r('retry')}</button>` : nothing}
          <button type="submit" class="primary" part="button" aria-disabled=${this.busy ? 'true' : 'false'}>${r('cbSend')}</button>
          <button type="button" part="button" @click=${() => this.cancel()}>${r('cbCancel')}</button>
        </div>
      </form>
    </section>`;
  }
}
