import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { ruby } from '../shared/ruby.js';
import { storage } from '../shared/storage.js';
import { langOf, TEXTS, type Lang } from './i18n.js';
import { mypageStyles } from './mypage.styles.js';
import * as Q from './queries.js';
import { RightsPanel } from './rights.js';
import { checkAnswers, icsHref, renderField, whenText } from './fields.js';

type View = 'signin' | 'code' | 'home' | 'apply' | 'confirm' | 'receipt';
type ApiError = Q.ApiError;

/**
 * `<yorisoi-mypage api="https://…/graphql" municipality="999999" lang="ja">`: the family's own page.
 * Sign-in by a one-time code sent to the contact on the record (or the link in that message,
 * `#yorisoi-link=…`), the family's applications and their status, booked interviews, and applying:
 * pre-filled answers marked and editable, save and resume, a confirmation screen, a receipt, document
 * upload and interview booking. The session lives in sessionStorage only (closing the tab signs out).
 *
 * @attr api - URL of the Yorisoi GraphQL endpoint.
 * @attr municipality - 6-digit 全国地方公共団体コード.
 * @attr lang - "ja" (default), "en", "ja-easy".
 * @csspart root - the outer box
 * @cssprop --yorisoi-primary - buttons and focus ring (default #0b5cad)
 */
export class YorisoiMypage extends LitElement {
  static override styles = mypageStyles;
  static override properties = {
    api: {},
    municipality: {},
    lang: {},
    view: { state: true },
    busy: { state: true },
    notice: { state: true },
    errors: { state: true },
  };

  api = '/graphql';
  municipality = '';
  override lang = '';
  view: View = 'signin';
  busy = false;
  notice = '';
  errors: Record<string, string> = {};
  private session: string | null = null;
  private ref = '';
  private page: Q.Page | null = null;
  private app: Q.App | null = null;
  private receipt: Q.Receipt | null = null;
  private slots: Q.Slot[] = [];
  private uploaded = new Set<string>();
  /** The application whose withdrawal is being confirmed. */
  private withdrawing: string | null = null;
  private rights = new RightsPanel(this, {
    texts: () => this.t,
    session: () => this.session,
    gql: (q, v) => this.gql(q, v),
    busy: () => this.busy,
    root: () => this.renderRoot,
    run: async (fn) => (await this.run(fn), !Object.keys(this.errors).length),
    say: (text) => (this.notice = text),
  });

  private get l(): Lang {
    return langOf(this.getAttribute('lang'));
  }
  private get t() {
    return TEXTS[this.l];
  }
  private get key() {
    return `yorisoi-mypage:${this.municipality}`;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.session = storage('session')?.getItem(this.key) ?? null;
    const link = /yorisoi-link=([A-Za-z0-9_-]{20,100})/.exec(location.hash)?.[1];
    const handoff = /yorisoi-intake=(yfh_[A-Za-z0-9_-]{20,100})/.exec(location.hash)?.[1];
    if (link || handoff) history.replaceState(null, '', location.pathname + location.search);
    if (link) void this.signIn({ link });
    else if (handoff) void this.fromIntake(handoff);
    else if (this.session) void this.load();
  }

  /** The intake receipt's link (`#yorisoi-intake=`, one-time): the code goes to the contact given on the form; nothing is typed again. */
  private async fromIntake(handoff: string): Promise<void> {
    const signedIn = !!this.session;
    await this.run(async () => {
      const d = await this.gql<{ requestFamilySignInFromIntake: { referenceNumber: string; message: string } }>(Q.FROM_INTAKE, {
        i: { municipalityCode: this.municipality, handoff, returnUrl: location.href.split('#')[0] },
      }).catch((e: unknown) => {
        // Signed in already (the receipt's link opened again): a spent link must not sign the family out.
        if (signedIn && (e as ApiError[])[0]?.extensions?.code === 'UNAUTHENTICATED') return null;
        throw e;
      });
      if (!d) return void (await this.load(), this.session && (this.notice = this.t.handoffUsed));
      this.ref = d.requestFamilySignInFromIntake.referenceNumber;
      this.go('code');
      this.notice = d.requestFamilySignInFromIntake.message;
    });
  }

