import { css, html, nothing } from 'lit';
import { ApiError } from './api.js';
import { formatDateTime } from './i18n.js';
import { FX, type FxKey, fiscalMonths, normaliseCount, selectableMonths } from './figure-input-texts.js';
import { MANUAL, type ManualFigures, PREVIEW, type PreviewLine, SAVE_MANUAL } from './figure-input-queries.js';
import { base, viewStyles } from './staff.styles.js';
import { StaffView } from './view-base.js';

const japanToday = () => new Date(Date.now() + 9 * 3600_000).toISOString().slice(0, 10);

/**
 * `<staff-figure-input>` (supervisors and admins of the owning department): the figures the system
 * cannot count, entered per month (`saveManualFigures`), each with who entered it and when; the fiscal
 * year's entries as a table; and the preview of 別紙2「4 事業の効果」 with each line's source — counted
 * by the system or entered by staff. Values are checked here first (0 to the API's maximum, full-width
 * digits accepted) and again by the API, whose field errors land on the same fields.
 */
export class StaffFigureInput extends StaffView {
  static override styles = [
    base,
    viewStyles,
    css`
      .fields { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 22rem), 1fr)); gap: 0 1.5rem; }
      input.count { max-width: 10rem; }
      td.num, th.num { text-align: end; }
      .indent { padding-inline-start: 1.5rem; }
    `,
  ];
  static override properties = {
    ...StaffView.properties,
    month: { state: true },
    data: { state: true },
    preview: { state: true },
    drafts: { state: true },
    errors: { state: true },
    loadError: { state: true },
    busy: { state: true },
  };
  declare month: string;
  declare data: ManualFigures | null;
  declare preview: { from: string; to: string; previousFrom: string; previousTo: string; figures: PreviewLine[] } | null;
  declare drafts: Record<string, string>;
  /** figure name → message */
  declare errors: Record<string, string>;
  declare loadError: string;
  declare busy: boolean;
  private started = false;

  constructor() {
    super();
    // Figures are usually entered after the month: last month first.
    const months = selectableMonths(`${japanToday().slice(0, 7)}-01`);
    this.month = months[1] ?? months[0]!;
    this.data = null;
    this.preview = null;
    this.drafts = {};
    this.errors = {};
    this.loadError = '';
    this.busy = false;
  }

  private x(key: FxKey, ...args: (string | number)[]): string {
    let s: string = FX[key][this.locale];
    for (const a of args) s = s.replace('%', String(a));
    return s;
  }

  private monthName(iso: string): string {
    return this.x('monthName', iso.slice(0, 4), this.locale === 0 ? Number(iso.slice(5, 7)) : iso.slice(5, 7));
  }

  private fiscal(): { from: string; to: string; year: number } {
    const y = Number(this.month.slice(0, 4)) - (this.month.slice(5, 7) < '04' ? 1 : 0);
    return { from: `${y}-04-01`, to: `${y + 1}-03-31`, year: y };
  }

  protected override willUpdate(): void {
    if (!this.started && this.api && this.me) {
      this.started = true;
      void this.load();
    }
  }

  private entry(figure: string) {
    return this.data?.entries.find((e) => e.month === this.month && e.figure === figure);
  }

  private resetDrafts(): void {
    this.drafts = Object.fromEntries((this.data?.definitions ?? []).map((d) => [d.name, String(this.entry(d.name)?.value ?? '')]));
    this.errors = {};
  }

  private async load(): Promise<void> {
    this.loadError = '';
    const fy = this.fiscal();
    try {
      this.data = (await this.api.q<{ manualFigures: ManualFigures }>(MANUAL, { p: { from: fy.from, to: fy.to } })).manualFigures;
      this.resetDrafts();
      await this.loadPreview();
    } catch (e) {
      this.data = null;
      this.loadError = e instanceof ApiError && e.code === 'FORBIDDEN' ? this.x('forbidden') : this.errorText(e);
      this.announce(this.loadError, true);
    }
  }

