import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { chatStyles } from './chat.styles.js';
import { LANG_TAGS, LOCALES, T, langOf, type Key, type Lang } from './i18n.js';
import {
  CHAT,
  RATE,
  REQUEST,
  SETTINGS,
  applyReply,
  chatInput,
  consultationInput,
  dropQueued,
  emptyForm,
  emptyTranscript,
  enqueue,
  errorsByField,
  handoffHref,
  isImeEnter,
  lastBot,
  nextToSend,
  parseTranscript,
  plain,
  queuedCount,
  sendsOnEnter,
  serialise,
  storageKey,
  uuid,
  validateForm,
  type ApiError,
  type CallbackForm,
  type ChatReply,
  type Msg,
  type Receipt,
  type Transcript,
} from './model.js';

type Gql<D> = { data?: D | null; errors?: ApiError[] };

const RUBY = /([\u3005\u4e00-\u9fff]+)\{([^}]+)\}/g;
/** Renders `漢字{よみ}` as ruby (the API's やさしい日本語 carries the same marks); plain strings pass through. */
function ruby(s: string): TemplateResult | string {
  if (!s.includes('{')) return s;
  const parts: unknown[] = [];
  let i = 0;
  for (const m of s.matchAll(RUBY)) {
    parts.push(s.slice(i, m.index), html`<ruby>${m[1]}<rp>(</rp><rt>${m[2]}</rt><rp>)</rp></ruby>`);
    i = (m.index ?? 0) + m[0].length;
  }
  parts.push(s.slice(i));
  return html`${parts}`;
}
/** navigator.onLine, read afresh each time (a function, so TypeScript does not narrow it across awaits). */
const isOffline = (): boolean => navigator.onLine === false;
function session(): Storage | null {
  try {
    return sessionStorage;
  } catch {
    return null;
  }
}

/**
 * `<yorisoi-chat api="https://…/graphql" municipality="999999">`: the consultation chatbot for
 * single-parent families. In `launcher` mode (default) a button at the bottom right opens a chat
 * panel; in `inline` mode the panel sits in the page flow. The transcript and session id are kept in
 * sessionStorage (`yorisoi-chat:<municipality>`, this tab only); messages written offline are queued
 * and sent once when the connection is back. A STAFF hand-off offers a call-back request form
 * (`requestConsultation`); an INTAKE hand-off links to `intake-url`. The rating (`rateChat`) is
 * offered when the person ends the chat or after a hand-off.
 *
 * @attr api - URL of the Yorisoi GraphQL endpoint (default `/graphql`).
 * @attr municipality - 6-digit 全国地方公共団体コード; sent as `municipalityCode`, and names the storage key.
 * @attr lang - "ja" (default), "en", "ja-x-easy" / "ja-easy" (やさしい日本語); else the page's <html lang>.
 * @attr mode - "launcher" (default: floating button that opens a panel) or "inline".
 * @attr intake-url - page of the intake form for INTAKE hand-offs; the hand-off payload (JSON) is
 *   appended as the fragment `#yorisoi-handoff=<encodeURIComponent(JSON)>`.
 *
 * @fires yorisoi-open - detail `{ open }` when the launcher panel opens or closes.
 * @fires yorisoi-reply - detail `{ urgent, handoff }` when the bot answered.
 * @fires yorisoi-consultation-requested - detail `{ referenceNumber }` when a call-back request was received.
 * @fires yorisoi-rated - detail `{ score }` when the rating was sent.
 * @fires yorisoi-clear - when the person started a new chat (the transcript was erased).
 *
 * No slots.
 *
 * @csspart launcher - the floating button (launcher mode)
 * @csspart panel - the chat panel; `header` its title bar; `title` the title
 * @csspart log - the conversation (role=log); `message` each line, also `message-me` / `message-bot`
 * @csspart bubble - the text of a message; `alert` the safety numbers of an urgent reply
 * @csspart programmes - related programmes under a reply
 * @csspart generated-note - the label under an answer phrased by AI (AI mode)
 * @csspart quick-replies - the group of suggested replies; `quick-reply` each button
 * @csspart handoff-link - the link to the intake form
 * @csspart offline - the offline / not-sent banner
 * @csspart composer - the message form; `input` the text fields; `button` every button, also `button-send`, `button-close`, `button-end`
 * @csspart callback - the call-back request form; `notice` its privacy notice; `error` a field error; `reference` the reference number
 * @csspart rating - the satisfaction question
 *
 * @cssprop --yorisoi-primary / --yorisoi-on-primary / --yorisoi-focus / --yorisoi-font / --yorisoi-font-size / --yorisoi-radius
 * @cssprop --yorisoi-text / --yorisoi-bg / --yorisoi-muted / --yorisoi-border / --yorisoi-input-border / --yorisoi-error / --yorisoi-alert-bg / --yorisoi-link
 * @cssprop --yorisoi-bot-bg - background of the bot's messages (default #eef1f5)
 * @cssprop --yorisoi-chat-height - panel height (default 34em); --yorisoi-chat-offset distance from the viewport corner (1em); --yorisoi-chat-z z-index
 */
