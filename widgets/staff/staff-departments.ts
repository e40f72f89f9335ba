import { html, nothing } from 'lit';
import { ApiError } from './api.js';
import { ADD_DEPARTMENT, DEPARTMENTS, RENAME_DEPARTMENT, type DepartmentRow } from './admin-queries.js';
import { mt, type MKey } from './admin-texts.js';
import { DEPARTMENTS as KINDS, label } from './i18n.js';
import { base, viewStyles } from './staff.styles.js';
import { StaffView } from './view-base.js';

/**
 * `<staff-departments>` (admins): the municipality's departments and their local names
 * (`departments`), each renamed in place (`renameDepartment`), and the kinds it does not have yet
 * added (`addDepartment`). The API checks every name; its message shows at the field.
 */
export class StaffDepartments extends StaffView {
  static override styles = [base, viewStyles];
  static override properties = { ...StaffView.properties, rows: { state: true }, errors: { state: true }, loadError: { state: true }, busy: { state: true } };
  declare rows: DepartmentRow[] | null;
  /** the API's message per field id */
  declare errors: Record<string, string>;
  declare loadError: string;
  declare busy: boolean;
  private started = false;

  constructor() {
    super();
    this.rows = null;
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
      this.rows = (await this.api.q<{ departments: DepartmentRow[] }>(DEPARTMENTS)).departments;
    } catch (e) {
      this.loadError = this.errorText(e);
      this.announce(this.loadError, true);
    }
  }

  private async save(e: Event, code: string, adding: boolean): Promise<void> {
    e.preventDefault();
    if (this.busy) return;
    const id = `${adding ? 'add' : 'dep'}-${code}`;
    const input = this.renderRoot.querySelector<HTMLInputElement>(`#${id}`)!;
    const name = input.value.trim();
    if (!name) {
      this.errors = { [id]: this.m('required') };
      this.announce(this.errors[id]!, true);
      input.focus();
      return;
    }
    this.busy = true;
    this.errors = {};
    try {
      if (adding) {
        await this.api.q(ADD_DEPARTMENT, { input: { department: code, name } });
        this.announce(this.m('depAdded', name));
      } else {
        const d = (await this.api.q<{ renameDepartment: DepartmentRow }>(RENAME_DEPARTMENT, { input: { department: code, name } })).renameDepartment;
        this.announce(this.m('depSaved', label(this.locale, code), d.name));
      }
      await this.load();
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(`#dep-${code}`)?.focus();
    } catch (err) {
      this.errors = { [id]: err instanceof ApiError && err.code === 'FORBIDDEN' ? this.m('adminOnly') : this.errorText(err) };
      this.announce(this.errors[id]!, true);
      input.focus();
    } finally {
      this.busy = false;
    }
  }

  private field(id: string, kind: string, value: string, adding: boolean) {
    const error = this.errors[id];
    return html`<form class="item item-head" aria-label=${label(this.locale, kind)} @submit=${(e: Event) => this.save(e, kind, adding)} novalidate>
      <div class="field">
        <label for=${id}>${label(this.locale, kind)}</label>
        <input id=${id} .value=${value} maxlength="50" autocomplete="off" aria-invalid=${error ? 'true' : 'false'} aria-describedby=${error ? `${id}-error` : nothing} />
        ${error ? html`<p id="${id}-error" class="error">${error}</p>` : nothing}
      </div>
      <button type="submit" ?disabled=${this.busy} aria-label=${adding ? nothing : this.m('depRenameLabel', label(this.locale, kind))}>${adding ? this.m('depAdd') : this.m('depRename')}</button>
    </form>`;
  }

  override render() {
    const rows = this.rows;
    const missing = rows ? KINDS.filter((k) => !rows.some((r) => r.code === k)) : [];
    return html`
      <h1 tabindex="-1">${this.m('depHeading')}</h1>
      <p>${this.m('depIntro')}</p>
      ${this.loadError ? html`<p class="error" role="alert">${this.loadError} <button type="button" @click=${this.load}>${this.t('retry')}</button></p>` : nothing}
      ${
        !rows
          ? this.loadError
            ? nothing
            : html`<p>${this.t('loading')}</p>`
          : html`
            <ul class="plain">${rows.map((r) => html`<li>${this.field(`dep-${r.code}`, r.code, r.name, false)}</li>`)}</ul>
            ${
              missing.length
                ? html`<h2>${this.m('depAddHeading')}</h2>
                  <p class="muted">${this.m('depAddIntro')}</p>
                  <ul class="plain">${missing.map((k) => html`<li>${this.field(`add-${k}`, k, '', true)}</li>`)}</ul>`
                : nothing
            }
          `
      }
    `;
  }
}
