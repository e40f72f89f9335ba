import { css, html, nothing, type TemplateResult } from 'lit';
import { ApiError } from './api.js';
import { at, type AKey } from './applications-texts.js';
import {
  APPLICATION,
  DECIDE,
  documentUrl,
  MARK,
  PROCEDURES,
  type AppDetail,
  type AppStatus,
  type Interview,
  type ProcedureInfo,
} from './applications-queries.js';
import { formatDateTime, japanDate, yenAmount } from './i18n.js';
import { markButtons } from './staff-applications.js';
import { base, viewStyles } from './staff.styles.js';
import { StaffView } from './view-base.js';

type Doc = AppDetail['documents'][number];
/** What staff may do next from each status (api/application/application-status.ts). */
const NEXT: Partial<Record<AppStatus, AppStatus[]>> = {
  SUBMITTED: ['IN_REVIEW', 'INFO_REQUESTED', 'ACCEPTED', 'NOT_ACCEPTED'],
  IN_REVIEW: ['INFO_REQUESTED', 'ACCEPTED', 'NOT_ACCEPTED'],
  INFO_REQUESTED: ['NOT_ACCEPTED'],
};
const NEEDS_REASON: ReadonlySet<AppStatus> = new Set(['INFO_REQUESTED', 'NOT_ACCEPTED']);

/**
 * `<staff-application>`: one application (`application`, an audited read): the answers with which
 * came from the record unchanged and which the family entered or changed, the record fields the
 * family's changes would write on acceptance, the documents (fetched with the staff token and shown
 * in the page: images inline, a PDF opened from memory — the file never gets a URL of its own), the
 * interviews with kept/missed marks, the history, and the action with its reason.
 */
export class StaffApplication extends StaffView {
  static override styles = [
    base,
    viewStyles,
    css`img.document { display: block; max-width: 100%; height: auto; margin-top: 0.5rem; border: 1px solid #d0d0d0; }`,
  ];
  static override properties = {
    ...StaffView.properties,
    applicationId: { attribute: false },
    app: { state: true },
    procedure: { state: true },
    error: { state: true },
    formError: { state: true },
    busy: { state: true },
    shown: { state: true },
  };
  declare applicationId: string;
  declare app: AppDetail | null;
  declare procedure: ProcedureInfo | null;
  declare error: string;
  declare formError: { field: 'action' | 'reason'; message: string } | null;
  declare busy: string;
  /** Document id → object URL of its bytes (revoked when closed or when the view goes). */
  declare shown: Map<string, string>;
  private loadedFor = '';

  constructor() {
    super();
    this.app = null;
    this.procedure = null;
    this.error = '';
    this.formError = null;
    this.busy = '';
    this.shown = new Map();
  }

  protected a(key: AKey, ...args: (string | number)[]): string {
    return at(this.locale, key, ...args);
  }

  override disconnectedCallback(): void {
    for (const url of this.shown.values()) URL.revokeObjectURL(url);
    super.disconnectedCallback();
  }

  protected override willUpdate(): void {
    const key = `${this.locale}|${this.applicationId}`;
    if (this.api && this.applicationId && this.loadedFor !== key) {
      this.loadedFor = key;
      void this.load();
    }
  }

  private async load(): Promise<void> {
    this.error = '';
    try {
      const [a, p] = await Promise.all([
        this.api.q<{ application: AppDetail }>(APPLICATION, { id: this.applicationId }),
        this.api.q<{ procedures: ProcedureInfo[] }>(PROCEDURES, { code: this.me.municipalityCode }),
      ]);
      // The loading heading had the focus (just navigated here): the real heading takes it over.
      const focusedHeading = (this.renderRoot as ShadowRoot).activeElement?.tagName === 'H1';
      this.app = a.application;
      this.procedure = p.procedures.find((x) => x.id === a.application.procedureId) ?? null;
      if (focusedHeading) await this.focusHeading('h1');
    } catch (e) {
      this.error = e instanceof ApiError && e.code === 'NOT_FOUND' ? this.a('notFound') : this.errorText(e);
      this.announce(this.error, true);
    }
  }

  /** An answer as people read it: choice labels, yen with commas, yes/no. */
  private answerText(question: string, value: string | null): string {
    if (value == null || value === '') return this.a('empty');
    const q = this.procedure?.questions.find((x) => x.id === question);
    if (q?.type === 'choice') return q.choices.find((c) => c.value === value)?.label ?? value;
    if (q?.type === 'yen' && /^\d+$/.test(value)) return yenAmount(Number(value), this.locale);
    if (q?.type === 'boolean') return this.a(value === 'true' ? 'yes' : 'no');
    return value;
  }

  private label(question: string): string {
    return this.procedure?.questions.find((x) => x.id === question)?.label ?? question;
  }

