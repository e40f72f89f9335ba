import { html, nothing } from 'lit';
import { A, type AKey } from './audit-log-texts.js';
import { AUDIT_CSV, AUDIT_SEARCH, type AuditLine } from './audit-log-queries.js';
import { download } from './export-queries.js';
import { DEPARTMENTS, formatDateTime, japanDate, label, col } from './i18n.js';
import { NAMES, operationName } from './operation-names.js';
import { DETAIL_SECTIONS } from './sections.js';
import type { SectionName } from './queries.js';
import { base, viewStyles } from './staff.styles.js';
import { StaffView } from './view-base.js';

const PAGE = 50;
const SECTIONS: SectionName[] = [...DETAIL_SECTIONS, 'CONSULTATIONS'];
const ACTIONS = ['read', 'write', 'export'] as const;
const FIELDS = ['actorName', 'department', 'referenceNumber', 'operationName', 'section', 'action', 'from', 'to'] as const;
type Filter = Partial<Record<(typeof FIELDS)[number], string>>;

/**
 * `<staff-audit-log>` (`#/audit`, supervisors and admins of the owning department): the whole
 * municipality's audit log with filters — who, department, record, operation, section, action and
 * period — newest first, and the filtered log as CSV (made and audited by the server).
 */
export class StaffAuditLog extends StaffView {
  static override styles = [base, viewStyles];
  static override properties = {
    ...StaffView.properties,
    lines: { state: true },
    total: { state: true },
    cursor: { state: true },
    error: { state: true },
    busy: { state: true },
  };
  declare lines: AuditLine[] | null;
  declare total: number;
  declare cursor: string | null;
  declare error: string;
  declare busy: boolean;
  private filter: Filter = {};
  private started = false;

  constructor() {
    super();
    this.lines = null;
    this.total = 0;
    this.cursor = null;
    this.error = '';
    this.busy = false;
  }

  private a(key: AKey, ...args: (string | number)[]): string {
    let s: string = col(A[key], this.locale);
    for (const x of args) s = s.replace('%', String(x));
    return s;
  }

  private get allowed(): boolean {
    return this.me?.department === 'SINGLE_PARENT' && (this.me.role === 'SUPERVISOR' || this.me.role === 'ADMIN');
  }

  protected override willUpdate(): void {
    if (!this.started && this.api && this.me && this.allowed) {
      this.started = true;
      void this.load(false);
    }
  }

  private variables(): Record<string, string> {
    return Object.fromEntries(Object.entries(this.filter).filter(([, v]) => v));
  }

  private async load(more: boolean): Promise<void> {
    this.busy = true;
    this.error = '';
    try {
      const { auditSearch } = await this.api.q<{ auditSearch: { totalCount: number; endCursor: string | null; entries: AuditLine[] } }>(AUDIT_SEARCH, {
        filter: this.variables(),
        first: PAGE,
        after: more ? this.cursor : null,
      });
      this.lines = more ? [...(this.lines ?? []), ...auditSearch.entries] : auditSearch.entries;
      this.total = auditSearch.totalCount;
      this.cursor = auditSearch.endCursor;
      if (!more) this.announce(this.a('count', auditSearch.totalCount));
    } catch (e) {
      this.error = this.errorText(e);
      this.announce(this.error, true);
    } finally {
      this.busy = false;
    }
  }

  private submit(e: Event): void {
    e.preventDefault();
    const data = new FormData(e.target as HTMLFormElement);
    this.filter = Object.fromEntries(FIELDS.map((f) => [f, String(data.get(f) ?? '').trim()]));
    void this.load(false);
  }

  private clear(): void {
    this.renderRoot.querySelector('form')?.reset();
    this.filter = {};
    void this.load(false);
  }

  private async exportCsv(): Promise<void> {
    this.busy = true;
    this.error = '';
    try {
      const { auditCsv } = await this.api.q<{ auditCsv: string }>(AUDIT_CSV, { filter: this.variables() });
      download(auditCsv, `audit-log-${japanDate(new Date().toISOString())}.csv`);
      this.announce(this.a('exported', Math.max(0, auditCsv.trimEnd().split('\r\n').length - 1)));
    } catch (e) {
      this.error = this.errorText(e);
      this.announce(this.error, true);
    } finally {
      this.busy = false;
    }
  }

  private who(l: AuditLine): string {
    const dept = l.actorDepartment.startsWith('partner:') ? l.actorDepartment.slice(8) : label(this.locale, l.actorDepartment.toUpperCase().replace(/-/g, '_'));
    return `${l.actorName}（${dept}）`;
  }

