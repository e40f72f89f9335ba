import { LANG_TAGS } from './i18n.js';
import {
  CONFIRM,
  DONE,
  FAMILY_HANDOFF,
  ORDER,
  POSTAL,
  QUERY,
  SETTINGS,
  STARTED,
  SUBMIT,
  empty,
  fieldOf,
  householdInput,
  incomeYearOn,
  intakeInput,
  postalCode,
  uuid,
  type ApiError,
  type PostalAnswer,
  type Receipt,
  type Report,
  type Settings,
} from './model.js';
import { plain } from '../shared/lang.js';
import { storage } from '../shared/storage.js';
import { BACKOFF, sleep, today, type Gql } from './dom.js';
import { IntakeState } from './intake-state.js';
import { familyLinkUrl, familyPageBase } from './family-link.js';

/** The intake element's API calls: eligibility, postal look-up, settings, submission, error mapping. */
export abstract class IntakeApi extends IntakeState {
  /** Whether this element has said "started" (once per page; a form resumed past the first page never does). */
  private startSent = false;

  protected override go(step: number, save = true): void {
    const from = this.step;
    super.go(step, save);
    if (from === 0 && step === 1 && !this.startSent) {
      this.startSent = true;
      void this.sayStarted();
    }
  }

  /**
   * Tells the API that a form was started, for the municipality's usage figures: the code only — no
   * answers, no cookies or credentials, no language; failures are ignored (the family never waits for it).
   */
  private async sayStarted(): Promise<void> {
    try {
      await fetch(this.api, {
        method: 'POST',
        credentials: 'omit',
        keepalive: true,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: STARTED, operationName: 'IntakeStarted', variables: { input: { municipalityCode: this.municipality } } }),
      });
    } catch {
      /* a count missed is better than a family delayed */
    }
  }

  // ---- API ------------------------------------------------------------------------------------
  protected override async fetchResults(): Promise<void> {
    this.abort?.abort();
    const ctl = (this.abort = new AbortController());
    this.busy = true;
    this.results = null;
    this.status = this.t('loading');
    try {
      const input = householdInput(this.a, this.municipality, incomeYearOn(today()));
      const body = await this.post<{ eligibility?: Report }>(QUERY, 'Eligibility', { input }, ctl.signal);
      if (ctl !== this.abort) return;
      this.busy = false;
      this.status = '';
      if (body.errors?.length) return this.apiErrors(body.errors);
      const results = [...(body.data?.eligibility?.results ?? [])].sort((x, y) => ORDER[x.status] - ORDER[y.status]);
      this.results = results;
      this.assessment = body.data?.eligibility?.incomeAssessment ?? null;
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
  protected postalSoon(delay: number): void {
    clearTimeout(this.postalTimer);
    this.postalTimer = window.setTimeout(() => void this.lookupPostal(), delay);
  }
  protected override stopPostal(): void {
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
  protected override async lookupPostal(): Promise<void> {
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
      // Another municipality's code: say so, with its name, and let the person choose (not blocked).
      this.outside = x.municipalityCode && this.municipality && x.municipalityCode !== this.municipality ? `${x.prefecture}${x.city}` : '';
      if (this.outside) void this.settingsQuietly();
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
  protected async post<T>(query: string, operationName: string, variables: Record<string, unknown>, signal?: AbortSignal): Promise<Gql<T>> {
    const res = await fetch(this.api, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-language': LANG_TAGS[this.l] },
      body: JSON.stringify({ query, operationName, variables }),
      signal: signal ?? null,
    });
    if (res.status >= 500) throw new Error(`HTTP ${res.status}`);
    return (await res.json()) as Gql<T>;
  }
  /** intakeSettings for the municipality's name, without touching the step, busy state or errors. */
  protected async settingsQuietly(): Promise<void> {
    const lang = LANG_TAGS[this.l];
    if (this.settings?.lang === lang) return;
    try {
      const body = await this.post<{ intakeSettings: Settings }>(SETTINGS, 'IntakeSettings', { code: this.municipality });
      if (body.data?.intakeSettings && !this.settings) this.settings = { ...body.data.intakeSettings, lang };
    } catch {
      /* the notice then speaks of "this municipality" without its name */
    }
  }
  protected override async loadSettings(): Promise<void> {
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
  protected override async submit(): Promise<void> {
    if (!this.settings) return void this.loadSettings();
    this.abort?.abort();
    this.abort = null;
    this.busy = true;
    this.netFail = false;
    this.errors = {};
    this.live = '';
    this.status = this.t('sending');
    const website = this.renderRoot.querySelector<HTMLInputElement>('#website')?.value ?? '';
    const input = intakeInput(this.a, this.municipality, this.settings.privacyNoticeVersion, website, incomeYearOn(today()));
    let body: Gql<{ submitIntake: Receipt }> | null = null;
    for (let i = 0; !body; i++) {
      try {
        body = await this.post<{ submitIntake: Receipt }>(SUBMIT, 'SubmitIntake', { input });
      } catch {
        if (this.step !== CONFIRM) return; // the person cleared the form meanwhile
        if (i >= BACKOFF.length) {
          this.busy = false;
          this.status = '';
          this.netFail = true;
          return this.showErrors({ sform: this.t('netErr') });
        }
        await sleep(BACKOFF[i] as number);
      }
    }
    if (this.step !== CONFIRM) return;
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
    const key = this.a.key;
    const contact = this.a.want === 'y';
    storage('local')?.removeItem(this.key);
    storage('session')?.removeItem(this.key);
    this.a = empty();
    this.remember = false;
    this.results = null;
    this.receipt = receipt;
    this.go(DONE, false);
    this.status = plain(this.t('sent', receipt.referenceNumber));
    this.dispatchEvent(new CustomEvent('yorisoi-submitted', { detail: { referenceNumber: receipt.referenceNumber }, bubbles: true, composed: true }));
    if (contact && key) void this.handOff(receipt.referenceNumber, key);
    // A floating <yorisoi-chat> on the page keeps its launcher off the reference number (chat/placement.ts).
    void this.updateComplete.then(() => {
      const element = this.renderRoot.querySelector('#ref');
      if (element) this.dispatchEvent(new CustomEvent('yorisoi-keep-clear', { detail: { element }, bubbles: true, composed: true }));
    });
  }
  /**
   * The receipt's link to the family page with a one-time hand-off (the submission key proves this is
   * the page that sent the intake; the key itself never leaves this page). No link when the API says
   * there is no contact to send a code to; without an answer, the plain link (sign-in by number and contact).
   */
  private async handOff(referenceNumber: string, submissionKey: string): Promise<void> {
    const base = familyPageBase(this.familyPage, this.api);
    let link: string | null = base;
    try {
      const body = await this.post<{ issueFamilyHandoff: { token: string | null } }>(FAMILY_HANDOFF, 'IntakeFamilyHandoff', {
        input: { municipalityCode: this.municipality, referenceNumber, submissionKey },
      });
      if (body.data && !body.errors?.length) link = body.data.issueFamilyHandoff.token ? familyLinkUrl(base, body.data.issueFamilyHandoff.token) : null;
    } catch {
      /* the plain link still leads there */
    }
    if (this.receipt?.referenceNumber === referenceNumber) this.familyLink = link;
  }
  protected apiErrors(list: ApiError[], fallback = 'form'): void {
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
}