  private async gql<T>(query: string, variables: Record<string, unknown>): Promise<T> {
    const res = await fetch(this.api, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-language': this.l === 'ja-easy' ? 'ja-x-easy' : this.l },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data?: T; errors?: ApiError[] };
    if (body.errors?.length) throw body.errors;
    return body.data as T;
  }

  /** Runs an action with the busy flag; shows field errors next to fields and others in the live region. */
  private async run(fn: () => Promise<void>): Promise<void> {
    this.busy = true;
    this.errors = {};
    this.notice = '';
    try {
      await fn();
    } catch (e) {
      const list = Array.isArray(e) ? (e as ApiError[]) : [];
      if (list[0]?.extensions?.code === 'UNAUTHENTICATED' && this.session) {
        this.forget();
        this.go('signin');
      }
      const errors: Record<string, string> = {};
      for (const err of list) errors[this.fieldOf(err.extensions?.field)] = err.message;
      this.errors = errors;
      this.notice = list[0]?.message ?? this.t.failed;
      if (this.view === 'apply') void this.focusProblem();
    } finally {
      this.busy = false;
    }
  }

  /** Focus on the first question with a problem (its text is tied to it by aria-describedby). */
  private async focusProblem(): Promise<void> {
    await this.updateComplete;
    const id = this.app && this.procedure(this.app.procedureId)?.questions.find((q) => this.errors[q.id])?.id;
    if (id) this.renderRoot.querySelector<HTMLElement>(`#q-${id}, input[name=q-${id}]`)?.focus();
  }

  /** `input.answers.3.value` → the question id of the 4th answer sent; `answers.x` → x. */
  private sent: string[] = [];
  private fieldOf(field: string | undefined): string {
    if (!field) return '_';
    const m = /^input\.answers\.(\d+)\./.exec(field);
    if (m) return this.sent[Number(m[1])] ?? '_';
    return field.replace(/^answers\./, '');
  }

  private go(view: View): void {
    this.view = view;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('h2')?.focus());
  }

  private forget(): void {
    this.session = null;
    storage('session')?.removeItem(this.key);
  }

  private async signIn(input: Record<string, string>): Promise<void> {
    await this.run(async () => {
      const d = await this.gql<{ signInFamily: { session: string } }>(Q.SIGN_IN, { i: { municipalityCode: this.municipality, ...input } });
      this.session = d.signInFamily.session;
      try {
        sessionStorage.setItem(this.key, this.session);
      } catch {
        /* the session then lasts for this page only */
      }
      await this.load();
    });
  }

  private async load(): Promise<void> {
    await this.run(async () => {
      this.page = (await this.gql<{ familyPage: Q.Page }>(Q.PAGE, { s: this.session })).familyPage;
      this.go('home');
    });
  }

  private val(id: string): string {
    const el = this.renderRoot.querySelector<HTMLInputElement>(`#${id}`);
    return el?.value.trim() ?? '';
  }

  private procedure(id: string): Q.Procedure | undefined {
    return this.page?.procedures.find((p) => p.id === id);
  }

  private async start(procedureId: string): Promise<void> {
    await this.run(async () => {
      this.app = (await this.gql<{ startApplication: Q.App }>(Q.START, { i: { session: this.session, procedureId } })).startApplication;
      this.receipt = null;
      this.go('apply');
    });
  }

  private answersFromForm(p: Q.Procedure): { question: string; value: string | null }[] {
    return p.questions.map((q) => {
      if (q.type === 'boolean') {
        const c = this.renderRoot.querySelector<HTMLInputElement>(`input[name=q-${q.id}]:checked`);
        return { question: q.id, value: c ? c.value : null };
      }
      return { question: q.id, value: this.val(`q-${q.id}`) || null };
    });
  }