  private async loadPreview(): Promise<void> {
    const fy = this.fiscal();
    const today = japanToday();
    this.preview = (
      await this.api.q<{ usageFigures: NonNullable<StaffFigureInput['preview']> }>(PREVIEW, {
        p: { from: fy.from, to: fy.to < today ? fy.to : today },
        m: this.me.municipalityCode,
      })
    ).usageFigures;
  }

  private pick(e: Event): void {
    this.month = (e.target as HTMLSelectElement).value;
    void this.load();
  }

  private async save(e: Event): Promise<void> {
    e.preventDefault();
    if (this.busy || !this.data) return;
    const max = this.data.maxValue;
    const errors: Record<string, string> = {};
    const values: { figure: string; value: number | null }[] = [];
    for (const d of this.data.definitions) {
      const raw = normaliseCount(this.drafts[d.name] ?? '');
      if (raw !== '' && (!/^\d+$/.test(raw) || Number(raw) > max))
        errors[d.name] = this.x('notNumber', max.toLocaleString(this.locale === 0 ? 'ja-JP' : 'en-GB'));
      const value = raw === '' ? null : Number(raw);
      if ((this.entry(d.name)?.value ?? null) !== value) values.push({ figure: d.name, value });
    }
    this.errors = errors;
    if (Object.keys(errors).length > 0) return this.showErrors();
    if (values.length === 0) return this.announce(this.x('unchanged'));
    this.busy = true;
    try {
      const saved = (await this.api.q<{ saveManualFigures: ManualFigures }>(SAVE_MANUAL, { i: { month: this.month, values } })).saveManualFigures;
      this.data = { ...this.data, entries: [...this.data.entries.filter((x) => x.month !== this.month), ...saved.entries] };
      this.resetDrafts();
      this.announce(this.x('saved', this.monthName(this.month)));
      await this.loadPreview();
    } catch (err) {
      // The API names the field: input.values.<i>.value → the i-th figure sent.
      const problems =
        err instanceof ApiError ? err.errors.flatMap((x) => (x.extensions?.problems as { field: string; message: string }[] | undefined) ?? []) : [];
      const byField: Record<string, string> = {};
      for (const p of problems) {
        const m = /^input\.values\.(\d+)\./.exec(p.field);
        const figure = m ? values[Number(m[1])]?.figure : undefined;
        if (figure) byField[figure] = p.message;
      }
      this.errors = byField;
      if (Object.keys(byField).length > 0) void this.showErrors();
      else this.announce(this.errorText(err), true);
    } finally {
      this.busy = false;
    }
  }

  private async showErrors(): Promise<void> {
    this.announce(this.x('errorsFound', Object.keys(this.errors).length), true);
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }

  private fmt(n: number | null): string {
    return n === null ? '－' : n.toLocaleString(this.locale === 0 ? 'ja-JP' : 'en-GB', { maximumFractionDigits: 2 });
  }

  private who(figure: string) {
    const e = this.entry(figure);
    if (!e) return this.x('notEntered');
    const at = formatDateTime(e.enteredAt, this.locale);
    return e.enteredBy ? this.x('enteredBy', e.enteredBy, at) : this.x('enteredByUnknown', at);
  }

