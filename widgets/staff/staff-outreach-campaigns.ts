import { html, nothing, type TemplateResult } from 'lit';
import { CONCERNS, formatDateTime, label } from './i18n.js';
import {
  CAMPAIGN_PREVIEW,
  CAMPAIGNS,
  CANCEL_CAMPAIGN,
  CREATE_CAMPAIGN,
  type Campaign,
  type CampaignPreview,
  type Segment,
} from './outreach-campaign-queries.js';
import { clabel, ct, type CKey } from './outreach-campaign-texts.js';
import { olabel } from './outreach-texts.js';
import { PROGRAMMES } from './queries.js';
import { base, viewStyles } from './staff.styles.js';
import { StaffView } from './view-base.js';

const TEMPLATES = ['NEWS', 'DEADLINE', 'REMINDER'] as const;

/**
 * `<staff-outreach-campaigns>`: campaigns by staff on the outreach screen (issue 16). A caseworker picks
 * a message and a programme, describes who it is for (criteria the department may read; the API refuses
 * the others naming the section), checks the count, how many can be reached and a small sample, then
 * sends now or schedules it. Below, the department's campaigns with their notices by status; a
 * scheduled one can be cancelled. Any change to the form asks for a new count before sending. Viewers
 * may check counts and read the list, not send. Native controls in document order: keyboard-only works.
 */
export class StaffOutreachCampaigns extends StaffView {
  static override styles = [base, viewStyles];
  static override properties = {
    ...StaffView.properties,
    programmes: { state: true },
    campaigns: { state: true },
    preview: { state: true },
    error: { state: true },
    busy: { state: true },
    later: { state: true },
  };
  declare programmes: Array<{ id: string; name: string }>;
  declare campaigns: Campaign[] | null;
  declare preview: CampaignPreview | null;
  declare error: string;
  declare busy: boolean;
  declare later: boolean;
  private started = false;

  constructor() {
    super();
    this.programmes = [];
    this.campaigns = null;
    this.preview = null;
    this.error = '';
    this.busy = false;
    this.later = false;
  }

  private c(key: CKey, ...args: (string | number)[]): string {
    return ct(this.locale, key, ...args);
  }

  private get canSend(): boolean {
    return this.me?.role !== 'VIEWER';
  }

  protected override willUpdate(): void {
    if (!this.started && this.api && this.me) {
      this.started = true;
      void this.load();
    }
  }

  private async load(): Promise<void> {
    try {
      const [p, c] = await Promise.all([
        this.api.q<{ programmes: Array<{ id: string; name: string }> }>(PROGRAMMES, { code: this.me.municipalityCode }),
        this.api.q<{ outreachCampaigns: Campaign[] }>(CAMPAIGNS),
      ]);
      this.programmes = p.programmes;
      this.campaigns = c.outreachCampaigns;
    } catch (e) {
      this.fail(e);
    }
  }

  private fail(e: unknown): void {
    this.error = this.errorText(e);
    this.announce(this.error, true);
  }

  private value(id: string): string {
    return this.renderRoot.querySelector<HTMLInputElement | HTMLSelectElement>(`#${id}`)?.value.trim() ?? '';
  }

  private segment(): Segment {
    const n = (id: string) => (this.value(id) === '' ? null : Number(this.value(id)));
    const s = (id: string) => this.value(id) || null;
    return {
      concern: s('cmp-concern'),
      childAgeFrom: n('cmp-age-from'),
      childAgeTo: n('cmp-age-to'),
      fitsProgramme: s('cmp-fits'),
      createdFrom: s('cmp-from'),
      createdTo: s('cmp-to'),
    };
  }

  /** Any change to the form: the count shown no longer describes it. */
  private changed(): void {
    this.preview = null;
  }

  private async check(): Promise<void> {
    this.busy = true;
    this.error = '';
    try {
      this.preview = (await this.api.q<{ outreachCampaignPreview: CampaignPreview }>(CAMPAIGN_PREVIEW, { segment: this.segment() })).outreachCampaignPreview;
      const p = this.preview;
      this.announce(p.reachable === null ? this.c('previewTooMany', p.matched, p.limit) : this.c('previewResult', p.matched, p.reachable));
    } catch (e) {
      this.fail(e);
    } finally {
      this.busy = false;
    }
  }

