import { html, nothing } from 'lit';
import { ApiError } from './api.js';
import { NOTICES, PUBLISH_NOTICE, type Notices } from './admin-queries.js';
import { mt, type MKey } from './admin-texts.js';
import { formatDateTime } from './i18n.js';
import { base, viewStyles } from './staff.styles.js';
import { StaffView } from './view-base.js';

const FIELDS = { 'input.version': 'n-version', 'input.ja': 'n-ja', 'input.en': 'n-en', 'input.jaEasy': 'n-easy' } as const;

/**
 * `<staff-privacy-notice>` (admins): the privacy notice in force (`privacyNotices`), the versions
 * published, and a form to publish a new one (`publishPrivacyNotice`) in Japanese, English and
 * やさしい日本語, prefilled with the current text. Every problem the API names shows at its field.
 */
export class StaffPrivacyNotice extends StaffView {
  static override styles = [base, viewStyles];
  static override properties = { ...StaffView.properties, data: { state: true }, errors: { state: true }, loadError: { state: true }, busy: { state: true } };
  declare data: Notices | null;
  declare errors: Record<string, string>;
  declare loadError: string;
  declare busy: boolean;
  private started = false;

  constructor() {
    super();
    this.data = null;
    this.errors = {};
    this.loadError = '';
    this.busy = false;
  }

  private m(key: MKey, ...args: (string | number)[]): string {
    return mt(this.locale, key, ...args);
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
      this.data = (await this.api.q<{ privacyNotices: Notices }>(NOTICES)).privacyNotices;
    } catch (e) {
      this.loadError = e instanceof ApiError && e.code === 'FORBIDDEN' ? this.m('adminOnly') : this.errorText(e);
      this.announce(this.loadError, true);
    }
  }

  private async publish(e: Event): Promise<void> {
    e.preventDefault();
    if (this.busy) return;
    const v = (id: string) => this.renderRoot.querySelector<HTMLInputElement | HTMLTextAreaElement>(`#${id}`)!.value;
    const input = { version: v('n-version').trim(), ja: v('n-ja'), en: v('n-en'), jaEasy: v('n-easy') };
    const empty = Object.entries(FIELDS)
      .filter(([api]) => !input[api.slice(6) as keyof typeof input].trim())
      .map(([, id]) => id);
    this.errors = Object.fromEntries(empty.map((id) => [id, this.m('required')]));
    if (empty.length === 0) {
      this.busy = true;
      try {
        this.data = (await this.api.q<{ publishPrivacyNotice: Notices }>(PUBLISH_NOTICE, { input })).publishPrivacyNotice;
        this.announce(this.m('nPublished', input.version));
        this.renderRoot.querySelector<HTMLInputElement>('#n-version')!.value = '';
      } catch (err) {
        const problems =
          err instanceof ApiError ? err.errors.flatMap((x) => (x.extensions?.problems as { field: string; message: string }[] | undefined) ?? []) : [];
        this.errors = problems.length
          ? Object.fromEntries(problems.filter((p) => p.field in FIELDS).map((p) => [FIELDS[p.field as keyof typeof FIELDS], p.message]))
          : { 'n-version': this.errorText(err) };
      } finally {
        this.busy = false;
      }
    }
    const first = Object.values(FIELDS).find((id) => this.errors[id]);
    if (first) {
      this.announce(this.errors[first]!, true);
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(`#${first}`)?.focus();
    }
  }

  private field(id: string, key: MKey, value: string, multiline: boolean) {
    const error = this.errors[id];
    const described = error ? `${id}-error` : nothing;
    return html`<div class="field">
      <label for=${id}>${this.m(key)}</label>
      ${
        multiline
          ? html`<textarea id=${id} rows="6" maxlength="5000" .value=${value} aria-invalid=${error ? 'true' : 'false'} aria-describedby=${described}></textarea>`
          : html`<input id=${id} maxlength="50" autocomplete="off" spellcheck="false" .value=${value} aria-invalid=${error ? 'true' : 'false'} aria-describedby=${described} />`
      }
      ${error ? html`<p id="${id}-error" class="error">${error}</p>` : nothing}
    </div>`;
  }

  override render() {
    const d = this.data;
    const c = d?.current;
    return html`
      <h1 tabindex="-1">${this.m('nHeading')}</h1>
      <p>${this.m('nIntro')}</p>
      ${this.loadError ? html`<p class="error" role="alert">${this.loadError} <button type="button" @click=${this.load}>${this.t('retry')}</button></p>` : nothing}
      ${
        !d || !c
          ? this.loadError
            ? nothing
            : html`<p>${this.t('loading')}</p>`
          : html`
            <section class="card" aria-labelledby="current-h">
              <h2 id="current-h">${this.m('nCurrent', c.version)} ${c.publishedAt ? this.m('nPublishedOn', formatDateTime(c.publishedAt, this.locale), c.publishedBy ?? '') : this.m('nFromFile')}</h2>
              <p class="notice-text">${this.locale === 1 ? c.en : this.locale === 2 ? c.jaEasy : c.ja}</p>
            </section>
            <form class="card" aria-labelledby="publish-h" @submit=${this.publish} novalidate>
              <h2 id="publish-h">${this.m('nNewHeading')}</h2>
              ${this.field('n-version', 'nVersion', '', false)}
              ${this.field('n-ja', 'nJa', c.ja, true)}
              ${this.field('n-en', 'nEn', c.en, true)}
              ${this.field('n-easy', 'nEasy', c.jaEasy, true)}
              <div class="actions"><button type="submit" class="primary" ?disabled=${this.busy}>${this.m('nPublish')}</button></div>
            </form>
            <h2 id="versions-h">${this.m('nVersions')}</h2>
            ${
              d.versions.length === 0
                ? html`<p>${this.m('nNoVersions')}</p>`
                : html`<ul class="versions" aria-labelledby="versions-h">${d.versions.map((x) => html`<li><span class="ref">${x.version}</span> ${this.m('nPublishedOn', formatDateTime(x.publishedAt!, this.locale), x.publishedBy ?? '')}</li>`)}</ul>`
            }
          `
      }
    `;
  }
}
