import { LitElement, html, nothing } from 'lit';
import { CallbackController, type ChatCore, type Gql } from './callback.js';
import { chatStyles } from './chat.styles.js';
import { fill, widgetLang } from '../shared/lang.js';
import { storage } from '../shared/storage.js';
import { langSwitch } from '../shared/lang-switch.js';
import { LANG_TAGS, LOCALES, STARTERS, T, type Key, type Lang } from './i18n.js';
import {
  CHAT,
  RATE,
  applyReply,
  chatInput,
  dropQueued,
  emptyTranscript,
  enqueue,
  errorsByField,
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
  type ChatReply,
  type QuickReply,
  type Transcript,
} from './model.js';
import { PlacementController, type Placed } from './placement.js';
import { message, msgLang, ruby } from './views.js';

/** navigator.onLine, read afresh each time (a function, so TypeScript does not narrow it across awaits). */
const isOffline = (): boolean => navigator.onLine === false;
const session = (): Storage | null => storage('session');
/** Where 「Enterで送信」 is worth saying: a mouse or trackpad, so most likely a hardware keyboard too. */
const KEYBOARD_LIKELY = '(hover: hover) and (pointer: fine)';

/**
 * `<yorisoi-chat api="https://…/graphql" municipality="999999">`: the consultation chatbot for
 * single-parent families. In `launcher` mode (default) a button at the bottom right opens a chat
 * panel; in `inline` mode the panel sits in the page flow. The transcript and session id are kept in
 * sessionStorage (`yorisoi-chat:<municipality>`, this tab only); messages written offline are queued
 * and sent once when the connection is back. A STAFF hand-off offers a call-back request form
 * (`requestConsultation`); an INTAKE hand-off links to `intake-url`. The rating (`rateChat`) is
 * offered when the person ends the chat or after a hand-off.
 *
 * Layout: the header and the message box stay put; the conversation, the quick replies, the call-back
 * form and the rating scroll between them, and each new reply is scrolled into view (the urgent
 * safety box first). On a narrow or short screen the open panel fills the viewport. The launcher
 * keeps off the page's focused control (placement.ts).
 *
 * @attr api - URL of the Yorisoi GraphQL endpoint (default `/graphql`).
 * @attr municipality - 6-digit 全国地方公共団体コード; sent as `municipalityCode`, and names the storage key.
 * @attr lang - "ja" (default), "en", "ja-x-easy" / "ja-easy" (やさしい日本語); else the page's <html lang>. The switch at the top of the conversation changes it for this visit.
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
 * @csspart quick-replies - the group of suggested replies (starter questions before the first message); `quick-reply` each button
 * @csspart handoff-link - the link to the intake form
 * @csspart offline - the offline / not-sent banner
 * @csspart composer - the message form; `input` the text fields; `button` every button, also `button-send`, `button-close`, `button-end`
 * @csspart callback - the call-back request form; `notice` its privacy notice; `error` a field error; `reference` the reference number
 * @csspart rating - the satisfaction question
 * @csspart lang-switch - the language switch, at the top of the conversation: not in the title bar, whose second row
 *   pushed the newest reply and its safety numbers out of view on a small phone
 *
 * @cssprop --yorisoi-primary / --yorisoi-on-primary / --yorisoi-focus / --yorisoi-font / --yorisoi-font-size / --yorisoi-radius
 * @cssprop --yorisoi-text / --yorisoi-bg / --yorisoi-muted / --yorisoi-border / --yorisoi-input-border / --yorisoi-error / --yorisoi-alert-bg / --yorisoi-link
 * @cssprop --yorisoi-bot-bg - background of the bot's messages (default #eef1f5)
 * @cssprop --yorisoi-chat-height - panel height (default 34em); --yorisoi-chat-offset distance from the viewport corner (1em); --yorisoi-chat-z z-index
 */
export class YorisoiChat extends LitElement implements ChatCore, Placed {
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
    keyboard: { state: true },
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
  /** a hardware keyboard is likely (the Enter hint is shown) */
  declare keyboard: boolean;

  private readonly callback = new CallbackController(this);
  private key = '';
  private sending = false;
  private rerun = false;
  private focusTarget: string | null = null;
  /** messages shown when the log was last scrolled; -1: scroll to the newest on the next render */
  private shown = -1;
  private media: MediaQueryList | null = null;