  private async send(): Promise<void> {
    if (!this.preview) {
      this.error = this.c('previewFirst');
      this.announce(this.error, true);
      return;
    }
    this.busy = true;
    this.error = '';
    try {
      const at = this.later ? this.value('cmp-send-at') : '';
      const input = {
        template: this.value('cmp-template'),
        programmeId: this.value('cmp-programme') || null,
        deadline: this.value('cmp-deadline') || null,
        segment: this.segment(),
        sendAt: at ? new Date(`${at}:00+09:00`).toISOString() : null,
      };
      const made = (await this.api.q<{ createOutreachCampaign: Campaign }>(CREATE_CAMPAIGN, { input })).createOutreachCampaign;
      this.preview = null;
      this.campaigns = [made, ...(this.campaigns ?? []).filter((c) => c.id !== made.id)];
      this.announce(this.c(made.status === 'SCHEDULED' ? 'scheduled' : 'sent', made.notices));
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#cmp-history')?.focus();
    } catch (e) {
      this.fail(e);
    } finally {
      this.busy = false;
    }
  }

  private async cancel(id: string): Promise<void> {
    this.busy = true;
    try {
      const c = (await this.api.q<{ cancelOutreachCampaign: Campaign }>(CANCEL_CAMPAIGN, { id })).cancelOutreachCampaign;
      this.campaigns = (this.campaigns ?? []).map((x) => (x.id === c.id ? c : x));
      this.announce(this.c('cancelled'));
    } catch (e) {
      this.fail(e);
    } finally {
      this.busy = false;
    }
  }

  private field(id: string, key: CKey, control: TemplateResult): TemplateResult {
    return html`<div class="field"><label for=${id}>${this.c(key)}</label>${control}</div>`;
  }

  private programmeOptions(none: CKey): TemplateResult {
    return html`<option value="">${this.c(none)}</option>${this.programmes.map((p) => html`<option value=${p.id}>${p.name}</option>`)}`;
  }

  private previewPart(): TemplateResult | typeof nothing {
    const p = this.preview;
    if (!p) return nothing;
    return html`<div id="cmp-preview">
      <p><strong>${p.reachable === null ? this.c('previewTooMany', p.matched, p.limit) : this.c('previewResult', p.matched, p.reachable)}</strong></p>
      ${p.byChannel.length ? html`<p>${this.c('byChannel')}: ${p.byChannel.map((b) => `${olabel(this.locale, b.channel)} ${b.count}`).join('、')}</p>` : nothing}
      ${
        p.sample.length
          ? html`<p>${this.c('sample')}</p>
            <ul class="plain">${p.sample.map((r) => html`<li><a href="#/records/${encodeURIComponent(r.id)}">${r.referenceNumber}</a> ${r.identity ? [r.identity.familyName, r.identity.givenName].filter(Boolean).join(' ') : this.c('hidden')}</li>`)}</ul>`
          : nothing
      }
    </div>`;
  }

