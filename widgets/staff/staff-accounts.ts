import { html, nothing } from 'lit';
import { ApiError } from './api.js';
import { at, type AKey } from './accounts-texts.js';
import {
  INVITE,
  RESET_LINK,
  REVOKE_SESSION,
  SESSIONS,
  STAFF_LIST,
  UPDATE_MEMBER,
  type IssuedLink,
  type SessionRow,
  type StaffRow,
} from './accounts-queries.js';
import { DEPARTMENTS, formatDateTime, label } from './i18n.js';
import { base, viewStyles } from './staff.styles.js';
import { StaffView } from './view-base.js';

const ROLES = ['CASEWORKER', 'SUPERVISOR', 'VIEWER', 'ADMIN'] as const;

/**
 * `<staff-accounts>` (admins): the municipality's staff with department, role, state and the second
 * factors each has (authenticator app, passkeys and how many, both, or none); inviting someone (a one-time link, shown once); for a chosen member, changing department
 * and role, disabling or enabling the account, issuing a reset link (optionally removing a lost
 * authenticator) and ending their sessions; the invitations not yet used, with a new link each.
 * Nobody sets a password for someone else here: only links.
 */
export class StaffAccounts extends StaffView {
  static override styles = [base, viewStyles];
  static override properties = {
    ...StaffView.properties,
    staff: { state: true },
    chosen: { state: true },
    sessions: { state: true },
    link: { state: true },
    errors: { state: true },
    loadError: { state: true },
    busy: { state: true },
    requireTwoFactor: { state: true },
  };
  declare staff: StaffRow[] | null;
  /** Whether the municipality requires a second factor: then "none" is a warning in words, not only in colour. */
  declare requireTwoFactor: boolean;
  declare chosen: StaffRow | null;
  declare sessions: SessionRow[] | null;
  /** the link just issued, shown once (where: 'invite' or 'member') */
  declare link: (IssuedLink & { where: 'invite' | 'member' }) | null;
  /** messages per field id */
  declare errors: Record<string, string>;
  declare loadError: string;
  declare busy: boolean;
  private started = false;

