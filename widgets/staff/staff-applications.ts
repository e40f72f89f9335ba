import { html, nothing, type TemplateResult } from 'lit';
import { at, type AKey } from './applications-texts.js';
import {
  INTERVIEWS,
  MARK,
  OPEN_STATUSES,
  PROCEDURES,
  QUEUE,
  APP_STATUSES,
  type AppStatus,
  type Interview,
  type ProcedureInfo,
  type QueueRow,
} from './applications-queries.js';
import { formatDateTime, japanDate, type Lang } from './i18n.js';
import { base, viewStyles } from './staff.styles.js';
import { StaffView } from './view-base.js';

/** YYYY-MM-DD in Japan time, `days` from today. */
export function japanDay(days: number, now = new Date()): string {
  return japanDate(new Date(now.getTime() + days * 86_400_000).toISOString());
}

/** Kept/missed buttons for a booking whose time has come (never for a viewer or a cancelled booking). */
export function markButtons(
  lang: Lang,
  viewer: boolean,
  i: Interview,
  busy: string,
  onMark: (i: Interview, s: 'KEPT' | 'MISSED') => void,
): TemplateResult | typeof nothing {
  if (viewer || i.status === 'CANCELLED') return nothing;
  if (new Date(i.startsAt).getTime() > Date.now()) return html`<span class="muted">${at(lang, 'notYet')}</span>`;
  const who = i.receiptNumber ?? i.referenceNumber;
  return html`<div class="actions">
    <button type="button" aria-pressed=${i.status === 'KEPT' ? 'true' : 'false'} aria-label=${at(lang, 'markKept', who)} ?disabled=${busy === i.id} @click=${() => onMark(i, 'KEPT')}>${at(lang, 'kept')}</button>
    <button type="button" aria-pressed=${i.status === 'MISSED' ? 'true' : 'false'} aria-label=${at(lang, 'markMissed', who)} ?disabled=${busy === i.id} @click=${() => onMark(i, 'MISSED')}>${at(lang, 'missed')}</button>
  </div>`;
}

/**
 * `<staff-applications>`: the department's online applications (`applications`), oldest submission
 * first, filtered by procedure and status (kept in the address, so Back and a bookmark work), with
 * the age in open days against the municipality's target; and the interviews of the coming days,
 * each markable kept or missed once its time has come. Every action is a link or a button.
 */
export class StaffApplications extends StaffView {
  static override styles = [base, viewStyles];
  static override properties = {
    ...StaffView.properties,
    params: { attribute: false },
    rows: { state: true },
    procedures: { state: true },
    interviews: { state: true },
    error: { state: true },
    busy: { state: true },
  };
  declare params: URLSearchParams;
  declare rows: QueueRow[] | null;
  declare procedures: ProcedureInfo[];
  declare interviews: Interview[] | null;
  declare error: string;
  declare busy: string;
  private loadedFor = '';

  constructor() {
    super();
    this.params = new URLSearchParams();
    this.rows = null;
    this.procedures = [];
    this.interviews = null;
    this.error = '';
    this.busy = '';
  }

  protected a(key: AKey, ...args: (string | number)[]): string {
    return at(this.locale, key, ...args);
  }

  private get procedureId(): string {
    return this.params.get('procedure') ?? '';
  }
  private get statusFilter(): string {
    const s = this.params.get('status') ?? 'OPEN';
    return s === 'ALL' || s === 'OPEN' || APP_STATUSES.includes(s as AppStatus) ? s : 'OPEN';
  }

  protected override willUpdate(): void {
    const key = `${this.locale}|${this.params.toString()}`;
    if (this.api && this.loadedFor !== key) {
      this.loadedFor = key;
      void this.load();
    }
  }

  private async load(): Promise<void> {
    this.error = '';
    const s = this.statusFilter;
    const status = s === 'ALL' ? null : s === 'OPEN' ? OPEN_STATUSES : [s];
    try {
      const [queue, procs, interviews] = await Promise.all([
        this.api.q<{ applications: QueueRow[] }>(QUEUE, { status, procedureId: this.procedureId || null, limit: 200 }),
        this.procedures.length
          ? Promise.resolve({ procedures: this.procedures })
          : this.api.q<{ procedures: ProcedureInfo[] }>(PROCEDURES, { code: this.me.municipalityCode }),
        this.api.q<{ applicationInterviews: Interview[] }>(INTERVIEWS, { from: japanDay(-7), to: japanDay(14) }),
      ]);
      this.rows = queue.applications;
      this.procedures = procs.procedures;
      this.interviews = interviews.applicationInterviews;
      this.announce(this.a('queueSummary', this.rows.length, this.rows.filter((r) => r.overdue).length));
    } catch (e) {
      this.error = this.errorText(e);
      this.announce(this.error, true);
    }
  }

  private filter(e: Event): void {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const p = new URLSearchParams();
    const procedure = (form.querySelector('#q-procedure') as HTMLSelectElement).value;
    const status = (form.querySelector('#q-status') as HTMLSelectElement).value;
    if (procedure) p.set('procedure', procedure);
    if (status !== 'OPEN') p.set('status', status);
    const q = p.toString();
    location.hash = `#/applications${q ? `?${q}` : ''}`;
  }

