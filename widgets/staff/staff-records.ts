import { html, nothing, type TemplateResult } from 'lit';
import { CONCERNS, DEPARTMENTS, japanDate, label, type Key } from './i18n.js';
import { classifySearch } from './search-terms.js';
import { RECORDS, type Access, type Connection, type RecordRow, type SectionName } from './queries.js';
import { download, RECORDS_CSV } from './export-queries.js';
import { base, viewStyles } from './staff.styles.js';
import { StaffView } from './view-base.js';

const PAGE = 20;
type Column = { key: Key; section: SectionName | null; cell: (r: RecordRow) => TemplateResult | string };

const accessOf = (r: { access: Access[] }, s: SectionName) => r.access.find((a) => a.section === s);

/**
 * `<staff-records>`: search by name or kana, reference number, phone or e-mail, birth date (one box), concern, consent (owner only) and created date; a paged
 * list (`records(filter, first, after)`) that shows a column only where `access` says readable — a
 * cell the viewer may not read carries the API's reason instead, and a column nobody on the page
 * may read is left out with a plain notice. The filter lives in the URL hash (`#/records?name=…`).
 */
export class StaffRecords extends StaffView {
  static override styles = [base, viewStyles];
  static override properties = {
    ...StaffView.properties,
    params: { attribute: false },
    page: { state: true },
    error: { state: true },
    loading: { state: true },
  };
  declare params: URLSearchParams;
  declare page: Connection<RecordRow> | null;
  declare error: string;
  declare loading: boolean;
  /** cursors of the pages before the current one ('' = first page) */
  private cursors: string[] = [];
  private afterCursor = '';
  private loadedFor: string | null = null;

  constructor() {
    super();
    this.params = new URLSearchParams();
    this.page = null;
    this.error = '';
    this.loading = false;
  }

  protected override willUpdate(): void {
    const key = this.params.toString();
    if (key !== this.loadedFor && this.api) {
      this.loadedFor = key;
      this.cursors = [];
      this.afterCursor = '';
      void this.load();
    }
  }

  private filter(): Record<string, string> {
    const f: Record<string, string> = {};
    // The one box: a reference number, phone, e-mail, birth date or part of a name/kana (search-terms.ts).
    const term = classifySearch(this.params.get('name') ?? '');
    if (term) f[term.field] = term.value;
    const map: [string, string][] = [
      ['concern', 'concern'],
      ['consent', 'consentedTo'],
      ['from', 'createdFrom'],
      ['to', 'createdTo'],
    ];
    for (const [param, field] of map) {
      const v = this.params.get(param);
      if (v) f[field] = v;
    }
    return f;
  }

  /** The whole filtered list (not just this page) as CSV, made and audited by the server. */
  private async exportCsv(): Promise<void> {
    try {
      const { recordsCsv } = await this.api.q<{ recordsCsv: string }>(RECORDS_CSV, { filter: this.filter() });
      download(recordsCsv, `records-${japanDate(new Date().toISOString())}.csv`);
      this.announce(this.t('exportedCsv'));
    } catch (e) {
      this.error = this.errorText(e);
      this.announce(this.error, true);
    }
  }

  private async load(): Promise<void> {
    this.loading = true;
    this.error = '';
    try {
      const data = await this.api.q<{ records: Connection<RecordRow> }>(RECORDS, { filter: this.filter(), first: PAGE, after: this.afterCursor || null });
      this.page = data.records;
      this.announce(this.page.totalCount ? this.t('resultCount', this.page.totalCount) : this.t('noResults'));
    } catch (e) {
      this.page = null;
      this.error = this.errorText(e);
      this.announce(this.error, true);
    } finally {
      this.loading = false;
    }
  }

  private search(e: Event): void {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const p = new URLSearchParams();
    for (const name of ['name', 'concern', 'consent', 'from', 'to']) {
      const el = form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | null;
      const v = el?.value.trim();
      if (v) p.set(name, v);
    }
    const hash = `#/records${p.toString() ? `?${p}` : ''}`;
    if (location.hash === hash) {
      this.loadedFor = null;
      this.requestUpdate();
    } else location.hash = hash;
  }

  private clear(): void {
    const form = this.renderRoot.querySelector('form');
    form?.reset();
    for (const el of Array.from(form?.elements ?? []) as HTMLInputElement[]) if ('value' in el && el.tagName !== 'BUTTON') el.value = '';
    location.hash = '#/records';
  }

  private go(delta: 1 | -1): void {
    if (delta === 1 && this.page?.pageInfo.endCursor) {
      this.cursors.push(this.afterCursor);
      this.afterCursor = this.page.pageInfo.endCursor;
    } else if (delta === -1) {
      this.afterCursor = this.cursors.pop() ?? '';
    }
    void this.load().then(() => this.focusHeading('#results-h'));
  }

  private reasonText(a: Access | undefined): string {
    return a?.reason ? this.t(a.reason) : this.t('NOT_PERMITTED');
  }

  private cell(r: RecordRow, section: SectionName, value: () => TemplateResult | string): TemplateResult | string {
    const a = accessOf(r, section);
    if (!a?.readable) return html`<span class="notice" data-reason=${a?.reason ?? 'NOT_PERMITTED'}>${this.reasonText(a)}</span>`;
    return value();
  }