  private section(s: string): string {
    if (s === 'auditLog') return this.a('auditLog');
    return label(this.locale, s.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase());
  }

  private select(name: string, text: AKey, options: [string, string][]) {
    return html`<div class="field"><label for=${`al-${name}`}>${this.a(text)}</label>
      <select id=${`al-${name}`} name=${name}><option value="">${this.a('any')}</option>${options.map(([v, t]) => html`<option value=${v}>${t}</option>`)}</select></div>`;
  }

  override render() {
    if (!this.allowed) return html`<h1 tabindex="-1">${this.a('heading')}</h1><p class="notice">${this.a('forbidden')}</p>`;
    const lines = this.lines;
    return html`
      <h1 tabindex="-1">${this.a('heading')}</h1>
      <p>${this.a('intro')}</p>
      <form class="filters" @submit=${this.submit} aria-labelledby="al-filters-h">
        <h2 id="al-filters-h">${this.a('filters')}</h2>
        <div class="grid">
          <div class="field"><label for="al-actorName">${this.a('who')}</label><input id="al-actorName" name="actorName" type="text" maxlength="100" autocomplete="off" /></div>
          ${this.select(
            'department',
            'department',
            DEPARTMENTS.map((d) => [d, label(this.locale, d)]),
          )}
          <div class="field"><label for="al-referenceNumber">${this.a('reference')}</label><input id="al-referenceNumber" name="referenceNumber" type="text" maxlength="100" autocomplete="off" /></div>
          ${this.select(
            'operationName',
            'operation',
            Object.keys(NAMES).map((n) => [n, operationName(this.locale, n)]),
          )}
          ${this.select(
            'section',
            'section',
            SECTIONS.map((s) => [s, label(this.locale, s)]),
          )}
          ${this.select(
            'action',
            'action',
            ACTIONS.map((x) => [x, this.a(x)]),
          )}
          <div class="field"><label for="al-from">${this.a('from')}</label><input id="al-from" name="from" type="date" /></div>
          <div class="field"><label for="al-to">${this.a('to')}</label><input id="al-to" name="to" type="date" /></div>
        </div>
        <div class="actions">
          <button class="primary" type="submit" ?disabled=${this.busy}>${this.a('search')}</button>
          <button type="button" @click=${this.clear} ?disabled=${this.busy}>${this.a('clear')}</button>
          <button type="button" id="al-csv" @click=${this.exportCsv} ?disabled=${this.busy}>${this.busy ? this.a('exporting') : this.a('csv')}</button>
        </div>
      </form>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      <h2 id="al-results-h" tabindex="-1">${this.a('results')}${lines ? html` <span class="muted" id="al-count">${this.a('count', this.total)}</span>` : nothing}</h2>
      ${
        lines === null
          ? this.error
            ? nothing
            : html`<p>${this.a('loading')}</p>`
          : lines.length === 0
            ? html`<p>${this.a('none')}</p>`
            : html`<div class="table-wrap" tabindex="0" role="region" aria-labelledby="al-results-h">
              <table>
                <thead><tr><th scope="col">${this.a('at')}</th><th scope="col">${this.a('actor')}</th><th scope="col">${this.a('action')}</th><th scope="col">${this.a('section')}</th><th scope="col">${this.a('operation')}</th><th scope="col">${this.a('records')}</th></tr></thead>
                <tbody>
                  ${lines.map(
                    (l) => html`<tr data-seq=${l.seq}>
                    <td class="nowrap">${formatDateTime(l.at, this.locale)}</td><td>${this.who(l)}</td>
                    <td>${this.a((ACTIONS as readonly string[]).includes(l.action) ? (l.action as AKey) : 'read')}</td>
                    <td>${l.sections.map((s) => this.section(s)).join('、')}</td>
                    <td>${operationName(this.locale, l.operationName)}</td>
                    <td><span class="ref">${l.referenceNumbers.join(' ')}</span>${l.recordCount > l.referenceNumbers.length ? html` <span class="muted">${this.a('andMore', l.recordCount - l.referenceNumbers.length)}</span>` : nothing}</td>
                  </tr>`,
                  )}
                </tbody>
              </table>
            </div>
            ${this.cursor ? html`<div class="pager"><button type="button" @click=${() => void this.load(true)} ?disabled=${this.busy}>${this.a('more')}</button></div>` : nothing}`
      }
    `;
  }
}
