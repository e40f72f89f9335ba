import { html, nothing } from 'lit';
import { ApiError } from './api.js';
import { CHANNELS, japanDate, label } from './i18n.js';
import { ADD_CONSULTATION, type Access, type RecordData } from './queries.js';
import { base, viewStyles } from './staff.styles.js';
import { StaffView } from './view-base.js';

interface ConsultationDraft {
  date: string;
  channel: string;
  summary: string;
  followUp: string;
  followUpDue: string;
}

const today = () => japanDate(new Date().toISOString());
// The method starts unchosen: a default was kept by mistake and phone calls were stored as visits.
const fresh = (): ConsultationDraft => ({ date: today(), channel: '', summary: '', followUp: '', followUpDue: '' });
/** The fields that show their own error under them; any other error shows under the form. */
const FIELDS = ['date', 'channel', 'summary', 'followUp', 'followUpDue'];

/**
 * `<staff-consultations>`: the 相談対応履歴 of a record where `access` lets the viewer read it, and a
 * form to add one (`addConsultation`) where it may write. The form keeps its input until the API
 * stored it — through a failed request or a re-login — and is emptied only on success.
 */
export class StaffConsultations extends StaffView {
  static override styles = [base, viewStyles];
  static override properties = {
    ...StaffView.properties,
    record: { attribute: false },
    access: { attribute: false },
    draft: { state: true },
    error: { state: true },
    errorField: { state: true },
    busy: { state: true },
  };
  declare record: RecordData;
  declare access: Access;
  declare draft: ConsultationDraft;
  declare error: string;
  declare errorField: string;
  declare busy: boolean;

  constructor() {
    super();
    this.draft = fresh();
    this.error = '';
    this.errorField = '';
    this.busy = false;
  }

  private set(key: keyof ConsultationDraft, e: Event): void {
    this.draft = { ...this.draft, [key]: (e.target as HTMLInputElement).value };
  }

  private async add(e: Event): Promise<void> {
    e.preventDefault();
    // In the form's order: the first missing answer is told at its field, and nothing is sent.
    const missing: readonly [string, 'channelRequired' | 'required'] | null = !this.draft.channel
      ? ['channel', 'channelRequired']
      : !this.draft.summary.trim()
        ? ['summary', 'required']
        : null;
    if (missing) {
      this.error = this.t(missing[1]);
      this.errorField = missing[0];
      this.announce(this.error, true);
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(`#c-${missing[0]}`)?.focus();
      return;
    }
    this.busy = true;
    this.error = '';
    this.errorField = '';
    this.announce(this.t('saving'));
    const d = this.draft;
    try {
      await this.api.q(ADD_CONSULTATION, {
        input: {
          recordId: this.record.id,
          date: d.date,
          channel: d.channel,
          summary: d.summary.trim(),
          followUp: d.followUp.trim() || null,
          followUpDue: d.followUpDue || null,
        },
      });
      this.draft = fresh();
      this.announce(this.t('consultationAdded'));
      this.dispatchEvent(new CustomEvent('record-reload', { bubbles: true, composed: true }));
    } catch (err) {
      this.error = this.errorText(err);
      this.errorField = err instanceof ApiError ? (err.field?.replace(/^input\./, '') ?? '') : '';
      this.announce(this.error, true);
    } finally {
      this.busy = false;
    }
  }

  private inv(field: string) {
    return this.errorField === field ? 'true' : 'false';
  }
  private desc(field: string) {
    return this.errorField === field ? 'c-error' : nothing;
  }
  /** The error message, under the field it is about (or under the form when it is about none of them). */
  private at(field: string | null) {
    const here = field === null ? !FIELDS.includes(this.errorField) : this.errorField === field;
    return this.error && here ? html`<p id="c-error" class="error" role="alert">${this.error}</p>` : nothing;
  }

