import { css, html, nothing, svg } from 'lit';
import { ApiError } from './api.js';
import { D, type DKey, fiscalYear } from './dashboard-texts.js';
import { col } from './i18n.js';
import { base, viewStyles } from './staff.styles.js';
import { StaffView } from './view-base.js';

interface Point {
  start: string;
  value: number | null;
}
interface Figure {
  name: string;
  label: string;
  key: string | null;
  keyLabel: string | null;
  total: number | null;
  previousTotal: number | null;
  points: Point[];
}
interface Figures {
  from: string;
  to: string;
  previousFrom: string;
  previousTo: string;
  figures: Figure[];
}

const FIGURES = `query StaffUsageFigures($p: ReportPeriodInput!, $m: String!) { usageFigures(period: $p, municipalityCode: $m, bucket: MONTH) {
  from to previousFrom previousTo figures { name label key keyLabel total previousTotal points { start value } } } }`;
const REPORT =
  'query StaffImplementationReport($p: ReportPeriodInput!, $f: ReportForm!, $x: ReportFormat) { implementationReport(period: $p, form: $f, format: $x) { url } }';

/** Figures shown as cards and monthly charts, in this order (absent ones — a module not installed — are left out). */
const KEY_FIGURES = ['chat.sessions', 'chat.urgent', 'chat.handoffs', 'intake.submitted', 'record.created', 'chat.ratingAverage'];
const DATE = /^\d{4}-\d{2}-\d{2}$/;

const fmt = (n: number | null, lang: number) => (n === null ? '－' : n.toLocaleString(lang === 1 ? 'en-GB' : 'ja-JP', { maximumFractionDigits: 2 }));
const monthOf = (iso: string, lang: number) => (lang === 1 ? iso.slice(0, 7) : `${Number(iso.slice(0, 4))}年${Number(iso.slice(5, 7))}月`);
const dayOf = (iso: string, lang: number) => (lang === 1 ? iso : `${Number(iso.slice(0, 4))}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`);

/**
 * `<staff-dashboard>` (supervisors and admins of the owning department): the usage figures of a
 * period as cards, monthly bar charts and breakdowns by channel and department, each chart with a
 * table of the same numbers; and the 別紙1/別紙2/CSV downloads for the period. Charts are plain SVG
 * drawn here (no chart library: the staff bundle's budget, and full control of the accessible names).
 */
export class StaffDashboard extends StaffView {
  static override styles = [
    base,
    viewStyles,
    css`
      .cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 13rem), 1fr)); gap: 0.75rem; margin: 0 0 1rem; }
      .card .big { font-size: 1.75rem; font-weight: 700; margin: 0; }
      .charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 24rem), 1fr)); gap: 1rem; }
      figure { margin: 0; border: 1px solid #d0d0d0; border-radius: 6px; padding: 0.75rem; }
      figcaption { font-weight: 600; margin: 0 0 0.5rem; }
      svg { width: 100%; height: auto; display: block; }
      .bar { fill: var(--primary); }
      .prev { fill: #767676; }
      .axis { stroke: #767676; stroke-width: 1; }
      svg text { font-size: 11px; fill: #1a1a1a; }
      details { margin-top: 0.5rem; }
      summary { min-height: 44px; display: flex; align-items: center; cursor: pointer; color: var(--primary); font-weight: 600; }
      .legend { display: flex; gap: 1rem; font-size: 0.875rem; margin: 0.25rem 0; }
      .swatch { display: inline-block; width: 0.875rem; height: 0.875rem; vertical-align: middle; margin-right: 0.25rem; }
      .swatch.bar { background: var(--primary); }
      .swatch.prev { background: #767676; }
      td.num, th.num { text-align: end; }
    `,
  ];
  static override properties = {
    ...StaffView.properties,
    data: { state: true },
    error: { state: true },
    busy: { state: true },
    from: { state: true },
    to: { state: true },
  };
  declare data: Figures | null;
  declare error: string;
  declare busy: boolean;
  declare from: string;
  declare to: string;
  private started = false;
  /** The API refused the figures to this staff member (FORBIDDEN): only the sentence saying who may use the page is shown. */
  private refused = false;

  constructor() {
    super();
    const fy = fiscalYear(new Date(Date.now() + 9 * 3600_000).toISOString().slice(0, 10));
    this.data = null;
    this.error = '';
    this.busy = false;
    this.from = fy.from;
    this.to = fy.to;
  }

  private d(key: DKey, ...args: (string | number)[]): string {
    let s = col(D[key], this.locale);
    for (const a of args) s = s.replace('%', String(a));
    return s;
  }

