import { html, nothing } from 'lit';
import { formatYen, japanDate, label, type Key, yenAmount } from './i18n.js';
import { ELIGIBILITY, type EligibilityResult, type RecordData, type RecordEligibility, type SectionName } from './queries.js';
import { base, viewStyles } from './staff.styles.js';
import { StaffView } from './view-base.js';

const FACTS: SectionName[] = ['HOUSEHOLD', 'INCOME', 'BENEFITS', 'CONCERNS'];

/**
 * `<staff-eligibility>`: eligibility at the desk — runs `recordEligibility(recordId, asOf)`, which decides
 * on the stored household (with marital status), income (with its year), benefits and concerns, using
 * only the sections the viewer may read (the others are named here as not used, with the API's reason),
 * the same mapping as re-screening; shows programme, result, amount and reasons beside the facts.
 */
export class StaffEligibility extends StaffView {
  static override styles = [base, viewStyles];
  static override properties = {
    ...StaffView.properties,
    record: { attribute: false },
    results: { state: true },
    explanation: { state: true },
    asOf: { state: true },
    error: { state: true },
    busy: { state: true },
    programmes: { attribute: false },
  };
  declare record: RecordData;
  /** programme id → name */
  declare programmes: Map<string, string>;
  declare results: EligibilityResult[] | null;
  /** How 所得額 was reached (incomeAssessment), when the income could be used. */
  declare explanation: string;
  declare asOf: string;
  declare error: string;
  declare busy: boolean;
  private ranFor = '';

  constructor() {
    super();
    this.results = null;
    this.explanation = '';
    this.asOf = japanDate(new Date().toISOString());
    this.error = '';
    this.busy = false;
    this.programmes = new Map();
  }

  protected override willUpdate(): void {
    const key = `${this.record?.id}:${this.record?.version}:${this.locale}`;
    if (this.record && this.api && key !== this.ranFor) {
      this.ranFor = key;
      void this.run();
    }
  }

  private async run(e?: Event): Promise<void> {
    e?.preventDefault();
    this.busy = true;
    this.error = '';
    try {
      const data = await this.api.q<{ recordEligibility: RecordEligibility | null }>(ELIGIBILITY, { id: this.record.id, asOf: this.asOf || null });
      this.results = data.recordEligibility?.results ?? [];
      this.explanation = data.recordEligibility?.incomeAssessment?.explanation ?? '';
      this.announce(this.t('resultsCount', this.results.length));
    } catch (err) {
      this.error = this.errorText(err);
      this.announce(this.error, true);
    } finally {
      this.busy = false;
    }
  }

  private facts() {
    const r = this.record;
    return html`<ul>
      ${FACTS.map((s) => {
        const a = r.access.find((x) => x.section === s);
        if (!a?.readable)
          return html`<li class="notice" data-reason=${a?.reason ?? 'NOT_PERMITTED'}>${this.t('factMissing', this.t(s), this.t(a?.reason ?? 'NOT_PERMITTED'))}</li>`;
        if (s === 'HOUSEHOLD') {
          const kids = r.household?.children ?? [];
          const marital = r.household?.maritalStatus;
          return html`<li>${this.t('childrenCount', kids.length)}: ${kids.map((c) => `${c.birthDate}${c.disability ? `（${this.t('disability')}）` : ''}`).join('、')}</li>
            <li>${this.t('maritalStatus')}: ${marital ? label(this.locale, marital) : this.t('empty')}</li>`;
        }
        if (s === 'INCOME') {
          const i = r.income;
          const yen = (k: Key, v: number | null | undefined) => html`<li>${this.t(k)}: ${v == null ? this.t('empty') : yenAmount(v, this.locale)}</li>`;
          return html`<li>${this.t('incomeYear')}: ${i?.incomeYear ?? this.t('empty')}</li>${yen('annualEmploymentIncome', i?.annualEmploymentIncome)}${yen('otherIncome', i?.otherIncome)}${yen('childSupportReceivedYearly', i?.childSupportReceivedYearly)}`;
        }
        if (s === 'BENEFITS')
          return html`<li>${this.t('BENEFITS')}: ${(r.benefits ?? []).map((b) => this.programmes.get(b.programmeId) ?? b.programmeId).join('、') || this.t('empty')}</li>`;
        return html`<li>${this.t('CONCERNS')}: ${(r.concerns?.categories ?? []).map((c) => label(this.locale, c)).join('、') || this.t('empty')}</li>`;
      })}
    </ul>`;
  }

  private amount(a: EligibilityResult['amount']): string {
    if (!a) return '—';
    if (a.monthly != null) return this.t('monthly', formatYen(a.monthly));
    if (a.yearly != null) return this.t('yearly', formatYen(a.yearly));
    return '—';
  }

  override render() {
    return html`
      <h2 tabindex="-1">${this.t('eligibilityHeading')}</h2>
      <p>${this.t('eligibilityIntro')}</p>
      <div class="side">
        <section class="card" aria-labelledby="facts-h">
          <h3 id="facts-h">${this.t('factsUsed')}</h3>
          ${this.facts()}
          <form @submit=${this.run}>
            <div class="field">
              <label for="as-of">${this.t('asOf')}</label>
              <input id="as-of" type="date" .value=${this.asOf} @input=${(e: Event) => (this.asOf = (e.target as HTMLInputElement).value)} />
            </div>
            <button class="primary" type="submit" ?disabled=${this.busy}>${this.t('run')}</button>
          </form>
        </section>
        <section aria-labelledby="results-h">
          <h3 id="results-h">${this.t('eligible')}</h3>
          ${this.busy ? html`<p>${this.t('loading')}</p>` : nothing}
          ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
          ${this.explanation ? html`<p class="notice" data-income-assessment>${this.explanation}</p>` : nothing}
          ${
            this.results
              ? html`<div class="table-wrap" tabindex="0" role="region" aria-labelledby="results-h">
                <table>
                  <thead><tr><th scope="col">${this.t('programme')}</th><th scope="col">${this.t('eligible')}</th><th scope="col">${this.t('amount')}</th><th scope="col">${this.t('reasons')}</th></tr></thead>
                  <tbody>
                    ${this.results.map(
                      (x) => html`<tr data-programme=${x.programme.id} data-status=${x.status}>
                      <th scope="row">${x.programme.name}</th>
                      <td><span class="badge">${this.t(x.status)}</span></td>
                      <td class="nowrap">${this.amount(x.amount)}</td>
                      <td>${x.reasons.length ? html`<ul>${x.reasons.map((s) => html`<li>${s}</li>`)}</ul>` : nothing}</td>
                    </tr>`,
                    )}
                  </tbody>
                </table>
              </div>`
              : nothing
          }
        </section>
      </div>
    `;
  }
}