  /** 確認画面へ checks required answers and dates before anything is sent; 一時保存 checks dates only. */
  private async save(then?: View): Promise<void> {
    const a = this.app!;
    const p = this.procedure(a.procedureId)!;
    const checked = checkAnswers(this.t, p.questions, this.answersFromForm(p), then === 'confirm');
    if (Object.keys(checked.errors).length) {
      this.errors = checked.errors;
      this.notice = `${this.t.fixFirst.replace(/\{[^}]+\}/g, '')} ${Object.values(checked.errors)[0]}`;
      return this.focusProblem();
    }
    await this.run(async () => {
      const answers = checked.answers;
      this.sent = answers.map((x) => x.question);
      this.app = (await this.gql<{ saveApplication: Q.App }>(Q.SAVE, { i: { session: this.session, id: a.id, version: a.version, answers } })).saveApplication;
      if (then) this.go(then);
      else this.notice = this.t.saved;
    });
  }

  private async submit(): Promise<void> {
    const a = this.app!;
    await this.run(async () => {
      this.receipt = (
        await this.gql<{ submitApplication: Q.Receipt }>(Q.SUBMIT, { i: { session: this.session, id: a.id, version: a.version } })
      ).submitApplication;
      if (this.receipt.interviewNeeded) this.slots = (await this.gql<{ interviewSlots: Q.Slot[] }>(Q.SLOTS, { s: this.session, a: a.id })).interviewSlots;
      this.go('receipt');
    });
  }

