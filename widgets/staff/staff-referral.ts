import { html, nothing } from 'lit';
import { formatDateTime } from './i18n.js';
import { REFER, REFERRALS, UPDATE_REFERRAL, type Partner, type RecordData, type Referral } from './queries.js';
import { base, viewStyles } from './staff.styles.js';
import { StaffView } from './view-base.js';

/**
 * `<staff-referral>` (owning department): refer the record to a partner NPO (`partners`,
 * `referRecord`), follow its referrals (`referrals`) with their status, and close an open one with
 * a reason (`updateReferral`) — the partner then no longer sees the record.
 */
export class StaffReferral extends StaffView {
  static override styles = [base, viewStyles];
  static override properties = {
    ...StaffView.properties,
    record: { attribute: false },
    partners: { state: true },
    referrals: { state: true },
    error: { state: true },
    errorFor: { state: true },
    busy: { state: true },
  };
  declare record: RecordData;
  declare partners: Partner[];
  declare referrals: Referral[];
  declare error: string;
  /** Which form the error belongs to: a referral id (its close form), or '' (the refer form). */
  declare errorFor: string;
  declare busy: boolean;
  private loadedFor = '';

  constructor() {
    super();
    this.partners = [];
    this.referrals = [];
    this.error = '';
    this.errorFor = '';
    this.busy = false;
  }

  protected override willUpdate(): void {
    if (this.record && this.api && this.loadedFor !== this.record.id) {
      this.loadedFor = this.record.id;
      void this.load();
    }
  }

  private async load(): Promise<void> {
    try {
      const data = await this.api.q<{ partners: Partner[]; referrals: Referral[] }>(REFERRALS);
      this.partners = data.partners;
      this.referrals = data.referrals.filter((r) => r.record?.id === this.record.id);
    } catch (e) {
      this.error = this.errorText(e);
      this.announce(this.error, true);
    }
  }

  private async refer(e: Event): Promise<void> {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const partnerId = (form.querySelector('#r-partner') as HTMLSelectElement).value;
    const reason = (form.querySelector('#r-reason') as HTMLTextAreaElement).value.trim();
    this.errorFor = '';
    if (!partnerId || !reason) {
      this.error = this.t('required');
      this.announce(this.error, true);
      (form.querySelector(partnerId ? '#r-reason' : '#r-partner') as HTMLElement).focus();
      return;
    }
    this.busy = true;
    this.error = '';
    try {
      const data = await this.api.q<{ referRecord: Referral }>(REFER, { input: { recordId: this.record.id, partnerId, reason } });
      this.referrals = [data.referRecord, ...this.referrals.filter((r) => r.id !== data.referRecord.id)];
      (form.querySelector('#r-reason') as HTMLTextAreaElement).value = '';
      this.announce(this.t('referred'));
    } catch (err) {
      this.error = this.errorText(err);
      this.announce(this.error, true);
    } finally {
      this.busy = false;
    }
  }

  private async close(e: Event, referral: Referral): Promise<void> {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const box = form.querySelector('textarea') as HTMLTextAreaElement;
    const reason = box.value.trim();
    this.errorFor = referral.id;
    if (!reason) {
      this.error = this.t('required');
      this.announce(this.error, true);
      box.focus();
      return;
    }
    this.busy = true;
    this.error = '';
    try {
      const data = await this.api.q<{ updateReferral: Referral }>(UPDATE_REFERRAL, { input: { referralId: referral.id, status: 'CLOSED', reason } });
      this.referrals = this.referrals.map((r) => (r.id === referral.id ? data.updateReferral : r));
      this.announce(this.t('referralClosed'));
    } catch (err) {
      this.error = this.errorText(err);
      this.announce(this.error, true);
    } finally {
      this.busy = false;
    }
  }

  override render() {
    const consent = this.record?.consent;
    return html`
      <h2 tabindex="-1">${this.t('referralsHeading')}</h2>
      ${consent && !consent.shareWithPartners ? html`<p class="notice" id="r-consent">${this.t('noPartnerConsent')}</p>` : nothing}
      ${
        this.referrals.length === 0
          ? html`<p>${this.t('noReferrals')}</p>`
          : html`<ul class="plain">
            ${this.referrals.map(
              (r) => html`<li class="item" data-status=${r.status}>
              <div class="item-head"><strong>${r.partner.name}</strong><span class="badge">${this.t(r.status as 'REQUESTED')}</span>
              <span class="muted">${formatDateTime(r.updatedAt, this.locale)}</span></div>
              <p>${r.reason}</p>
              ${
                r.status === 'CLOSED'
                  ? nothing
                  : html`<form class="close" @submit=${(e: Event) => this.close(e, r)} novalidate>
                    <div class="field">
                      <label for="close-${r.id}">${this.t('closeReason')}</label>
                      <textarea id="close-${r.id}" required aria-describedby=${this.error && this.errorFor === r.id ? `close-error-${r.id}` : nothing}></textarea>
                    </div>
                    ${this.error && this.errorFor === r.id ? html`<p id="close-error-${r.id}" class="error" role="alert">${this.error}</p>` : nothing}
                    <button type="submit" ?disabled=${this.busy}>${this.t('closeReferral')}</button>
                  </form>`
              }
            </li>`,
            )}
          </ul>`
      }
      <h3 id="refer-h">${this.t('refer')}</h3>
      <form class="card" aria-labelledby="refer-h" @submit=${this.refer} novalidate>
        <div class="field">
          <label for="r-partner">${this.t('partner')}</label>
          <select id="r-partner" required>
            ${this.partners.map((p) => html`<option value=${p.id}>${p.name}</option>`)}
          </select>
        </div>
        <div class="field">
          <label for="r-reason">${this.t('reason')}</label>
          <textarea id="r-reason" required aria-describedby=${this.error && !this.errorFor ? 'r-error' : nothing}></textarea>
        </div>
        ${this.error && !this.errorFor ? html`<p id="r-error" class="error" role="alert">${this.error}</p>` : nothing}
        <button class="primary" type="submit" ?disabled=${this.busy || this.partners.length === 0 || !consent?.shareWithPartners} aria-describedby=${consent && !consent.shareWithPartners ? 'r-consent' : nothing}>${this.t('refer')}</button>
      </form>
    `;
  }
}
