import { html, nothing } from 'lit';
import { formatDateTime, japanDate, label, type Key } from './i18n.js';
import { CASE_FILE, HANDOVERS, UPDATE_CASE, type CaseFile, type Handover } from './queries.js';
import { base, viewStyles } from './staff.styles.js';
import { StaffView } from './view-base.js';

const STATUSES = ['NEW', 'IN_PROGRESS', 'WAITING_FOR_FAMILY', 'CLOSED'] as const;

/**
 * `<staff-case>`: your department's case for the record (`caseFile`, `updateCase`): status, assignee,
 * next contact date, the reason when closed; and, for the owning department, which departments the
 * family shared with and who there has taken it up (`handovers`). Viewers read it without a form.
 */
export class StaffCase extends StaffView {
  static override styles = [base, viewStyles];
  static override properties = {
    ...StaffView.properties,
    recordId: { attribute: false },
    file: { state: true },
    handovers: { state: true },
    status: { state: true },
    error: { state: true },
    busy: { state: true },
  };
  declare recordId: string;
  declare file: CaseFile | null;
  declare handovers: Handover[];
  declare status: string;
  declare error: string;
  declare busy: boolean;
  private loadedFor = '';

  constructor() {
    super();
    this.file = null;
    this.handovers = [];
    this.status = 'NEW';
    this.error = '';
    this.busy = false;
  }

  protected override willUpdate(): void {
    if (this.api && this.recordId && this.loadedFor !== this.recordId) {
      this.loadedFor = this.recordId;
      void this.load();
    }
  }

  private get owner(): boolean {
    return this.me?.department === 'SINGLE_PARENT';
  }

  private async load(): Promise<void> {
    try {
      const data = await this.api.q<{ caseFile: CaseFile | null }>(CASE_FILE, { id: this.recordId });
      this.file = data.caseFile;
      this.status = this.file?.status ?? 'NEW';
      if (this.owner) this.handovers = (await this.api.q<{ handovers: Handover[] }>(HANDOVERS, { id: this.recordId })).handovers;
    } catch (e) {
      this.error = this.errorText(e);
    }
  }

  private async save(input: Record<string, unknown>): Promise<void> {
    this.busy = true;
    this.error = '';
    try {
      const data = await this.api.q<{ updateCase: CaseFile }>(UPDATE_CASE, {
        input: { recordId: this.recordId, expectedVersion: this.file?.version ?? null, ...input },
      });
      this.file = data.updateCase;
      this.status = this.file.status;
      this.announce(this.t('caseSaved'));
    } catch (e) {
      this.error = this.errorText(e);
      this.announce(this.error, true);
    } finally {
      this.busy = false;
    }
  }

  private submit(e: Event): void {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement | null)?.value.trim() ?? '';
    const input: Record<string, unknown> = { status: value('status'), nextContactDate: value('next') || null };
    if (value('status') === 'CLOSED') input.closedReason = value('reason');
    void this.save(input);
  }

  private handoverText(h: Handover): string {
    const taken = h.takenBy ? this.t('handoverTaken', h.takenBy.name, h.caseStatus ? this.t(h.caseStatus as Key) : '') : this.t('handoverWaiting');
    return this.t('handoverLine', label(this.locale, h.department), formatDateTime(h.sharedAt, this.locale), taken);
  }

  override render() {
    const f = this.file;
    const writer = this.me?.role !== 'VIEWER';
    return html`
      <section class="card" aria-labelledby="case-h">
        <h2 id="case-h">${this.t('caseHeading')}</h2>
        <p id="case-now">
          ${this.t('caseStatus')}: <strong>${this.t((f?.status ?? 'NEW') as Key)}</strong> ·
          ${this.t('caseAssignee')}: <strong>${f?.assignee?.name ?? this.t('caseNobody')}</strong> ·
          ${this.t('caseNext')}: <strong>${f?.nextContactDate ? japanDate(f.nextContactDate) : this.t('caseNobody')}</strong>
          ${f?.closedReason ? html` · ${this.t('caseClosedReason')}: ${f.closedReason}` : nothing}
        </p>
        ${this.error ? html`<p class="error" role="alert" id="case-error">${this.error}</p>` : nothing}
        ${
          writer
            ? html`<form class="no-print" @submit=${this.submit} novalidate aria-describedby=${this.error ? 'case-error' : nothing}>
              <div class="grid">
                <div class="field">
                  <label for="case-status">${this.t('caseStatus')}</label>
                  <select id="case-status" name="status" @change=${(e: Event) => (this.status = (e.target as HTMLSelectElement).value)}>
                    ${STATUSES.map((s) => html`<option value=${s} ?selected=${this.status === s}>${this.t(s)}</option>`)}
                  </select>
                </div>
                <div class="field">
                  <label for="case-next">${this.t('caseNext')}</label>
                  <input id="case-next" name="next" type="date" .value=${f?.nextContactDate ?? ''} />
                </div>
                ${
                  this.status === 'CLOSED'
                    ? html`<div class="field">
                      <label for="case-reason">${this.t('caseClosedReason')}</label>
                      <textarea id="case-reason" name="reason">${f?.closedReason ?? ''}</textarea>
                    </div>`
                    : nothing
                }
              </div>
              <div class="actions">
                <button class="primary" type="submit" ?disabled=${this.busy}>${this.t('caseSave')}</button>
                ${f?.assignee?.id !== this.me?.id ? html`<button type="button" id="case-take" ?disabled=${this.busy} @click=${() => this.save({ assigneeId: this.me!.id })}>${this.t('caseTakeMine')}</button>` : nothing}
              </div>
            </form>`
            : nothing
        }
        ${
          this.owner && this.handovers.length > 0
            ? html`<h3 id="handovers-h">${this.t('handoversHeading')}</h3>
              <ul aria-labelledby="handovers-h">${this.handovers.map((h) => html`<li data-department=${h.department}>${this.handoverText(h)}</li>`)}</ul>`
            : nothing
        }
      </section>
    `;
  }
}