  constructor() {
    super();
    this.staff = null;
    this.chosen = null;
    this.sessions = null;
    this.link = null;
    this.errors = {};
    this.loadError = '';
    this.busy = false;
    this.requireTwoFactor = false;
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
      const data = await this.api.q<{ staffMembers: StaffRow[]; municipalitySettings: { requireTwoFactor: boolean } }>(STAFF_LIST);
      this.requireTwoFactor = data.municipalitySettings.requireTwoFactor;
      this.staff = data.staffMembers;
    } catch (e) {
      this.loadError = e instanceof ApiError && e.code === 'FORBIDDEN' ? this.a('adminOnly') : this.errorText(e);
      this.announce(this.loadError, true);
    }
  }

  /** The second factors a member has: 認証アプリ, パスキー (n), both, or なし (a warning where they are required). */
  private factors(m: StaffRow) {
    const n = m.passkeyCount;
    if (m.twoFactorEnabled) return n > 0 ? this.a('factorBoth', n) : this.a('factorApp');
    if (n > 0) return this.a('factorPasskeys', n);
    return this.requireTwoFactor ? html`<strong class="error">${this.a('factorMissing')}</strong>` : this.a('factorNone');
  }

  private field(id: string): HTMLInputElement | HTMLSelectElement {
    return this.renderRoot.querySelector<HTMLInputElement | HTMLSelectElement>(`#${id}`)!;
  }

  /** Runs a change; an API error naming an input field shows at that field, which gets focus. */
  private async run(fields: Record<string, string>, work: () => Promise<void>): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.errors = {};
    try {
      await work();
    } catch (err) {
      const message = this.errorText(err);
      const id = err instanceof ApiError && err.field ? fields[err.field] : undefined;
      if (id) {
        this.errors = { [id]: message };
        await this.updateComplete;
        this.field(id).focus();
      }
      this.announce(message, true);
    } finally {
      this.busy = false;
    }
  }

  private async invite(e: Event): Promise<void> {
    e.preventDefault();
    const name = this.field('inv-name').value.trim();
    const email = this.field('inv-email').value.trim();
    const missing = !name ? 'inv-name' : !email ? 'inv-email' : null;
    if (missing) {
      this.errors = { [missing]: this.a('required') };
      this.announce(this.a('required'), true);
      this.field(missing).focus();
      return;
    }
    await this.run({ 'input.name': 'inv-name', 'input.email': 'inv-email', 'input.department': 'inv-dep' }, async () => {
      const input = { name, email, department: this.field('inv-dep').value, role: this.field('inv-role').value };
      const issued = (await this.api.q<{ inviteStaffMember: IssuedLink }>(INVITE, { input })).inviteStaffMember;
      this.link = { ...issued, where: 'invite' };
      this.staff = [...(this.staff ?? []), issued.member];
      // The form is done with: a second press would only meet 「すでに使われています」.
      this.field('inv-name').value = '';
      this.field('inv-email').value = '';
      this.announce(this.a('invited', issued.member.name));
      await this.focusLink();
    });
  }

  private async focusLink(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>('#issued-link')?.focus();
  }

  private async choose(member: StaffRow): Promise<void> {
    this.chosen = member;
    this.link = null;
    this.errors = {};
    this.sessions = null;
    await this.updateComplete;
    await this.reveal('#member-h');
    try {
      this.sessions = (await this.api.q<{ staffSessions: SessionRow[] }>(SESSIONS, { staffId: member.id })).staffSessions;
    } catch (err) {
      this.announce(this.errorText(err), true);
    }
  }

  private replace(member: StaffRow): void {
    this.staff = (this.staff ?? []).map((m) => (m.id === member.id ? member : m));
    if (this.chosen?.id === member.id) this.chosen = member;
  }

  private async saveRole(e: Event): Promise<void> {
    e.preventDefault();
    const m = this.chosen!;
    await this.run({ 'input.role': 'm-role', 'input.department': 'm-dep', 'input.id': 'm-role' }, async () => {
      const input = { id: m.id, role: this.field('m-role').value, department: this.field('m-dep').value };
      this.replace((await this.api.q<{ updateStaffMember: StaffRow }>(UPDATE_MEMBER, { input })).updateStaffMember);
      this.sessions = [];
      this.announce(this.a('roleSaved', m.name));
    });
  }

  private async toggle(): Promise<void> {
    const m = this.chosen!;
    await this.run({}, async () => {
      const updated = (await this.api.q<{ updateStaffMember: StaffRow }>(UPDATE_MEMBER, { input: { id: m.id, disabled: m.active } })).updateStaffMember;
      this.replace(updated);
      if (!updated.active) this.sessions = [];
      this.announce(this.a(updated.active ? 'enabledDone' : 'disabledDone', m.name));
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#toggle')?.focus();
    });
  }

  private async resetLink(member: StaffRow, resetTwoFactor: boolean): Promise<void> {
    await this.run({}, async () => {
      const issued = (await this.api.q<{ issuePasswordResetLink: IssuedLink }>(RESET_LINK, { input: { staffId: member.id, resetTwoFactor } }))
        .issuePasswordResetLink;
      this.link = { ...issued, where: 'member' };
      if (this.chosen?.id !== member.id) this.chosen = member;
      this.announce(this.a('linkReady'));
      await this.focusLink();
    });
  }

  private async revoke(s: SessionRow, index: number): Promise<void> {
    await this.run({}, async () => {
      await this.api.q(REVOKE_SESSION, { id: s.id });
      this.sessions = (this.sessions ?? []).filter((x) => x.id !== s.id);
      this.announce(this.a('revoked'));
      await this.updateComplete;
      const buttons = this.renderRoot.querySelectorAll<HTMLElement>('.sessions button');
      (buttons[Math.min(index, buttons.length - 1)] ?? this.renderRoot.querySelector<HTMLElement>('#sessions-h'))?.focus();
    });
  }

  private async closeMember(): Promise<void> {
    const id = this.chosen?.id;
    this.chosen = null;
    this.link = this.link?.where === 'invite' ? this.link : null;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`[data-id="${id}"]`)?.focus();
  }

  private err(id: string) {
    return this.errors[id] ? html`<p id="${id}-error" class="error">${this.errors[id]}</p>` : nothing;
  }
  private invalid(id: string) {
    return this.errors[id] ? 'true' : 'false';
  }
  private describedBy(id: string) {
    return this.errors[id] ? `${id}-error` : nothing;
  }

  private selects(prefix: string, m?: StaffRow) {
    return html`<div class="field">
        <label for="${prefix}-dep">${this.a('department')}</label>
        <select id="${prefix}-dep" aria-invalid=${this.invalid(`${prefix}-dep`)} aria-describedby=${this.describedBy(`${prefix}-dep`)}>
          ${DEPARTMENTS.map((d) => html`<option value=${d} ?selected=${m?.department.code === d}>${label(this.locale, d)}</option>`)}
        </select>${this.err(`${prefix}-dep`)}
      </div>
      <div class="field">
        <label for="${prefix}-role">${this.a('role')}</label>
        <select id="${prefix}-role" aria-invalid=${this.invalid(`${prefix}-role`)} aria-describedby=${this.describedBy(`${prefix}-role`)}>
          ${ROLES.map((r) => html`<option value=${r} ?selected=${(m?.role ?? 'CASEWORKER') === r}>${label(this.locale, r)}</option>`)}
        </select>${this.err(`${prefix}-role`)}
      </div>`;
  }

  private linkBox() {
    const l = this.link!;
    return html`<div class="card">
      <label for="issued-link">${this.a('linkLabel')}</label>
      <input id="issued-link" type="text" readonly .value=${l.url} aria-describedby="issued-link-hint" spellcheck="false" />
      <p id="issued-link-hint" class="muted">${this.a('linkIssued', formatDateTime(l.expiresAt, this.locale))}</p>
    </div>`;
  }

  private state(m: StaffRow): string {
    return m.invitationPending ? this.a('pending') : m.active ? this.a('active') : this.a('disabled');
  }

  private member() {
    const m = this.chosen!;
    const self = m.id === this.me.id;
    return html`<section class="card" aria-labelledby="member-h">
      <h2 id="member-h" tabindex="-1">${this.a('memberHeading', m.name)}${self ? this.a('self') : ''}</h2>
      <dl><dt>${this.a('email')}</dt><dd>${m.email}</dd><dt>${this.a('state')}</dt><dd>${this.state(m)}</dd><dt>${this.a('twoFactor')}</dt><dd>${this.factors(m)}</dd></dl>
      <form @submit=${this.saveRole} novalidate>
        <div class="grid">${this.selects('m', m)}</div>
        <div class="actions"><button type="submit" class="primary">${this.a('saveRole')}</button></div>
      </form>
      <div class="actions">
        <button id="toggle" type="button" @click=${this.toggle}>${m.active ? this.a('disable') : this.a('enable')}</button>
      </div>
      <div class="field"><label class="check"><input id="reset-2fa" type="checkbox" ?disabled=${!m.twoFactorEnabled} />${this.a('resetTwoFactor')}</label></div>
      <div class="actions">
        <button type="button" @click=${() => this.resetLink(m, (this.field('reset-2fa') as HTMLInputElement).checked)}>${m.invitationPending ? this.a('newInvitationLink') : this.a('resetLink')}</button>
      </div>
      ${this.link?.where === 'member' ? this.linkBox() : nothing}
      <h3 id="sessions-h" tabindex="-1">${this.a('sessionsOf', m.name)}</h3>
      ${
        this.sessions == null
          ? html`<p>${this.t('loading')}</p>`
          : this.sessions.length === 0
            ? html`<p>${this.a('noSessions')}</p>`
            : html`<ul class="plain sessions" aria-labelledby="sessions-h">
              ${this.sessions.map(
                (s, i) => html`<li class="item item-head">
                <span>${this.a('started')}: ${formatDateTime(s.createdAt, this.locale)}（${s.twoFactor ? this.a('withTwoFactor') : this.a('withoutTwoFactor')}）</span>
                ${s.current ? html`<span class="badge">${this.a('thisSession')}</span>` : html`<button type="button" aria-label=${this.a('revokeLabel', formatDateTime(s.createdAt, this.locale))} @click=${() => this.revoke(s, i)}>${this.a('revoke')}</button>`}
              </li>`,
              )}
            </ul>`
      }
      <div class="actions"><button type="button" @click=${this.closeMember}>${this.a('close')}</button></div>
    </section>`;
  }

  override render() {
    const list = this.staff;
    const joined = list?.filter((m) => !m.invitationPending) ?? [];
    const pending = list?.filter((m) => m.invitationPending) ?? [];
    return html`
      <h1 tabindex="-1">${this.a('staffHeading')}</h1>
      <p>${this.a('staffIntro')}</p>
      ${this.loadError ? html`<p class="error" role="alert">${this.loadError} <button type="button" @click=${this.load}>${this.t('retry')}</button></p>` : nothing}
      ${
        !list
          ? this.loadError
            ? nothing
            : html`<p>${this.t('loading')}</p>`
          : html`
            <h2 id="staff-h">${this.a('staffListed', joined.length)}</h2>
            <div class="table-wrap" tabindex="0" role="region" aria-labelledby="staff-h">
              <table>
                <thead><tr>${(['name', 'email', 'department', 'role', 'state', 'twoFactor', 'actions'] as const).map((k) => html`<th scope="col">${this.a(k)}</th>`)}</tr></thead>
                <tbody>
                  ${joined.map(
                    (m) => html`<tr>
                    <th scope="row">${m.name}${m.id === this.me.id ? this.a('self') : ''}</th><td>${m.email}</td><td>${m.department.name}</td><td>${label(this.locale, m.role)}</td>
                    <td>${this.state(m)}</td><td>${this.factors(m)}</td>
                    <td><button type="button" data-id=${m.id} aria-label=${this.a('manageLabel', m.name)} @click=${() => this.choose(m)}>${this.a('manage')}</button></td>
                  </tr>`,
                  )}
                </tbody>
              </table>
            </div>
            ${this.chosen ? this.member() : nothing}
            <h2 id="pending-h">${this.a('pendingHeading', pending.length)}</h2>
            <p class="muted">${this.a('pendingIntro')}</p>
            ${
              pending.length === 0
                ? html`<p>${this.a('noPending')}</p>`
                : html`<ul class="plain pending" aria-labelledby="pending-h">
                  ${pending.map(
                    (m) => html`<li class="item item-head"><span>${m.name}（${m.email}・${m.department.name}・${label(this.locale, m.role)}）</span>
                    <button type="button" data-id=${m.id} aria-label=${`${this.a('newInvitationLink')}: ${m.name}`} @click=${() => this.resetLink(m, false)}>${this.a('newInvitationLink')}</button></li>`,
                  )}
                </ul>`
            }
            <form class="card" aria-labelledby="invite-h" @submit=${this.invite} novalidate>
              <h2 id="invite-h">${this.a('inviteHeading')}</h2>
              <div class="grid">
                <div class="field">
                  <label for="inv-name">${this.a('name')}</label>
                  <input id="inv-name" type="text" autocomplete="off" aria-invalid=${this.invalid('inv-name')} aria-describedby=${this.describedBy('inv-name')} />${this.err('inv-name')}
                </div>
                <div class="field">
                  <label for="inv-email">${this.a('email')}</label>
                  <input id="inv-email" type="email" autocomplete="off" spellcheck="false" aria-invalid=${this.invalid('inv-email')} aria-describedby=${this.describedBy('inv-email')} />${this.err('inv-email')}
                </div>
                ${this.selects('inv')}
              </div>
              <div class="actions"><button type="submit" class="primary">${this.a('invite')}</button></div>
              ${this.link?.where === 'invite' ? this.linkBox() : nothing}
            </form>
          `
      }
    `;
  }
}