  private async upload(docId: string): Promise<void> {
    const input = this.renderRoot.querySelector<HTMLInputElement>(`#doc-${docId}`);
    const file = input?.files?.[0];
    if (!file || !this.app) return;
    await this.run(async () => {
      const url = new URL(`/applications/${this.app!.id}/documents/${docId}`, new URL(this.api, location.href));
      const res = await fetch(url, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${this.session}`,
          'content-type': 'application/octet-stream',
          'accept-language': this.l === 'ja-easy' ? 'ja-x-easy' : this.l,
        },
        body: file,
      });
      const body = (await res.json()) as { error?: { message: string } };
      if (!res.ok) throw [{ message: body.error?.message ?? this.t.failed, extensions: { field: `doc-${docId}` } }];
      this.uploaded.add(docId);
      this.notice = this.t.uploaded;
    });
  }

  private booking: Q.Booking | null = null;
  private async book(): Promise<void> {
    const slotId = this.val('slot');
    if (!slotId || !this.app) return;
    await this.run(async () => {
      this.booking = (
        await this.gql<{ bookInterview: Q.Booking }>(Q.BOOK, { i: { session: this.session, applicationId: this.app!.id, slotId } })
      ).bookInterview;
      this.notice = this.t.booked;
    });
  }

  override render(): TemplateResult {
    return html`<section part="root" aria-busy=${this.busy ? 'true' : 'false'}>
      <p class="help">${ruby(this.t.title)}</p>
      ${this.body()}
      <p class="sr" role="status" aria-live="polite">${this.notice}</p>
      ${this.notice ? html`<p class=${Object.keys(this.errors).length ? 'error' : 'help'}>${this.notice}</p>` : nothing}
    </section>`;
  }

  private body(): TemplateResult {
    switch (this.view) {
      case 'signin':
        return this.signInView();
      case 'code':
        return html`<h2 tabindex="-1">${ruby(this.t.signIn)}</h2>
          <label for="code">${ruby(this.t.code)}</label><input id="code" inputmode="numeric" autocomplete="one-time-code" maxlength="6" />
          <button class="primary" ?disabled=${this.busy} @click=${() => this.signIn({ referenceNumber: this.ref, code: this.val('code') })}>${ruby(this.t.useCode)}</button>`;
      case 'home':
        return this.homeView();
      case 'apply':
        return this.applyView();
      case 'confirm':
        return this.confirmView();
      case 'receipt':
        return this.receiptView();
    }
  }

  private signInView(): TemplateResult {
    return html`<h2 tabindex="-1">${ruby(this.t.signIn)}</h2>
      <p class="help">${ruby(this.t.signInHelp)}</p>
      <label for="ref">${ruby(this.t.reference)}</label><input id="ref" autocomplete="off" maxlength="20" .value=${this.ref} />
      <label for="contact">${ruby(this.t.contact)}</label><input id="contact" autocomplete="tel" maxlength="254" />
      <button class="primary" ?disabled=${this.busy} @click=${() => this.requestCode()}>${ruby(this.t.sendCode)}</button>`;
  }

  private async requestCode(): Promise<void> {
    this.ref = this.val('ref');
    const contact = this.val('contact');
    await this.run(async () => {
      const d = await this.gql<{ requestFamilySignIn: { message: string } }>(Q.REQUEST_CODE, {
        i: { municipalityCode: this.municipality, referenceNumber: this.ref, contact, returnUrl: location.href.split('#')[0] },
      });
      this.go('code');
      this.notice = d.requestFamilySignIn.message;
    });
  }

  private homeView(): TemplateResult {
    const p = this.page!;
    return html`<h2 tabindex="-1">${ruby(this.t.home)}</h2>
      <h3>${ruby(this.t.applications)}</h3>
      ${p.applications.length === 0 ? html`<p>${ruby(this.t.none)}</p>` : nothing}
      ${p.applications.map(
        (a) => html`<div class="card" part="application">
        <strong>${ruby(a.procedureName)}</strong>: ${this.t.status[a.status] ?? a.status}${a.receiptNumber ? html` (${this.t.receiptNumber} ${a.receiptNumber})` : nothing}
        ${a.history
          .filter((h) => h.message && h.actor === 'STAFF')
          .slice(-1)
          .map((h) => html`<p>${h.message}</p>`)}
        ${
          a.status === 'DRAFT' || a.status === 'INFO_REQUESTED'
            ? html`<button @click=${() => {
                this.app = a;
                this.go('apply');
              }}>${ruby(this.t.resume)}</button>`
            : nothing
        }
        ${this.withdrawView(a)}
      </div>`,
      )}
      <h3>${ruby(this.t.interviews)}</h3>
      ${p.interviews.length === 0 ? html`<p>${ruby(this.t.noInterviews)}</p>` : nothing}
      ${p.interviews.map((b) => html`<div class="card">${ruby(b.procedureName)}: ${whenText(this.l, b.startsAt)} <a href=${icsHref(b)} download="interview.ics">${ruby(this.t.calendar)}</a></div>`)}
      <h3>${ruby(this.t.startable)}</h3>
      ${p.procedures.map(
        (pr) => html`<div class="card"><strong>${ruby(pr.name)}</strong><p class="help">${ruby(pr.summary)}</p>
        ${pr.deadlineNote ? html`<p class="help">${ruby(pr.deadlineNote)}</p>` : nothing}
        <button @click=${() => this.start(pr.id)} aria-label=${`${this.t.start}: ${pr.name.replace(/\{[^}]+\}/g, '')}`}>${ruby(this.t.start)}</button></div>`,
      )}
      ${this.contactView(p.contact)}
      ${this.rights.render()}
      <button @click=${() => this.signOut()}>${ruby(this.t.signOut)}</button>`;
  }

  /** Withdrawing an application not decided yet: a button, then a question with yes and no. */
  private withdrawView(a: Q.App): TemplateResult | typeof nothing {
    if (!['DRAFT', 'SUBMITTED', 'IN_REVIEW', 'INFO_REQUESTED'].includes(a.status)) return nothing;
    const name = a.procedureName.replace(/\{[^}]+\}/g, '');
    // The application's name hidden in the button, not an aria-label: the label must contain the visible text, ruby readings included (axe label-content-name-mismatch in ja-easy).
    if (this.withdrawing !== a.id)
      return html`<button part="withdraw" @click=${() => this.askWithdraw(a.id)}>${ruby(this.t.withdraw)}<span class="sr">: ${name}</span></button>`;
    return html`<div role="group" aria-labelledby="wd-q"><p id="wd-q" tabindex="-1">${ruby(this.t.withdrawAsk)}</p>
      <button class="primary" ?disabled=${this.busy} @click=${() => this.withdraw(a)}>${ruby(this.t.withdrawYes)}</button>
      <button @click=${() => {
        this.withdrawing = null;
        this.requestUpdate();
      }}>${ruby(this.t.withdrawNo)}</button></div>`;
  }

  private askWithdraw(id: string): void {
    this.withdrawing = id;
    this.requestUpdate();
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#wd-q')?.focus());
  }

  private async withdraw(a: Q.App): Promise<void> {
    await this.run(async () => {
      await this.gql(Q.WITHDRAW, { i: { session: this.session, id: a.id } });
      this.withdrawing = null;
      this.page = (await this.gql<{ familyPage: Q.Page }>(Q.PAGE, { s: this.session })).familyPage;
      this.go('home');
    });
    if (!Object.keys(this.errors).length) this.notice = this.t.withdrawn.replace(/\{[^}]+\}/g, '');
  }

  /** Whether the city may contact the family, and the channels for notices of support; saved at once. */
  private contactView(c: Q.Contact): TemplateResult {
    return html`<h3 id="ct-h">${ruby(this.t.contactHeading)}</h3>
      <p class="help">${ruby(this.t.contactHelp)}</p>
      <fieldset aria-labelledby="ct-h">
        <label><input type="checkbox" id="ct-allowed" .checked=${c.contactAllowed} @change=${() => this.requestUpdate()} />${ruby(this.t.contactAllowed)}</label>
      </fieldset>
      <fieldset>
        <legend>${ruby(this.t.channelsLegend)}</legend>
        ${c.channels.map((ch) => html`<label><input type="checkbox" id=${`ct-${ch.channel}`} .checked=${ch.granted} ?disabled=${!ch.available} aria-describedby=${ch.available ? nothing : `ct-${ch.channel}-na`} />${this.t.channel[ch.channel] ?? ch.channel}</label>${ch.available ? nothing : html`<span class="help" id=${`ct-${ch.channel}-na`}>（${ruby(this.t.noAddress)}）</span>`}`)}
      </fieldset>
      <button ?disabled=${this.busy} @click=${() => this.saveContact(c)}>${ruby(this.t.saveContact)}</button>`;
  }

  private async saveContact(c: Q.Contact): Promise<void> {
    const checked = (id: string) => this.renderRoot.querySelector<HTMLInputElement>(`#${id}`)?.checked ?? false;
    const channels = c.channels.filter((ch) => ch.available).map((ch) => ({ channel: ch.channel, granted: checked(`ct-${ch.channel}`) }));
    await this.run(async () => {
      const d = await this.gql<{ updateFamilyContact: Q.Contact }>(Q.UPDATE_CONTACT, {
        i: { session: this.session, contactAllowed: checked('ct-allowed'), channels },
      });
      this.page = { ...this.page!, contact: d.updateFamilyContact };
    });
    if (!Object.keys(this.errors).length) this.notice = this.t.contactSaved.replace(/\{[^}]+\}/g, '');
  }

  private async signOut(): Promise<void> {
    const s = this.session;
    this.forget();
    this.page = null;
    this.go('signin');
    if (s) await this.gql(Q.SIGN_OUT, { i: { session: s } }).catch(() => undefined);
  }

  private applyView(): TemplateResult {
    const a = this.app!;
    const p = this.procedure(a.procedureId);
    if (!p) return html`<p>${this.t.failed}</p>`;
    const byQ = new Map(a.answers.map((x) => [x.question, x]));
    return html`<h2 tabindex="-1">${ruby(p.name)}</h2>
      <p class="help">${ruby(p.legalNature)}</p>
      ${a.history
        .filter((h) => h.message && h.actor === 'STAFF')
        .slice(-1)
        .map((h) => html`<p class="card">${h.message}</p>`)}
      <form @submit=${(e: Event) => {
        e.preventDefault();
        void this.save('confirm');
      }}>
        ${p.questions.map((q) => renderField(this.t, this.errors, q, byQ.get(q.id)))}
        <button type="button" ?disabled=${this.busy} @click=${() => this.save()}>${ruby(this.t.save)}</button>
        <button type="submit" class="primary" ?disabled=${this.busy}>${ruby(this.t.toConfirm)}</button>
        <button type="button" @click=${() => this.load()}>${ruby(this.t.toHome)}</button>
      </form>`;
  }

  private confirmView(): TemplateResult {
    const a = this.app!;
    const p = this.procedure(a.procedureId)!;
    const byQ = new Map(a.answers.map((x) => [x.question, x.value]));
    const shown = (q: Q.Question): string => {
      const v = byQ.get(q.id);
      if (v == null) return '—';
      if (q.type === 'boolean') return v === 'true' ? this.t.yes : this.t.no;
      if (q.type === 'choice') return (q.choices.find((c) => c.value === v)?.label ?? v).replace(/\{[^}]+\}/g, '');
      return v;
    };
    return html`<h2 tabindex="-1">${ruby(this.t.confirm)}</h2>
      <dl>${p.questions.map((q) => html`<dt>${ruby(q.label)}</dt><dd>${shown(q)}${this.errors[q.id] ? html`<span class="error"> ${this.errors[q.id]}</span>` : nothing}</dd>`)}</dl>
      <button @click=${() => this.go('apply')}>${ruby(this.t.back)}</button>
      <button class="primary" ?disabled=${this.busy} @click=${() => this.submit()}>${ruby(this.t.send)}</button>`;
  }