  private async toggleDoc(d: Doc): Promise<void> {
    const open = this.shown.get(d.id);
    const next = new Map(this.shown);
    if (open) {
      URL.revokeObjectURL(open);
      next.delete(d.id);
      this.shown = next;
      return;
    }
    this.busy = d.id;
    try {
      const blob = await this.api.file(documentUrl(this.api.endpoint, d.id));
      const url = URL.createObjectURL(new Blob([blob], { type: d.contentType }));
      if (d.contentType === 'application/pdf') {
        // A PDF opens in the browser's own viewer, in a new tab, from memory.
        window.open(url, '_blank', 'noopener');
        setTimeout(() => URL.revokeObjectURL(url), 60_000);
      } else {
        next.set(d.id, url);
        this.shown = next;
      }
      this.announce(this.a('docShown', d.name));
    } catch {
      this.announce(this.a('downloadFailed'), true);
    } finally {
      this.busy = '';
    }
  }

  private async mark(i: Interview, status: 'KEPT' | 'MISSED'): Promise<void> {
    this.busy = i.id;
    try {
      const r = await this.api.q<{ markInterview: Interview }>(MARK, { input: { id: i.id, status } });
      this.app = { ...this.app!, interviews: this.app!.interviews.map((x) => (x.id === i.id ? r.markInterview : x)) };
      this.announce(this.a('marked', i.receiptNumber ?? i.referenceNumber, this.a(status)));
    } catch (e) {
      this.announce(this.errorText(e), true);
    } finally {
      this.busy = '';
    }
  }

  private async decide(e: Event): Promise<void> {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const chosen = form.querySelector<HTMLInputElement>('input[name="action"]:checked')?.value as AppStatus | undefined;
    const reason = (form.querySelector('#d-reason') as HTMLTextAreaElement).value.trim();
    if (!chosen) return this.fail('action', this.a('chooseAction'));
    if (NEEDS_REASON.has(chosen) && !reason) return this.fail('reason', this.a('reasonNeeded'));
    this.formError = null;
    this.busy = 'decide';
    try {
      const r = await this.api.q<{ decideApplication: AppDetail }>(DECIDE, {
        input: { id: this.app!.id, version: this.app!.version, status: chosen, message: reason || null },
      });
      this.app = r.decideApplication;
      form.reset();
      this.announce(this.a('decided', this.a(chosen)));
      await this.focusHeading('#status-now');
    } catch (err) {
      if (err instanceof ApiError && err.code === 'CONFLICT') {
        await this.load();
        this.announce(this.a('stale'), true);
      } else if (err instanceof ApiError && err.field === 'input.message') this.fail('reason', err.message);
      else this.announce(this.errorText(err), true);
    } finally {
      this.busy = '';
    }
  }

