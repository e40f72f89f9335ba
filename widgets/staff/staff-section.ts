import { html, nothing, type TemplateResult } from 'lit';
import { ApiError } from './api.js';
import { formatDateTime, label, yenAmount } from './i18n.js';
import { UPDATE_SECTION, type Access, type RecordData, type SectionName } from './queries.js';
import { FIELDS, INPUT_KEY, draftOf, inputOf, toInt, valueOf, type Draft, type Field } from './sections.js';
import { base, viewStyles } from './staff.styles.js';
import { StaffView } from './view-base.js';

/**
 * `<staff-section>`: one section of a record. Readable: its fields; not readable: a plain notice
 * with the API's reason (権限がありません / 本人の同意がありません / DV等支援措置のため非表示) and nothing
 * else. Writable (per `access`): an edit form saved with `updateRecordSection` and the record's
 * version; a CONFLICT keeps the input and offers to load the latest version. Fires
 * `record-changed` (detail: the updated record) and `record-reload`.
 */
export class StaffSection extends StaffView {
  static override styles = [base, viewStyles];
  static override properties = {
    ...StaffView.properties,
    section: {},
    access: { attribute: false },
    record: { attribute: false },
    editing: { state: true },
    draft: { state: true },
    error: { state: true },
    errorField: { state: true },
    conflict: { state: true },
    busy: { state: true },
    programmes: { attribute: false },
  };
  declare section: SectionName;
  /** programme id → name, for benefits */
  declare programmes: Map<string, string>;
  declare access: Access;
  declare record: RecordData;
  declare editing: boolean;
  declare draft: Draft;
  declare error: string;
  declare errorField: string;
  declare conflict: boolean;
  declare busy: boolean;

  constructor() {
    super();
    this.editing = false;
    this.draft = {};
    this.error = '';
    this.errorField = '';
    this.conflict = false;
    this.busy = false;
    this.programmes = new Map();
  }

  private fid(...parts: (string | number)[]): string {
    return [this.section.toLowerCase(), ...parts].join('-');
  }

