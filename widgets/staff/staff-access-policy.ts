import { html, nothing } from 'lit';
import { ApiError } from './api.js';
import {
  ACCESS_POLICY,
  RESET_ACCESS_POLICY,
  SAVE_ACCESS_POLICY,
  VALIDATE_ACCESS_POLICY,
  type PolicyChange,
  type PolicyData,
  type PolicyProblem,
  type PolicySaveResult,
} from './access-policy-queries.js';
import { at, type AKey } from './access-policy-texts.js';
import { formatDateTime } from './i18n.js';
import { base, viewStyles } from './staff.styles.js';
import { StaffView } from './view-base.js';

/**
 * `<staff-access-policy>` (admins, 「アクセス方針」): the policy in force (`accessPolicySettings`) as a
 * table of sections × departments and the row rules in words, with the document as YAML to download.
 * A changed document (typed, or loaded from a file) is 「検証」ed (`validateAccessPolicy`: the problem by
 * key, nothing changes), then 「変更内容を確認」 (`saveAccessPolicy`, apply false) lists each department's
 * gains and losses — gains marked as widening access to personal information — and 「適用」 applies the
 * same document with the version read, so another admin's apply in between is refused (CONFLICT: the
 * latest is loaded). When the console's policy is in force, 「ファイルの方針に戻す」 lists what going back
 * to the policy file changes (`resetAccessPolicy`, apply false) and applies it the same way.
 */
export class StaffAccessPolicy extends StaffView {
  static override styles = [base, viewStyles];
  static override properties = {
    ...StaffView.properties,
    data: { state: true },
    problems: { state: true },
    preview: { state: true },
    error: { state: true },
    loadError: { state: true },
    busy: { state: true },
    done: { state: true },
  };
  declare data: PolicyData | null;
  /** The last validation's problems (null: not validated since the last edit). */
  declare problems: PolicyProblem[] | null;
  /** The differences of the last dry run; cleared by any edit. */
  declare preview: PolicyChange[] | null;
  declare error: string;
  declare loadError: string;
  declare busy: boolean;
  /** What the last apply did, shown under the heading (the preview and its button are gone). */
  declare done: string;
  private started = false;
  /** The document being edited (starts as the one in force). */
  private text = '';
  /** The preview shown is of going back to the policy file (its apply button does that). */
  private resetting = false;

