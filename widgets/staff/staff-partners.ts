import { html, nothing } from 'lit';
import { ApiError } from './api.js';
import { CREATE_PARTNER, ISSUE_TOKEN, PARTNERS, REVOKE_TOKEN, TOKENS, UPDATE_PARTNER, type PartnerRow, type TokenRow } from './admin-queries.js';
import { mt, type MKey } from './admin-texts.js';
import { formatDateTime } from './i18n.js';
import { base, viewStyles } from './staff.styles.js';
import { StaffView } from './view-base.js';

/**
 * `<staff-partners>` (admins and supervisors of the owning department): partner organisations
 * (`partners`), registering one with its contact (`createPartnerOrganization`), and per partner its
 * contact (`updatePartnerOrganization`) and API tokens (`partnerTokens`, `issuePartnerToken` — the
 * secret shown once — and `revokePartnerToken`).
 */
export class StaffPartners extends StaffView {
  static override styles = [base, viewStyles];
  static override properties = {
    ...StaffView.properties,
    partners: { state: true },
    open: { state: true },
    tokens: { state: true },
    secret: { state: true },
    errors: { state: true },
    loadError: { state: true },
    busy: { state: true },
  };
  declare partners: PartnerRow[] | null;
  declare open: PartnerRow | null;
  declare tokens: TokenRow[];
  declare secret: string;
  declare errors: Record<string, string>;
  declare loadError: string;
  declare busy: boolean;
  private started = false;