  private edit(): void {
    this.draft = draftOf(this.record, this.section);
    this.editing = true;
    this.error = '';
    this.conflict = false;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('input:not([type=hidden]), select, textarea')?.focus());
  }

  private cancel(): void {
    this.editing = false;
    this.error = '';
    this.conflict = false;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.edit')?.focus());
  }

  private set(key: string, value: unknown): void {
    this.draft = { ...this.draft, [key]: value };
  }
  private setRow(list: string, i: number, key: string, value: unknown): void {
    const rows = [...((this.draft[list] as Draft[]) ?? [])];
    rows[i] = { ...rows[i], [key]: value };
    this.set(list, rows);
  }

  private async save(e: Event): Promise<void> {
    e.preventDefault();
    const key = INPUT_KEY[this.section]!;
    // Amounts and years must be whole numbers (full-width digits, commas and 円 are fine).
    const bad = (FIELDS[this.section] ?? []).find((f) => (f.type === 'int' || f.type === 'yen') && Number.isNaN(toInt(this.draft[f.key])));
    if (bad) {
      this.error = this.t('notNumber', this.t(bad.label));
      this.errorField = bad.key;
      this.conflict = false;
      this.announce(this.error, true);
      this.renderRoot.querySelector<HTMLElement>(`#${this.fid(bad.key)}`)?.focus();
      return;
    }
    this.busy = true;
    this.error = '';
    this.errorField = '';
    this.conflict = false;
    this.announce(this.t('saving'));
    try {
      const data = await this.api.q<{ updateRecordSection: RecordData }>(UPDATE_SECTION, {
        input: { id: this.record.id, expectedVersion: this.record.version, [key]: inputOf(this.section, this.draft) },
      });
      this.editing = false;
      this.dispatchEvent(new CustomEvent('record-changed', { detail: data.updateRecordSection, bubbles: true, composed: true }));
      this.announce(this.t('saved'));
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.edit')?.focus());
    } catch (err) {
      if (err instanceof ApiError && err.code === 'CONFLICT') {
        this.conflict = true;
        this.error = this.t('conflict');
      } else {
        this.error = this.errorText(err);
        const field = err instanceof ApiError ? err.field : undefined;
        // input.income.otherIncome → otherIncome; input.household.children[0].birthDate → children-0-birthDate
        this.errorField = field
          ? field
              .replace(/^input\.[A-Za-z]+/, '')
              .replace(/\[(\d+)\]/g, '.$1')
              .replace(/^\./, '')
              .replace(/\./g, '-')
          : '';
      }
      this.announce(this.error, true);
    } finally {
      this.busy = false;
    }
  }

  private reload(): void {
    this.dispatchEvent(new CustomEvent('record-reload', { bubbles: true, composed: true }));
  }

  protected override willUpdate(changed: Map<string, unknown>): void {
    const before = changed.get('record') as RecordData | undefined;
    if (before && this.record && before.version !== this.record.version && this.conflict) {
      // The latest version is here: the kept input can be saved on top of it now.
      this.conflict = false;
      this.error = '';
    }
  }

  // ---- display ----------------------------------------------------------------------------------
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
        return html`${(v as string[]).map((c) => html`<span class="badge">${label(this.locale, c)}</span>`)}`;
      case 'list': {
        const rows = v as Draft[];
        if (rows.length === 0) return this.t('empty');
        return html`<ul class="plain">
          ${rows.map(
            (row) =>
              html`<li>${(f.fields ?? [])
                .filter((s) => row[s.key] != null && row[s.key] !== '')
                .map((s, i) => html`${i ? ' · ' : ''}<span>${this.t(s.label)}: ${this.show(s, row[s.key])}</span>`)}</li>`,
          )}
        </ul>`;
      }
      default:
        return String(v);
    }
  }

  private display(): TemplateResult {
    const value = valueOf(this.record, this.section) ?? {};
    const consent = this.section === 'CONSENT' ? this.record.consent : null;
    return html`
      <dl>
        ${(FIELDS[this.section] ?? []).map((f) => html`<dt>${this.t(f.label)}</dt><dd>${this.show(f, value[f.key])}</dd>`)}
      </dl>
      ${
        consent && consent.history.length
          ? html`<details>
            <summary>${this.t('consentHistory')}</summary>
            <ul>
              ${consent.history.map((h) => html`<li>${formatDateTime(h.at, this.locale)} ${h.target === 'partners' ? this.t('partners') : label(this.locale, h.target.toUpperCase().replace(/-/g, '_'))}: ${h.granted ? this.t('granted') : this.t('withdrawn')} (${h.privacyNoticeVersion})</li>`)}
            </ul>
          </details>`
          : nothing
      }
    `;
  }

  // ---- editing ----------------------------------------------------------------------------------
  private control(f: Field, id: string, value: unknown, onChange: (v: unknown) => void): TemplateResult {
    const invalid = this.errorField && id.endsWith(`-${this.errorField}`) ? 'true' : 'false';
    const describedBy = invalid === 'true' ? this.fid('error') : nothing;
    if (f.key === 'programmeId' && this.programmes.size > 0) {
      const known = this.programmes.has(String(value ?? ''));
      return html`<div class="field"><label for=${id}>${this.t(f.label)}</label>
        <select id=${id} aria-invalid=${invalid} aria-describedby=${describedBy} @change=${(e: Event) => onChange((e.target as HTMLSelectElement).value)}>
          <option value="" ?selected=${!value}>—</option>
          ${value && !known ? html`<option value=${String(value)} selected>${String(value)}</option>` : nothing}
          ${[...this.programmes].map(([pid, name]) => html`<option value=${pid} ?selected=${value === pid}>${name}</option>`)}
        </select></div>`;
    }
    switch (f.type) {
      case 'bool':
        return html`<label class="check" for=${id}><input id=${id} type="checkbox" .checked=${value === true} @change=${(e: Event) => onChange((e.target as HTMLInputElement).checked)} />${this.t(f.label)}</label>`;
      case 'multi': {
        const selected = new Set(value as string[]);
        return html`<fieldset>
          <legend>${this.t(f.label)}</legend>
          <div class="checks">
            ${(f.options ?? []).map(
              (o) => html`<label class="check" for=${`${id}-${o}`}><input id=${`${id}-${o}`} type="checkbox" value=${o} .checked=${selected.has(o)}
                @change=${(e: Event) => {
                  const next = new Set(selected);
                  if ((e.target as HTMLInputElement).checked) next.add(o);
                  else next.delete(o);
                  onChange((f.options ?? []).filter((x) => next.has(x)));
                }} />${label(this.locale, o)}</label>`,
            )}
          </div>
        </fieldset>`;
      }
      case 'select':
      case 'tri':
        return html`<div class="field"><label for=${id}>${this.t(f.label)}</label>
          <select id=${id} @change=${(e: Event) => onChange((e.target as HTMLSelectElement).value)}>
            <option value="" ?selected=${!value}>${this.t('any')}</option>
            ${(f.options ?? []).map((o) => html`<option value=${o} ?selected=${value === o}>${label(this.locale, o)}</option>`)}
          </select></div>`;
      case 'textarea':
        return html`<div class="field"><label for=${id}>${this.t(f.label)}</label>
          <textarea id=${id} .value=${String(value ?? '')} aria-invalid=${invalid} aria-describedby=${describedBy} @input=${(e: Event) => onChange((e.target as HTMLTextAreaElement).value)}></textarea></div>`;
      default: {
        const type = f.type === 'date' ? 'date' : f.type === 'tel' ? 'tel' : f.type === 'email' ? 'email' : 'text';
        const mode = f.type === 'int' || f.type === 'yen' ? 'numeric' : nothing;
        return html`<div class="field"><label for=${id}>${this.t(f.label)}</label>
          <input id=${id} type=${type} inputmode=${mode} .value=${String(value ?? '')} aria-invalid=${invalid} aria-describedby=${describedBy}
            @input=${(e: Event) => onChange((e.target as HTMLInputElement).value)} /></div>`;
      }
    }
  }

  private form(): TemplateResult {
    const fields = (FIELDS[this.section] ?? []).filter((f) => !f.readOnly);
    return html`<form @submit=${this.save} novalidate>
      ${fields.map((f) => {
        if (f.type !== 'list') return this.control(f, this.fid(f.key), this.draft[f.key], (v) => this.set(f.key, v));
        const rows = (this.draft[f.key] as Draft[]) ?? [];
        return html`<fieldset>
          <legend>${this.t(f.label)}</legend>
          ${rows.map(
            (row, i) => html`<fieldset>
              <legend>${this.t('item', i + 1)}</legend>
              <div class="grid">${(f.fields ?? []).map((s) => this.control(s, this.fid(f.key, i, s.key), row[s.key], (v) => this.setRow(f.key, i, s.key, v)))}</div>
              <button type="button" @click=${() =>
                this.set(
                  f.key,
                  rows.filter((_, j) => j !== i),
                )}>${this.t('removeItem', i + 1)}</button>
            </fieldset>`,
          )}
          <button type="button" @click=${() => this.set(f.key, [...rows, Object.fromEntries((f.fields ?? []).map((s) => [s.key, s.type === 'bool' ? false : '']))])}>${this.t('add')}</button>
        </fieldset>`;
      })}
      ${
        this.error
          ? html`<div id=${this.fid('error')} class="error" role="alert">
            <p>${this.error}</p>
            ${this.conflict ? html`<button type="button" @click=${this.reload}>${this.t('reload')}</button>` : nothing}
          </div>`
          : nothing
      }
      <div class="actions">
        <button class="primary" type="submit" ?disabled=${this.busy}>${this.busy ? this.t('saving') : this.t('save')}</button>
        <button type="button" @click=${this.cancel}>${this.t('cancel')}</button>
      </div>
    </form>`;
  }

  override render() {
    const a = this.access;
    const title = this.t(this.section);
    return html`<section class="card" aria-labelledby="h" data-section=${this.section}>
      <h3 id="h">${title}</h3>
      ${
        !a?.readable
          ? html`<p class="notice" data-reason=${a?.reason ?? 'NOT_PERMITTED'}>${this.t(a?.reason ?? 'NOT_PERMITTED')}</p>`
          : this.editing
            ? this.form()
            : html`${this.display()}
              ${a.writable ? html`<button type="button" class="edit" aria-label=${this.t('editLabel', title)} @click=${this.edit}>${this.t('edit')}</button>` : nothing}`
      }
    </section>`;
  }
}