  constructor() {
    super();
    // Registers itself with the element (hostConnected / hostUpdated).
    new PlacementController(this);
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
    this.keyboard = false;
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
  private readonly onMedia = (): void => {
    this.keyboard = this.media?.matches ?? false;
  };
  override connectedCallback(): void {
    super.connectedCallback();
    this.offline = isOffline();
    addEventListener('online', this.onOnline);
    addEventListener('offline', this.onOffline);
    this.media = matchMedia(KEYBOARD_LIKELY);
    this.media.addEventListener('change', this.onMedia);
    this.onMedia();
  }
  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('online', this.onOnline);
    removeEventListener('offline', this.onOffline);
    this.media?.removeEventListener('change', this.onMedia);
  }

  // ---- what the controllers use (ChatCore, Placed); not part of the element's public API -----------
  /** @internal */
  get l(): Lang {
    return widgetLang(this.language);
  }
  /** @internal */
  get floating(): boolean {
    return this.mode !== 'inline';
  }
  /** @internal */
  get panelOpen(): boolean {
    return this.open;
  }
  /** @internal */
  tx(k: Key, n?: number | string): string {
    return fill(plain(T[k][this.l]), n);
  }
  /** @internal */
  r(k: Key, n?: number | string) {
    return ruby(fill(T[k][this.l], n));
  }
  /** @internal */
  emit(name: string, detail?: unknown): void {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }
  /** @internal */
  say(text: string): void {
    this.status = text;
  }
  /** @internal */
  focusOn(id: string | null): void {
    this.focusTarget = id;
    this.requestUpdate();
  }
  /** @internal */
  fold(): void {
    if (this.t.open) this.setOpen(false, false);
  }

  // ---- storage --------------------------------------------------------------------------------
  protected override willUpdate(): void {
    const key = storageKey(this.municipality);
    if (key === this.key) return;
    this.key = key;
    this.t = parseTranscript(session()?.getItem(key));
    if (this.t.key && !this.t.ref) void this.callback.loadNotice();
    // Messages queued before a reload are sent now.
    if (nextToSend(this.t)) queueMicrotask(() => void this.flush());
  }
  /** @internal */
  setT(t: Transcript): void {
    this.t = t;
    try {
      session()?.setItem(this.key, serialise(t));
    } catch {
      /* storage full or disabled: the chat still works */
    }
  }

  // ---- opening and closing (launcher) ------------------------------------------------------
  private get open(): boolean {
    return !this.floating || this.t.open;
  }
  private setOpen(open: boolean, moveFocus = true): void {
    this.setT({ ...this.t, open });
    if (moveFocus) this.focusTarget = open ? 'input' : 'launcher';
    if (open) this.shown = -1;
    this.emit('yorisoi-open', { open });
  }
  private onPanelKeydown(e: KeyboardEvent): void {
    if (e.key === 'Escape' && !e.isComposing && this.floating) {
      e.preventDefault();
      this.setOpen(false);
    }
  }
  protected override updated(): void {
    const n = this.t.messages.length;
    if (n !== this.shown) {
      this.shown = n;
      this.reveal();
    }
    const id = this.focusTarget;
    if (!id) return;
    this.focusTarget = null;
    let el = this.renderRoot.querySelector<HTMLElement>(`#${id}`);
    if (el instanceof HTMLFieldSetElement) el = el.querySelector('input, button');
    el?.focus();
  }
  /**
   * Scrolls the conversation (only it, never the page) to the newest line: a reply shows from its
   * question when both fit, else from its own start — so the safety box of an urgent reply, which
   * comes first, is always in view. What follows (quick replies, the call-back form) is below.
   */
  private reveal(): void {
    const box = this.renderRoot.querySelector<HTMLElement>('.scroll');
    const lines = this.renderRoot.querySelectorAll<HTMLElement>('.log > .msg');
    const last = lines[lines.length - 1];
    if (!box || !last) return;
    const question = last.classList.contains('bot') ? lines[lines.length - 2] : undefined;
    const top = (el: HTMLElement) => el.getBoundingClientRect().top - box.getBoundingClientRect().top + box.scrollTop;
    const fits = question && last.getBoundingClientRect().bottom - question.getBoundingClientRect().top <= box.clientHeight - 16;
    box.scrollTop = Math.max(0, top(fits ? question : last) - 8);
  }