  private form(d: ManualFigures) {
    const id = (name: string) => name.replace('manual.', 'f-');
    return html`<form class="card" aria-labelledby="month-h" @submit=${this.save} novalidate>
      <h2 id="month-h">${this.x('figuresOf', this.monthName(this.month))}</h2>
      <p class="muted">${this.x('emptyClears')}</p>
      <div class="fields">
        ${d.definitions.map((f) => {
          const err = this.errors[f.name];
          return html`<div class="field">
            <label for=${id(f.name)}>${f.label}</label>
            <p class="muted" id="${id(f.name)}-hint">${f.hint}</p>
            <input id=${id(f.name)} class="count" type="text" inputmode="numeric" autocomplete="off" .value=${this.drafts[f.name] ?? ''}
              aria-invalid=${err ? 'true' : 'false'} aria-describedby="${id(f.name)}-hint ${id(f.name)}-who${err ? ` ${id(f.name)}-error` : ''}"
              @input=${(e: Event) => (this.drafts = { ...this.drafts, [f.name]: (e.target as HTMLInputElement).value })} />
            ${err ? html`<p class="error" id="${id(f.name)}-error">${err}</p>` : nothing}
            <p class="muted" id="${id(f.name)}-who">${this.who(f.name)}</p>
          </div>`;
        })}
      </div>
      <div class="actions"><button class="primary" type="submit" ?disabled=${this.busy}>${this.busy ? this.x('saving') : this.x('save')}</button></div>
    </form>`;
  }

  private yearTable(d: ManualFigures) {
    const fy = this.fiscal();
    const months = fiscalMonths(this.month, `${japanToday().slice(0, 7)}-01`);
    const value = (m: string, f: string) => d.entries.find((e) => e.month === m && e.figure === f)?.value ?? null;
    return html`<h2 id="year-h">${this.x('yearTable', fy.year)}</h2>
      <div class="table-wrap" tabindex="0" role="region" aria-labelledby="year-h">
        <table>
          <thead><tr><th scope="col">${this.x('month')}</th>${d.definitions.map((f) => html`<th scope="col" class="num">${f.label}</th>`)}</tr></thead>
          <tbody>${months.map((m) => html`<tr><th scope="row">${this.monthName(m)}</th>${d.definitions.map((f) => html`<td class="num">${value(m, f.name) === null ? '－' : this.fmt(value(m, f.name))}</td>`)}</tr>`)}</tbody>
        </table>
      </div>`;
  }

  private previewTable() {
    const p = this.preview;
    if (!p) return html`<p>${this.x('loading')}</p>`;
    return html`<h2 id="preview-h">${this.x('previewHeading')}</h2>
      <p>${this.x('previewIntro', p.from, p.to)}</p>
      <div class="table-wrap" tabindex="0" role="region" aria-labelledby="preview-h">
        <table class="preview">
          <thead><tr><th scope="col">${this.x('item')}</th><th scope="col" class="num">${this.x('current')}</th><th scope="col" class="num">${this.x('previous')}</th><th scope="col">${this.x('source')}</th></tr></thead>
          <tbody>${p.figures.map(
            (l) => html`<tr>
            <th scope="row" class=${l.key === null ? '' : 'indent'}>${l.keyLabel ?? l.label}</th>
            <td class="num">${this.fmt(l.total)}</td><td class="num">${this.fmt(l.previousTotal)}</td>
            <td>${l.origin === 'ENTERED' ? html`<strong>${this.x('entered')}</strong>` : this.x('counted')}</td></tr>`,
          )}</tbody>
        </table>
      </div>`;
  }

  override render() {
    const d = this.data;
    const months = selectableMonths(`${japanToday().slice(0, 7)}-01`);
    return html`
      <h1 tabindex="-1">${this.x('heading')}</h1>
      <p>${this.x('intro')}</p>
      ${
        this.loadError
          ? html`<p class="error" role="alert">${this.loadError}</p>`
          : html`<div class="filters field">
              <label for="month">${this.x('month')}</label>
              <p class="muted" id="month-hint">${this.x('monthHint')}</p>
              <select id="month" aria-describedby="month-hint" @change=${this.pick}>
                ${months.map((m) => html`<option value=${m} ?selected=${m === this.month}>${this.monthName(m)}</option>`)}
              </select>
            </div>
            ${d ? html`${this.form(d)} ${this.yearTable(d)} ${this.previewTable()}` : html`<p>${this.x('loading')}</p>`}`
      }
    `;
  }
}