export class YorisoiChat extends LitElement {
  static override styles = chatStyles;
  static override properties = {
    api: {},
    municipality: {},
    language: { attribute: 'lang' },
    mode: { reflect: false },
    intakeUrl: { attribute: 'intake-url' },
    t: { state: true },
    busy: { state: true },
    offline: { state: true },
    failed: { state: true },
    status: { state: true },
    error: { state: true },
    form: { state: true },
    formErrors: { state: true },
    formLive: { state: true },
    formBusy: { state: true },
    formNet: { state: true },
    notice: { state: true },
    receipt: { state: true },
  };

  declare api: string;
  declare municipality: string;
  declare language: string | null;
  declare mode: string | null;
  declare intakeUrl: string | null;
  declare t: Transcript;
  /** a chat request is in flight */
  declare busy: boolean;
  declare offline: boolean;
  /** the last send got no answer while the browser thought it was online */
  declare failed: boolean;
  /** polite announcement (role=status) */
  declare status: string;
  /** a message the API refused */
  declare error: string;
  declare form: CallbackForm;
  declare formErrors: Record<string, string>;
  declare formLive: string;
  declare formBusy: boolean;
  /** the call-back request got no answer: show the retry button */
  declare formNet: boolean;
  declare notice: { privacyNoticeVersion: string; privacyNotice: string; lang: string } | null;
  /** kept for this page view only */
  declare receipt: Receipt | null;

  private key = '';
  private sending = false;
  private rerun = false;
  private focusTarget: string | null = null;
  private shown = 0;

  constructor() {
    super();
    this.api = '/graphql';
    this.municipality = '';
    this.language = null;
    this.mode = null;
    this.intakeUrl = null;
    this.t = emptyTranscript();
    this.busy = false;
    this.offline = false;
    this.failed = false;
    this.status = '';
    this.error = '';
    this.form = emptyForm();
    this.formErrors = {};
    this.formLive = '';
    this.formBusy = false;
    this.formNet = false;
    this.notice = null;
    this.receipt = null;
  }

