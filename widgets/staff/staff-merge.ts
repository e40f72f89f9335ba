import { html, nothing } from 'lit';
import { col, label } from './i18n.js';
import { MERGE, TABLE_NAMES, type MergeKey } from './merge-texts.js';
import { MERGE_PREVIEW, MERGE_RECORDS, type MergeField, type MergePreview } from './merge-queries.js';
import { base, viewStyles } from './staff.styles.js';
import { StaffView } from './view-base.js';

/** Field names of the API whose label in i18n.ts has another key. */
const FIELD_KEYS: Record<string, string> = { city: 'cityField', email: 'emailField' };
const enumOf = (code: string) => code.toUpperCase().replace(/-/g, '_');

/**
 * `<staff-merge>` (`#/records/<survivor>/merge/<other>`, from the possible-duplicates panel; owning
 * department): the merge preview field by field — both values, the result and where it comes from — the
 * rows that move or stay linked, the consent after the merge, then a confirmation and the merge.
 */
export class StaffMerge extends StaffView {
  static override styles = [base, viewStyles];
  static override properties = {
    ...StaffView.properties,
    survivorId: { attribute: false },
    mergedId: { attribute: false },
    preview: { state: true },
    error: { state: true },
    busy: { state: true },
    confirmed: { state: true },
    done: { state: true },
  };
  declare survivorId: string;
  declare mergedId: string;
  declare preview: MergePreview | null;
  declare error: string;
  declare busy: boolean;
  declare confirmed: boolean;
  declare done: { id: string; ref: string } | null;
  private loadedFor = '';

  constructor() {
    super();
    this.preview = null;
    this.error = '';
    this.busy = false;
    this.confirmed = false;
    this.done = null;
  }

  private m(key: MergeKey, ...args: (string | number)[]): string {
    let s: string = col(MERGE[key], this.locale);
    for (const a of args) s = s.replace('%', String(a));
    return s;
  }

  protected override willUpdate(): void {
    const key = `${this.survivorId}/${this.mergedId}`;
    if (this.survivorId && this.mergedId && this.api && this.loadedFor !== key) {
      this.loadedFor = key;
      this.preview = null;
      this.error = '';
      this.confirmed = false;
      this.done = null;
      void this.api.q<{ mergePreview: MergePreview }>(MERGE_PREVIEW, { input: { survivorId: this.survivorId, mergedId: this.mergedId } }).then(
        (d) => (this.preview = d.mergePreview),
        (e: unknown) => (this.error = this.errorText(e)),
      );
    }
  }

  private async merge(): Promise<void> {
    const p = this.preview;
    if (!p || !this.confirmed) return;
    this.busy = true;
    this.error = '';
    try {
      const { mergeRecords } = await this.api.q<{ mergeRecords: { survivorId: string; survivorReferenceNumber: string } }>(MERGE_RECORDS, {
        input: { survivorId: p.survivorId, mergedId: p.mergedId, survivorVersion: p.survivorVersion, mergedVersion: p.mergedVersion },
      });
      this.done = { id: mergeRecords.survivorId, ref: mergeRecords.survivorReferenceNumber };
      this.announce(this.m('doneAnnounce', mergeRecords.survivorReferenceNumber));
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#merge-done a')?.focus();
    } catch (e) {
      this.error = this.errorText(e);
      this.announce(this.error, true);
    } finally {
      this.busy = false;
    }
  }

  private value(v: string | null, f: MergeField): string {
    if (v == null) return this.m('empty');
    if (v === 'true') return this.m('yes');
    if (v === 'false') return this.m('no');
    if (f.field === 'categories')
      return v
        .split(', ')
        .map((c) => label(this.locale, enumOf(c)))
        .join('、');
    return v;
  }

  private fieldLabel(f: MergeField): string {
    return label(this.locale, FIELD_KEYS[f.field] ?? f.field);
  }