  constructor() {
    super();
    this.data = null;
    this.problems = null;
    this.preview = null;
    this.error = '';
    this.loadError = '';
    this.busy = false;
    this.done = '';
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
      this.show((await this.api.q<{ accessPolicySettings: PolicyData }>(ACCESS_POLICY)).accessPolicySettings);
    } catch (e) {
      this.loadError = this.errorText(e);
      this.announce(this.loadError, true);
    }
  }

  private show(data: PolicyData): void {
    this.data = data;
    this.text = data.yaml;
    this.problems = null;
    this.preview = null;
    this.resetting = false;
    this.error = '';
  }

  private edited(text: string): void {
    this.done = '';
    this.text = text;
    this.problems = null;
    this.preview = null;
    this.resetting = false;
    this.error = '';
  }

  private async loadFile(e: Event): Promise<void> {
    const file = (e.target as HTMLInputElement).files?.[0];
    if (!file) return;
    this.edited(await file.text());
    this.requestUpdate();
  }

  private downloadYaml(): void {
    const url = URL.createObjectURL(new Blob([this.data!.yaml], { type: 'application/yaml;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `access-policy-${this.me.municipalityCode}.yaml`;
    link.hidden = true;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  private focusOn(selector: string): Promise<void> {
    return this.reveal(selector);
  }

  private async validate(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.preview = null;
    this.error = '';
    try {
      this.problems = (await this.api.q<{ validateAccessPolicy: PolicyProblem[] }>(VALIDATE_ACCESS_POLICY, { yaml: this.text })).validateAccessPolicy;
      this.announce(this.problems.length ? this.problems.map((p) => p.message).join(' ') : this.a('valid'), this.problems.length > 0);
      await this.focusOn('#result');
    } catch (e) {
      this.error = this.errorText(e);
      this.announce(this.error, true);
    } finally {
      this.busy = false;
    }
  }

  /** `reset`: going back to the policy file instead of applying the text in the box. */
  private async save(apply: boolean, reset = this.resetting): Promise<void> {
    if (this.busy || !this.data) return;
    this.busy = true;
    this.error = '';
    this.problems = null;
    try {
      const input = { municipalityCode: this.me.municipalityCode, version: this.data.version, apply };
      const r = reset
        ? (await this.api.q<{ resetAccessPolicy: PolicySaveResult }>(RESET_ACCESS_POLICY, { input })).resetAccessPolicy
        : (await this.api.q<{ saveAccessPolicy: PolicySaveResult }>(SAVE_ACCESS_POLICY, { input: { ...input, yaml: this.text } })).saveAccessPolicy;
      if (r.applied) {
        this.show(r.policy);
        // Focused, so it is read out and in view; announced too would say it twice.
        this.done = this.a(reset ? 'wasReset' : 'applied', r.policy.version);
        await this.focusOn('#done');
      } else {
        this.preview = r.changes;
        this.resetting = reset;
        const wider = r.changes.filter((c) => c.widens).length;
        this.announce(r.changes.length ? this.a('previewed', r.changes.length, wider) : this.a('noChanges'));
        await this.focusOn('#preview-h');
      }
    } catch (err) {
      if (err instanceof ApiError && err.code === 'CONFLICT') {
        const mine = this.text;
        await this.load();
        // The admin's document stays in the box: they check it again against the latest.
        this.edited(mine);
        this.announce(this.a('conflict'), true);
        this.error = this.a('conflict');
        return;
      }
      this.error = this.errorText(err);
      this.announce(this.error, true);
      await this.focusOn('#policy-yaml');
    } finally {
      this.busy = false;
    }
  }

  private nameOf(key: string | null, list: 'roles' | 'sections'): string {
    return this.data?.[list].find((n) => n.key === key)?.name ?? key ?? '';
  }

  /** A change said plainly: who gains or loses what, on which section. */
  private changeText(c: PolicyChange): string {
    if (!c.role || !c.section) return this.a('rule', c.path.replace(/^rules\./, ''), c.before || '—', c.after || '—');
    const key: AKey =
      c.before === '-'
        ? c.after === 'rw'
          ? 'gain_rw'
          : 'gain_r'
        : c.before === 'r'
          ? c.after === 'rw'
            ? 'gain_w'
            : 'lose_r'
          : c.after === 'r'
            ? 'lose_w'
            : 'lose_rw';
    return this.a(key, this.nameOf(c.role, 'roles'), this.nameOf(sectionKey(c.section), 'sections'));
  }

  private source(d: PolicyData): string {
    if (d.source === 'console') return this.a('source_console', d.version, d.updatedAt ? formatDateTime(d.updatedAt, this.locale) : '', d.updatedBy ?? '');
    return d.source === 'file' ? this.a('source_file', this.me.municipalityCode) : this.a('source_default');
  }

  private table(d: PolicyData) {
    const grant = (section: string, role: string) => d.grants.find((g) => sectionKey(g.section) === section && g.role === role);
    return html`<div class="table-wrap" tabindex="0" role="region" aria-labelledby="table-caption">
      <table>
        <caption id="table-caption">${this.a('tableCaption')}</caption>
        <thead>
          <tr><th scope="col">${this.a('section')}</th>${d.roles.map((r) => html`<th scope="col">${r.name}</th>`)}</tr>
        </thead>
        <tbody>
          ${d.sections.map(
            (s) =>
              html`<tr><th scope="row">${s.name}</th>${d.roles.map((r) => {
                const g = grant(s.key, r.key);
                return html`<td>${g?.write ? this.a('rw') : g?.read ? this.a('r') : html`<span class="muted">${this.a('none')}</span>`}</td>`;
              })}</tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  private result() {
    if (this.problems === null) return nothing;
    return html`<section class="card" aria-labelledby="result">
      ${
        this.problems.length
          ? html`<h3 id="result" tabindex="-1">${this.a('problemsHeading')}</h3>
              <ul>${this.problems.map((p) => html`<li class="error">${p.message}</li>`)}</ul>`
          : html`<p id="result" tabindex="-1" class="ok">${this.a('valid')}</p>`
      }
    </section>`;
  }

  private previewSection() {
    if (!this.preview) return nothing;
    return html`<section class="card" aria-labelledby="preview-h">
      <h3 id="preview-h" tabindex="-1">${this.a('previewHeading')}</h3>
      ${
        this.preview.length
          ? html`<ul>
                ${this.preview.map(
                  (c) =>
                    html`<li>${c.widens ? html`<strong>${this.changeText(c)}</strong> <span class="badge">${this.a('widens')}</span>` : this.changeText(c)}</li>`,
                )}
              </ul>
              ${this.applyButton()}`
          : html`<p>${this.a('noChanges')}</p>
              ${this.resetting ? this.applyButton() : nothing}`
      }
    </section>`;
  }

  /** 「適用」, or 「ファイルの方針に戻す」 after a reset's preview (offered even when no cell changes: the source does). */
  private applyButton() {
    return html`<div class="actions">
      <button type="button" class="primary" ?disabled=${this.busy} @click=${() => this.save(true)}>${this.a(this.resetting ? 'applyReset' : 'apply')}</button>
    </div>`;
  }

  /** Offered only while the console's policy is in force. */
  private resetSection(d: PolicyData) {
    if (d.source !== 'console') return nothing;
    return html`<h2>${this.a('resetHeading')}</h2>
      <p>${this.a('resetIntro')}</p>
      <div class="actions"><button type="button" ?disabled=${this.busy} @click=${() => this.save(false, true)}>${this.a('reset')}</button></div>`;
  }

  override render() {
    const d = this.data;
    return html`
      <h1 tabindex="-1">${this.a('heading')}</h1>
      <p>${this.a('intro')}</p>
      ${this.done ? html`<p id="done" class="notice ok" tabindex="-1">${this.done}</p>` : nothing}
      ${this.loadError ? html`<p class="error" role="alert">${this.loadError} <button type="button" @click=${this.load}>${this.t('retry')}</button></p>` : nothing}
      ${
        !d
          ? this.loadError
            ? nothing
            : html`<p>${this.t('loading')}</p>`
          : html`
            <p class="muted">${this.source(d)}</p>
            ${this.table(d)}
            <h2>${this.a('rulesHeading')}</h2>
            <ul class="plain">${d.rules.map((r) => html`<li>${r}</li>`)}</ul>
            <div class="actions"><button type="button" @click=${this.downloadYaml}>${this.a('download')}</button></div>
            <h2>${this.a('changeHeading')}</h2>
            <div class="field">
              <label for="policy-file">${this.a('file')}</label>
              <input id="policy-file" type="file" accept=".yaml,.yml,application/yaml,text/yaml" @change=${this.loadFile} />
            </div>
            <div class="field">
              <label for="policy-yaml">${this.a('text')}</label>
              <textarea id="policy-yaml" rows="16" spellcheck="false" autocomplete="off" .value=${this.text}
                aria-invalid=${this.error ? 'true' : 'false'} aria-describedby=${this.error ? 'policy-error' : nothing}
                @input=${(e: Event) => this.edited((e.target as HTMLTextAreaElement).value)}></textarea>
              ${this.error ? html`<p id="policy-error" class="error">${this.error}</p>` : nothing}
            </div>
            <div class="actions">
              <button type="button" ?disabled=${this.busy} @click=${this.validate}>${this.a('validate')}</button>
              <button type="button" class="primary" ?disabled=${this.busy} @click=${() => this.save(false)}>${this.a('preview')}</button>
            </div>
            ${this.resetSection(d)} ${this.result()} ${this.previewSection()}
          `
      }
    `;
  }
}

/** The Section enum of the API (SELF_RELIANCE_PLAN) as the policy's key (selfReliancePlan). */
function sectionKey(value: string): string {
  return value.toLowerCase().replace(/_(\w)/g, (_, c: string) => c.toUpperCase());
}
