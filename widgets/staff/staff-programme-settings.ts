import { html, nothing } from 'lit';
import { ApiError } from './api.js';
import {
  PROGRAMME_SETTINGS,
  SAVE_PROGRAMME_SETTINGS,
  type ProgrammeChange,
  type ProgrammeRow,
  type ProgrammeSettingsData,
  type SaveResult,
  type SettingChange,
} from './programme-settings-queries.js';
import { amountName, pt, type PKey } from './programme-settings-texts.js';
import { base, viewStyles } from './staff.styles.js';
import { StaffView } from './view-base.js';

type Draft = { enabled?: boolean; contact?: { ja: string; en: string; jaEasy: string }; amounts?: Record<string, number> };

/**
 * `<staff-programme-settings>` (admins, 「支援制度の設定」): the catalogue as the municipality sees it
 * (`programmeSettings`), each programme's contact, on/off and (prefectural and municipal only) amounts
 * editable in place. 「変更を確認」 sends the whole document as a dry run (`saveProgrammeSettings`,
 * apply false) and lists what changes; 「適用する」 then applies that same document with the version
 * read, so another admin's save in between is refused (CONFLICT: the latest is loaded). The API's
 * problems show at their fields (`input.programmes[i].…`).
 */
export class StaffProgrammeSettings extends StaffView {
  static override styles = [base, viewStyles];
  static override properties = {
    ...StaffView.properties,
    data: { state: true },
    preview: { state: true },
    errors: { state: true },
    loadError: { state: true },
    busy: { state: true },
    done: { state: true },
  };
  declare data: ProgrammeSettingsData | null;
  /** The differences of the last dry run; cleared by any edit. */
  declare preview: SettingChange[] | null;
  declare errors: Record<string, string>;
  declare loadError: string;
  declare busy: boolean;
  /** What the last apply did, shown under the heading (the preview and its button are gone). */
  declare done: string;
  private started = false;
  /** What the console changes, by programme (the document the API stores). */
  private draft = new Map<string, Draft>();
  /** The programme ids in the order last sent (the API names problems by index). */
  private sent: ProgrammeChange[] = [];

  constructor() {
    super();
    this.data = null;
    this.preview = null;
    this.errors = {};
    this.loadError = '';
    this.busy = false;
    this.done = '';
  }