  private columns(): Column[] {
    return [
      {
        key: 'name',
        section: 'IDENTITY',
        cell: (r) => this.cell(r, 'IDENTITY', () => [r.identity?.familyName, r.identity?.givenName].filter(Boolean).join(' ') || this.t('empty')),
      },
      {
        key: 'kana',
        section: 'IDENTITY',
        cell: (r) => this.cell(r, 'IDENTITY', () => [r.identity?.familyNameKana, r.identity?.givenNameKana].filter(Boolean).join(' ') || this.t('empty')),
      },
      {
        key: 'concerns',
        section: 'CONCERNS',
        cell: (r) =>
          this.cell(r, 'CONCERNS', () => html`${(r.concerns?.categories ?? []).map((c) => html`<span class="badge">${label(this.locale, c)}</span>`)}`),
      },
      { key: 'city', section: 'ADDRESS', cell: (r) => this.cell(r, 'ADDRESS', () => r.address?.city ?? this.t('empty')) },
      { key: 'createdAt', section: null, cell: (r) => japanDate(r.createdAt) },
    ];
  }

  private table(page: Connection<RecordRow>): TemplateResult {
    const rows = page.edges.map((e) => e.node);
    const all = this.columns();
    // A column nobody on this page may read is left out, with one plain notice saying why.
    const hidden = all.filter((c) => c.section && rows.length > 0 && rows.every((r) => !accessOf(r, c.section!)?.readable));
    const shown = all.filter((c) => !hidden.includes(c));
    const notices = [...new Map(hidden.map((c) => [c.section, c])).values()];
    return html`
      ${notices.map((c) => html`<p class="notice" data-hidden-column=${c.key} data-reason=${accessOf(rows[0]!, c.section!)?.reason ?? ''}>${this.t('columnHidden', this.t(c.key), this.reasonText(accessOf(rows[0]!, c.section!)))}</p>`)}
      <div class="table-wrap" tabindex="0" role="region" aria-labelledby="results-h">
        <table>
          <thead>
            <tr><th scope="col">${this.t('referenceNumber')}</th>${shown.map((c) => html`<th scope="col">${this.t(c.key)}</th>`)}</tr>
          </thead>
          <tbody>
            ${rows.map(
              (r) => html`<tr data-ref=${r.referenceNumber}>
                <th scope="row"><a class="ref" href="#/records/${encodeURIComponent(r.id)}">${r.referenceNumber}</a></th>
                ${shown.map((c) => html`<td>${c.cell(r)}</td>`)}
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
    `;
  }

  override render() {
    const p = this.params;
    const owner = this.me?.department === 'SINGLE_PARENT';
    const page = this.page;
    const pageNo = this.cursors.length + 1;
    return html`
      <h1 tabindex="-1">${this.t('recordsHeading')}</h1>
      <form class="filters" role="search" aria-label=${this.t('search')} @submit=${this.search}>
        <div class="grid">
          <div class="field">
            <label for="f-name">${this.t('searchBox')}</label>
            <input id="f-name" name="name" type="search" .value=${p.get('name') ?? ''} autocomplete="off" aria-describedby="f-name-hint" />
            <p class="muted" id="f-name-hint">${this.t('searchBoxHint')}</p>
          </div>
          <div class="field">
            <label for="f-concern">${this.t('concern')}</label>
            <select id="f-concern" name="concern" .value=${p.get('concern') ?? ''}>
              <option value="">${this.t('any')}</option>
              ${CONCERNS.map((c) => html`<option value=${c} ?selected=${p.get('concern') === c}>${label(this.locale, c)}</option>`)}
            </select>
          </div>
          ${
            owner
              ? html`<div class="field">
                <label for="f-consent">${this.t('consentTo')}</label>
                <select id="f-consent" name="consent">
                  <option value="">${this.t('any')}</option>
                  ${DEPARTMENTS.filter((d) => d !== 'SINGLE_PARENT').map((d) => html`<option value=${d} ?selected=${p.get('consent') === d}>${label(this.locale, d)}</option>`)}
                </select>
              </div>`
              : nothing
          }
          <div class="field">
            <label for="f-from">${this.t('createdFrom')}</label>
            <input id="f-from" name="from" type="date" .value=${p.get('from') ?? ''} />
          </div>
          <div class="field">
            <label for="f-to">${this.t('createdTo')}</label>
            <input id="f-to" name="to" type="date" .value=${p.get('to') ?? ''} />
          </div>
        </div>
        <div class="actions">
          <button class="primary" type="submit">${this.t('search')}</button>
          <button type="button" @click=${this.clear}>${this.t('clear')}</button>
        </div>
      </form>
      <h2 id="results-h" tabindex="-1">${this.t('tableLabel')}${page ? html` — <span id="count">${this.t('resultCount', page.totalCount)}</span>` : nothing}</h2>
      ${this.loading ? html`<p>${this.t('loading')}</p>` : nothing}
      ${this.error ? html`<p class="error" role="alert">${this.error} <button type="button" @click=${() => this.load()}>${this.t('retry')}</button></p>` : nothing}
      ${page && page.edges.length === 0 ? html`<p>${this.t('noResults')}</p>` : nothing}
      ${
        page && page.edges.length > 0
          ? html`<p class="actions"><button type="button" id="records-csv" @click=${this.exportCsv}>${this.t('exportCsv')}</button> <span class="muted">${this.t('exportCsvNote')}</span></p>${this.table(page)}`
          : nothing
      }
      ${
        page && (page.pageInfo.hasNextPage || pageNo > 1)
          ? html`<div class="pager">
            <button type="button" ?disabled=${pageNo === 1} @click=${() => this.go(-1)}>${this.t('prev')}</button>
            <span>${this.t('pageOf', pageNo)}</span>
            <button type="button" ?disabled=${!page.pageInfo.hasNextPage} @click=${() => this.go(1)}>${this.t('next')}</button>
          </div>`
          : nothing
      }
    `;
  }
}