  override render() {
    const a = this.access;
    const list = this.record?.consultations ?? [];
    return html`
      <h2 tabindex="-1">${this.t('consultationsHeading')}</h2>
      ${
        !a?.readable
          ? html`<p class="notice" data-reason=${a?.reason ?? 'NOT_PERMITTED'}>${this.t(a?.reason ?? 'NOT_PERMITTED')}</p>`
          : list.length === 0
            ? html`<p>${this.t('noConsultations')}</p>`
            : html`<div class="table-wrap" tabindex="0" role="region" aria-label=${this.t('consultationsHeading')}>
              <table>
                <thead><tr>
                  <th scope="col">${this.t('date')}</th><th scope="col">${this.t('channel')}</th><th scope="col">${this.t('summary')}</th>
                  <th scope="col">${this.t('followUp')}</th><th scope="col">${this.t('department')}</th><th scope="col">${this.t('staffName')}</th>
                </tr></thead>
                <tbody>
                  ${list.map(
                    (c) => html`<tr>
                    <td>${c.date}</td><td>${label(this.locale, c.channel)}</td><td>${c.summary}</td>
                    <td>${c.followUp ?? ''}${c.followUpDue ? html` (${c.followUpDue})` : nothing}</td>
                    <td>${label(this.locale, c.department)}</td><td>${c.staffName ?? ''}</td>
                  </tr>`,
                  )}
                </tbody>
              </table>
            </div>`
      }
      ${
        a?.writable
          ? html`<h3 id="add-h">${this.t('addConsultation')}</h3>
            <form class="card" aria-labelledby="add-h" @submit=${this.add} novalidate>
              <div class="grid">
                <div class="field">
                  <label for="c-date">${this.t('date')}</label>
                  <input id="c-date" type="date" required .value=${this.draft.date} aria-invalid=${this.inv('date')} aria-describedby=${this.desc('date')} @input=${(e: Event) => this.set('date', e)} />
                  ${this.at('date')}
                </div>
                <div class="field">
                  <label for="c-channel">${this.t('channel')}</label>
                  <select id="c-channel" required aria-invalid=${this.inv('channel')} aria-describedby=${this.desc('channel')} @change=${(e: Event) => this.set('channel', e)}>
                    <option value="" ?selected=${!this.draft.channel}>${this.t('channelChoose')}</option>
                    ${CHANNELS.map((c) => html`<option value=${c} ?selected=${this.draft.channel === c}>${label(this.locale, c)}</option>`)}
                  </select>
                  ${this.at('channel')}
                </div>
              </div>
              <div class="field">
                <label for="c-summary">${this.t('summary')}</label>
                <textarea id="c-summary" required .value=${this.draft.summary} aria-invalid=${this.inv('summary')} aria-describedby=${this.desc('summary')} @input=${(e: Event) => this.set('summary', e)}></textarea>
                ${this.at('summary')}
              </div>
              <div class="grid">
                <div class="field">
                  <label for="c-followup">${this.t('followUp')}</label>
                  <textarea id="c-followup" .value=${this.draft.followUp} aria-invalid=${this.inv('followUp')} aria-describedby=${this.desc('followUp')} @input=${(e: Event) => this.set('followUp', e)}></textarea>
                  ${this.at('followUp')}
                </div>
                <div class="field">
                  <label for="c-due">${this.t('followUpDue')}</label>
                  <input id="c-due" type="date" .value=${this.draft.followUpDue} aria-invalid=${this.inv('followUpDue')} aria-describedby=${this.desc('followUpDue')} @input=${(e: Event) => this.set('followUpDue', e)} />
                  ${this.at('followUpDue')}
                </div>
              </div>
              ${this.at(null)}
              <div class="actions">
                <button class="primary" type="submit" ?disabled=${this.busy}>${this.busy ? this.t('saving') : this.t('addConsultation')}</button>
              </div>
            </form>`
          : a?.readable
            ? html`<p class="muted">${this.t('cannotAddConsultation')}</p>`
            : nothing
      }
    `;
  }
}