  private renderFields(p: MergePreview) {
    const shown = p.fields.filter((f) => f.source !== 'EMPTY');
    return html`<table id="merge-fields">
      <caption class="visually-hidden">${this.m('fieldsHeading')}</caption>
      <thead><tr><th scope="col">${this.m('section')}</th><th scope="col">${this.m('field')}</th><th scope="col">${this.m('survivor')} ${p.survivorReferenceNumber}</th>
        <th scope="col">${this.m('merged')} ${p.mergedReferenceNumber}</th><th scope="col">${this.m('result')}</th><th scope="col">${this.m('from')}</th></tr></thead>
      <tbody>
        ${shown.map(
          (f) => html`<tr data-field=${`${f.section}.${f.field}`} data-source=${f.source}>
          <td>${label(this.locale, f.section)}</td><th scope="row">${this.fieldLabel(f)}</th>
          <td>${this.value(f.survivorValue, f)}</td><td>${this.value(f.otherValue, f)}</td>
          <td><strong>${this.value(f.result, f)}</strong></td><td>${this.m(f.source)}</td>
        </tr>`,
        )}
      </tbody>
    </table>`;
  }

  private renderRows(p: MergePreview) {
    if (p.rows.length === 0) return html`<p>${this.m('noRows')}</p>`;
    return html`<table id="merge-rows">
      <caption class="visually-hidden">${this.m('rowsHeading')}</caption>
      <thead><tr><th scope="col">${this.m('table')}</th><th scope="col">${this.m('moved')}</th><th scope="col">${this.m('keptRows')}</th></tr></thead>
      <tbody>${p.rows.map((r) => html`<tr data-table=${r.table}><th scope="row">${TABLE_NAMES[r.table]?.[this.locale === 1 ? 1 : 0] ?? r.table}</th><td>${r.moved}</td><td>${r.kept}</td></tr>`)}</tbody>
    </table>`;
  }

  override render() {
    const p = this.preview;
    const canWrite = this.me?.role !== 'VIEWER';
    const departments = (codes: string[]) =>
      codes.length ? codes.map((c) => label(this.locale, enumOf(c) === 'PARTNERS' ? 'partners' : enumOf(c))).join('、') : this.m('consentNone');
    return html`<h1>${this.m('heading')}</h1>
      <p><a href=${`#/records/${encodeURIComponent(this.survivorId)}`}>${this.m('back')}</a></p>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${!p && !this.error ? html`<p role="status">${this.t('loading')}</p>` : nothing}
      ${
        p
          ? html`<p class="muted">${this.m('intro')}</p>
            <p><a href=${`#/records/${encodeURIComponent(p.mergedId)}/merge/${encodeURIComponent(p.survivorId)}`} id="merge-swap">${this.m('swap')}</a></p>
            <section class="card" aria-labelledby="merge-fields-h">
              <h2 id="merge-fields-h">${this.m('fieldsHeading')}</h2>
              ${this.renderFields(p)}
              ${p.keptSections.length ? html`<p id="merge-kept">${this.m('kept', p.keptSections.map((s) => label(this.locale, s)).join('、'))}</p>` : nothing}
            </section>
            <section class="card" aria-labelledby="merge-rows-h">
              <h2 id="merge-rows-h">${this.m('rowsHeading')}</h2>
              ${this.renderRows(p)}
            </section>
            <section class="card" aria-labelledby="merge-consent-h">
              <h2 id="merge-consent-h">${this.m('consentHeading')}</h2>
              <p id="merge-consent">${this.m('consentResult', departments(p.sharedWith))}</p>
              <p>${this.m('partners', p.shareWithPartners ? this.m('yes') : this.m('no'))}</p>
              ${p.consentsWithdrawn.length ? html`<p>${this.m('withdrawn', departments(p.consentsWithdrawn))}</p>` : nothing}
            </section>
            ${
              this.done
                ? html`<p class="ok" id="merge-done"><a href=${`#/records/${encodeURIComponent(this.done.id)}`}>${this.m('done', this.done.ref)}</a></p>`
                : canWrite
                  ? html`<section class="card" aria-label=${this.m('mergeButton')}>
                    <p><label><input type="checkbox" id="merge-confirm" .checked=${this.confirmed} @change=${(e: Event) => (this.confirmed = (e.target as HTMLInputElement).checked)} /> ${this.m('confirm')}</label></p>
                    <button type="button" id="merge-go" ?disabled=${!this.confirmed || this.busy} @click=${() => this.merge()}>${this.m('mergeButton')}</button>
                  </section>`
                  : html`<p>${this.m('viewerNote')}</p>`
            }`
          : nothing
      }`;
  }
}