  private p(key: PKey, ...args: (string | number)[]): string {
    return pt(this.locale, key, ...args);
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
      this.show((await this.api.q<{ programmeSettings: ProgrammeSettingsData }>(PROGRAMME_SETTINGS)).programmeSettings);
    } catch (e) {
      this.loadError = this.errorText(e);
      this.announce(this.loadError, true);
    }
  }

  /** The settings as read; the draft starts from what the console changed before. */
  private show(data: ProgrammeSettingsData): void {
    this.data = data;
    this.preview = null;
    this.draft = new Map();
    for (const p of data.programmes) {
      const d: Draft = {};
      if (p.changedHere.includes('enabled')) d.enabled = p.enabled;
      if (p.changedHere.includes('contact')) d.contact = { ...p.contact };
      if (p.changedHere.includes('amounts')) d.amounts = Object.fromEntries(p.amounts.filter((a) => a.value !== a.fileValue).map((a) => [a.key, a.value]));
      if (d.amounts && Object.keys(d.amounts).length === 0) delete d.amounts;
      if (Object.keys(d).length) this.draft.set(p.id, d);
    }
  }

  private edit(id: string, change: (d: Draft) => void): void {
    const d = this.draft.get(id) ?? {};
    change(d);
    this.draft.set(id, d);
    this.preview = null;
    this.done = '';
  }

  private value(id: string): string {
    return this.renderRoot.querySelector<HTMLInputElement>(`#${id}`)?.value ?? '';
  }

  private document(): ProgrammeChange[] {
    return [...this.draft].map(([programmeId, d]) => ({
      programmeId,
      ...(d.enabled !== undefined ? { enabled: d.enabled } : {}),
      ...(d.contact ? { contact: d.contact } : {}),
      ...(d.amounts && Object.keys(d.amounts).length ? { amounts: Object.entries(d.amounts).map(([key, value]) => ({ key, value })) } : {}),
    }));
  }

  /** `input.programmes[2].contact.jaEasy` → the element that holds it. */
  private elementOf(field: string): string | null {
    const m = /^input\.programmes\[(\d+)\](?:\.(\w+)(?:\.(\w+)|\[(\d+)\])?)?/.exec(field);
    const change = m ? this.sent[Number(m[1])] : undefined;
    if (!m || !change) return null;
    const id = change.programmeId;
    if (m[2] === 'contact') return `c-${id}-${m[3] ?? 'ja'}`;
    if (m[2] === 'amounts') {
      const key = m[4] !== undefined ? change.amounts?.[Number(m[4])]?.key : change.amounts?.[0]?.key;
      return key ? `a-${id}-${key}` : `en-${id}`;
    }
    return `en-${id}`;
  }

  private async save(apply: boolean): Promise<void> {
    if (this.busy || !this.data) return;
    this.busy = true;
    this.errors = {};
    this.sent = this.document();
    try {
      const input = { municipalityCode: this.me.municipalityCode, version: this.data.version, programmes: this.sent, apply };
      const r = (await this.api.q<{ saveProgrammeSettings: SaveResult }>(SAVE_PROGRAMME_SETTINGS, { input })).saveProgrammeSettings;
      if (r.applied) {
        this.show(r.settings);
        // Focused, so it is read out and in view (the pressed button is gone with the preview).
        this.done = this.p('applied', r.settings.version);
        await this.reveal('#done');
      } else {
        this.preview = r.changes;
        this.announce(r.changes.length ? this.p('previewed', r.changes.length) : this.p('noChanges'));
        await this.reveal('#preview-h');
      }
    } catch (err) {
      if (err instanceof ApiError && err.code === 'CONFLICT') {
        await this.load();
        this.announce(this.p('conflict'), true);
        return;
      }
      const problems =
        err instanceof ApiError ? err.errors.flatMap((x) => (x.extensions?.problems as { field: string; message: string }[] | undefined) ?? []) : [];
      const errors: Record<string, string> = {};
      for (const pr of problems) {
        const el = this.elementOf(pr.field);
        if (el && !errors[el]) errors[el] = pr.message;
      }
      if (!Object.keys(errors).length) errors['save'] = this.errorText(err);
      this.errors = errors;
      this.announce(problems.length ? this.p('problems', problems.length) : errors['save']!, true);
      await this.updateComplete;
      const first = Object.keys(errors)[0]!;
      const el = this.renderRoot.querySelector<HTMLElement>(`#${first}`);
      el?.closest('details')?.setAttribute('open', '');
      el?.focus();
    } finally {
      this.busy = false;
    }
  }

  private errorOf(id: string) {
    const e = this.errors[id];
    return e ? html`<p id="${id}-error" class="error">${e}</p>` : nothing;
  }

  private programme(p: ProgrammeRow) {
    const d = this.draft.get(p.id) ?? {};
    const enabled = d.enabled ?? p.enabled;
    const contact = d.contact ?? p.contact;
    const readContact = () =>
      this.edit(p.id, (x) => (x.contact = { ja: this.value(`c-${p.id}-ja`), en: this.value(`c-${p.id}-en`), jaEasy: this.value(`c-${p.id}-jaEasy`) }));
    const text = (locale: 'ja' | 'en' | 'jaEasy') => {
      const id = `c-${p.id}-${locale}`;
      return html`<div class="field">
        <label for=${id}>${this.p(locale)}</label>
        <input id=${id} type="text" .value=${contact[locale]} maxlength="500" autocomplete="off" @change=${readContact}
          aria-invalid=${this.errors[id] ? 'true' : 'false'} aria-describedby=${this.errors[id] ? `${id}-error` : nothing} />
        ${this.errorOf(id)}
      </div>`;
    };
    const open = Object.keys(this.errors).some((k) => k.includes(`-${p.id}-`) || k === `en-${p.id}`);
    return html`<li>
      <details class="card" ?open=${open}>
        <summary>${p.name} <span class="muted">（${this.p(`level_${p.level}`)}）</span>${enabled ? nothing : html` <span class="badge">${this.p('off')}</span>`}${
          p.changedHere.length ? html` <span class="badge">${this.p('changedHere')}</span>` : nothing
        }</summary>
        <div class="field">
          <label class="check"><input type="checkbox" id="en-${p.id}" .checked=${enabled}
            aria-describedby=${this.errors[`en-${p.id}`] ? `en-${p.id}-error` : nothing}
            @change=${(e: Event) => this.edit(p.id, (x) => (x.enabled = (e.target as HTMLInputElement).checked))} /> ${this.p('enabled')}</label>
          ${this.errorOf(`en-${p.id}`)}
        </div>
        <fieldset>
          <legend>${this.p('contact')}</legend>
          ${text('ja')} ${text('en')} ${text('jaEasy')}
        </fieldset>
        ${
          p.level === 'national'
            ? html`<p class="muted">${this.p('nationalAmounts')}</p>`
            : p.amounts.map((a) => {
                const id = `a-${p.id}-${a.key}`;
                return html`<div class="field">
                  <label for=${id}>${this.p('amount', amountName(this.locale, a.key))}</label>
                  <input id=${id} type="number" inputmode="numeric" min="0" step="1" .value=${String(d.amounts?.[a.key] ?? a.value)}
                    aria-invalid=${this.errors[id] ? 'true' : 'false'} aria-describedby="${id}-file${this.errors[id] ? ` ${id}-error` : ''}"
                    @change=${(e: Event) => this.edit(p.id, (x) => (x.amounts = { ...x.amounts, [a.key]: Number((e.target as HTMLInputElement).value) }))} />
                  <p id="${id}-file" class="muted">${this.p('fileValue', a.fileValue.toLocaleString('ja-JP'))}</p>
                  ${this.errorOf(id)}
                </div>`;
              })
        }
      </details>
    </li>`;
  }

  private changeLabel(c: SettingChange): string {
    const [, id = '', field = '', sub = ''] = c.path.split('.');
    const name = this.data?.programmes.find((p) => p.id === id)?.name ?? id;
    const what =
      field === 'enabled'
        ? this.p('field_enabled')
        : field === 'contact'
          ? this.p('field_contact', this.p(sub === 'ja-easy' ? 'jaEasy' : (sub as 'ja' | 'en')))
          : this.p('field_amount', amountName(this.locale, sub));
    const shown = (v: string | null) => (field === 'enabled' ? (v === 'true' ? this.p('yes') : this.p('no')) : (v ?? '—'));
    return `${name}：${what}：${shown(c.before)} → ${shown(c.after)}`;
  }

  override render() {
    const d = this.data;
    return html`
      <h1 tabindex="-1">${this.p('heading')}</h1>
      <p>${this.p('intro')}</p>
      ${this.done ? html`<p id="done" class="notice ok" tabindex="-1">${this.done}</p>` : nothing}
      ${this.loadError ? html`<p class="error" role="alert">${this.loadError} <button type="button" @click=${this.load}>${this.t('retry')}</button></p>` : nothing}
      ${
        !d
          ? this.loadError
            ? nothing
            : html`<p>${this.t('loading')}</p>`
          : html`
            <p class="muted">${this.p('version', d.version)}</p>
            <ul class="plain">${d.programmes.map((p) => this.programme(p))}</ul>
            ${this.errorOf('save')}
            <div class="actions">
              <button type="button" class="primary" ?disabled=${this.busy} @click=${() => this.save(false)}>${this.p('preview')}</button>
            </div>
            ${
              this.preview
                ? html`<section class="card" aria-labelledby="preview-h">
                    <h2 id="preview-h" tabindex="-1">${this.p('previewHeading')}</h2>
                    ${
                      this.preview.length
                        ? html`<ul>${this.preview.map((c) => html`<li>${this.changeLabel(c)}</li>`)}</ul>
                            <div class="actions"><button type="button" class="primary" ?disabled=${this.busy} @click=${() => this.save(true)}>${this.p('apply')}</button></div>`
                        : html`<p>${this.p('noChanges')}</p>`
                    }
                  </section>`
                : nothing
            }
          `
      }
    `;
  }
}
