import { html, nothing } from 'lit';
import { formatDateTime, label } from './i18n.js';
import { AUDIT, type AuditEntry } from './queries.js';
import { operationName } from './operation-names.js';
import { base, viewStyles } from './staff.styles.js';
import { StaffView } from './view-base.js';

/**
 * `<staff-audit>` (supervisors and admins of the owning department): who read or wrote the record
 * (`auditLog(recordId)`), newest first, and whether the municipality's hash chain is intact.
 */
export class StaffAudit extends StaffView {
  static override styles = [base, viewStyles];
  static override properties = {
    ...StaffView.properties,
    recordId: { attribute: false },
    entries: { state: true },
    intact: { state: true },
    error: { state: true },
  };
  declare recordId: string;
  declare entries: AuditEntry[] | null;
  declare intact: boolean | null;
  declare error: string;
  private loadedFor = '';

  constructor() {
    super();
    this.entries = null;
    this.intact = null;
    this.error = '';
  }

  protected override willUpdate(): void {
    if (this.recordId && this.api && this.loadedFor !== this.recordId) {
      this.loadedFor = this.recordId;
      void this.load();
    }
  }

  private async load(): Promise<void> {
    try {
      const data = await this.api.q<{ auditLog: AuditEntry[]; auditChainIntact: boolean }>(AUDIT, { id: this.recordId });
      this.entries = [...data.auditLog].sort((a, b) => b.at.localeCompare(a.at));
      this.intact = data.auditChainIntact;
    } catch (e) {
      this.error = this.errorText(e);
      this.announce(this.error, true);
    }
  }

  private who(e: AuditEntry): string {
    const dept = e.actorDepartment.startsWith('partner:') ? e.actorDepartment.slice(8) : label(this.locale, e.actorDepartment.toUpperCase().replace(/-/g, '_'));
    return `${e.actorName}（${dept}）`;
  }

  override render() {
    return html`
      <h2 tabindex="-1">${this.t('auditHeading')}</h2>
      <p>${this.t('auditIntro')}</p>
      ${this.intact === null ? nothing : html`<p class=${this.intact ? 'ok' : 'error'} id="chain">${this.intact ? this.t('chainOk') : this.t('chainBroken')}</p>`}
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${
        this.entries === null
          ? this.error
            ? nothing
            : html`<p>${this.t('loading')}</p>`
          : this.entries.length === 0
            ? html`<p>${this.t('noAudit')}</p>`
            : html`<div class="table-wrap" tabindex="0" role="region" aria-label=${this.t('auditHeading')}>
              <table>
                <thead><tr><th scope="col">${this.t('at')}</th><th scope="col">${this.t('actor')}</th><th scope="col">${this.t('action')}</th><th scope="col">${this.t('sections')}</th><th scope="col">${this.t('operation')}</th></tr></thead>
                <tbody>
                  ${this.entries.map(
                    (e) => html`<tr>
                    <td>${formatDateTime(e.at, this.locale)}</td><td>${this.who(e)}</td>
                    <td>${e.action === 'write' ? this.t('write') : this.t('read')}</td>
                    <td>${e.sections.map((s) => label(this.locale, s.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase())).join('、')}</td>
                    <td>${operationName(this.locale, e.operationName)}</td>
                  </tr>`,
                  )}
                </tbody>
              </table>
            </div>`
      }
    `;
  }
}