  private fail(field: 'action' | 'reason', message: string): void {
    this.formError = { field, message };
    this.announce(message, true);
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(field === 'reason' ? '#d-reason' : 'input[name="action"]')?.focus());
  }

  private answers(a: AppDetail): TemplateResult {
    return html`<section aria-labelledby="ans-h"><h2 id="ans-h">${this.a('answers')}</h2>
      <div class="table-wrap" tabindex="0" role="region" aria-labelledby="ans-h"><table>
        <thead><tr><th scope="col">${this.a('question')}</th><th scope="col">${this.a('answer')}</th><th scope="col">${this.a('source')}</th></tr></thead>
        <tbody>${a.answers.map(
          (x) => html`<tr data-question=${x.question} data-prefilled=${x.prefilled ? 'yes' : 'no'}>
          <th scope="row">${this.label(x.question)}</th><td>${this.answerText(x.question, x.value)}</td>
          <td>${x.prefilled ? this.a('fromRecord') : html`<strong>${this.a('byFamily')}</strong>`}</td></tr>`,
        )}</tbody>
      </table></div></section>
      <section aria-labelledby="chg-h"><h2 id="chg-h">${this.a('changes')}</h2>
      ${
        a.recordChanges.length === 0
          ? html`<p>${this.a('changesNone')}</p>`
          : html`<p>${this.a('changesIntro')}</p><div class="table-wrap" tabindex="0" role="region" aria-labelledby="chg-h"><table>
            <thead><tr><th scope="col">${this.a('field')}</th><th scope="col">${this.a('recordNow')}</th><th scope="col">${this.a('familyAnswer')}</th><th scope="col">${this.a('onAccept')}</th></tr></thead>
            <tbody>${a.recordChanges.map(
              (c) => html`<tr data-change=${c.question}><th scope="row">${this.label(c.question)}</th>
              <td>${this.answerText(c.question, c.recordValue)}</td><td>${this.answerText(c.question, c.answer)}</td><td>${this.a(c.writable ? 'written' : 'notWritten')}</td></tr>`,
            )}</tbody>
          </table></div>`
      }</section>`;
  }

  private documents(a: AppDetail): TemplateResult {
    return html`<section aria-labelledby="doc-h"><h2 id="doc-h">${this.a('documents')}</h2>
      ${
        a.documents.length === 0
          ? html`<p>${this.a('documentsNone')}</p>`
          : html`<ul class="plain">${a.documents.map((d) => {
              const url = this.shown.get(d.id);
              const pdf = d.contentType === 'application/pdf';
              return html`<li class="item" data-document=${d.id}>
              <div class="item-head"><strong>${d.name}</strong><span class="muted">${formatDateTime(d.uploadedAt, this.locale)} · ${this.a('size', Math.max(1, Math.round(d.size / 1024)))}</span>
                <button type="button" aria-expanded=${pdf ? nothing : url ? 'true' : 'false'} ?disabled=${this.busy === d.id} @click=${() => this.toggleDoc(d)}>${pdf ? this.a('openPdf', d.name) : url ? this.a('hide') : this.a('viewLabel', d.name)}</button></div>
              ${url ? html`<img class="document" src=${url} alt=${this.a('docAlt', d.name)} />` : nothing}
            </li>`;
            })}</ul>`
      }</section>`;
  }

  private interviews(a: AppDetail): TemplateResult {
    return html`<section aria-labelledby="iv-h"><h2 id="iv-h">${this.a('interviews')}</h2>
      ${
        a.interviews.length === 0
          ? html`<p>${this.a('interviewsOfApp')}</p>`
          : html`<ul class="plain">${a.interviews.map(
              (i) => html`<li class="item" data-interview=${i.id}>
            <div class="item-head"><strong>${formatDateTime(i.startsAt, this.locale)}</strong><span>${this.a(i.status)}</span></div>
            ${markButtons(this.locale, this.me?.role === 'VIEWER', i, this.busy, (x, s) => void this.mark(x, s))}</li>`,
            )}</ul>`
      }</section>`;
  }

  private decision(a: AppDetail): TemplateResult {
    const next = NEXT[a.status] ?? [];
    if (next.length === 0) return html`<p>${this.a('finished')}</p>`;
    if (this.me?.role === 'VIEWER') return html`<p>${this.a('viewerOnly')}</p>`;
    const err = this.formError;
    return html`<form @submit=${this.decide} novalidate>
      <p>${this.a('decisionIntro')}</p>
      <fieldset aria-describedby=${err?.field === 'action' ? 'd-action-err' : nothing}>
        <legend>${this.a('action')}</legend>
        ${next.map((s) => html`<label class="check"><input type="radio" name="action" value=${s} aria-invalid=${err?.field === 'action' ? 'true' : 'false'} />${this.a(`to${s}` as AKey)}</label>`)}
        ${err?.field === 'action' ? html`<p class="error" id="d-action-err">${err.message}</p>` : nothing}
      </fieldset>
      <div class="field">
        <label for="d-reason">${this.a('reason')}</label>
        <p class="muted" id="d-reason-help">${this.a('reasonHelp')}</p>
        <textarea id="d-reason" maxlength="1000" aria-describedby=${err?.field === 'reason' ? 'd-reason-help d-reason-err' : 'd-reason-help'} aria-invalid=${err?.field === 'reason' ? 'true' : 'false'}></textarea>
        ${err?.field === 'reason' ? html`<p class="error" id="d-reason-err">${err.message}</p>` : nothing}
      </div>
      <button type="submit" class="primary" ?disabled=${this.busy === 'decide'}>${this.busy === 'decide' ? this.a('sending') : this.a('send')}</button>
    </form>`;
  }

  override render() {
    const a = this.app;
    if (this.error)
      return html`<h1 tabindex="-1">${this.a('heading')}</h1><p class="error" role="alert">${this.error}</p><p><a href="#/applications">${this.a('back')}</a></p>`;
    if (!a) return html`<h1 tabindex="-1">${this.a('heading')}</h1><p>${this.t('loading')}</p>`;
    return html`
      <p><a href="#/applications">${this.a('back')}</a></p>
      <h1 tabindex="-1">${this.a('detailHeading', a.receiptNumber ?? '', a.procedureName)}</h1>
      <section aria-labelledby="sum-h"><h2 id="sum-h">${this.a('summary')}</h2>
        <dl>
          <dt>${this.a('status')}</dt><dd><span id="status-now" tabindex="-1">${this.a(a.status)}</span></dd>
          <dt>${this.a('submitted')}</dt><dd>${a.submittedAt ? japanDate(a.submittedAt) : ''}</dd>
          <dt>${this.a('age')}</dt><dd>${this.a('ageValue', a.ageOpenDays, a.targetDays)}${a.overdue ? html` <strong class="badge error">${this.a('overdue')}</strong>` : nothing}</dd>
          <dt>${this.a('reference')}</dt><dd><a href="#/records/${encodeURIComponent(a.recordId)}" aria-label=${`${this.a('openRecord')} ${a.referenceNumber}`}>${a.referenceNumber}</a></dd>
          <dt>${this.a('interview')}</dt><dd>${this.a(a.interviewNeeded ? 'needed' : 'notNeeded')}</dd>
        </dl>
      </section>
      ${this.answers(a)}
      ${this.documents(a)}
      ${this.interviews(a)}
      <section aria-labelledby="hist-h"><h2 id="hist-h">${this.a('history')}</h2>
        <ol>${a.history.map((h) => html`<li>${formatDateTime(h.at, this.locale)} ${this.a(h.status)}（${this.a(h.actor)}）${h.message ? html`: <q>${h.message}</q>` : nothing}</li>`)}</ol>
      </section>
      <section aria-labelledby="dec-h"><h2 id="dec-h">${this.a('decision')}</h2>${this.decision(a)}</section>
    `;
  }
}
