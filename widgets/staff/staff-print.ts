import { css, html, nothing, type TemplateResult } from 'lit';
import { formatDateTime, label, col, yenAmount } from './i18n.js';
import { P, type PKey } from './print-texts.js';
import { PRINT_RECORD } from './print-queries.js';
import { PROGRAMMES, type Access, type RecordData, type SectionName } from './queries.js';
import { DETAIL_SECTIONS, FIELDS, valueOf, type Draft, type Field } from './sections.js';
import { base } from './staff.styles.js';
import { StaffView } from './view-base.js';

/** Only these reasons are shown as a masked section; any other denial leaves the section out entirely (denied means invisible). */
const MASKED_REASONS = new Set(['DV_PROTECTED']);

/**
 * `<staff-print>` (`#/records/<id>/print`): the 個人票 as a printable A4 document — the sections the
 * viewer's department may read, DV-withheld sections as a masked line, no controls in print, and on
 * every page the reference number, the date and who printed it (a table's header and footer groups
 * repeat on each printed page). The page size is set by @page in staff.css (document level: @page in
 * a shadow root does not apply).
 */
export class StaffPrint extends StaffView {
  static override styles = [
    base,
    css`
      .sheet { width: 100%; border-collapse: collapse; }
      .sheet > thead td, .sheet > tfoot td { border: none; padding: 0.25rem 0; font-size: 0.8125rem; color: #333; }
      .sheet > tbody > tr > td { border: none; padding: 0; }
      .running { display: flex; justify-content: space-between; gap: 1rem; }
      .controls { display: flex; gap: 0.75rem; align-items: center; flex-wrap: wrap; margin: 0 0 1rem; }
      section { break-inside: avoid; border: 1px solid #999; border-radius: 4px; padding: 0.5rem 0.75rem; margin: 0 0 0.75rem; }
      h2 { font-size: 1.0625rem; margin: 0 0 0.25rem; }
      .masked { font-weight: 600; }
      dl { grid-template-columns: minmax(7rem, max-content) 1fr; }
      @media print {
        .controls, .intro { display: none !important; }
        :host { font-size: 10.5pt; }
        h1 { font-size: 15pt; margin: 0 0 0.25rem; }
        section { border-color: #666; }
      }
    `,
  ];
  static override properties = {
    ...StaffView.properties,
    recordId: { attribute: false },
    record: { state: true },
    error: { state: true },
    programmes: { state: true },
  };
  declare recordId: string;
  declare record: RecordData | null;
  declare error: string;
  declare programmes: Map<string, string>;
  private loadedId = '';
  private printedAt = new Date().toISOString();

  constructor() {
    super();
    this.record = null;
    this.error = '';
    this.programmes = new Map();
  }

  private p(key: PKey, ...args: (string | number)[]): string {
    let s: string = col(P[key], this.locale);
    for (const a of args) s = s.replace('%', String(a));
    return s;
  }

  protected override willUpdate(): void {
    if (this.recordId && this.api && this.loadedId !== this.recordId) {
      this.loadedId = this.recordId;
      void this.load();
    }
  }

  private async load(): Promise<void> {
    this.record = null;
    this.error = '';
    try {
      const [{ record }, programmes] = await Promise.all([
        this.api.q<{ record: RecordData | null }>(PRINT_RECORD, { id: this.recordId }),
        this.api.q<{ programmes: { id: string; name: string }[] }>(PROGRAMMES, { code: this.me.municipalityCode }).catch(() => ({ programmes: [] })),
      ]);
      this.programmes = new Map(programmes.programmes.map((p) => [p.id, p.name]));
      this.printedAt = new Date().toISOString();
      this.record = record;
      if (!record) this.error = this.t('notFound');
    } catch (e) {
      this.error = this.errorText(e);
      this.announce(this.error, true);
    }
  }

  private access(section: SectionName): Access {
    return this.record?.access.find((a) => a.section === section) ?? { section, readable: false, writable: false, reason: 'NOT_PERMITTED' };
  }

