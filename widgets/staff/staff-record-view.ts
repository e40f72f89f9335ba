import { html, nothing, type TemplateResult } from 'lit';
import { formatDateTime, label, type Key } from './i18n.js';
import { PROGRAMMES, RECORD, type Access, type RecordData, type SectionName } from './queries.js';
import { DETAIL_SECTIONS } from './sections.js';
import { base, viewStyles } from './staff.styles.js';
import { StaffView } from './view-base.js';

const TABS: [string, Key][] = [
  ['sections', 'tabSections'],
  ['consultations', 'tabConsultations'],
  ['eligibility', 'tabEligibility'],
  ['referrals', 'tabReferrals'],
  ['audit', 'tabAudit'],
];

/**
 * `<staff-record-view>`: one 電子個人票 with tabs — details (every section, or the API's reason why
 * not), consultations, eligibility at the desk, referral to a partner NPO (owning department) and
 * the audit log (its supervisors and admins). The record is held in memory only.
 */
export class StaffRecordView extends StaffView {
  static override styles = [base, viewStyles];
  static override properties = {
    ...StaffView.properties,
    recordId: { attribute: false },
    tab: { attribute: false },
    record: { state: true },
    error: { state: true },
    loading: { state: true },
    programmes: { state: true },
  };
  declare recordId: string;
  /** programme id → name (the public catalogue, for benefits) */
  declare programmes: Map<string, string>;
  declare tab: string;
  declare record: RecordData | null;
  declare error: string;
  declare loading: boolean;
  private loadedId = '';
  private programmesAsked = false;

  constructor() {
    super();
    this.tab = 'sections';
    this.record = null;
    this.error = '';
    this.loading = false;
    this.programmes = new Map();
  }

  protected override willUpdate(): void {
    if (this.programmes.size === 0 && this.api && this.me && !this.programmesAsked) {
      this.programmesAsked = true;
      void this.api.q<{ programmes: { id: string; name: string }[] }>(PROGRAMMES, { code: this.me.municipalityCode }).then(
        (d) => (this.programmes = new Map(d.programmes.map((p) => [p.id, p.name]))),
        () => undefined,
      );
    }
    if (this.recordId && this.recordId !== this.loadedId && this.api) {
      this.loadedId = this.recordId;
      this.record = null;
      void this.load();
    }
  }

  private async load(): Promise<void> {
    this.loading = true;
    this.error = '';
    try {
      const { record } = await this.api.q<{ record: RecordData | null }>(RECORD, { id: this.recordId });
      this.record = record;
      if (!record) this.error = this.t('notFound');
    } catch (e) {
      this.error = this.errorText(e);
      this.announce(this.error, true);
    } finally {
      this.loading = false;
    }
  }

  private access(section: SectionName): Access {
    return this.record?.access.find((a) => a.section === section) ?? { section, readable: false, writable: false, reason: 'NOT_PERMITTED' };
  }

  private get isOwner(): boolean {
    return this.me?.department === 'SINGLE_PARENT';
  }
  private get isAuditor(): boolean {
    return this.isOwner && (this.me?.role === 'SUPERVISOR' || this.me?.role === 'ADMIN');
  }

  private tabs(): [string, Key][] {
    return TABS.filter(([id]) => (id === 'referrals' ? this.isOwner : id === 'audit' ? this.isAuditor : true));
  }

  private recordTitle(r: RecordData): string {
    const name = [r.identity?.familyName, r.identity?.givenName].filter(Boolean).join(' ');
    return name ? `${name}（${r.referenceNumber}）` : this.t('recordHeading', r.referenceNumber);
  }

  private panel(r: RecordData): TemplateResult {
    const changed = (e: CustomEvent<RecordData>) => {
      this.record = e.detail;
    };
    const reload = () => void this.load();
    switch (this.tab) {
      case 'consultations':
        return html`<staff-consultations .api=${this.api} .locale=${this.locale} .me=${this.me} .record=${r} .access=${this.access('CONSULTATIONS')} @record-reload=${reload}></staff-consultations>`;
      case 'eligibility':
        return html`<staff-eligibility .api=${this.api} .locale=${this.locale} .me=${this.me} .record=${r} .programmes=${this.programmes}></staff-eligibility>`;
      case 'referrals':
        return this.isOwner
          ? html`<staff-referral .api=${this.api} .locale=${this.locale} .me=${this.me} .record=${r}></staff-referral>`
          : html`<p class="notice">${this.t('ownerOnly')}</p>`;
      case 'audit':
        return this.isAuditor
          ? html`<staff-audit .api=${this.api} .locale=${this.locale} .me=${this.me} .recordId=${r.id}></staff-audit><staff-disclosure .api=${this.api} .locale=${this.locale} .me=${this.me} .recordId=${r.id} .reference=${r.referenceNumber}></staff-disclosure>`
          : html`<p class="notice">${this.t('auditOnly')}</p>`;
      default:
        return html`<h2 class="visually-hidden" tabindex="-1">${this.t('tabSections')}</h2>
          ${this.isOwner ? html`<staff-duplicates .api=${this.api} .locale=${this.locale} .me=${this.me} .recordId=${r.id}></staff-duplicates>` : nothing}
          <staff-case .api=${this.api} .locale=${this.locale} .me=${this.me} .recordId=${r.id}></staff-case>
          <div class="sections" @record-changed=${changed} @record-reload=${reload}>
            ${DETAIL_SECTIONS.map((s) => html`<staff-section .api=${this.api} .locale=${this.locale} .me=${this.me} .section=${s} .access=${this.access(s)} .record=${r} .programmes=${this.programmes}></staff-section>`)}
          </div>`;
    }
  }

  override async focusHeading(selector = 'h1'): Promise<void> {
    await this.updateComplete;
    // The record may still be loading: wait for it, then focus.
    while (this.loading) await new Promise((r) => setTimeout(r, 50));
    await this.updateComplete;
    if (!this.record || selector === 'h1') return super.focusHeading('h1');
    const child = this.renderRoot.querySelector('staff-consultations, staff-eligibility, staff-referral, staff-audit') as StaffView | null;
    if (child) return child.focusHeading('h2');
    return super.focusHeading(this.renderRoot.querySelector('h2') ? 'h2' : 'h1');
  }

  override render() {
    const r = this.record;
    const base = `#/records/${encodeURIComponent(this.recordId)}`;
    if (!r) {
      return html`<h1 tabindex="-1">${this.t('records')}</h1>
        ${this.loading ? html`<p>${this.t('loading')}</p>` : nothing}
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
        <p><a href="#/records">${this.t('backToList')}</a></p>`;
    }
    return html`
      <h1 tabindex="-1">${this.recordTitle(r)}</h1>
      <p class="muted">
        ${this.t('referenceNumber')}: <span class="ref">${r.referenceNumber}</span> ·
        ${this.t('owner', label(this.locale, r.ownerDepartment))} · ${this.t('version', r.version)} ·
        ${this.t('createdAt')}: ${formatDateTime(r.createdAt, this.locale)} ·
        <a href=${`${base}/print`} id="print-link">${this.t('printRecord')}</a>
      </p>
      <nav aria-label=${this.t('tabsLabel')}>
        <ul class="tabs">
          ${this.tabs().map(([id, key]) => html`<li><a href=${id === 'sections' ? base : `${base}/${id}`} aria-current=${this.tab === id ? 'page' : nothing}>${this.t(key)}</a></li>`)}
        </ul>
      </nav>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${this.panel(r)}
    `;
  }
}