  protected override willUpdate(): void {
    if (!this.started && this.api && this.me) {
      this.started = true;
      void this.load();
    }
  }

  private async load(): Promise<void> {
    if (!DATE.test(this.from) || !DATE.test(this.to) || this.to < this.from) {
      this.error = this.d('badPeriod');
      this.announce(this.error, true);
      return;
    }
    this.busy = true;
    this.error = '';
    try {
      this.data = (await this.api.q<{ usageFigures: Figures }>(FIGURES, { p: { from: this.from, to: this.to }, m: this.me.municipalityCode })).usageFigures;
      this.announce(this.d('shown', this.from, this.to));
    } catch (e) {
      this.data = null;
      this.refused = e instanceof ApiError && e.code === 'FORBIDDEN';
      this.error = this.refused ? this.d('forbidden') : this.errorText(e);
      this.announce(this.error, true);
    } finally {
      this.busy = false;
    }
  }

  private preset(back: number): void {
    const fy = fiscalYear(new Date(Date.now() + 9 * 3600_000).toISOString().slice(0, 10), back);
    this.from = fy.from;
    this.to = fy.to;
    void this.load();
  }

  private async download(form: 'REPORT' | 'PLAN', format: 'DOCX' | 'CSV'): Promise<void> {
    try {
      const { url } = (await this.api.q<{ implementationReport: { url: string } }>(REPORT, { p: { from: this.from, to: this.to }, f: form, x: format }))
        .implementationReport;
      // The link is short-lived and signed; the browser downloads it (Content-Disposition: attachment).
      const a = document.createElement('a');
      a.href = url;
      a.download = '';
      a.click();
      this.announce(this.d('downloading'));
    } catch (e) {
      this.announce(this.errorText(e), true);
    }
  }

  private monthly(f: Figure, id: string) {
    const W = 360,
      H = 160,
      L = 8,
      B = 22,
      T = 8;
    const values = f.points.map((p) => p.value ?? 0);
    const max = Math.max(1, ...values);
    const step = (W - L * 2) / Math.max(1, f.points.length);
    const top = f.points.reduce((a, p) => ((p.value ?? -1) > (a.value ?? -1) ? p : a), f.points[0] ?? { start: this.from, value: null });
    const name = this.d('chartMonthly', f.label, fmt(top.value, this.locale), monthOf(top.start, this.locale));
    return html`<figure aria-labelledby="${id}-c">
      <figcaption id="${id}-c">${f.label}</figcaption>
      <svg viewBox="0 0 ${W} ${H}" role="img" aria-label=${name}>
        ${f.points.map((p, i) => {
          const h = ((p.value ?? 0) / max) * (H - B - T);
          return svg`<rect class="bar" x=${L + i * step + step * 0.15} y=${H - B - h} width=${step * 0.7} height=${h}></rect>
            ${i % 2 === 0 || f.points.length <= 6 ? svg`<text x=${L + i * step + step / 2} y=${H - 6} text-anchor="middle">${Number(p.start.slice(5, 7))}${this.locale === 1 ? '' : '月'}</text>` : nothing}`;
        })}
        <line class="axis" x1=${L} x2=${W - L} y1=${H - B} y2=${H - B}></line>
      </svg>
      <details><summary>${this.d('asTable', f.label)}</summary>
        <table><thead><tr><th scope="col">${this.d('month')}</th><th scope="col" class="num">${this.d('count')}</th></tr></thead>
          <tbody>${f.points.map((p) => html`<tr><th scope="row">${monthOf(p.start, this.locale)}</th><td class="num">${fmt(p.value, this.locale)}</td></tr>`)}</tbody>
        </table>
      </details>
    </figure>`;
  }