  private readonly onOnline = (): void => {
    this.offline = false;
    if (!nextToSend(this.t)) return;
    this.status = this.tx('back');
    if (this.sending) this.rerun = true;
    else void this.flush();
  };
  private readonly onOffline = (): void => {
    this.offline = true;
  };
  override connectedCallback(): void {
    super.connectedCallback();
    this.offline = isOffline();
    addEventListener('online', this.onOnline);
    addEventListener('offline', this.onOffline);
  }
  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('online', this.onOnline);
    removeEventListener('offline', this.onOffline);
  }

  private get l(): Lang {
    return langOf(this.language || document.documentElement.lang);
  }
  private get inline(): boolean {
    return this.mode === 'inline';
  }
  private tx(k: Key, n?: number | string): string {
    const s = plain(T[k][this.l]);
    return n === undefined ? s : s.replace('%', String(n));
  }
  private r(k: Key, n?: number | string) {
    const s = T[k][this.l];
    return ruby(n === undefined ? s : s.replace('%', String(n)));
  }
  private emit(name: string, detail?: unknown): void {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }

  // ---- storage --------------------------------------------------------------------------------
  protected override willUpdate(): void {
    const key = storageKey(this.municipality);
    if (key === this.key) return;
    this.key = key;
    this.t = parseTranscript(session()?.getItem(key));
    if (this.t.key && !this.t.ref) void this.loadNotice();
    // Messages queued before a reload are sent now.
    if (nextToSend(this.t)) queueMicrotask(() => void this.flush());
  }
  private setT(t: Transcript): void {
    this.t = t;
    try {
      session()?.setItem(this.key, serialise(t));
    } catch {
      /* storage full or disabled: the chat still works */
    }
  }

  // ---- opening and closing (launcher) ------------------------------------------------------
  private get open(): boolean {
    return this.inline || this.t.open;
  }
  private setOpen(open: boolean): void {
    this.setT({ ...this.t, open });
    this.focusTarget = open ? 'input' : 'launcher';
    this.emit('yorisoi-open', { open });
  }
  private onPanelKeydown(e: KeyboardEvent): void {
    if (e.key === 'Escape' && !e.isComposing && !this.inline) {
      e.preventDefault();
      this.setOpen(false);
    }
  }
  protected override updated(): void {
    const n = this.t.messages.length;
    if (n !== this.shown) {
      this.shown = n;
      const box = this.renderRoot.querySelector('.scroll');
      const last = this.renderRoot.querySelector('.log > :last-child');
      if (box && last) box.scrollTop = (last as HTMLElement).offsetTop - 8;
    }
    const id = this.focusTarget;
    if (!id) return;
    this.focusTarget = null;
    let el = this.renderRoot.querySelector<HTMLElement>(`#${id}`);
    if (el instanceof HTMLFieldSetElement) el = el.querySelector('input, button');
    el?.focus();
  }

  // ---- sending ----------------------------------------------------------------------------------
  private say(text: string, value?: string): void {
    const before = this.t;
    this.setT(enqueue(this.t, text, uuid(), value));
    if (this.t === before) return;
    this.error = '';
    void this.flush();
  }
  private onComposerKeydown(e: KeyboardEvent): void {
    if (isImeEnter(e)) return; // confirms the conversion; never sends
    if (!sendsOnEnter(e)) return;
    e.preventDefault();
    this.sendDraft();
  }
  private sendDraft(e?: Event): void {
    e?.preventDefault();
    const box = this.renderRoot.querySelector<HTMLTextAreaElement>('#input');
    if (!box?.value.trim()) return;
    this.say(box.value);
    box.value = '';
    box.focus();
  }
  /** Sends the queued messages one at a time, oldest first; one flush at a time, so none is sent twice. */
  private async flush(): Promise<void> {
    if (this.sending) return;
    this.sending = true;
    try {
      for (let m = nextToSend(this.t); m; m = nextToSend(this.t)) {
        if (isOffline()) {
          this.offline = true;
          this.status = this.tx('offline');
          return;
        }
        this.busy = true;
        this.status = this.tx('thinking');
        let body: Gql<{ chat: ChatReply }>;
        try {
          body = await this.post<{ chat: ChatReply }>(CHAT, 'Chat', { input: chatInput(this.t, m, LOCALES[this.l], this.municipality) });
        } catch {
          this.offline = isOffline();
          this.failed = !this.offline;
          this.status = this.tx(this.offline ? 'offline' : 'failed');
          return;
        }
        this.failed = false;
        this.offline = false;
        const reply = body.data?.chat;
        if (!reply) {
          // Refused (e.g. too long): shown, and not sent again.
          this.setT(dropQueued(this.t, m.id));
          this.error = Object.values(errorsByField(body.errors ?? [], LOCALES[this.l], 'x'))[0] ?? this.tx('netErr');
          this.status = this.error;
          continue;
        }
        const had = this.t.key;
        this.setT(applyReply(this.t, m.id, reply, uuid()));
        this.status = '';
        if (!had && this.t.key) {
          this.form = emptyForm();
          this.formErrors = {};
          void this.loadNotice();
        }
        this.emit('yorisoi-reply', { urgent: reply.urgent, handoff: reply.handoff ?? null });
      }
    } finally {
      this.sending = false;
      this.busy = false;
      if (this.rerun) {
        this.rerun = false;
        void this.flush();
      }
    }
  }
  /** POSTs one GraphQL operation in the widget's language. Rejects on network errors and 5xx. */
  private async post<D>(query: string, operationName: string, variables: Record<string, unknown>): Promise<Gql<D>> {
    const res = await fetch(this.api, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-language': LANG_TAGS[this.l] },
      body: JSON.stringify({ query, operationName, variables }),
    });
    if (res.status >= 500) throw new Error(`HTTP ${res.status}`);
    return (await res.json()) as Gql<D>;
  }

  // ---- ending and rating --------------------------------------------------------------------------
  private end(): void {
    this.setT({ ...this.t, ended: true });
    this.focusTarget = 'rating';
  }
  private async rate(score: number): Promise<void> {
    if (!this.t.sessionId) return;
    try {
      const body = await this.post<{ rateChat: boolean }>(RATE, 'RateChat', { sessionId: this.t.sessionId, score });
      if (!body.data?.rateChat) throw new Error('not rated');
      this.setT({ ...this.t, rated: score });
      this.status = this.tx('thanks');
      this.focusTarget = this.t.ended ? 'again' : 'input';
      this.emit('yorisoi-rated', { score });
    } catch {
      this.status = this.tx('netErr');
    }
  }
  private restart(): void {
    session()?.removeItem(this.key);
    this.t = { ...emptyTranscript(), open: this.t.open };
    this.setT(this.t);
    this.receipt = null;
    this.error = '';
    this.failed = false;
    this.focusTarget = 'input';
    this.emit('yorisoi-clear');
  }

  // ---- the call-back request (STAFF hand-off) ---------------------------------------------------
  private async loadNotice(): Promise<void> {
    const lang = LANG_TAGS[this.l];
    if (this.notice?.lang === lang) return;
    try {
      const body = await this.post<{ intakeSettings: { privacyNoticeVersion: string; privacyNotice: string } }>(SETTINGS, 'ChatPrivacy', { code: this.municipality });
      const s = body.data?.intakeSettings;
      if (!s) throw new Error('no settings');
      this.notice = { ...s, lang };
    } catch {
      this.formNet = true;
      this.formErrors = { cform: this.tx('netErr') };
    }
  }
  private setForm(patch: Partial<CallbackForm>): void {
    this.form = { ...this.form, ...patch };
  }
  private showFormErrors(errors: Record<string, string>): void {
    this.formErrors = errors;
    this.formLive = Object.values(errors).map(plain).join(' ');
    const first = Object.keys(errors)[0];
    this.focusTarget = first === 'cform' ? (this.formNet ? 'cb-retry' : 'cb-h') : first === 'ch' ? 'ch' : first ?? null;
  }
  private async request(e?: Event): Promise<void> {
    e?.preventDefault();
    if (this.formBusy) return;
    if (!this.notice) return void this.loadNotice();
    const invalid = validateForm(this.form);
    if (Object.keys(invalid).length) {
      return this.showFormErrors(Object.fromEntries(Object.entries(invalid).map(([f, k]) => [f, this.tx(k)])));
    }
    this.formBusy = true;
    this.formNet = false;
    this.formErrors = {};
    this.formLive = '';
    this.status = this.tx('sending');
    const website = this.renderRoot.querySelector<HTMLInputElement>('#website')?.value ?? '';
    const input = consultationInput(this.form, { key: this.t.key, municipality: this.municipality, sessionId: this.t.sessionId, noticeVersion: this.notice.privacyNoticeVersion, website });
    let body: Gql<{ requestConsultation: Receipt }>;
    try {
      body = await this.post<{ requestConsultation: Receipt }>(REQUEST, 'RequestConsultation', { input });
    } catch {
      // No answer: the same key is sent again on retry, so the request is stored once.
      this.formBusy = false;
      this.formNet = true;
      this.status = '';
      return this.showFormErrors({ cform: this.tx('netErr') });
    }
    this.formBusy = false;
    this.status = '';
    const receipt = body.data?.requestConsultation;
    if (!receipt) {
      const list = body.errors ?? [];
      const fields = list.map((x) => x.extensions?.field ?? '');
      if (fields.includes('input.idempotencyKey')) this.setT({ ...this.t, key: uuid() });
      if (fields.includes('input.privacyNoticeVersion')) {
        this.notice = null;
        this.setForm({ agree: false });
        void this.loadNotice();
      }
      const codes = list.map((x) => x.extensions?.code);
      const errors = codes.includes('TOO_MANY_REQUESTS')
        ? { cform: this.tx('tooMany') }
        : codes.includes('FORBIDDEN')
          ? { cform: this.tx('forbidden') }
          : errorsByField(list, LOCALES[this.l], 'cform');
      return this.showFormErrors(Object.keys(errors).length ? errors : { cform: this.tx('netErr') });
    }
    this.receipt = receipt;
    this.form = emptyForm();
    this.setT({ ...this.t, ref: receipt.referenceNumber, key: '' });
    this.status = this.tx('refDone', receipt.referenceNumber);
    this.focusTarget = 'ref';
    this.emit('yorisoi-consultation-requested', { referenceNumber: receipt.referenceNumber });
  }
  private cancelForm(): void {
    this.setT({ ...this.t, key: '' });
    this.formErrors = {};
    this.formLive = '';
    this.focusTarget = 'input';
  }

  // ---- rendering ------------------------------------------------------------------------------
  private message(m: Msg, last: boolean) {
    const me = m.from === 'me';
    const href = !me && m.handoff?.kind === 'INTAKE' ? handoffHref(this.intakeUrl, m.handoff, location.href) : null;
    return html`<div class="msg ${me ? 'me' : 'bot'}" part="message message-${m.from}">
      <span class="sr">${this.tx(me ? 'me' : 'bot')}: </span>
      ${m.urgent
        ? html`<div class="alert" role="alert" part="alert">
            <p><strong>${this.r('safety')}</strong></p>
            <ul>
              <li><a class="big" href="tel:110">110</a> ${this.r('s110')}</li>
              <li><a class="big" href="tel:%238008">#8008</a> ${this.r('s8008')}</li>
              <li><a href="tel:0120279889">0120-279-889</a> ${this.r('sPlus')}</li>
              <li><a href="tel:189">189</a> ${this.r('s189')}</li>
            </ul>
          </div>`
        : nothing}
      <div class="bubble" part="bubble">${me ? m.text : ruby(m.text)}</div>
      ${!me && m.generated ? html`<p class="note" part="generated-note">${this.r('generated')}</p>` : nothing}
      ${me && m.state === 'queued' && (this.offline || this.failed) ? html`<span class="state">${this.r('queued')}</span>` : nothing}
      ${m.programmes?.length
        ? html`<p class="sub">${this.r('related')}</p>
            <ul class="list" part="programmes">
              ${m.programmes.map((p) => html`<li>${ruby(p.name)}</li>`)}
            </ul>`
        : nothing}
      ${href && last ? html`<p><a href=${href} target="_top" part="handoff-link">${this.r('toIntake')}</a></p>` : nothing}
    </div>`;
  }
  private quickReplies() {
    const bot = lastBot(this.t);
    if (!bot?.quick?.length || this.busy) return nothing;
    return html`<div class="quick" role="group" aria-label=${this.tx('quick')} part="quick-replies">
      ${bot.quick.map(
        (q) => html`<button
          type="button"
          part="button quick-reply"
          data-value=${q.value}
          @click=${() => {
            this.say(q.label, q.value);
            this.focusTarget = 'input';
          }}
        >
          ${ruby(q.label)}
        </button>`,
      )}
    </div>`;
  }
  private err(id: string) {
    const m = this.formErrors[id];
    return m ? html`<p class="error" id="err-${id}" part="error">${ruby(m)}</p>` : nothing;
  }
  private field(id: 'name' | 'phone' | 'email' | 'time', label: Key, opts: { type?: string; ac?: string; hint?: Key; req?: boolean } = {}) {
    const invalid = !!this.formErrors[id];
    const described = [opts.hint ? `hint-${id}` : '', invalid ? `err-${id}` : ''].filter(Boolean).join(' ');
    return html`<div part="field">
      <label class="label" for=${id}>${this.r(label)}${opts.req ? this.r('req') : nothing}</label>
      ${opts.hint ? html`<span class="hint" id="hint-${id}">${this.r(opts.hint)}</span>` : nothing}
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
  private callback() {
    if (this.t.ref) {
      return html`<section class="bar" part="callback" aria-labelledby="ref-h">
        <h3 id="ref-h">${this.r('ref')}</h3>
        <p class="ref" id="ref" tabindex="-1" part="reference">${this.t.ref}</p>
        ${this.receipt?.nextSteps.length
          ? html`<p class="sub">${this.r('next')}</p>
              <ul class="list">
                ${this.receipt.nextSteps.map((s) => html`<li>${ruby(s)}</li>`)}
              </ul>`
          : nothing}
      </section>`;
    }
    if (!this.t.key) return nothing;
    const f = this.form;
    const chInvalid = !!this.formErrors.ch;
    const agreeInvalid = !!this.formErrors.agree;
    return html`<section class="bar callback" part="callback" aria-labelledby="cb-h">
      <h3 id="cb-h" tabindex="-1">${this.r('cbTitle')}</h3>
      <p>${this.r('cbIntro')}</p>
      <div class="sr" aria-live="assertive" aria-atomic="true">${this.formLive}</div>
      <form novalidate @submit=${this.request} @keydown=${(e: KeyboardEvent) => isImeEnter(e) && (e.preventDefault(), e.stopPropagation())} aria-labelledby="cb-h">
        ${this.field('name', 'name', { ac: 'name' })}
        <fieldset id="ch" aria-describedby=${chInvalid ? 'err-ch' : nothing}>
          <legend>${this.r('ch')}${this.r('req')}</legend>
          ${(['PHONE', 'EMAIL'] as const).map(
            (v) => html`<label class="opt"
              ><input type="radio" name="ch" value=${v} .checked=${f.ch === v} aria-invalid=${chInvalid ? 'true' : 'false'} @change=${() => this.setForm({ ch: v })} />${this.r(v)}</label
            >`,
          )}
          ${this.err('ch')}
        </fieldset>
        ${f.ch === 'PHONE' ? this.field('phone', 'phone', { type: 'tel', ac: 'tel', req: true }) : nothing}
        ${f.ch === 'EMAIL' ? this.field('email', 'email', { type: 'email', ac: 'email', req: true }) : nothing}
        ${this.field('time', 'time', { hint: 'timeHint' })}
        <div part="field">
          <label class="label" for="note">${this.r('note')}</label>
          <textarea id="note" part="input" rows="2" maxlength="1000" .value=${f.note} aria-invalid=${this.formErrors.note ? 'true' : 'false'} aria-describedby=${this.formErrors.note ? 'err-note' : nothing} @input=${(e: Event) => this.setForm({ note: (e.target as HTMLTextAreaElement).value })}></textarea>
          ${this.err('note')}
        </div>
        <div class="notice" part="notice">
          <h3>${this.r('notice')}</h3>
          ${this.notice ? html`<p>${this.notice.privacyNotice}</p>` : html`<p>${this.r('loading')}</p>`}
        </div>
        <label class="opt"
          ><input type="checkbox" id="agree" .checked=${f.agree} aria-invalid=${agreeInvalid ? 'true' : 'false'} aria-describedby=${agreeInvalid ? 'err-agree' : nothing} @change=${(e: Event) => this.setForm({ agree: (e.target as HTMLInputElement).checked })} />${this.r('agree')}${this.r('req')}</label
        >
        ${this.err('agree')}
        <div class="sr" aria-hidden="true">
          <label for="website">Website</label>
          <input type="text" id="website" name="website" tabindex="-1" autocomplete="off" aria-hidden="true" />
        </div>
        ${this.err('cform')}
        <div class="row">
          ${this.formNet
            ? html`<button type="button" id="cb-retry" part="button" @click=${() => (this.notice ? this.request() : ((this.formNet = false), (this.formErrors = {}), this.loadNotice()))}>${this.r('retry')}</button>`
            : nothing}
          <button type="submit" class="primary" part="button" aria-disabled=${this.formBusy ? 'true' : 'false'}>${this.r('cbSend')}</button>
          <button type="button" part="button" @click=${this.cancelForm}>${this.r('cbCancel')}</button>
        </div>
      </form>
    </section>`;
  }
  private rating() {
    const t = this.t;
    const bot = lastBot(t);
    if (!t.sessionId || this.busy) return nothing;
    if (t.rated) {
      return html`<div class="bar" part="rating">
        <p>${this.r('thanks')}</p>
        ${t.ended ? html`<button type="button" id="again" part="button" @click=${this.restart}>${this.r('newChat')}</button>` : nothing}
      </div>`;
    }
    if (!t.ended && !t.ref && !bot?.handoff) return nothing;
    return html`<fieldset class="bar" id="rating" part="rating" aria-describedby="rate-hint">
      <legend>${this.r('rateQ')}</legend>
      <p class="hint" id="rate-hint">${this.r('rate1')} / ${this.r('rate5')}</p>
      <div class="rating">
        ${[1, 2, 3, 4, 5].map((n) => html`<button type="button" part="button" aria-label=${this.tx('rate', n)} @click=${() => this.rate(n)}>${n}</button>`)}
      </div>
      ${t.ended ? html`<button type="button" id="again" part="button" @click=${this.restart}>${this.r('newChat')}</button>` : nothing}
    </fieldset>`;
  }
  private panel() {
    const t = this.t;
    const waiting = queuedCount(t) > 0 && (this.offline || this.failed);
    return html`<section class="panel" id="panel" part="panel" role=${this.inline ? 'region' : 'dialog'} aria-labelledby="title" @keydown=${this.onPanelKeydown}>
      <header part="header">
        <h2 id="title" part="title">${this.r('title')}</h2>
        ${t.sessionId && !t.ended ? html`<button type="button" class="x" part="button button-end" @click=${this.end}>${this.r('end')}</button>` : nothing}
        ${this.inline
          ? nothing
          : html`<button type="button" class="x" id="close" part="button button-close" aria-label=${this.tx('close')} @click=${() => this.setOpen(false)}>
              <span aria-hidden="true">×</span>
            </button>`}
      </header>
      <div class="scroll log-wrap" tabindex="0" role="region" aria-label=${this.tx('log')}>
        <div class="log" role="log" aria-live="polite" aria-relevant="additions" part="log">
          <p class="intro">${this.r('intro')}</p>
          ${t.messages.map((m, i) => this.message(m, i === t.messages.length - 1))}
        </div>
      </div>
      ${this.quickReplies()}
      ${waiting
        ? html`<div class="bar offline" part="offline">
            <p>${this.r(this.offline ? 'offline' : 'failed')}</p>
            ${this.failed && !this.offline ? html`<button type="button" id="resend" part="button" @click=${() => this.flush()}>${this.r('retry')}</button>` : nothing}
          </div>`
        : nothing}
      ${this.error ? html`<p class="bar error" part="error">${ruby(this.error)}</p>` : nothing} ${this.callback()} ${this.rating()}
      <form class="composer" part="composer" @submit=${this.sendDraft}>
        <div class="grow">
          <label class="sr" for="input">${this.tx('input')}</label>
          <textarea id="input" part="input" rows="1" maxlength="500" aria-describedby="hint" @keydown=${this.onComposerKeydown}></textarea>
          <span class="hint" id="hint">${this.r('hint')}</span>
        </div>
        <button type="submit" class="primary" part="button button-send">${this.r('send')}</button>
      </form>
    </section>`;
  }
  protected override render() {
    const open = this.open;
    return html`<div lang=${LANG_TAGS[this.l]} class="root">
      <div class="sr" role="status" aria-atomic="true">${this.status}</div>
      ${!this.inline && !open
        ? html`<button type="button" id="launcher" class="launcher primary" part="button launcher" aria-expanded="false" aria-haspopup="dialog" @click=${() => this.setOpen(true)}>
            <svg aria-hidden="true" width="20" height="20" viewBox="0 0 24 24"><path fill="currentColor" d="M4 3h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2z" /></svg>
            ${this.r('open')}
          </button>`
        : nothing}
      ${open ? this.panel() : nothing}
    </div>`;
  }
}