  // ---- sending ----------------------------------------------------------------------------------
  private sendText(text: string, value?: string): void {
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
    this.sendText(box.value);
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
          this.callback.reset();
          void this.callback.loadNotice();
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
  /** @internal POSTs one GraphQL operation in the widget's language. Rejects on network errors and 5xx. */
  async post<D>(query: string, operationName: string, variables: Record<string, unknown>): Promise<Gql<D>> {
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
    this.callback.clearReceipt();
    this.error = '';
    this.failed = false;
    this.focusTarget = 'input';
    this.emit('yorisoi-clear');
  }

  // ---- rendering ------------------------------------------------------------------------------
  /** The latest reply's quick replies; before the first message, starter questions. */
  private quickReplies() {
    if (this.busy) return nothing;
    const starters: QuickReply[] = this.t.messages.length
      ? []
      : STARTERS.map((s) => ({ label: T[s.label][this.l], value: s.value ?? plain(T[s.label][this.l]) }));
    const bot = lastBot(this.t);
    const quick = bot?.quick ?? starters;
    if (!quick.length) return nothing;
    return html`<div class="quick" role="group" aria-label=${this.tx(this.t.messages.length ? 'quick' : 'starters')} part="quick-replies">
      ${quick.map(
        (q) => html`<button
          type="button"
          part="button quick-reply"
          lang=${msgLang(bot?.lang)}
          data-value=${q.value}
          @click=${() => {
            this.sendText(plain(q.label), q.value);
            this.focusTarget = 'input';
          }}
        >
          ${ruby(q.label)}
        </button>`,
      )}
    </div>`;
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
    return html`<section class="panel" id="panel" part="panel" role=${this.floating ? 'dialog' : 'region'} aria-labelledby="title" @keydown=${this.onPanelKeydown}>
      <div class="head" part="header">
        <h2 id="title" part="title">${this.r('title')}</h2>
        ${t.sessionId && !t.ended ? html`<button type="button" class="x" part="button button-end" @click=${this.end}>${this.r('end')}</button>` : nothing}
        ${
          this.floating
            ? html`<button type="button" class="x" id="close" part="button button-close" aria-label=${this.tx('close')} @click=${() => this.setOpen(false)}>
              <span aria-hidden="true">×</span>
            </button>`
            : nothing
        }
      </div>
      <div class="scroll" tabindex="0" role="region" aria-label=${this.tx('log')}>
        ${langSwitch(this.l, (l) => (this.language = LANG_TAGS[l]))}
        <div class="log" role="log" aria-live="polite" aria-relevant="additions" part="log">
          <p class="intro">${this.r('intro')}</p>
          ${t.messages.map((m, i) => message(m, { last: i === t.messages.length - 1, unsent: this.offline || this.failed, intakeUrl: this.intakeUrl, tx: (k) => this.tx(k), r: (k) => this.r(k) }))}
        </div>
        ${this.quickReplies()} ${this.callback.render()} ${this.rating()}
      </div>
      ${
        waiting
          ? html`<div class="bar offline" part="offline">
            <p>${this.r(this.offline ? 'offline' : 'failed')}</p>
            ${this.failed && !this.offline ? html`<button type="button" id="resend" part="button" @click=${() => this.flush()}>${this.r('retry')}</button>` : nothing}
          </div>`
          : nothing
      }
      ${this.error ? html`<p class="bar error" part="error">${ruby(this.error)}</p>` : nothing}
      <form class="composer" part="composer" @submit=${this.sendDraft}>
        <div class="grow">
          <label class="sr" for="input">${this.tx('input')}</label>
          <textarea id="input" part="input" rows="1" maxlength="500" aria-describedby=${this.keyboard ? 'hint' : nothing} @keydown=${this.onComposerKeydown}></textarea>
          ${this.keyboard ? html`<span class="hint" id="hint">${this.r('hint')}</span>` : nothing}
        </div>
        <button type="submit" class="primary" part="button button-send">${this.r('send')}</button>
      </form>
    </section>`;
  }
  protected override render() {
    const open = this.open;
    return html`<div lang=${LANG_TAGS[this.l]} class="root">
      <div class="sr" role="status" aria-atomic="true">${this.status}</div>
      ${
        this.floating && !open
          ? html`<button type="button" id="launcher" class="launcher primary" part="button launcher" aria-expanded="false" aria-haspopup="dialog" @click=${() => this.setOpen(true)}>
            <svg aria-hidden="true" width="20" height="20" viewBox="0 0 24 24"><path fill="currentColor" d="M4 3h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2z" /></svg>
            <span class="launcher-text">${this.r('open')}</span>
          </button>`
          : nothing
      }
      ${open ? this.panel() : nothing}
    </div>`;
  }
}
