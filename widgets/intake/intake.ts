import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { intakeStyles } from './intake.styles.js';
import { BENEFITS, CONCERNS, LANG_TAGS, T, langOf, type Key, type Lang } from './i18n.js';
import {
  CONSENT,
  CONTACT,
  DONE,
  HANDOFF,
  ORDER,
  POSTAL,
  QUERY,
  RESULTS,
  SETTINGS,
  SUBMIT,
  carried,
  empty,
  fieldOf,
  householdInput,
  intakeInput,
  normaliseEmail,
  normalisePhone,
  normalisePostal,
  normaliseYen,
  parseHandoff,
  postalCode,
  stepOf,
  uuid,
  validEmail,
  validPhone,
  type Answers,
  type ApiError,
  type Child,
  type PostalAnswer,
  type Receipt,
  type Result,
  type Settings,
} from './model.js';

/** Waits before the automatic retries of a submission that got no answer (fetch rejected or 5xx). */
const BACKOFF = [500, 1000, 2000];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** The person's local date, YYYY-MM-DD (a child's age from the chat is counted to it). */
const today = (d = new Date()): string => [d.getFullYear(), d.getMonth() + 1, d.getDate()].map((n) => String(n).padStart(2, '0')).join('-');
type Gql<T> = { data?: T | null; errors?: ApiError[] };

const RUBY = /([\u3005\u4e00-\u9fff]+)\{([^}]+)\}/g;
const plain = (s: string): string => s.replace(/\{[^}]+\}/g, '');
/** Renders `漢字{よみ}` as ruby; plain strings pass through. */
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
function storage(kind: 'local' | 'session'): Storage | null {
  try {
    return kind === 'local' ? localStorage : sessionStorage;
  } catch {
    return null;
  }
}

/**
 * `<yorisoi-intake api="https://…/graphql" municipality="999999" lang="ja">`: a step-by-step intake
 * form for single-parent families that shows the support programmes they may use — before asking
 * for any name or contact — then (optionally) asks whether and how to contact them, asks for consent
 * per department and submits the intake (`submitIntake`), showing a receipt. Answers live in sessionStorage (key `yorisoi-intake:<municipality>`), or
 * localStorage when the person ticks 「この端末に保存する」. A chat hand-off in the address
 * (`#yorisoi-handoff=<encoded JSON>`, from <yorisoi-chat intake-url>) fills in what it can and is then
 * removed from the address.
 *
 * @attr api - URL of the Yorisoi GraphQL endpoint.
 * @attr municipality - 6-digit 全国地方公共団体コード.
 * @attr lang - "ja" (default), "en", "ja-x-easy" / "ja-easy" (やさしい日本語); else the page's <html lang>.
 *
 * @fires yorisoi-step - detail `{ step }` (0–8) after every step change.
 * @fires yorisoi-submitted - detail `{ referenceNumber }` when the intake was received.
 * @fires yorisoi-results - detail `{ results }` when eligibility results arrived.
 * @fires yorisoi-clear - when the person erased their answers.
 *
 * No slots.
 *
 * @csspart root - the outer box
 * @csspart title - widget title
 * @csspart progress - "Step n/6"
 * @csspart heading - the step heading (h2)
 * @csspart live - the aria-live region that announces errors (visually hidden)
 * @csspart field - a labelled input with its label
 * @csspart label - a field label
 * @csspart input - text and date inputs
 * @csspart option - a checkbox with its label
 * @csspart error - an error message next to a field
 * @csspart alert - the DV safety information box
 * @csspart button - every button; also `button-primary`, `button-back`, `button-clear`
 * @csspart results - list of programmes; `result` one programme; `status` its status; `amount` its amount
 * @csspart tools - the save/clear bar
 * @csspart notice - the privacy notice; `reference` the reference number on the receipt
 * @csspart handoff - the notes on answers carried over from <yorisoi-chat> (`#yorisoi-handoff=` in the address)
 *
 * @cssprop --yorisoi-primary - buttons, focus ring, checkboxes (default #0b5cad)
 * @cssprop --yorisoi-on-primary - text on primary buttons (default #fff)
 * @cssprop --yorisoi-font - font family
 * @cssprop --yorisoi-font-size - base font size (default: the browser's, `medium`)
 * @cssprop --yorisoi-radius - corner radius (default 8px)
 * @cssprop --yorisoi-text / --yorisoi-bg / --yorisoi-muted / --yorisoi-border / --yorisoi-error / --yorisoi-focus / --yorisoi-link / --yorisoi-alert-bg
 */
export class YorisoiIntake extends LitElement {
  static override styles = intakeStyles;
  static override properties = {
    api: {},
    municipality: {},
    language: { attribute: 'lang' },
    step: { state: true },
    a: { state: true },
    remember: { state: true },
    errors: { state: true },
    live: { state: true },
    status: { state: true },
    results: { state: true },
    busy: { state: true },
    settings: { state: true },
    receipt: { state: true },
    netFail: { state: true },
    note: { state: true },
    ho: { state: true },
  };

