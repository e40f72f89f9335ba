import { html, nothing, type TemplateResult } from 'lit';
import { CALL_OUTCOME, PHONE_TASKS, type PhoneTask } from './outreach-campaign-queries.js';
import { clabel, ct, type CKey } from './outreach-campaign-texts.js';
import { base, viewStyles } from './staff.styles.js';
import { StaffView } from './view-base.js';

const OUTCOMES = ['REACHED', 'NO_ANSWER', 'WRONG_NUMBER', 'DO_NOT_CALL'] as const;

/**
 * `<staff-outreach-calls>`: the department's call tasks on the outreach screen (issue 16). Each open
 * call shows the family (as far as the department may see it), the number, the family's safe times, why
 * the call, how often it was tried and the script (in a disclosure); the caseworker records the outcome.
 * "No answer" keeps the task; "asked not to be called" also stops calls to the family (the API withdraws
 * the phone opt-in). Viewers read the list without the controls.
 */
export class StaffOutreachCalls extends StaffView {
  static override styles = [base, viewStyles];
  static override properties = {
    ...StaffView.properties,
    tasks: { state: true },
    error: { state: true },
    busy: { state: true },
  };
  declare tasks: PhoneTask[] | null;
  declare error: string;
  declare busy: boolean;
  private started = false;

  constructor() {
    super();
    this.tasks = null;
    this.error = '';
    this.busy = false;
  }

  private c(key: CKey, ...args: (string | number)[]): string {
    return ct(this.locale, key, ...args);
  }

  protected override willUpdate(): void {
    if (!this.started && this.api) {
      this.started = true;
      void this.load();
    }
  }

  private async load(): Promise<void> {
    try {
      this.tasks = (await this.api.q<{ outreachPhoneTasks: PhoneTask[] }>(PHONE_TASKS, { status: 'OPEN' })).outreachPhoneTasks;
    } catch (e) {
      this.error = this.errorText(e);
      this.announce(this.error, true);
    }
  }

  private async record(task: PhoneTask): Promise<void> {
    const outcome = this.renderRoot.querySelector<HTMLSelectElement>(`#call-outcome-${task.id}`)?.value ?? '';
    this.busy = true;
    this.error = '';
    try {
      await this.api.q(CALL_OUTCOME, { input: { taskId: task.id, outcome } });
      await this.load();
      this.announce(this.c('outcomeSaved', clabel(this.locale, outcome)));
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#calls-heading')?.focus();
    } catch (e) {
      this.error = this.errorText(e);
      this.announce(this.error, true);
    } finally {
      this.busy = false;
    }
  }

  private row(task: PhoneTask): TemplateResult {
    const r = task.record;
    const name = r?.identity ? [r.identity.familyName, r.identity.givenName].filter(Boolean).join(' ') : '';
    const ref = r?.referenceNumber ?? this.c('hidden');
    return html`<tr data-id=${task.id}>
      <th scope="row">${r ? html`<a href="#/records/${encodeURIComponent(r.id)}">${r.referenceNumber}</a>` : this.c('hidden')}</th>
      <td>${name || this.c('hidden')}</td>
      <td>${r?.contact?.phone ?? this.c('hidden')}</td>
      <td>${task.safeTimes ?? '—'}</td>
      <td>${clabel(this.locale, task.reason)}${task.programmeName ? html`<br />${task.programmeName}` : nothing}</td>
      <td>${task.attempts}</td>
      <td><details><summary>${this.c('scriptLabel')}</summary><p class="script">${task.script}</p></details></td>
      ${
        this.me?.role !== 'VIEWER'
          ? html`<td>
            <label class="visually-hidden" for="call-outcome-${task.id}">${this.c('outcome')} ${ref}</label>
            <select id="call-outcome-${task.id}">${OUTCOMES.map((o) => html`<option value=${o}>${this.c(o)}</option>`)}</select>
            <button type="button" id="call-record-${task.id}" ?disabled=${this.busy} @click=${() => this.record(task)}>${this.c('record')}</button>
          </td>`
          : nothing
      }
    </tr>`;
  }

  override render() {
    const list = this.tasks;
    const cols: CKey[] = ['reference', 'name', 'phone', 'safeTimes', 'reason', 'attempts', 'scriptLabel'];
    return html`<section aria-labelledby="calls-heading">
      <h2 id="calls-heading" tabindex="-1">${this.c('calls')} <span class="badge">${list?.length ?? 0}</span></h2>
      <p>${this.c('callsIntro')}</p>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${
        !list
          ? html`<p>${this.t('loading')}</p>`
          : list.length === 0
            ? html`<p>${this.c('noCalls')}</p>`
            : html`<div class="table-wrap" tabindex="0" role="region" aria-labelledby="calls-heading">
              <table>
                <thead><tr>${cols.map((k) => html`<th scope="col">${this.c(k)}</th>`)}${this.me?.role !== 'VIEWER' ? html`<th scope="col">${this.c('outcome')}</th>` : nothing}</tr></thead>
                <tbody>${list.map((t) => this.row(t))}</tbody>
              </table>
            </div>`
      }
    </section>`;
  }
}
