import { html, nothing, type TemplateResult } from 'lit';
import { ApiError } from './api.js';
import { col, formatDateTime, japanDate, type Key } from './i18n.js';
import { WL_OUTREACH } from './worklist-outreach-texts.js';
import { TAKE, WORKLIST, type WorkItem, type Worklist } from './queries.js';
import { base, viewStyles } from './staff.styles.js';
import { StaffView } from './view-base.js';

type Part = 'overdue' | 'dueToday' | 'newItems' | 'assigned';
const PARTS: Part[] = ['overdue', 'dueToday', 'newItems', 'assigned'];

/**
 * `<staff-worklist>`: the caseworker's day (`worklist`): follow-ups overdue and due today, new items
 * nobody has taken (with their wait in open days against the municipality's target, and whether the
 * family wants contact), and the cases assigned. Each list is a table; every action is a link or a
 * button in it, so the whole list works from the keyboard. Viewers see the lists without buttons.
 */
export class StaffWorklist extends StaffView {
  static override styles = [base, viewStyles];
  static override properties = {
    ...StaffView.properties,
    scope: { state: true },
    list: { state: true },
    error: { state: true },
    busy: { state: true },
  };
  declare scope: 'MINE' | 'DEPARTMENT';
  declare list: Worklist | null;
  declare error: string;
  declare busy: string;
  private started = false;

  constructor() {
    super();
    this.scope = 'MINE';
    this.list = null;
    this.error = '';
    this.busy = '';
  }

  protected override willUpdate(): void {
    if (!this.started && this.api) {
      this.started = true;
      void this.load();
    }
  }

  private async load(): Promise<void> {
    this.error = '';
    try {
      const data = await this.api.q<{ worklist: Worklist }>(WORKLIST, { scope: this.scope, first: 50 });
      this.list = data.worklist;
      const c = data.worklist.counts;
      this.announce(this.t('worklistSummary', c.overdue, c.dueToday, c.newItems));
    } catch (e) {
      this.error = this.errorText(e);
      this.announce(this.error, true);
    }
  }

  private setScope(e: Event): void {
    this.scope = (e.target as HTMLSelectElement).value as StaffWorklist['scope'];
    void this.load();
  }

  private async take(item: WorkItem): Promise<void> {
    this.busy = item.inboxItemId!;
    this.error = '';
    try {
      await this.api.q(TAKE, { id: item.inboxItemId });
      this.announce(this.t('taken', item.referenceNumber));
      await this.load();
    } catch (err) {
      this.error = err instanceof ApiError && err.code === 'FORBIDDEN' ? this.t('forbidden') : this.errorText(err);
      this.announce(this.error, true);
      if (err instanceof ApiError && err.code === 'CONFLICT') await this.load();
    } finally {
      this.busy = '';
    }
  }

  private who(item: WorkItem): string {
    const i = item.record?.identity;
    return i ? [i.familyName, i.givenName].filter(Boolean).join(' ') : '';
  }

  private contact(item: WorkItem): string {
    return item.wantsContact == null ? this.t('unknownContact') : this.t(item.wantsContact ? 'wantsContactYes' : 'wantsContactNo');
  }

