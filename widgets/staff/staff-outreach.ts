import { html, nothing, type TemplateResult } from 'lit';
import { formatDateTime, formatYen } from './i18n.js';
import {
  DECIDE_OUTREACH,
  OUTREACH_CANDIDATES,
  OUTREACH_NOTICES,
  type OutreachCandidate,
  type OutreachNotice,
  type OutreachRecord,
} from './outreach-queries.js';
import { olabel, ot, type OKey } from './outreach-texts.js';
import { base, viewStyles } from './staff.styles.js';
import { StaffView } from './view-base.js';

const STATUSES = ['', 'CREATED', 'SENDING', 'DELIVERED', 'TEMPORARY_FAILURE', 'PERMANENT_FAILURE', 'OPTED_OUT'] as const;

/**
 * `<staff-outreach>`: the department's outreach screen (プッシュ型支援, issue 16). Candidates waiting for
 * approval, each with what made it fit (programme, why, amounts when the department may read income),
 * chosen with checkboxes and approved or declined together (`decideOutreachCandidates`); below, the
 * notices already decided with their delivery status and whether the family opened the link. The
 * family's name shows only where the identity section is readable. Viewers see both lists without
 * the checkboxes and buttons. Everything is a native control in document order: keyboard-only works.
 */
export class StaffOutreach extends StaffView {
  static override styles = [base, viewStyles];
  static override properties = {
    ...StaffView.properties,
    candidates: { state: true },
    notices: { state: true },
    selected: { state: true },
    statusFilter: { state: true },
    error: { state: true },
    busy: { state: true },
  };
  declare candidates: OutreachCandidate[] | null;
  declare notices: OutreachNotice[] | null;
  declare selected: Set<string>;
  declare statusFilter: string;
  declare error: string;
  declare busy: boolean;
  private started = false;

  constructor() {
    super();
    this.candidates = null;
    this.notices = null;
    this.selected = new Set();
    this.statusFilter = '';
    this.error = '';
    this.busy = false;
  }

  private o(key: OKey, ...args: (string | number)[]): string {
    return ot(this.locale, key, ...args);
  }

  private get canDecide(): boolean {
    return this.me?.role !== 'VIEWER';
  }

  protected override willUpdate(): void {
    if (!this.started && this.api) {
      this.started = true;
      void this.load();
    }
  }

  private async load(announce = true): Promise<void> {
    this.error = '';
    try {
      const [c, n] = await Promise.all([
        this.api.q<{ outreachCandidates: OutreachCandidate[] }>(OUTREACH_CANDIDATES),
        this.api.q<{ outreachNotices: OutreachNotice[] }>(OUTREACH_NOTICES, { status: this.statusFilter || null }),
      ]);
      this.candidates = c.outreachCandidates;
      this.notices = n.outreachNotices;
      const ids = new Set(this.candidates.map((x) => x.id));
      this.selected = new Set([...this.selected].filter((id) => ids.has(id)));
      if (announce) this.announce(this.o('candidatesSummary', this.candidates.length));
    } catch (e) {
      this.error = this.errorText(e);
      this.announce(this.error, true);
    }
  }

  private async loadNotices(): Promise<void> {
    try {
      this.notices = (await this.api.q<{ outreachNotices: OutreachNotice[] }>(OUTREACH_NOTICES, { status: this.statusFilter || null })).outreachNotices;
      this.announce(this.o('noticesSummary', this.notices.length));
    } catch (e) {
      this.error = this.errorText(e);
      this.announce(this.error, true);
    }
  }

  private toggle(id: string, on: boolean): void {
    const next = new Set(this.selected);
    if (on) next.add(id);
    else next.delete(id);
    this.selected = next;
  }

  private toggleAll(on: boolean): void {
    this.selected = on ? new Set((this.candidates ?? []).map((c) => c.id)) : new Set();
  }

  private async decide(approve: boolean): Promise<void> {
    const ids = [...this.selected];
    if (ids.length === 0) {
      this.error = this.o('noneSelected');
      this.announce(this.error, true);
      return;
    }
    this.busy = true;
    this.error = '';
    try {
      const data = await this.api.q<{ decideOutreachCandidates: string[] }>(DECIDE_OUTREACH, { input: { ids, approve } });
      const done = data.decideOutreachCandidates.length;
      const missed = ids.length - done;
      this.selected = new Set();
      await this.load(false);
      this.announce([this.o(approve ? 'approved' : 'declined', done), missed > 0 ? this.o('changedElsewhere', missed) : ''].filter(Boolean).join(' '));
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#out-candidates')?.focus();
    } catch (e) {
      this.error = this.errorText(e);
      this.announce(this.error, true);
    } finally {
      this.busy = false;
    }
  }

  private setFilter(e: Event): void {
    this.statusFilter = (e.target as HTMLSelectElement).value;
    void this.loadNotices();
  }

  private ref(record: OutreachRecord | null): TemplateResult {
    return record ? html`<a href="#/records/${encodeURIComponent(record.id)}">${record.referenceNumber}</a>` : html`${this.o('hidden')}`;
  }

  private who(record: OutreachRecord | null): string {
    const i = record?.identity;
    const name = i ? [i.familyName, i.givenName].filter(Boolean).join(' ') : '';
    return name || this.o('hidden');
  }

  private amount(c: OutreachCandidate): string {
    if (c.amountBefore == null && c.amountAfter == null)
      return c.kind === 'programme-fits' || c.kind === 'amount-changed' || c.kind === 'programme-lapses' ? this.o('amountHidden') : '—';
    const yen = (n: number | null) => (n == null ? '—' : this.o('yen', formatYen(n)));
    return `${yen(c.amountBefore)} → ${yen(c.amountAfter)}`;
  }

