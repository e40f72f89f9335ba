import { html, nothing } from 'lit';
import { ApiError } from './api.js';
import { formatDateTime, label } from './i18n.js';
import { INBOX, TAKE, type Connection, type InboxItem } from './queries.js';
import { base, viewStyles } from './staff.styles.js';
import { StaffView } from './view-base.js';

const STATUSES = ['NEW', 'TAKEN', 'ALL'] as const;

/**
 * `<staff-inbox>`: new intake submissions and chatbot consultation requests routed to the viewer's
 * department (`inbox`), newest first, with the family's concerns where `access` lets the viewer read
 * them; 「担当する」 takes an item (`takeInboxItem`).
 */
export class StaffInbox extends StaffView {
  static override styles = [base, viewStyles];
  static override properties = {
    ...StaffView.properties,
    status: { state: true },
    items: { state: true },
    total: { state: true },
    next: { state: true },
    error: { state: true },
    loading: { state: true },
    busyId: { state: true },
  };
  declare status: (typeof STATUSES)[number];
  declare items: InboxItem[] | null;
  declare total: number;
  declare next: string | null;
  declare error: string;
  declare loading: boolean;
  declare busyId: string;
  private started = false;

  constructor() {
    super();
    this.status = 'NEW';
    this.items = null;
    this.total = 0;
    this.next = null;
    this.error = '';
    this.loading = false;
    this.busyId = '';
  }

  protected override willUpdate(): void {
    if (!this.started && this.api) {
      this.started = true;
      void this.load(false);
    }
  }

  private async load(more: boolean, keepError = false): Promise<void> {
    this.loading = true;
    if (!keepError) this.error = '';
    try {
      const data = await this.api.q<{ inbox: Connection<InboxItem> }>(INBOX, { status: this.status, first: 20, after: more ? this.next : null });
      const nodes = data.inbox.edges.map((e) => e.node);
      this.items = more ? [...(this.items ?? []), ...nodes] : nodes;
      this.total = data.inbox.totalCount;
      this.next = data.inbox.pageInfo.hasNextPage ? data.inbox.pageInfo.endCursor : null;
      if (!more) this.announce(this.t('inboxCount', this.total));
    } catch (e) {
      this.error = this.errorText(e);
      this.announce(this.error, true);
    } finally {
      this.loading = false;
    }
  }

  private changeStatus(e: Event): void {
    e.preventDefault();
    this.status = (this.renderRoot.querySelector('#status') as HTMLSelectElement).value as StaffInbox['status'];
    void this.load(false);
  }

  private async take(item: InboxItem): Promise<void> {
    this.busyId = item.id;
    this.error = '';
    try {
      const data = await this.api.q<{ takeInboxItem: InboxItem }>(TAKE, { id: item.id });
      this.items = (this.items ?? []).map((i) => (i.id === item.id ? data.takeInboxItem : i));
      this.announce(this.t('taken', item.referenceNumber));
    } catch (err) {
      this.error = err instanceof ApiError && err.code === 'FORBIDDEN' ? this.t('forbidden') : this.errorText(err);
      this.announce(this.error, true);
      // Someone else took it first: show who, from a fresh list.
      if (err instanceof ApiError && err.code === 'CONFLICT') void this.load(false, true);
    } finally {
      this.busyId = '';
    }
  }

  private concerns(item: InboxItem) {
    const r = item.record;
    if (!r) return nothing;
    const a = r.access.find((x) => x.section === 'CONCERNS');
    if (!a?.readable) return html`<span class="notice" data-reason=${a?.reason ?? 'NOT_PERMITTED'}>${this.t(a?.reason ?? 'NOT_PERMITTED')}</span>`;
    const cats = r.concerns?.categories ?? [];
    return cats.length ? html`${cats.map((c) => html`<span class="badge">${label(this.locale, c)}</span>`)}` : this.t('empty');
  }

  override render() {
    const items = this.items;
    return html`
      <h1 tabindex="-1">${this.t('inboxHeading')}</h1>
      <p>${this.t('inboxIntro')}</p>
      <form class="filters" @submit=${this.changeStatus}>
        <div class="actions inline">
          <label for="status">${this.t('status')}</label>
          <select id="status">
            ${STATUSES.map((s) => html`<option value=${s} ?selected=${this.status === s}>${this.t(s)}</option>`)}
          </select>
          <button type="submit">${this.t('show')}</button>
        </div>
      </form>
      ${this.error ? html`<p class="error" role="alert">${this.error} <button type="button" @click=${() => this.load(false)}>${this.t('retry')}</button></p>` : nothing}
      ${this.loading && !items ? html`<p>${this.t('loading')}</p>` : nothing}
      ${
        items
          ? html`<h2 id="list-h">${this.t('inboxCount', this.total)}</h2>
            ${
              items.length === 0
                ? html`<p>${this.t('inboxEmpty')}</p>`
                : html`<ul class="plain" aria-labelledby="list-h">
                  ${items.map((i) => {
                    const who = i.record?.identity ? [i.record.identity.familyName, i.record.identity.givenName].filter(Boolean).join(' ') : '';
                    return html`<li class="item" data-ref=${i.referenceNumber} data-status=${i.status}>
                      <div class="item-head">
                        ${i.urgent ? html`<strong class="badge error">${this.t('urgent')}</strong>` : nothing}
                        <span class="badge">${this.t(i.kind === 'CHAT_REQUEST' || i.kind === 'SHARED' ? i.kind : 'INTAKE')}</span>
                        <span class="ref">${i.referenceNumber}</span>
                        ${who ? html`<span>${who}</span>` : nothing}
                        <span class="muted">${this.t('receivedAt')}: ${formatDateTime(i.receivedAt, this.locale)}</span>
                        <span class="badge">${this.t(i.status === 'TAKEN' ? 'TAKEN' : 'NEW')}</span>
                      </div>
                      <p>${this.t('concerns')}: ${this.concerns(i)}</p>
                      ${i.message ? html`<p>${this.t('message')}: ${i.message}</p>` : nothing}
                      ${i.preferredTime ? html`<p>${this.t('preferredTime')}: ${i.preferredTime}</p>` : nothing}
                      ${i.takenBy ? html`<p class="muted">${this.t('takenBy', i.takenBy.name, i.takenAt ? formatDateTime(i.takenAt, this.locale) : '')}</p>` : nothing}
                      <div class="actions">
                        ${
                          i.status !== 'TAKEN' && this.me?.role !== 'VIEWER'
                            ? html`<button type="button" aria-label=${this.t('takeLabel', i.referenceNumber)} ?disabled=${this.busyId === i.id} @click=${() => this.take(i)}>${this.t('take')}</button>`
                            : nothing
                        }
                        ${i.record ? html`<a class="button" href="#/records/${encodeURIComponent(i.record.id)}">${this.t('openRecord')}<span class="visually-hidden"> ${i.referenceNumber}</span></a>` : nothing}
                      </div>
                    </li>`;
                  })}
                </ul>
                ${this.next ? html`<button type="button" @click=${() => this.load(true)}>${this.t('more')}</button>` : nothing}`
            }`
          : nothing
      }
    `;
  }
}