  private formPart(): TemplateResult {
    return html`<form @submit=${(e: Event) => e.preventDefault()} @change=${this.changed} @input=${this.changed}>
      ${this.field('cmp-template', 'template', html`<select id="cmp-template">${TEMPLATES.map((t) => html`<option value=${t}>${this.c(t)}</option>`)}</select>`)}
      ${this.field('cmp-programme', 'programme', html`<select id="cmp-programme">${this.programmeOptions('noProgramme')}</select>`)}
      ${this.field('cmp-deadline', 'deadline', html`<input id="cmp-deadline" type="date" />`)}
      <fieldset>
        <legend>${this.c('segment')}</legend>
        ${this.field('cmp-concern', 'concern', html`<select id="cmp-concern"><option value="">${this.c('anyConcern')}</option>${CONCERNS.map((k) => html`<option value=${k}>${label(this.locale, k)}</option>`)}</select>`)}
        ${this.field('cmp-age-from', 'childAgeFrom', html`<input id="cmp-age-from" type="number" min="0" max="25" inputmode="numeric" />`)}
        ${this.field('cmp-age-to', 'childAgeTo', html`<input id="cmp-age-to" type="number" min="0" max="25" inputmode="numeric" />`)}
        ${this.field('cmp-fits', 'fitsProgramme', html`<select id="cmp-fits">${this.programmeOptions('anyConcern')}</select>`)}
        ${this.field('cmp-from', 'createdFrom', html`<input id="cmp-from" type="date" />`)}
        ${this.field('cmp-to', 'createdTo', html`<input id="cmp-to" type="date" />`)}
      </fieldset>
      <div class="actions"><button type="button" id="cmp-check" ?disabled=${this.busy} @click=${() => this.check()}>${this.c('preview')}</button></div>
      ${this.previewPart()}
      ${
        this.canSend
          ? html`<fieldset>
              <legend>${this.c('when')}</legend>
              <label><input type="radio" name="cmp-when" id="cmp-now" .checked=${!this.later} @change=${() => (this.later = false)} /> ${this.c('now')}</label>
              <label><input type="radio" name="cmp-when" id="cmp-later" .checked=${this.later} @change=${() => (this.later = true)} /> ${this.c('later')}</label>
              ${this.later ? this.field('cmp-send-at', 'sendAt', html`<input id="cmp-send-at" type="datetime-local" />`) : nothing}
            </fieldset>
            <div class="actions"><button type="button" id="cmp-send" ?disabled=${this.busy || !this.preview} @click=${() => this.send()}>${this.c(this.later ? 'schedule' : 'send')}</button></div>`
          : nothing
      }
    </form>`;
  }

  private row(c: Campaign): TemplateResult {
    return html`<tr data-id=${c.id} data-status=${c.status}>
      <th scope="row">${formatDateTime(c.createdAt, this.locale)}</th>
      <td>${clabel(this.locale, c.template === 'campaign' ? 'NEWS' : c.template.toUpperCase())}${c.programmeName ? html`<br />${c.programmeName}` : nothing}</td>
      <td>${clabel(this.locale, c.status)}</td>
      <td>${formatDateTime(c.sendAt, this.locale)}</td>
      <td>${c.matched}</td><td>${c.notices}</td><td>${c.waiting}</td><td>${c.delivered}</td><td>${c.failed}</td><td>${c.optedOut}</td><td>${c.opened}</td>
      <td>${c.status === 'SCHEDULED' && this.canSend ? html`<button type="button" ?disabled=${this.busy} @click=${() => this.cancel(c.id)} aria-label=${`${this.c('cancel')} ${formatDateTime(c.sendAt, this.locale)}`}>${this.c('cancel')}</button>` : nothing}</td>
    </tr>`;
  }

  private historyPart(): TemplateResult {
    const list = this.campaigns ?? [];
    const cols: CKey[] = ['created', 'about', 'status', 'sendAt', 'matched', 'notices', 'waiting', 'delivered', 'failed', 'optedOut', 'opened'];
    return html`<h3 id="cmp-history" tabindex="-1">${this.c('history')} <span class="badge">${list.length}</span></h3>
      ${
        list.length === 0
          ? html`<p>${this.c('noCampaigns')}</p>`
          : html`<div class="table-wrap" tabindex="0" role="region" aria-labelledby="cmp-history">
            <table>
              <thead><tr>${cols.map((k) => html`<th scope="col">${this.c(k)}</th>`)}<th scope="col"><span class="visually-hidden">${this.c('cancel')}</span></th></tr></thead>
              <tbody>${list.map((c) => this.row(c))}</tbody>
            </table>
          </div>`
      }`;
  }

  override render() {
    return html`<section aria-labelledby="cmp-heading">
      <h2 id="cmp-heading">${this.c('campaigns')}</h2>
      <p>${this.c('campaignsIntro')}</p>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${this.campaigns ? html`${this.formPart()}${this.historyPart()}` : html`<p>${this.t('loading')}</p>`}
    </section>`;
  }
}