  declare api: string;
  declare municipality: string;
  declare language: string | null;
  declare step: number;
  declare a: Answers;
  declare remember: boolean;
  /** field id (or "form") → message */
  declare errors: Record<string, string>;
  /** assertive announcement (errors) */
  declare live: string;
  /** polite announcement (loading, results, cleared) */
  declare status: string;
  declare results: Result[] | null;
  declare busy: boolean;
  /** intakeSettings, in the language it was loaded in */
  declare settings: (Settings & { lang: string }) | null;
  /** kept for this page view only; nothing of it is stored */
  declare receipt: Receipt | null;
  /** the submission (or settings) got no answer after the retries: show the retry button */
  declare netFail: boolean;
  /** shown under the postal code when the address could not be filled in from it */
  declare note: string;
  /** shown (and announced) when answers from the chat were carried over, until the step changes */
  declare ho: string;

  private key = '';
  private focusTarget: string | null = null;
  private abort: AbortController | null = null;
  /** postal code → address look-up: debounce timer, request, and the code last asked about */
  private postalTimer = 0;
  private postalCtl: AbortController | null = null;
  private asked = '';
  /** the address was checked for a chat hand-off (once per page view; later ones come by hashchange) */
  private handoffRead = false;
  private readonly onHash = (): void => {
    if (this.key) this.takeHandoff(true);
  };