  private receiptView(): TemplateResult {
    const r = this.receipt!;
    const p = this.procedure(this.app!.procedureId)!;
    return html`<h2 tabindex="-1">${ruby(this.t.receipt)}</h2>
      <p>${ruby(this.t.receiptNumber)}: <span class="ref" part="receipt-number">${r.receiptNumber}</span></p>
      <h3>${ruby(this.t.next)}</h3><p>${ruby(r.whatHappensNext)}</p>
      <h3>${ruby(this.t.legal)}</h3><p>${ruby(r.legalNature)}</p>
      ${r.pittariUrl ? html`<p><a href=${r.pittariUrl} rel="noopener" target="_blank">${ruby(this.t.pittari)}</a></p>` : nothing}
      ${r.bringOriginals.length ? html`<h3>${ruby(this.t.bring)}</h3><ul>${r.bringOriginals.map((d) => html`<li>${ruby(d)}</li>`)}</ul>` : nothing}
      ${
        p.documents.length
          ? html`<h3>${ruby(this.t.documents)}</h3>${p.documents.map(
              (d) => html`<div class="card">
        <label for="doc-${d.id}">${ruby(d.name)}${this.uploaded.has(d.id) ? html` <span class="prefilled">${ruby(this.t.uploaded)}</span>` : nothing}</label>
        <p class="help" id="doc-${d.id}-help">${ruby(d.description)}</p>
        <input type="file" id="doc-${d.id}" accept="image/jpeg,image/png,application/pdf" aria-describedby="doc-${d.id}-help" />
        ${this.errors[`doc-${d.id}`] ? html`<p class="error">${this.errors[`doc-${d.id}`]}</p>` : nothing}
        <button ?disabled=${this.busy} @click=${() => this.upload(d.id)}>${ruby(this.t.upload)}</button></div>`,
            )}`
          : nothing
      }
      ${r.interviewNeeded ? this.bookView() : nothing}
      <button @click=${() => this.load()}>${ruby(this.t.toHome)}</button>`;
  }

  private bookView(): TemplateResult {
    if (this.booking)
      return html`<h3>${ruby(this.t.booked)}</h3><p part="booked">${whenText(this.l, this.booking.startsAt)}</p><p><a href=${icsHref(this.booking)} download="interview.ics">${ruby(this.t.calendar)}</a></p>`;
    return html`<h3>${ruby(this.t.book)}</h3>
      <label for="slot">${ruby(this.t.slot)}</label>
      <select id="slot"><option value="">${this.t.choose}</option>${this.slots.map((s) => html`<option value=${s.id}>${whenText(this.l, s.startsAt)}</option>`)}</select>
      <button class="primary" ?disabled=${this.busy} @click=${() => this.book()}>${ruby(this.t.doBook)}</button>`;
  }
}