  private async mark(i: Interview, status: 'KEPT' | 'MISSED'): Promise<void> {
    this.busy = i.id;
    try {
      const r = await this.api.q<{ markInterview: Interview }>(MARK, { input: { id: i.id, status } });
      this.interviews = (this.interviews ?? []).map((x) => (x.id === i.id ? r.markInterview : x));
      this.announce(this.a('marked', i.receiptNumber ?? i.referenceNumber, this.a(status)));
    } catch (e) {
      this.error = this.errorText(e);
      this.announce(this.error, true);
    } finally {
      this.busy = '';
    }
  }

  private row(r: QueueRow): TemplateResult {
    return html`<tr data-id=${r.id} data-receipt=${r.receiptNumber ?? ''}>
      <th scope="row"><a href="#/applications/${encodeURIComponent(r.id)}">${r.receiptNumber ?? r.id.slice(0, 8)}</a></th>
      <td>${r.procedureName}</td>
      <td>${this.a(r.status)}</td>
      <td class="nowrap">${r.submittedAt ? japanDate(r.submittedAt) : ''}</td>
      <td>${this.a('ageValue', r.ageOpenDays, r.targetDays)}${r.overdue ? html` <strong class="badge error">${this.a('overdue')}</strong>` : nothing}</td>
      <td>${this.a(r.interviewNeeded ? 'needed' : 'notNeeded')}</td>
    </tr>`;
  }

  private interviewTable(): TemplateResult {
    const list = this.interviews ?? [];
    return html`<section aria-labelledby="iv-h">
      <h2 id="iv-h">${this.a('interviewsHeading')}</h2>
      ${
        list.length === 0
          ? html`<p>${this.a('interviewsNone')}</p>`
          : html`<div class="table-wrap" tabindex="0" role="region" aria-labelledby="iv-h">
            <table>
              <thead><tr><th scope="col">${this.a('when')}</th><th scope="col">${this.a('receipt')}</th><th scope="col">${this.a('procedure')}</th><th scope="col">${this.a('status')}</th><th scope="col">${this.a('mark')}</th></tr></thead>
              <tbody>${list.map(
                (i) => html`<tr data-interview=${i.id}>
                <th scope="row" class="nowrap">${formatDateTime(i.startsAt, this.locale)}</th>
                <td><a href="#/applications/${encodeURIComponent(i.applicationId)}">${i.receiptNumber ?? i.referenceNumber}</a></td>
                <td>${i.procedureName}</td>
                <td>${this.a(i.status)}</td>
                <td>${markButtons(this.locale, this.me?.role === 'VIEWER', i, this.busy, (x, st) => void this.mark(x, st))}</td>
              </tr>`,
              )}</tbody>
            </table>
          </div>`
      }
    </section>`;
  }

  override render() {
    const rows = this.rows;
    return html`
      <h1 tabindex="-1">${this.a('heading')}</h1>
      <p>${this.a('intro')}</p>
      <form class="filters" aria-label=${this.a('filters')} @submit=${this.filter}>
        <div class="grid wide">
          <div class="field">
            <label for="q-procedure">${this.a('procedure')}</label>
            <select id="q-procedure">
              <option value="">${this.a('anyProcedure')}</option>
              ${this.procedures.map((p) => html`<option value=${p.id} ?selected=${p.id === this.procedureId}>${p.name}</option>`)}
            </select>
          </div>
          <div class="field">
            <label for="q-status">${this.a('status')}</label>
            <select id="q-status">
              <option value="OPEN" ?selected=${this.statusFilter === 'OPEN'}>${this.a('open')}</option>
              <option value="ALL" ?selected=${this.statusFilter === 'ALL'}>${this.a('all')}</option>
              ${APP_STATUSES.map((s) => html`<option value=${s} ?selected=${this.statusFilter === s}>${this.a(s)}</option>`)}
            </select>
          </div>
        </div>
        <button type="submit">${this.a('show')}</button>
      </form>
      ${this.error ? html`<p class="error" role="alert">${this.error} <button type="button" @click=${() => this.load()}>${this.t('retry')}</button></p>` : nothing}
      ${
        rows === null
          ? html`<p>${this.t('loading')}</p>`
          : html`<section aria-labelledby="q-h">
              <h2 id="q-h">${this.a('queueCaption')} <span class="badge">${rows.length}</span>${rows.some((r) => r.overdue) ? html` <span class="badge error">${this.a('overdue')} ${rows.filter((r) => r.overdue).length}</span>` : nothing}</h2>
              ${
                rows.length === 0
                  ? html`<p>${this.a('none')}</p>`
                  : html`<div class="table-wrap" tabindex="0" role="region" aria-labelledby="q-h">
                    <table>
                      <thead><tr><th scope="col">${this.a('receipt')}</th><th scope="col">${this.a('procedure')}</th><th scope="col">${this.a('status')}</th><th scope="col">${this.a('submitted')}</th><th scope="col">${this.a('age')}</th><th scope="col">${this.a('interview')}</th></tr></thead>
                      <tbody>${rows.map((r) => this.row(r))}</tbody>
                    </table>
                  </div>`
              }
            </section>
            ${this.interviewTable()}`
      }
    `;
  }
}
