import { LitElement } from 'lit';
import { T, type Key, type Lang } from './i18n.js';
import {
  CONFIRM,
  CONSENT,
  CONTACT,
  DONE,
  HANDOFF,
  RESULTS,
  carried,
  empty,
  normaliseEmail,
  normalisePhone,
  normalisePostal,
  normaliseYen,
  parseHandoff,
  stepOf,
  uuid,
  validEmail,
  validPhone,
  type Answers,
  type IncomeAssessment,
  type Receipt,
  type Result,
  type Settings,
} from './model.js';
import { fill, plain, widgetLang } from '../shared/lang.js';
import { ruby } from '../shared/ruby.js';
import { storage } from '../shared/storage.js';
import { today } from './dom.js';
import { dateState, parseDate } from './date-input.js';

/**
 * The intake element's state: answers, storage, the chat hand-off, navigation and step checks.
 * Network calls are in intake-api.ts, fields in intake-fields.ts, screens in intake.ts (one layer
 * each, so no file passes 500 lines).
 */
export abstract class IntakeState extends LitElement {
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
    assessment: { state: true },
    outside: { state: true },
    exitUrl: { attribute: 'exit-url' },
    familyPage: { attribute: 'family-page-url' },
    familyLink: { state: true },
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
  /** How 所得額 was reached (EligibilityReport.incomeAssessment), shown in the results summary. */
  declare assessment: IncomeAssessment | null;
  /** Set when the postal code is another municipality's: its prefecture and city, shown with a choice. */
  declare outside: string;
  /** Where the quick-exit button goes (a neutral page); default a search engine's home page. */
  declare exitUrl: string | null;
  /** Where the family page (<yorisoi-mypage>) lives; default `/mypage` beside the API (family-link.ts). */
  declare familyPage: string | null;
  /** The receipt's link to the family page, with its one-time hand-off; null: not shown. */
  declare familyLink: string | null;

  protected key = '';
  protected focusTarget: string | null = null;
  protected abort: AbortController | null = null;
  /** postal code → address look-up: debounce timer, request, and the code last asked about */
  protected postalTimer = 0;
  protected postalCtl: AbortController | null = null;
  protected asked = '';
  /** the address was checked for a chat hand-off (once per page view; later ones come by hashchange) */
  protected handoffRead = false;
  protected readonly onHash = (): void => {
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
    this.assessment = null;
    this.outside = '';
    this.exitUrl = null;
    this.familyPage = null;
    this.familyLink = null;
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

  protected get l(): Lang {
    return widgetLang(this.language);
  }
  /** Text of the current language; `%` replaced by n. */
  protected t(k: Key, n?: number | string): string {
    return fill(T[k][this.l], n);
  }
  protected r(k: Key, n?: number | string) {
    return ruby(this.t(k, n));
  }
  protected pick(row: readonly [string, string, string, string]): string {
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
  protected restore(key: string): boolean {
    const local = storage('local')?.getItem(key);
    const raw = local ?? storage('session')?.getItem(key);
    if (!raw) return false;
    try {
      const saved = JSON.parse(raw) as { step?: number; a?: Partial<Answers> };
      this.a = { ...empty(), ...saved.a, chat: carried(saved.a?.chat) };
      this.step = Math.min(Math.max(Number(saved.step) || 0, 0), CONFIRM);
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
  protected takeHandoff(fromLink: boolean): void {
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
  protected save(): void {
    if (this.step === DONE) return;
    const data = JSON.stringify({ step: this.step, a: this.a });
    // Never on the device when DV was named: someone else may use it (issue 12).
    const [keep, drop] = this.remember && !this.a.concerns.includes('DV') ? (['local', 'session'] as const) : (['session', 'local'] as const);
    try {
      storage(keep)?.setItem(this.key, data);
      storage(drop)?.removeItem(this.key);
    } catch {
      /* storage full or disabled: the form still works */
    }
  }
  protected set(patch: Partial<Answers>): void {
    this.a = { ...this.a, ...patch };
    this.save();
  }
  protected clear(): void {
    this.abort?.abort();
    storage('local')?.removeItem(this.key);
    storage('session')?.removeItem(this.key);
    this.a = empty();
    this.remember = false;
    this.results = null;
    this.receipt = null;
    this.familyLink = null;
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
  protected go(step: number, save = true): void {
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
  protected enter(): void {
    if (this.step === RESULTS) void this.fetchResults();
    if (this.step === CONSENT || this.step === CONFIRM) void this.loadSettings();
  }
  protected override updated(): void {
    const id = this.focusTarget;
    if (!id) return;
    this.focusTarget = null;
    let el = this.renderRoot.querySelector<HTMLElement>(`#${id === 'children' ? 'add' : id}`);
    if (el instanceof HTMLFieldSetElement) el = el.querySelector('input, button');
    el?.focus();
  }
  protected showErrors(errors: Record<string, string>): void {
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
  protected validate(): Record<string, string> {
    const e: Record<string, string> = {};
    const a = this.a;
    if (this.step === 0 && !/^\d{3}-\d{4}$/.test(normalisePostal(a.postal))) e.postal = this.t('postalErr');
    if (this.step === 2) {
      if (!a.children.length) e.children = this.t('noChild');
      a.children.forEach((c, i) => {
        const state = dateState(c.b);
        if (state !== 'ok') e[`child-${i}-b`] = this.t(state === 'empty' ? 'birthErr' : 'birthBad');
        else if ((parseDate(c.b) as string) > today()) e[`child-${i}-b`] = this.t('birthFuture');
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
  protected onSubmit(ev: Event): void {
    ev.preventDefault();
    if (this.busy || this.step >= DONE) return;
    if (this.step === CONFIRM) return void this.submit();
    if (this.step === CONSENT && !this.settings) return;
    const e = this.validate();
    if (Object.keys(e).length) this.showErrors(e);
    else this.go(this.step + 1);
  }
  /** An Enter that confirms an IME conversion must not submit the step. */
  protected onKeydown(ev: KeyboardEvent): void {
    if (ev.key === 'Enter' && (ev.isComposing || ev.keyCode === 229)) {
      ev.preventDefault();
      ev.stopPropagation();
    }
  }

  /**
   * Quick exit (DV): one press forgets the answers on this device and replaces the page with a neutral
   * one — location.replace, so the Back button does not bring the form back.
   */
  protected quickExit(): void {
    this.abort?.abort();
    storage('local')?.removeItem(this.key);
    storage('session')?.removeItem(this.key);
    this.a = empty();
    location.replace(this.exitUrl || 'https://www.google.com/');
  }

  protected abstract fetchResults(): Promise<void>;
  protected abstract loadSettings(): Promise<void>;
  protected abstract submit(): Promise<void>;
  protected abstract lookupPostal(): Promise<void>;
  protected abstract stopPostal(): void;
}
