import { html, nothing } from 'lit';
import { ApiError } from './api.js';
import { at, type AKey } from './accounts-texts.js';
import { SETTINGS, UPDATE_SETTINGS, type AdminEventRow, type Settings } from './accounts-queries.js';
import { actionName } from './admin-event-texts.js';
import { formatDateTime } from './i18n.js';
import { readResponseTarget, responseTargetField } from './response-target-field.js';
import { base, viewStyles } from './staff.styles.js';
import { StaffView } from './view-base.js';

/**
 * `<staff-municipality>` (admins): the municipality's settings (`municipalitySettings`; today whether
 * every staff member must sign in with two factors) and the last entries of the administration
 * trail, so an admin sees who changed what.
 */
export class StaffMunicipality extends StaffView {
  static override styles = [base, viewStyles];
  static override properties = {
    ...StaffView.properties,
    settings: { state: true },
    events: { state: true },
    loadError: { state: true },
    busy: { state: true },
  };
  declare settings: Settings | null;
  declare events: AdminEventRow[];
  declare loadError: string;
  declare busy: boolean;
  private started = false;

  constructor() {
    super();
    this.settings = null;
    this.events = [];
    this.loadError = '';
    this.busy = false;
  }

  private a(key: AKey, ...args: (string | number)[]): string {
    return at(this.locale, key, ...args);
  }

  protected override willUpdate(): void {
    if (!this.started && this.api) {
      this.started = true;
      void this.load();
    }
  }

  private async load(): Promise<void> {
    this.loadError = '';
    try {
      const d = await this.api.q<{ municipalitySettings: Settings; adminEvents: AdminEventRow[] }>(SETTINGS);
      this.settings = d.municipalitySettings;
      this.events = d.adminEvents;
    } catch (e) {
      this.loadError = e instanceof ApiError && e.code === 'FORBIDDEN' ? this.a('adminOnly') : this.errorText(e);
      this.announce(this.loadError, true);
    }
  }

  private async save(e: Event): Promise<void> {
    e.preventDefault();
    if (this.busy) return;
    this.busy = true;
    try {
      const requireTwoFactor = this.renderRoot.querySelector<HTMLInputElement>('#require-2fa')!.checked;
      this.settings = (
        await this.api.q<{ updateMunicipalitySettings: Settings }>(UPDATE_SETTINGS, {
          input: { requireTwoFactor, contactTargetOpenDays: readResponseTarget(this.renderRoot) },
        })
      ).updateMunicipalitySettings;
      this.announce(this.a('munSaved'));
      void this.load();
    } catch (err) {
      this.announce(this.errorText(err), true);
    } finally {
      this.busy = false;
    }
  }

  override render() {
    const s = this.settings;
    return html`
      <h1 tabindex="-1">${this.a('munHeading')}</h1>
      ${this.loadError ? html`<p class="error" role="alert">${this.loadError} <button type="button" @click=${this.load}>${this.t('retry')}</button></p>` : nothing}
      ${
        !s
          ? this.loadError
            ? nothing
            : html`<p>${this.t('loading')}</p>`
          : html`
            <dl><dt>${this.a('munCode')}</dt><dd class="ref">${s.code}</dd><dt>${this.a('munName')}</dt><dd>${s.name}</dd></dl>
            <form class="card" aria-label=${this.a('munHeading')} @submit=${this.save} novalidate>
              <div class="field">
                <label class="check"><input id="require-2fa" type="checkbox" .checked=${s.requireTwoFactor} aria-describedby="require-2fa-hint" />${this.a('requireTwoFactor')}</label>
                <p id="require-2fa-hint" class="muted">${this.a('requireTwoFactorHint')}</p>
              </div>
              ${responseTargetField(this.locale, s.contactTargetOpenDays)}
              <div class="actions"><button type="submit" class="primary" ?disabled=${this.busy}>${this.a('munSave')}</button></div>
            </form>
            <h2 id="events-h">${this.a('eventsHeading')}</h2>
            ${
              this.events.length === 0
                ? html`<p>${this.a('noSessions')}</p>`
                : html`<div class="table-wrap" tabindex="0" role="region" aria-labelledby="events-h">
                  <table>
                    <thead><tr><th scope="col">${this.a('at')}</th><th scope="col">${this.a('actor')}</th><th scope="col">${this.a('action')}</th></tr></thead>
                    <tbody>${this.events.map((e) => html`<tr><td>${formatDateTime(e.at, this.locale)}</td><td>${e.actorName}</td><td>${actionName(this.locale, e.action)}</td></tr>`)}</tbody>
                  </table>
                </div>`
            }
          `
      }
    `;
  }
}