  constructor() {
    super();
    this.partners = null;
    this.open = null;
    this.tokens = [];
    this.secret = '';
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
      this.partners = (await this.api.q<{ partners: PartnerRow[] }>(PARTNERS)).partners;
    } catch (e) {
      this.loadError = this.errorText(e);
      this.announce(this.loadError, true);
    }
  }

  private value(id: string): string {
    return this.renderRoot.querySelector<HTMLInputElement>(`#${id}`)?.value.trim() ?? '';
  }

  /** Runs a change; an API error shows at the field it names (`fields` maps API fields to ids), else at `fallback`. */
  private async run(fallback: string, fields: Record<string, string>, work: () => Promise<void>): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.errors = {};
    try {
      await work();
    } catch (err) {
      const id = (err instanceof ApiError && err.field && fields[err.field]) || fallback;
      this.errors = { [id]: err instanceof ApiError && err.code === 'FORBIDDEN' ? this.m('ownerOnly') : this.errorText(err) };
      this.announce(this.errors[id]!, true);
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(`#${id}`)?.focus();
    } finally {
      this.busy = false;
    }
  }

  private create(e: Event): Promise<void> {
    e.preventDefault();
    return this.run('p-name', { 'input.name': 'p-name', 'input.contact': 'p-contact' }, async () => {
      const p = (
        await this.api.q<{ createPartnerOrganization: PartnerRow }>(CREATE_PARTNER, {
          input: { name: this.value('p-name'), contact: this.value('p-contact') || null },
        })
      ).createPartnerOrganization;
      this.announce(this.m('pCreated', p.name));
      await this.load();
      await this.manage(p);
    });
  }

  private async manage(p: PartnerRow): Promise<void> {
    this.open = p;
    this.secret = '';
    this.tokens = (await this.api.q<{ partnerTokens: TokenRow[] }>(TOKENS, { partnerId: p.id })).partnerTokens;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#partner-h')?.focus();
  }

  private saveContact(e: Event): Promise<void> {
    e.preventDefault();
    const p = this.open!;
    return this.run('c-contact', { 'input.contact': 'c-contact' }, async () => {
      this.open = (
        await this.api.q<{ updatePartnerOrganization: PartnerRow }>(UPDATE_PARTNER, { input: { id: p.id, contact: this.value('c-contact') } })
      ).updatePartnerOrganization;
      this.announce(this.m('pSaved', p.name));
      await this.load();
    });
  }

  private issue(e: Event): Promise<void> {
    e.preventDefault();
    const p = this.open!;
    return this.run('t-label', { 'input.label': 't-label', 'input.validDays': 't-days' }, async () => {
      const done = (
        await this.api.q<{ issuePartnerToken: { secret: string } }>(ISSUE_TOKEN, {
          input: { partnerId: p.id, label: this.value('t-label'), validDays: Number(this.value('t-days') || 90) },
        })
      ).issuePartnerToken;
      this.tokens = (await this.api.q<{ partnerTokens: TokenRow[] }>(TOKENS, { partnerId: p.id })).partnerTokens;
      this.secret = done.secret;
      this.announce(this.m('tIssued'));
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#t-secret')?.focus();
    });
  }

  private revoke(token: TokenRow): Promise<void> {
    return this.run('tokens-h', {}, async () => {
      await this.api.q(REVOKE_TOKEN, { id: token.id });
      this.tokens = (await this.api.q<{ partnerTokens: TokenRow[] }>(TOKENS, { partnerId: this.open!.id })).partnerTokens;
      this.announce(this.m('tRevokedDone', token.label));
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#tokens-h')?.focus();
    });
  }

  private input(id: string, key: MKey, attrs: { value?: string; type?: string; max?: number } = {}) {
    const error = this.errors[id];
    return html`<div class="field">
      <label for=${id}>${this.m(key)}</label>
      <input id=${id} type=${attrs.type ?? 'text'} .value=${attrs.value ?? ''} maxlength=${attrs.max ?? 500} autocomplete="off"
        aria-invalid=${error ? 'true' : 'false'} aria-describedby=${error ? `${id}-error` : nothing} />
      ${error ? html`<p id="${id}-error" class="error">${error}</p>` : nothing}
    </div>`;
  }

  private panel(p: PartnerRow) {
    return html`<section class="card" aria-labelledby="partner-h">
      <h2 id="partner-h" tabindex="-1">${p.name}</h2>
      <form aria-label=${this.m('pContact')} @submit=${this.saveContact} novalidate>
        ${this.input('c-contact', 'pContact', { value: p.contact ?? '' })}
        <div class="actions"><button type="submit" ?disabled=${this.busy}>${this.m('pSave')}</button></div>
      </form>
      <h3 id="tokens-h" tabindex="-1">${this.m('tHeading')}</h3>
      ${this.errors['tokens-h'] ? html`<p class="error">${this.errors['tokens-h']}</p>` : nothing}
      ${
        this.secret
          ? html`<div class="field"><label for="t-secret">${this.m('tIssued')}</label><input id="t-secret" class="ref" readonly .value=${this.secret} /></div>`
          : nothing
      }
      ${
        this.tokens.length === 0
          ? html`<p>${this.m('tNone')}</p>`
          : html`<ul class="plain">${this.tokens.map(
              (t) => html`<li class="item item-head">
            <span>${t.label} — ${this.m('tExpires')} ${formatDateTime(t.expiresAt, this.locale)} — ${t.revokedAt ? this.m('tRevoked') : this.m('tValid')}</span>
            ${t.revokedAt ? nothing : html`<button type="button" ?disabled=${this.busy} aria-label=${this.m('tRevokeLabel', t.label)} @click=${() => this.revoke(t)}>${this.m('tRevoke')}</button>`}
          </li>`,
            )}</ul>`
      }
      <form aria-label=${this.m('tIssue')} @submit=${this.issue} novalidate>
        ${this.input('t-label', 'tLabel', { max: 100 })}
        ${this.input('t-days', 'tDays', { value: '90', type: 'number' })}
        <div class="actions"><button type="submit" class="primary" ?disabled=${this.busy}>${this.m('tIssue')}</button></div>
      </form>
    </section>`;
  }

  override render() {
    const list = this.partners;
    return html`
      <h1 tabindex="-1">${this.m('pHeading')}</h1>
      <p>${this.m('pIntro')}</p>
      ${this.loadError ? html`<p class="error" role="alert">${this.loadError} <button type="button" @click=${this.load}>${this.t('retry')}</button></p>` : nothing}
      ${
        !list
          ? this.loadError
            ? nothing
            : html`<p>${this.t('loading')}</p>`
          : html`
            ${
              list.length === 0
                ? html`<p>${this.m('pNone')}</p>`
                : html`<ul class="plain partners">${list.map(
                    (p) => html`<li class="item item-head">
                  <span><strong>${p.name}</strong>${p.contact ? html` — ${p.contact}` : nothing}</span>
                  <button type="button" aria-label=${this.m('pManageLabel', p.name)} @click=${() => this.manage(p)}>${this.m('pManage')}</button>
                </li>`,
                  )}</ul>`
            }
            ${this.open ? this.panel(this.open) : nothing}
            <form class="card" aria-labelledby="p-create-h" @submit=${this.create} novalidate>
              <h2 id="p-create-h">${this.m('pCreateHeading')}</h2>
              ${this.input('p-name', 'pName', { max: 200 })}
              ${this.input('p-contact', 'pContact')}
              <div class="actions"><button type="submit" class="primary" ?disabled=${this.busy}>${this.m('pCreate')}</button></div>
            </form>
          `
      }
    `;
  }
}
