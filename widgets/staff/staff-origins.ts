import { html, nothing } from 'lit';
import { ApiError } from './api.js';
import { formatDateTime, label } from './i18n.js';
import { ADD_ORIGIN, ORIGINS, REMOVE_ORIGIN, type AllowedOrigins } from './queries.js';
import { base, viewStyles } from './staff.styles.js';
import { StaffView } from './view-base.js';

/**
 * `<staff-origins>` (admins): the web origins of the municipality's CMS pages that may embed the
 * widgets (`allowedOrigins`), a form to add one (`addAllowedOrigin`; the API checks and normalises it,
 * an error shows at the field) and a button to remove each (`removeAllowedOrigin`). The deployment's
 * CORS_ORIGINS are listed read-only; the change log shows who did what. Changes hold at once.
 */
export class StaffOrigins extends StaffView {
  static override styles = [base, viewStyles];
  static override properties = {
    ...StaffView.properties,
    data: { state: true },
    draft: { state: true },
    error: { state: true },
    loadError: { state: true },
    busy: { state: true },
  };
  declare data: AllowedOrigins | null;
  declare draft: string;
  /** the API's message about the typed origin */
  declare error: string;
  declare loadError: string;
  declare busy: boolean;
  private started = false;

  constructor() {
    super();
    this.data = null;
    this.draft = '';
    this.error = '';
    this.loadError = '';
    this.busy = false;
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
      this.data = (await this.api.q<{ allowedOrigins: AllowedOrigins }>(ORIGINS)).allowedOrigins;
    } catch (e) {
      this.loadError = e instanceof ApiError && e.code === 'FORBIDDEN' ? this.t('originsAdminOnly') : this.errorText(e);
      this.announce(this.loadError, true);
    }
  }

  private async add(e: Event): Promise<void> {
    e.preventDefault();
    if (this.busy) return;
    const input = this.renderRoot.querySelector<HTMLInputElement>('#origin')!;
    if (!this.draft.trim()) {
      this.error = this.t('required');
      this.announce(this.error, true);
      input.focus();
      return;
    }
    this.busy = true;
    this.error = '';
    try {
      this.data = (await this.api.q<{ addAllowedOrigin: AllowedOrigins }>(ADD_ORIGIN, { input: { origin: this.draft } })).addAllowedOrigin;
      const added = this.data.changes[0]?.origin ?? this.draft.trim();
      this.draft = '';
      this.announce(this.t('originAdded', added));
    } catch (err) {
      this.error = this.errorText(err);
      this.announce(this.error, true);
    } finally {
      this.busy = false;
    }
    input.focus();
  }

  private async removeOrigin(origin: string, index: number): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      this.data = (await this.api.q<{ removeAllowedOrigin: AllowedOrigins }>(REMOVE_ORIGIN, { input: { origin } })).removeAllowedOrigin;
      this.announce(this.t('originRemoved', origin));
      // Focus goes to the next origin's button, else the previous one's, else the list's heading.
      await this.updateComplete;
      const buttons = this.renderRoot.querySelectorAll<HTMLElement>('.origins button');
      (buttons[Math.min(index, buttons.length - 1)] ?? this.renderRoot.querySelector<HTMLElement>('#origins-h'))?.focus();
    } catch (err) {
      this.announce(this.errorText(err), true);
    } finally {
      this.busy = false;
    }
  }

  override render() {
    const d = this.data;
    return html`
      <h1 tabindex="-1">${this.t('originsHeading')}</h1>
      <p>${this.t('originsIntro')}</p>
      ${this.loadError ? html`<p class="error" role="alert">${this.loadError} <button type="button" @click=${this.load}>${this.t('retry')}</button></p>` : nothing}
      ${
        d
          ? html`
            <form class="card" aria-labelledby="add-origin-h" @submit=${this.add} novalidate>
              <h2 id="add-origin-h">${this.t('addOrigin')}</h2>
              <div class="field">
                <label for="origin">${this.t('origin')}</label>
                <p class="muted" id="origin-hint">${this.t('originHint')}</p>
                <input id="origin" type="url" inputmode="url" autocomplete="off" spellcheck="false" .value=${this.draft}
                  aria-invalid=${this.error ? 'true' : 'false'} aria-describedby=${this.error ? 'origin-hint origin-error' : 'origin-hint'}
                  @input=${(e: Event) => (this.draft = (e.target as HTMLInputElement).value)} />
                ${this.error ? html`<p id="origin-error" class="error">${this.error}</p>` : nothing}
              </div>
              <div class="actions"><button class="primary" type="submit" ?disabled=${this.busy}>${this.t('addOrigin')}</button></div>
            </form>
            <h2 id="origins-h" tabindex="-1">${this.t('originsListed', d.origins.length)}</h2>
            ${
              d.origins.length === 0
                ? html`<p>${this.t('noOrigins')}</p>`
                : html`<ul class="plain origins" aria-labelledby="origins-h">
                  ${d.origins.map(
                    (o, i) => html`<li class="item item-head">
                    <span class="ref">${o}</span>
                    <button type="button" aria-label=${this.t('removeOriginLabel', o)} ?disabled=${this.busy} @click=${() => this.removeOrigin(o, i)}>${this.t('removeOrigin')}</button>
                  </li>`,
                  )}
                </ul>`
            }
            <h2>${this.t('originsFromEnv')}</h2>
            <p class="muted">${this.t('originsFromEnvIntro')}</p>
            ${d.fromEnvironment.length ? html`<ul>${d.fromEnvironment.map((o) => html`<li class="ref">${o}</li>`)}</ul>` : html`<p>${this.t('noOrigins')}</p>`}
            <h2 id="changes-h">${this.t('originChanges')}</h2>
            ${
              d.changes.length === 0
                ? html`<p>${this.t('noAudit')}</p>`
                : html`<div class="table-wrap" tabindex="0" role="region" aria-labelledby="changes-h">
                  <table>
                    <thead><tr><th scope="col">${this.t('at')}</th><th scope="col">${this.t('action')}</th><th scope="col">${this.t('origin')}</th><th scope="col">${this.t('actor')}</th></tr></thead>
                    <tbody>
                      ${d.changes.map((c) => html`<tr><td>${formatDateTime(c.at, this.locale)}</td><td>${label(this.locale, c.action)}</td><td class="ref">${c.origin}</td><td>${c.actorName}</td></tr>`)}
                    </tbody>
                  </table>
                </div>`
            }
          `
          : this.loadError
            ? nothing
            : html`<p>${this.t('loading')}</p>`
      }
    `;
  }
}