  private candidateRow(c: OutreachCandidate): TemplateResult {
    const ref = c.record?.referenceNumber ?? this.o('hidden');
    return html`<tr data-id=${c.id}>
      ${
        this.canDecide
          ? html`<td><input type="checkbox" id="sel-${c.id}" aria-label=${this.o('select', ref)} .checked=${this.selected.has(c.id)} @change=${(e: Event) => this.toggle(c.id, (e.target as HTMLInputElement).checked)} /></td>`
          : nothing
      }
      <th scope="row">${this.ref(c.record)}</th>
      <td>${this.who(c.record)}</td>
      <td>${c.programmeName ?? (c.programmeId || this.o('generic'))}</td>
      <td>${olabel(this.locale, c.kind)}</td>
      <td>${this.amount(c)}</td>
      <td>${c.asOf ?? '—'}</td>
      <td>${olabel(this.locale, c.channel)}</td>
      <td>${formatDateTime(c.createdAt, this.locale)}</td>
    </tr>`;
  }

  private candidatesPart(): TemplateResult {
    const list = this.candidates!;
    const all = list.length > 0 && list.every((c) => this.selected.has(c.id));
    return html`<section aria-labelledby="out-candidates">
      <h2 id="out-candidates" tabindex="-1">${this.o('candidates')} <span class="badge">${list.length}</span></h2>
      ${!this.canDecide ? html`<p class="muted">${this.o('viewerNote')}</p>` : nothing}
      ${
        list.length === 0
          ? html`<p>${this.o('noCandidates')}</p>`
          : html`<div class="table-wrap" tabindex="0" role="region" aria-labelledby="out-candidates">
              <table>
                <thead><tr>
                  ${this.canDecide ? html`<th scope="col"><input type="checkbox" id="sel-all" aria-label=${this.o('selectAll')} .checked=${all} @change=${(e: Event) => this.toggleAll((e.target as HTMLInputElement).checked)} /></th>` : nothing}
                  <th scope="col">${this.o('reference')}</th><th scope="col">${this.o('name')}</th><th scope="col">${this.o('programme')}</th><th scope="col">${this.o('why')}</th>
                  <th scope="col">${this.o('amount')}</th><th scope="col">${this.o('asOf')}</th><th scope="col">${this.o('channel')}</th><th scope="col">${this.o('found')}</th>
                </tr></thead>
                <tbody>${list.map((c) => this.candidateRow(c))}</tbody>
              </table>
            </div>
            ${
              this.canDecide
                ? html`<div class="actions">
                  <button type="button" id="approve" ?disabled=${this.busy} @click=${() => this.decide(true)}>${this.o('approve')}</button>
                  <button type="button" id="decline" ?disabled=${this.busy} @click=${() => this.decide(false)}>${this.o('decline')}</button>
                </div>`
                : nothing
            }`
      }
    </section>`;
  }

  private noticeRow(n: OutreachNotice): TemplateResult {
    return html`<tr data-id=${n.id} data-status=${n.status}>
      <th scope="row">${this.ref(n.record)}</th>
      <td>${n.programmeName ?? this.o('generic')}</td>
      <td>${olabel(this.locale, n.channel)}</td>
      <td>${olabel(this.locale, n.status)}${n.attempts > 1 ? html` <span class="muted">${this.o('attempts', n.attempts)}</span>` : nothing}</td>
      <td>${n.openedAt ? formatDateTime(n.openedAt, this.locale) : this.o('notOpened')}</td>
      <td>${formatDateTime(n.statusAt, this.locale)}</td>
      <td>${n.lastError ?? '—'}</td>
    </tr>`;
  }

  private noticesPart(): TemplateResult {
    const list = this.notices!;
    return html`<section aria-labelledby="out-notices">
      <h2 id="out-notices">${this.o('notices')} <span class="badge">${list.length}</span></h2>
      <div class="actions inline">
        <label for="out-status">${this.o('statusFilter')}</label>
        <select id="out-status" @change=${this.setFilter}>
          ${STATUSES.map((s) => html`<option value=${s} ?selected=${this.statusFilter === s}>${s ? olabel(this.locale, s) : this.o('allStatuses')}</option>`)}
        </select>
      </div>
      ${
        list.length === 0
          ? html`<p>${this.o('noNotices')}</p>`
          : html`<div class="table-wrap" tabindex="0" role="region" aria-labelledby="out-notices">
            <table>
              <thead><tr><th scope="col">${this.o('reference')}</th><th scope="col">${this.o('programme')}</th><th scope="col">${this.o('channel')}</th><th scope="col">${this.o('status')}</th><th scope="col">${this.o('opened')}</th><th scope="col">${this.o('updated')}</th><th scope="col">${this.o('error')}</th></tr></thead>
              <tbody>${list.map((n) => this.noticeRow(n))}</tbody>
            </table>
          </div>`
      }
    </section>`;
  }

  override render() {
    return html`
      <h1 tabindex="-1">${this.o('heading')}</h1>
      <p>${this.o('intro')}</p>
      ${this.error ? html`<p class="error" role="alert">${this.error} <button type="button" @click=${() => this.load()}>${this.t('retry')}</button></p>` : nothing}
      ${this.candidates && this.notices ? html`${this.candidatesPart()}${this.noticesPart()}` : html`<p>${this.t('loading')}</p>`}
      <staff-outreach-calls .api=${this.api} .locale=${this.locale} .me=${this.me}></staff-outreach-calls>
      <staff-outreach-campaigns .api=${this.api} .locale=${this.locale} .me=${this.me}></staff-outreach-campaigns>
    `;
  }
}