  private breakdown(title: string, rows: Figure[], id: string) {
    if (rows.length === 0) return html`<figure aria-labelledby="${id}-c"><figcaption id="${id}-c">${title}</figcaption><p>${this.d('none')}</p></figure>`;
    const W = 360,
      LBL = 130,
      RH = 26;
    const H = rows.length * RH + 4;
    const max = Math.max(1, ...rows.flatMap((r) => [r.total ?? 0, r.previousTotal ?? 0]));
    const span = W - LBL - 40;
    return html`<figure aria-labelledby="${id}-c">
      <figcaption id="${id}-c">${title}</figcaption>
      <p class="legend" aria-hidden="true"><span><span class="swatch bar"></span>${this.d('current')}</span><span><span class="swatch prev"></span>${this.d('previous')}</span></p>
      <svg viewBox="0 0 ${W} ${H}" role="img" aria-label=${this.d('chartBreakdown', title)}>
        ${rows.map((r, i) => {
          const y = i * RH + 2;
          const now = ((r.total ?? 0) / max) * span;
          const before = ((r.previousTotal ?? 0) / max) * span;
          return svg`<text x=${LBL - 6} y=${y + 15} text-anchor="end">${r.keyLabel ?? r.key}</text>
            <rect class="bar" x=${LBL} y=${y + 2} width=${now} height="11"></rect>
            <rect class="prev" x=${LBL} y=${y + 14} width=${before} height="7"></rect>
            <text x=${LBL + now + 4} y=${y + 12}>${fmt(r.total, this.locale)}</text>`;
        })}
      </svg>
      <details><summary>${this.d('asTable', title)}</summary>
        <table><thead><tr><th scope="col">${this.d('item')}</th><th scope="col" class="num">${this.d('current')}</th><th scope="col" class="num">${this.d('previous')}</th></tr></thead>
          <tbody>${rows.map((r) => html`<tr><th scope="row">${r.keyLabel ?? r.key}</th><td class="num">${fmt(r.total, this.locale)}</td><td class="num">${fmt(r.previousTotal, this.locale)}</td></tr>`)}</tbody>
        </table>
      </details>
    </figure>`;
  }

  override render() {
    const d = this.data;
    const totals = (name: string) => d?.figures.find((f) => f.name === name && f.key === null);
    const keys = (name: string) => d?.figures.filter((f) => f.name === name && f.key !== null) ?? [];
    const shown = KEY_FIGURES.map(totals).filter((f): f is Figure => !!f);
    // Refused (a caseworker opening #/dashboard by address): the one sentence that says who may use the
    // page, not a period form that can only fail again (trial T14).
    if (this.refused) return html`<h1 tabindex="-1">${this.d('heading')}</h1><p class="error" role="alert">${this.error}</p>`;
    return html`
      <h1 tabindex="-1">${this.d('heading')}</h1>
      <p>${this.d('intro')}</p>
      <form class="filters" @submit=${(e: Event) => (e.preventDefault(), void this.load())} novalidate>
        <fieldset><legend>${this.d('period')}</legend>
          <div class="actions">
            <label for="from">${this.d('from')}</label><input id="from" type="date" required .value=${this.from} @input=${(e: Event) => (this.from = (e.target as HTMLInputElement).value)} />
            <label for="to">${this.d('to')}</label><input id="to" type="date" required .value=${this.to} @input=${(e: Event) => (this.to = (e.target as HTMLInputElement).value)} />
            <button class="primary" type="submit" ?disabled=${this.busy}>${this.d('show')}</button>
            <button type="button" @click=${() => this.preset(0)}>${this.d('thisYear')}</button>
            <button type="button" @click=${() => this.preset(1)}>${this.d('lastYear')}</button>
          </div>
        </fieldset>
      </form>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${!d && !this.error ? html`<p>${this.d('loading')}</p>` : nothing}
      ${
        d
          ? html`
            <h2>${this.d('key')}</h2>
            <p class="shown-period">${this.d('showing', dayOf(d.from, this.locale), dayOf(d.to, this.locale), dayOf(d.previousFrom, this.locale), dayOf(d.previousTo, this.locale))}</p>
            <ul class="plain cards">
              ${shown.map(
                (f) => html`<li class="card"><p>${f.label}</p><p class="big">${fmt(f.total, this.locale)}</p>
                <p class="muted">${this.d('previous')} ${fmt(f.previousTotal, this.locale)}</p></li>`,
              )}
            </ul>
            <h2>${this.d('byMonth')}</h2>
            <div class="charts">${shown.filter((f) => f.name !== 'chat.ratingAverage').map((f, i) => this.monthly(f, `m${i}`))}</div>
            <h2>${this.d('byChannel')}</h2>
            <div class="charts">${this.breakdown(totals('consultation.byChannel')?.label ?? this.d('byChannel'), keys('consultation.byChannel'), 'ch')}</div>
            <h2>${this.d('byDepartment')}</h2>
            <div class="charts">
              ${(['record.consents', 'audit.crossDepartmentReads', 'consultation.byDepartment'] as const).filter((n) => totals(n)).map((n, i) => this.breakdown(totals(n)!.label, keys(n), `d${i}`))}
            </div>
            <h2>${this.d('reports')}</h2>
            <p>${this.d('reportsIntro')}</p>
            <div class="actions">
              <button type="button" @click=${() => this.download('REPORT', 'DOCX')}>${this.d('report')}</button>
              <button type="button" @click=${() => this.download('PLAN', 'DOCX')}>${this.d('plan')}</button>
              <button type="button" @click=${() => this.download('REPORT', 'CSV')}>${this.d('csv')}</button>
            </div>
          `
          : nothing
      }
    `;
  }
}