  private show(f: Field, v: unknown): TemplateResult | string {
    if (v == null || v === '' || (Array.isArray(v) && v.length === 0 && f.type !== 'list')) return this.t('empty');
    if (f.key === 'programmeId') return this.programmes.get(String(v)) ?? String(v);
    switch (f.type) {
      case 'bool':
      case 'tri':
        return v ? this.t('yes') : this.t('no');
      case 'yen':
        return yenAmount(Number(v), this.locale);
      case 'select':
        return label(this.locale, String(v));
      case 'multi':
        return (v as string[]).map((c) => label(this.locale, c)).join('、');
      case 'list': {
        const rows = v as Draft[];
        if (rows.length === 0) return this.t('empty');
        return html`<ul class="plain">${rows.map(
          (row) =>
            html`<li>${(f.fields ?? [])
              .filter((s) => row[s.key] != null && row[s.key] !== '')
              .map((s, i) => html`${i ? '・' : ''}${this.t(s.label)}: ${this.show(s, row[s.key])}`)}</li>`,
        )}</ul>`;
      }
      default:
        return String(v);
    }
  }

  private section(r: RecordData, s: SectionName): TemplateResult | typeof nothing {
    const a = this.access(s);
    if (!a.readable) {
      if (!a.reason || !MASKED_REASONS.has(a.reason)) return nothing;
      return html`<section data-section=${s} data-masked="true"><h2>${this.t(s)}</h2><p class="masked">${this.p('masked', this.t(a.reason))}</p></section>`;
    }
    if (s === 'CONSULTATIONS') {
      const list = r.consultations ?? [];
      return html`<section data-section=${s}><h2>${this.t(s)}</h2>
        ${
          list.length === 0
            ? html`<p>${this.p('consultationsNone')}</p>`
            : html`<table><thead><tr><th scope="col">${this.p('date')}</th><th scope="col">${this.p('channel')}</th><th scope="col">${this.p('summary')}</th><th scope="col">${this.p('staff')}</th></tr></thead>
              <tbody>${list.map((c) => html`<tr><td class="nowrap">${c.date}</td><td>${label(this.locale, c.channel)}</td><td>${c.summary}</td><td>${c.staffName ?? ''}（${label(this.locale, c.department)}）</td></tr>`)}</tbody></table>`
        }
      </section>`;
    }
    const value = valueOf(r, s) ?? {};
    return html`<section data-section=${s}><h2>${this.t(s)}</h2>
      <dl>${(FIELDS[s] ?? []).map((f) => html`<dt>${this.t(f.label)}</dt><dd>${this.show(f, value[f.key])}</dd>`)}</dl>
    </section>`;
  }

  private print(): void {
    window.print();
  }

  override render() {
    const r = this.record;
    const back = `#/records/${encodeURIComponent(this.recordId)}`;
    if (!r) {
      return html`<h1 tabindex="-1">${this.p('heading')}</h1>
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : html`<p>${this.p('loading')}</p>`}
        <p><a href=${back}>${this.p('back')}</a></p>`;
    }
    const at = formatDateTime(this.printedAt, this.locale);
    const who = `${this.me.name}（${(this.locale === 0 && this.me.departmentName) || label(this.locale, this.me.department)}）`;
    const name = [r.identity?.familyName, r.identity?.givenName].filter(Boolean).join(' ');
    return html`
      <div class="controls">
        <button type="button" class="primary" id="print" @click=${this.print}>${this.p('printButton')}</button>
        <a href=${back}>${this.p('back')}</a>
      </div>
      <p class="intro">${this.p('intro')}</p>
      <table class="sheet" role="presentation">
        <thead><tr><td><div class="running"><span>${this.p('heading')}</span><span>${this.p('reference')} <span class="ref">${r.referenceNumber}</span></span></div></td></tr></thead>
        <tfoot><tr><td><div class="running" id="print-footer"><span>${this.p('footer', r.referenceNumber, at, who)}</span></div></td></tr></tfoot>
        <tbody><tr><td>
          <h1 tabindex="-1">${name ? `${this.p('heading')}：${name}` : this.p('heading')}</h1>
          <dl>
            <dt>${this.p('reference')}</dt><dd class="ref">${r.referenceNumber}</dd>
            <dt>${this.p('owner')}</dt><dd>${label(this.locale, r.ownerDepartment)}</dd>
            <dt>${this.p('version')}</dt><dd>${r.version}</dd>
            <dt>${this.p('printedAt')}</dt><dd>${at}</dd>
            <dt>${this.p('printedBy')}</dt><dd>${who}</dd>
          </dl>
          ${[...DETAIL_SECTIONS, 'CONSULTATIONS' as SectionName].map((s) => this.section(r, s))}
        </td></tr></tbody>
      </table>
    `;
  }
}