  constructor() {
    super();
    this.api = '/graphql';
    this.municipality = '';
    this.language = null;
    this.step = 0;
    this.a = empty();
    this.remember = false;
    this.errors = {};
    this.live = '';
    this.status = '';
    this.results = null;
    this.busy = false;
    this.settings = null;
    this.receipt = null;
    this.netFail = false;
    this.note = '';
    this.ho = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // A chat on the same page links here with only a new fragment: no reload, just hashchange.
    window.addEventListener('hashchange', this.onHash);
  }
  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.onHash);
  }

  private get l(): Lang {
    return langOf(this.language || document.documentElement.lang);
  }
  /** Text of the current language; `%` replaced by n. */
  private t(k: Key, n?: number | string): string {
    const s = T[k][this.l];
    return n === undefined ? s : s.replace('%', String(n));
  }
  private r(k: Key, n?: number | string) {
    return ruby(this.t(k, n));
  }
  private pick(row: readonly [string, string, string, string]): string {
    return row[this.l + 1] as string;
  }

  // ---- storage --------------------------------------------------------------------------------
  protected override willUpdate(): void {
    const key = `yorisoi-intake:${this.municipality}`;
    if (key === this.key) return;
    this.key = key;
    const restored = this.restore(key);
    if (!this.handoffRead) {
      this.handoffRead = true;
      this.takeHandoff(false);
    }
    if (restored) this.enter();
  }
  private restore(key: string): boolean {
    const local = storage('local')?.getItem(key);
    const raw = local ?? storage('session')?.getItem(key);
    if (!raw) return false;
    try {
      const saved = JSON.parse(raw) as { step?: number; a?: Partial<Answers> };
      this.a = { ...empty(), ...saved.a, chat: carried(saved.a?.chat) };
      this.step = Math.min(Math.max(Number(saved.step) || 0, 0), CONSENT);
      this.remember = local != null;
      return true;
    } catch {
      return false; // unreadable: start afresh
    }
  }
  /**
   * Answers carried over from <yorisoi-chat> in the address: `#yorisoi-handoff=<encoded JSON>`. The
   * fragment is removed from the address bar first (history.replaceState), whatever it holds, so a
   * reload or a shared link does not apply it again and the answers do not linger in the URL. What
   * parseHandoff accepts fills only answers that are still empty (the salary; the children step needs
   * birth dates, so the children are shown as a note there), is stored like any answer, and is
   * announced politely. `fromLink`: a same-page link (hashchange) — focus goes to the form.
   */
  private takeHandoff(fromLink: boolean): void {
    const hash = location.hash;
    if (!hash.startsWith(HANDOFF)) return;
    try {
      // An absolute URL: a page's <base href> must not change where it points.
      history.replaceState(history.state, '', location.href.split('#')[0]);
    } catch {
      /* a sandboxed frame may refuse: the answers are still read once */
    }
    const c = parseHandoff(hash, today());
    if (!c || this.step === DONE) return;
    const had = normaliseYen(this.a.salary);
    const fill = c.salary !== null && !had;
    this.a = { ...this.a, chat: c, ...(fill ? { salary: String(c.salary) } : {}) };
    this.save();
    const kept = c.salary !== null && had && had !== String(c.salary);
    const msg = [this.t('hoDone'), kept ? this.t('hoKept') : ''].join(this.l === 1 ? ' ' : '').trim();
    this.ho = msg;
    const step = this.step;
    // Said once the (empty) status region is on the page: a region that appears with its text is not read out.
    const say = () => {
      if (this.step === step && this.ho === msg) this.status = plain(msg);
    };
    if (fromLink) {
      this.focusTarget = 'h';
      say();
      if (fill) this.enter(); // results on show are fetched again with the salary
    } else setTimeout(say, 500);
  }
  private save(): void {
    if (this.step === DONE) return;
    const data = JSON.stringify({ step: this.step, a: this.a });
    const [keep, drop] = this.remember ? (['local', 'session'] as const) : (['session', 'local'] as const);
    try {
      storage(keep)?.setItem(this.key, data);
      storage(drop)?.removeItem(this.key);
    } catch {
      /* storage full or disabled: the form still works */
    }
  }
  private set(patch: Partial<Answers>): void {
    this.a = { ...this.a, ...patch };
    this.save();
  }
  private clear(): void {
    this.abort?.abort();
    storage('local')?.removeItem(this.key);
    storage('session')?.removeItem(this.key);
    this.a = empty();
    this.remember = false;
    this.results = null;
    this.receipt = null;
    this.netFail = false;
    this.busy = false;
    this.errors = {};
    this.live = '';
    this.note = '';
    this.go(0, false);
    this.status = this.t('cleared');
    this.dispatchEvent(new CustomEvent('yorisoi-clear', { bubbles: true, composed: true }));
  }

  // ---- navigation -----------------------------------------------------------------------------
  private go(step: number, save = true): void {
    this.stopPostal();
    this.step = step;
    this.errors = {};
    this.live = '';
    this.status = '';
    this.netFail = false;
    this.focusTarget = 'h';
    this.ho = '';
    // The idempotency key is made once, on reaching the submit step, and kept with the answers.
    if (step === CONSENT && !this.a.key) this.a = { ...this.a, key: uuid() };
    if (save) this.save();
    this.dispatchEvent(new CustomEvent('yorisoi-step', { detail: { step }, bubbles: true, composed: true }));
    this.enter();
  }
  /** What a step loads when it is entered (or restored). */
  private enter(): void {
    if (this.step === RESULTS) void this.fetchResults();
    if (this.step === CONSENT) void this.loadSettings();
  }
  protected override updated(): void {
    const id = this.focusTarget;
    if (!id) return;
    this.focusTarget = null;
    let el = this.renderRoot.querySelector<HTMLElement>(`#${id === 'children' ? 'add' : id}`);
    if (el instanceof HTMLFieldSetElement) el = el.querySelector('input, button');
    el?.focus();
  }
  private showErrors(errors: Record<string, string>): void {
    const first = Object.keys(errors)[0];
    if (!first) return;
    const step = stepOf(first);
    if (step !== this.step) {
      this.step = step;
      this.save();
    }
    this.errors = errors;
    this.live = Object.values(errors).map(plain).join(' ');
    this.focusTarget = first === 'form' ? 'h' : first === 'sform' ? (this.netFail ? 'retry' : 'h') : first;
  }
  private validate(): Record<string, string> {
    const e: Record<string, string> = {};
    const a = this.a;
    if (this.step === 0 && !/^\d{3}-\d{4}$/.test(normalisePostal(a.postal))) e.postal = this.t('postalErr');
    if (this.step === 2) {
      if (!a.children.length) e.children = this.t('noChild');
      a.children.forEach((c, i) => {
        if (!/^\d{4}-\d{2}-\d{2}$/.test(c.b)) e[`child-${i}-b`] = this.t('birthErr');
      });
    }
    if (this.step === 3) {
      for (const f of ['salary', 'other', 'support'] as const) {
        const v = normaliseYen(a[f]);
        if (v && !/^\d{1,12}$/.test(v)) e[f] = this.t('numErr');
      }
    }
    if (this.step === CONTACT) {
      if (!a.want) e.want = this.t('wantErr');
      else if (a.want === 'y') {
        if (!a.ch) e.ch = this.t('chErr');
        else if (a.ch === 'PHONE' && !validPhone(normalisePhone(a.phone))) e.phone = this.t('phoneErr');
        else if (a.ch === 'EMAIL' && !validEmail(normaliseEmail(a.email))) e.email = this.t('emailErr');
      }
    }
    return e;
  }
  private onSubmit(ev: Event): void {
    ev.preventDefault();
    if (this.busy || this.step >= DONE) return;
    if (this.step === CONSENT) return void this.submit();
    const e = this.validate();
    if (Object.keys(e).length) this.showErrors(e);
    else this.go(this.step + 1);
  }
  /** An Enter that confirms an IME conversion must not submit the step. */
  private onKeydown(ev: KeyboardEvent): void {
    if (ev.key === 'Enter' && (ev.isComposing || ev.keyCode === 229)) {
      ev.preventDefault();
      ev.stopPropagation();
    }
  }

  // ---- API ------------------------------------------------------------------------------------
  private async fetchResults(): Promise<void> {
    this.abort?.abort();
    const ctl = (this.abort = new AbortController());
    this.busy = true;
    this.results = null;
    this.status = this.t('loading');
    try {
      const body = await this.post<{ eligibility?: { results: Result[] } }>(QUERY, 'Eligibility', { input: householdInput(this.a, this.municipality) }, ctl.signal);
      if (ctl !== this.abort) return;
      this.busy = false;
      this.status = '';
      if (body.errors?.length) return this.apiErrors(body.errors);
      const results = [...(body.data?.eligibility?.results ?? [])].sort((x, y) => ORDER[x.status] - ORDER[y.status]);
      this.results = results;
      this.status = results.length ? plain(this.t('found', results.length)) : plain(this.t('none'));
      this.dispatchEvent(new CustomEvent('yorisoi-results', { detail: { results }, bubbles: true, composed: true }));
    } catch (e) {
      if (ctl !== this.abort || (e as Error).name === 'AbortError') return;
      this.busy = false;
      this.status = '';
      this.showErrors({ form: this.t('netErr') });
    }
  }
  /** Looks the postal code up after a pause in typing (`delay` ms), or at once on change. */
  private postalSoon(delay: number): void {
    clearTimeout(this.postalTimer);
    this.postalTimer = window.setTimeout(() => void this.lookupPostal(), delay);
  }
  private stopPostal(): void {
    clearTimeout(this.postalTimer);
    this.postalCtl?.abort();
    this.postalCtl = null;
    this.asked = '';
  }
  /**
   * Fills in prefecture and city from a complete postal code (public `postalAddress` query) and
   * announces it politely. A code they were already filled in from is not asked again, so what the
   * person typed over them stays until the code changes. Unknown codes, several cities and network
   * failures leave the fields as they are with a note: typing them is always possible.
   */
  private async lookupPostal(): Promise<void> {
    const code = postalCode(this.a.postal);
    if (this.step !== 0 || !code || code === this.a.filled || code === this.asked) return;
    this.postalCtl?.abort();
    const ctl = (this.postalCtl = new AbortController());
    this.asked = code;
    const current = () => ctl === this.postalCtl && this.step === 0 && postalCode(this.a.postal) === code;
    try {
      const body = await this.post<{ postalAddress: PostalAnswer | null }>(POSTAL, 'PostalAddress', { code }, ctl.signal);
      if (!current()) return;
      if (body.errors?.length) throw new Error('postalAddress failed');
      const x = body.data?.postalAddress;
      if (!x?.prefecture || !x.city) {
        this.note = this.t('postalUnknown');
        this.status = plain(this.note);
        return;
      }
      this.note = '';
      this.set({ pref: x.prefecture, city: x.city, filled: code });
      this.status = plain(this.t('postalFilled', `${code} ${x.prefecture}${x.city}`));
    } catch (e) {
      if (!current() || (e as Error).name === 'AbortError') return;
      this.asked = ''; // ask again on the next change
      this.note = this.t('postalFail');
      this.status = plain(this.note);
    }
  }
  /** POSTs one GraphQL operation in the widget's language. Rejects on network errors and 5xx. */
  private async post<T>(query: string, operationName: string, variables: Record<string, unknown>, signal?: AbortSignal): Promise<Gql<T>> {
    const res = await fetch(this.api, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-language': LANG_TAGS[this.l] },
      body: JSON.stringify({ query, operationName, variables }),
      signal: signal ?? null,
    });
    if (res.status >= 500) throw new Error(`HTTP ${res.status}`);
    return (await res.json()) as Gql<T>;
  }
  private async loadSettings(): Promise<void> {
    const lang = LANG_TAGS[this.l];
    if (this.settings?.lang === lang) return;
    this.abort?.abort();
    const ctl = (this.abort = new AbortController());
    this.busy = true;
    this.netFail = false;
    this.status = this.t('loading');
    try {
      const body = await this.post<{ intakeSettings: Settings }>(SETTINGS, 'IntakeSettings', { code: this.municipality }, ctl.signal);
      if (ctl !== this.abort) return;
      this.busy = false;
      this.status = '';
      if (body.errors?.length || !body.data) return this.apiErrors(body.errors ?? [], 'sform');
      this.settings = { ...body.data.intakeSettings, lang };
      // Ticks for departments this municipality no longer offers are dropped.
      const codes = this.settings.departments.map((d) => d.code);
      if (this.a.share.some((c) => !codes.includes(c))) this.set({ share: this.a.share.filter((c) => codes.includes(c)) });
    } catch (e) {
      if (ctl !== this.abort || (e as Error).name === 'AbortError') return;
      this.busy = false;
      this.status = '';
      this.netFail = true;
      this.showErrors({ sform: this.t('netErr') });
    }
  }
  /**
   * submitIntake with the key made on reaching this step. A request that gets no answer (fetch
   * rejects, or 5xx) is retried after 0.5 s, 1 s and 2 s with the same key — the API stores one
   * submission per key — and then the person gets a retry button (same key again).
   */
  private async submit(): Promise<void> {
    if (!this.settings) return void this.loadSettings();
    this.abort?.abort();
    this.abort = null;
    this.busy = true;
    this.netFail = false;
    this.errors = {};
    this.live = '';
    this.status = this.t('sending');
    const website = this.renderRoot.querySelector<HTMLInputElement>('#website')?.value ?? '';
    const input = intakeInput(this.a, this.municipality, this.settings.privacyNoticeVersion, website);
    let body: Gql<{ submitIntake: Receipt }> | null = null;
    for (let i = 0; !body; i++) {
      try {
        body = await this.post<{ submitIntake: Receipt }>(SUBMIT, 'SubmitIntake', { input });
      } catch {
        if (this.step !== CONSENT) return; // the person cleared the form meanwhile
        if (i >= BACKOFF.length) {
          this.busy = false;
          this.status = '';
          this.netFail = true;
          return this.showErrors({ sform: this.t('netErr') });
        }
        await sleep(BACKOFF[i] as number);
      }
    }
    if (this.step !== CONSENT) return;
    this.busy = false;
    this.status = '';
    const receipt = body.data?.submitIntake;
    if (!receipt) {
      const fields = (body.errors ?? []).map((e) => e.extensions?.field ?? '');
      // The key was used for other answers (a lost answer, then edits): a reload would bring the same
      // key back, so the next press makes a new one.
      if (fields.includes('input.idempotencyKey')) this.set({ key: uuid() });
      this.apiErrors(body.errors ?? [], 'sform');
      // The privacy notice changed: show the new one; consent given to the old one is not carried over.
      if (fields.some((f) => f.startsWith('input.consent.privacyNoticeVersion'))) {
        this.settings = null;
        this.set({ share: [], partners: false });
        void this.loadSettings();
      }
      return;
    }
    // Received: nothing of the answers is kept; the receipt lives in this page view only.
    storage('local')?.removeItem(this.key);
    storage('session')?.removeItem(this.key);
    this.a = empty();
    this.remember = false;
    this.results = null;
    this.receipt = receipt;
    this.go(DONE, false);
    this.status = plain(this.t('sent', receipt.referenceNumber));
    this.dispatchEvent(new CustomEvent('yorisoi-submitted', { detail: { referenceNumber: receipt.referenceNumber }, bubbles: true, composed: true }));
  }
  private apiErrors(list: ApiError[], fallback = 'form'): void {
    const tag = LANG_TAGS[this.l] === 'ja-x-easy' ? 'ja-easy' : LANG_TAGS[this.l];
    const errors: Record<string, string> = {};
    for (const err of list) {
      const x = err.extensions ?? {};
      const plainText = x.code === 'TOO_MANY_REQUESTS' ? 'tooMany' : x.code === 'FORBIDDEN' ? 'forbidden' : null;
      if (plainText) {
        errors[fallback] ??= this.t(plainText);
        continue;
      }
      const problems = x.problems?.length ? x.problems : [{ field: x.field ?? '', messages: x.messages, message: err.message }];
      for (const p of problems) {
        const f = (x.code === 'BAD_USER_INPUT' && fieldOf(p.field)) || fallback;
        errors[f] ??= p.messages?.[tag] ?? p.message ?? err.message ?? this.t('netErr');
      }
    }
    if (!Object.keys(errors).length) errors[fallback] = this.t('netErr');
    this.showErrors(errors);
  }

  // ---- rendering ------------------------------------------------------------------------------
  private err(id: string) {
    const m = this.errors[id];
    return m ? html`<p class="error" id="err-${id}" part="error">${ruby(m)}</p>` : nothing;
  }
  private text(
    id: 'postal' | 'pref' | 'city' | 'salary' | 'other' | 'support' | 'phone' | 'email' | 'fam' | 'giv' | 'famK' | 'givK' | 'street',
    label: Key,
    opts: { hint?: Key; yen?: boolean; req?: boolean; ac?: string; type?: string; im?: string } = {},
  ) {
    const invalid = !!this.errors[id];
    const note = id === 'postal' ? this.note : id === 'salary' ? this.salaryNote() : '';
    const describedBy = [opts.hint ? `hint-${id}` : '', note ? `note-${id}` : '', invalid ? `err-${id}` : ''].filter(Boolean).join(' ');
    const input = html`<input
      type=${opts.type ?? 'text'}
      id=${id}
      part="input"
      .value=${this.a[id]}
      inputmode=${opts.im ?? (opts.yen || id === 'postal' ? 'numeric' : 'text')}
      autocomplete=${opts.ac ?? 'off'}
      aria-required=${opts.req ? 'true' : 'false'}
      aria-invalid=${invalid ? 'true' : 'false'}
      aria-describedby=${describedBy || nothing}
      @input=${(e: InputEvent) => {
        this.set({ [id]: (e.target as HTMLInputElement).value });
        if (id !== 'postal') return;
        this.note = '';
        // Not while an IME is composing: compositionend schedules it.
        if (!e.isComposing) this.postalSoon(400);
      }}
      @compositionend=${() => id === 'postal' && this.postalSoon(400)}
      @change=${(e: Event) => {
        const el = e.target as HTMLInputElement;
        const v = opts.yen
          ? normaliseYen(el.value)
          : id === 'postal'
            ? normalisePostal(el.value)
            : id === 'phone'
              ? normalisePhone(el.value)
              : id === 'email'
                ? normaliseEmail(el.value)
                : el.value;
        if (!opts.yen || /^\d*$/.test(v)) {
          el.value = v;
          this.set({ [id]: v });
        }
        // On blur or Enter: at once (an Enter that moves on to the next step cancels it).
        if (id === 'postal') this.postalSoon(0);
      }}
    />`;
    return html`<div part="field">
      <label class="label" part="label" for=${id}>${this.r(label)}${opts.req ? this.r('req') : nothing}</label>
      ${opts.hint ? html`<span class="hint" id="hint-${id}">${this.r(opts.hint)}</span>` : nothing}
      ${opts.yen ? html`<span class="yen">${input}<span aria-hidden="true">${this.r('yen')}</span></span>` : input}
      ${note ? html`<span class="hint note" id="note-${id}">${ruby(note)}</span>` : nothing} ${this.err(id)}
    </div>`;
  }
  private checks(id: 'concerns' | 'benefits', legend: Key, rows: typeof CONCERNS) {
    const chosen = this.a[id];
    return html`<fieldset id=${id} aria-describedby=${this.errors[id] ? `err-${id}` : nothing}>
      <legend>${this.r(legend)}</legend>
      <div class="opts">
        ${rows.map(
          (row) => html`<label class="opt" part="option"
            ><input
              type="checkbox"
              value=${row[0]}
              .checked=${chosen.includes(row[0])}
              @change=${(e: Event) => {
                const on = (e.target as HTMLInputElement).checked;
                this.set({ [id]: on ? [...chosen, row[0]] : chosen.filter((c) => c !== row[0]) });
              }}
            />${ruby(this.pick(row))}</label
          >`,
        )}
      </div>
      ${this.err(id)}
    </fieldset>`;
  }
  private dvBox(show = this.a.concerns.includes('DV')) {
    if (!show) return nothing;
    const [o, c] = this.l === 1 ? [' (', ')'] : ['（', '）'];
    return html`<div class="alert" role="alert" part="alert">
      <h3>${this.r('dvTitle')}</h3>
      <ul>
        <li>${this.r('dv1')} <a href="tel:%238008">#8008</a>${o}${this.r('dv1b')}${c}</li>
        <li>${this.r('dv2')} <a href="tel:0120279889">0120-279-889</a>${o}${this.r('dv2b')}${c}</li>
        <li><strong>${this.r('dv3')}</strong> <a href="tel:110">110</a></li>
      </ul>
    </div>`;
  }
  /** Under the salary while it still holds the amount carried over from the chat. */
  private salaryNote(): string {
    const v = this.a.chat?.salary;
    return v != null && normaliseYen(this.a.salary) === String(v) ? this.t('hoSalary', v.toLocaleString('en-US')) : '';
  }
  /** The children as the chat told them (the step needs birth dates, so nothing is filled in). */
  private kidsNote(): string {
    const ages = this.a.chat?.ages;
    if (!ages) return '';
    const [o, c, sep] = this.l === 1 ? [' (', ')', ', '] : ['（', '）', '、'];
    return `${this.t('hoKids', ages.length)}${o}${ages.map((n) => this.t('hoAge', n)).join(sep)}${c}${this.l === 1 ? '. ' : '。'}${this.t('hoBirth')}`;
  }
  private childRows() {
    const list = this.a.children;
    const kids = this.kidsNote();
    const update = (i: number, patch: Partial<Child>) => this.set({ children: list.map((c, j) => (j === i ? { ...c, ...patch } : c)) });
    return html`${kids ? html`<p class="hint note" id="note-children" part="handoff">${ruby(kids)}</p>` : nothing}
      ${list.map((c, i) => {
        const n = i + 1;
        const id = `child-${i}-b`;
        const invalid = !!this.errors[id];
        const describedBy = [kids ? 'note-children' : '', invalid ? `err-${id}` : ''].filter(Boolean).join(' ');
        return html`<fieldset>
          <legend>${this.r('child', n)}</legend>
          <div part="field">
            <label class="label" part="label" for=${id}>${this.r('birth')}${this.r('req')}</label>
            <input
              type="date"
              id=${id}
              part="input"
              min="1990-01-01"
              .value=${c.b}
              aria-required="true"
              aria-invalid=${invalid ? 'true' : 'false'}
              aria-describedby=${describedBy || nothing}
              @input=${(e: Event) => update(i, { b: (e.target as HTMLInputElement).value })}
              @change=${(e: Event) => update(i, { b: (e.target as HTMLInputElement).value })}
            />
            ${this.err(id)}
          </div>
          <label class="opt" part="option"
            ><input type="checkbox" id="child-${i}-d" .checked=${c.d} @change=${(e: Event) => update(i, { d: (e.target as HTMLInputElement).checked })} />${this.r(
              'disability',
            )}</label
          >
          ${this.err(`child-${i}-d`)}
          ${list.length > 1
            ? html`<button
                type="button"
                part="button"
                @click=${() => {
                  this.set({ children: list.filter((_, j) => j !== i) });
                  this.focusTarget = 'add';
                }}
              >
                ${this.r('remove', n)}
              </button>`
            : nothing}
        </fieldset>`;
      })}
      <button
        type="button"
        id="add"
        part="button"
        aria-describedby=${this.errors.children ? 'err-children' : nothing}
        @click=${() => {
          this.set({ children: [...list, { b: '', d: false }] });
          this.focusTarget = `child-${list.length}-b`;
        }}
      >
        ${this.r('add')}
      </button>
      <span id="children">${this.err('children')}</span>`;
  }
  private resultsView() {
    const money = (k: 'monthly' | 'yearly', v: number | null | undefined) =>
      v == null ? nothing : html`<p class="amount" part="amount">${this.r(k, v.toLocaleString('en-US'))}</p>`;
    return html`${this.err('form')}
      ${this.errors.form && !this.busy
        ? html`<p><button type="button" part="button" @click=${() => this.fetchResults()}>${this.r('retry')}</button></p>`
        : nothing}
      ${this.results
        ? this.results.length
          ? html`<ul class="results" part="results">
              ${this.results.map(
                (x) => html`<li class="result" part="result">
                  <h3>${x.programme.name}</h3>
                  <p><span class="status ${x.status}" part="status">${this.r(x.status)}</span></p>
                  ${x.amount?.monthly != null ? money('monthly', x.amount.monthly) : money('yearly', x.amount?.yearly)}
                  ${x.reasons.length
                    ? html`<p class="sub">${this.r('reasons')}</p>
                        <ul class="list">
                          ${x.reasons.map((s) => html`<li>${s}</li>`)}
                        </ul>`
                    : nothing}
                  ${x.nextSteps.length
                    ? html`<p class="sub">${this.r('next')}</p>
                        <ul class="list">
                          ${x.nextSteps.map((s) => html`<li>${s}</li>`)}
                        </ul>`
                    : nothing}
                </li>`,
              )}
            </ul>`
          : html`<p>${this.r('none')}</p>`
        : nothing}
      <p>${this.r('note')}</p>`;
  }
  /** A radio group (nothing pre-selected) whose choice is answer `id`. */
  private radios(id: 'want' | 'ch', legend: Key, rows: readonly (readonly [string, Key])[]) {
    const invalid = !!this.errors[id];
    return html`<fieldset id=${id} aria-describedby=${invalid ? `err-${id}` : nothing}>
      <legend>${this.r(legend)}${this.r('req')}</legend>
      ${rows.map(
        ([v, k]) => html`<label class="opt" part="option"
          ><input
            type="radio"
            name=${id}
            value=${v}
            .checked=${this.a[id] === v}
            aria-invalid=${invalid ? 'true' : 'false'}
            @change=${() => this.set({ [id]: v })}
          />${this.r(k)}</label
        >`,
      )}
      ${this.err(id)}
    </fieldset>`;
  }
  private contactView() {
    const a = this.a;
    return html`${this.radios('want', 'want', [
        ['y', 'yes'],
        ['n', 'no'],
      ])}
      ${a.want === 'y'
        ? html`${this.radios('ch', 'ch', [
              ['PHONE', 'PHONE'],
              ['EMAIL', 'EMAIL'],
            ])}
            ${a.ch === 'PHONE' ? this.text('phone', 'phone', { hint: 'phoneHint', req: true, ac: 'tel', type: 'tel', im: 'tel' }) : nothing}
            ${a.ch === 'EMAIL' ? this.text('email', 'email', { req: true, ac: 'email', type: 'email', im: 'email' }) : nothing}
            <fieldset>
              <legend>${this.r('name')}</legend>
              ${this.text('fam', 'fam', { ac: 'family-name' })} ${this.text('giv', 'giv', { ac: 'given-name' })}
              ${this.text('famK', 'famK', { ac: 'off' })} ${this.text('givK', 'givK', { ac: 'off' })}
            </fieldset>
            ${this.text('street', 'street', { hint: a.concerns.includes('DV') ? 'streetDv' : 'streetWhy', ac: 'address-line1' })}`
        : nothing}`;
  }
  private consentView() {
    const st = this.settings;
    const share = this.a.share;
    const invalid = !!this.errors.consent;
    return html`${this.err('sform')}
      ${this.netFail && !this.busy
        ? html`<p><button type="button" id="retry" part="button" @click=${() => (this.settings ? this.submit() : this.loadSettings())}>${this.r('retry')}</button></p>`
        : nothing}
      ${st
        ? html`<div class="notice" part="notice">
              <h3>${this.r('notice')}</h3>
              <p class="sub">${st.municipalityName}</p>
              <p>${st.privacyNotice}</p>
            </div>
            <fieldset id="consent" aria-describedby=${invalid ? 'err-consent' : nothing}>
              <legend>${this.r('share')}</legend>
              ${st.departments.map(
                (d) => html`<label class="opt" part="option"
                  ><input
                    type="checkbox"
                    value=${d.code}
                    .checked=${share.includes(d.code)}
                    @change=${(e: Event) => {
                      const on = (e.target as HTMLInputElement).checked;
                      this.set({ share: on ? [...share, d.code] : share.filter((c) => c !== d.code) });
                    }}
                  /><span><strong>${d.name}</strong><span class="hint">${d.purpose}</span></span></label
                >`,
              )}
              <label class="opt" part="option"
                ><input type="checkbox" id="partners" .checked=${this.a.partners} @change=${(e: Event) => this.set({ partners: (e.target as HTMLInputElement).checked })} /><span
                  ><strong>${this.r('partners')}</strong><span class="hint">${st.partnersPurpose}</span></span
                ></label
              >
              ${this.err('consent')}
            </fieldset>
            <div class="sr" aria-hidden="true">
              <label for="website">Website</label>
              <input type="text" id="website" name="website" tabindex="-1" autocomplete="off" aria-hidden="true" />
            </div>`
        : nothing}`;
  }
  private receiptView() {
    const x = this.receipt;
    if (!x) return nothing;
    return html`${this.dvBox(x.dvProtected)}
      <p class="sub">${this.r('ref')}</p>
      <p class="ref" id="ref" part="reference">${x.referenceNumber}</p>
      <p>${this.r('refHint')}</p>
      <p>
        <button
          type="button"
          id="copy"
          part="button"
          @click=${async () => {
            try {
              await navigator.clipboard.writeText(x.referenceNumber);
            } catch {
              const sel = getSelection();
              const el = this.renderRoot.querySelector('#ref');
              if (sel && el) sel.selectAllChildren(el);
            }
            this.status = this.t('copied');
          }}
        >
          ${this.r('copy')}
        </button>
      </p>
      <p class="sub">${this.r('next')}</p>
      <ul class="list">
        ${x.nextSteps.map((s) => html`<li>${s}</li>`)}
      </ul>`;
  }
  private body() {
    switch (this.step) {
      case 0:
        return html`${this.text('postal', 'postal', { hint: 'postalHint', req: true, ac: 'postal-code' })}
        ${this.text('pref', 'pref', { ac: 'address-level1' })} ${this.text('city', 'city', { ac: 'address-level2' })}`;
      case 1:
        return html`${this.dvBox()}${this.checks('concerns', 'concerns', CONCERNS)}`;
      case 2:
        return this.childRows();
      case 3:
        return html`<p id="hint-income">${this.r('income')}</p>
          ${this.text('salary', 'salary', { yen: true })} ${this.text('other', 'other', { yen: true })}
          ${this.text('support', 'support', { yen: true })}`;
      case 4:
        return this.checks('benefits', 'benefits', BENEFITS);
      case RESULTS:
        return html`${this.dvBox()}${this.resultsView()}`;
      case CONTACT:
        return this.contactView();
      case CONSENT:
        return this.consentView();
      default:
        return this.receiptView();
    }
  }
  protected override render() {
    const s = this.step;
    return html`<section class="root" part="root" lang=${LANG_TAGS[this.l]} aria-labelledby="title">
      <p class="title" id="title" part="title">${this.r('title')}</p>
      ${s === 0 ? html`<p>${this.r('intro')}</p>` : nothing}
      ${s < DONE ? html`<p class="progress" part="progress">${this.t('step', s + 1)}</p>` : nothing}
      ${this.ho && s < DONE ? html`<p class="carried" id="carried" part="handoff">${ruby(this.ho)}</p>` : nothing}
      <div class="sr" part="live" id="live" aria-live="assertive" aria-atomic="true">${this.live}</div>
      <div class="sr" role="status" aria-atomic="true">${this.status}</div>
      <form novalidate @submit=${this.onSubmit} @keydown=${this.onKeydown} aria-labelledby="h" aria-busy=${this.busy ? 'true' : 'false'}>
        <h2 id="h" tabindex="-1" part="heading">${this.r(`h${s}` as Key)}</h2>
        ${this.body()}
        <div class="nav" part="nav">
          ${s > 0 && s < DONE
            ? html`<button type="button" part="button button-back" @click=${() => this.go(s - 1)}>${this.r('back')}</button>`
            : html`<span></span>`}
          ${s < DONE
            ? html`<button type="submit" class="primary" part="button button-primary" aria-disabled=${this.busy && s === CONSENT ? 'true' : 'false'}>
                ${this.r(s === RESULTS - 1 ? 'see' : s === CONSENT ? 'send' : 'fwd')}
              </button>`
            : html`<button type="button" id="again" part="button button-primary" class="primary" @click=${this.clear}>${this.r('again')}</button>`}
        </div>
      </form>
      ${s === DONE ? nothing : this.tools()}
    </section>`;
  }
  private tools() {
    return html`<div class="tools" part="tools">
        <label class="opt" part="option"
          ><input
            type="checkbox"
            id="remember"
            .checked=${this.remember}
            @change=${(e: Event) => {
              this.remember = (e.target as HTMLInputElement).checked;
              this.save();
            }}
          />${this.r('remember')}</label
        >
        <button type="button" id="clear" part="button button-clear" @click=${this.clear}>${this.r('clear')}</button>
      </div>`;
  }
}