  private row(part: Part, item: WorkItem): TemplateResult {
    const c = item.case;
    const canTake = part === 'newItems' && item.inboxItemId && this.me?.role !== 'VIEWER';
    return html`<tr data-ref=${item.referenceNumber} data-part=${part}>
      <th scope="row">
        ${item.record ? html`<a href="#/records/${encodeURIComponent(item.record.id)}">${item.referenceNumber}</a>` : item.referenceNumber}
        ${item.urgent ? html` <strong class="badge error">${this.t('urgent')}</strong>` : nothing}
      </th>
      <td>${this.who(item) || this.t('empty')}</td>
      <td>${
        part === 'newItems'
          ? html`${item.kind ? this.t(item.kind as Key) : ''} · ${this.t('waitedOpenDays', item.openDaysWaiting ?? 0, this.list!.targetOpenDays)}${item.overTarget ? html` <strong class="badge error">${this.t('overTarget')}</strong>` : nothing}`
          : html`${c ? this.t(c.status as Key) : ''}${c?.nextContactDate ? html` · ${this.t('nextContactOn', japanDate(c.nextContactDate))}` : nothing}${c?.assignee ? html` · ${c.assignee.name}` : nothing}`
      }</td>
      <td>${this.contact(item)}</td>
      <td>${
        canTake
          ? html`<button type="button" aria-label=${this.t('takeLabel', item.referenceNumber)} ?disabled=${this.busy === item.inboxItemId} @click=${() => this.take(item)}>${this.t('take')}</button>`
          : nothing
      }</td>
    </tr>`;
  }

  private table(part: Part): TemplateResult {
    const list = this.list!;
    const items = list[part];
    const id = `wl-${part}`;
    const count = list.counts[part === 'newItems' ? 'newItems' : part];
    return html`<section aria-labelledby=${id}>
      <h2 id=${id}>${this.t(`wl_${part}` as Key)} <span class="badge">${count}</span>${part === 'newItems' && list.counts.overTarget ? html` <span class="badge error">${this.t('overTargetCount', list.counts.overTarget)}</span>` : nothing}</h2>
      ${
        items.length === 0
          ? html`<p>${this.t('wlEmpty')}</p>`
          : html`<div class="table-wrap" tabindex="0" role="region" aria-labelledby=${id}>
            <table>
              <thead><tr><th scope="col">${this.t('referenceNumber')}</th><th scope="col">${this.t('name')}</th><th scope="col">${this.t('wlState')}</th><th scope="col">${this.t('wantsContact')}</th><th scope="col"><span class="visually-hidden">${this.t('wlActions')}</span></th></tr></thead>
              <tbody>${items.map((i) => this.row(part, i))}</tbody>
            </table>
          </div>`
      }
    </section>`;
  }

  /** Push-type support's groups: approvals waiting in the department and open phone tasks, with counts. */
  private outreach(): TemplateResult {
    const o = this.list!.outreach;
    const w = (key: keyof typeof WL_OUTREACH) => col(WL_OUTREACH[key], this.locale);
    return html`<section aria-labelledby="wl-outreach">
      <h2 id="wl-outreach">${w('heading')}</h2>
      <ul class="plain">
        <li id="wl-approvals">${w('approvals')} <span class="badge">${o.approvals}</span>
          ${o.oldestApprovalAt ? html` · ${w('oldest').replace('%', formatDateTime(o.oldestApprovalAt, this.locale))}` : nothing}
          · <a href="#/outreach">${w('open')}</a></li>
        <li id="wl-phone-tasks">${w('phoneTasks')} <span class="badge">${o.phoneTasks}</span> · <a href="#/outreach">${w('openCalls')}</a></li>
      </ul>
    </section>`;
  }

  override render() {
    return html`
      <h1 tabindex="-1">${this.t('worklistHeading')}</h1>
      <div class="actions inline">
        <label for="wl-scope">${this.t('wlScope')}</label>
        <select id="wl-scope" @change=${this.setScope}>
          <option value="MINE" ?selected=${this.scope === 'MINE'}>${this.t('wlMine')}</option>
          <option value="DEPARTMENT" ?selected=${this.scope === 'DEPARTMENT'}>${this.t('wlDepartment')}</option>
        </select>
      </div>
      ${this.error ? html`<p class="error" role="alert">${this.error} <button type="button" @click=${() => this.load()}>${this.t('retry')}</button></p>` : nothing}
      ${this.list ? html`<p class="muted">${this.t('wlToday', japanDate(this.list.today), this.list.targetOpenDays)}</p>${PARTS.map((p) => this.table(p))}${this.outreach()}` : html`<p>${this.t('loading')}</p>`}
    `;
  }
}
