/**
 * The family's rights over its data on its page (api/rights; 個人情報保護法: 開示・消去): "download my
 * data" (familyDataExport: everything held, as JSON, saved as a file) and "ask to erase my data"
 * (requestFamilyErasure: a request an administrator decides; nothing is deleted by the click). A Lit
 * reactive controller of <yorisoi-mypage>, which lends it its request, busy and message handling.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { ruby } from '../shared/ruby.js';
import type { TEXTS } from './i18n.js';
import * as Q from './queries.js';

export interface RightsDeps {
  texts(): (typeof TEXTS)['ja'];
  session(): string | null;
  gql<T>(query: string, variables: Record<string, unknown>): Promise<T>;
  /** The host's busy flag and error handling; resolves true when the action succeeded. */
  run(fn: () => Promise<void>): Promise<boolean>;
  busy(): boolean;
  say(text: string): void;
  root(): HTMLElement | DocumentFragment;
}

const plain = (s: string) => s.replace(/\{[^}]+\}/g, '');

export class RightsPanel implements ReactiveController {
  private asking = false;
  private request: Q.ErasureState | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly d: RightsDeps,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  render(): TemplateResult {
    const t = this.d.texts();
    const r = this.request;
    return html`<h3>${ruby(t.rightsHeading)}</h3>
      <p class="help">${ruby(t.rightsHelp)}</p>
      ${r ? html`<p part="erasure-status">${ruby(t.erasureStatus[r.status] ?? r.status)}${r.reason ? html`: ${r.reason}` : nothing}</p>` : nothing}
      <button id="rt-download" ?disabled=${this.d.busy()} @click=${() => this.download()}>${ruby(t.downloadData)}</button>
      ${
        r?.status === 'REQUESTED'
          ? nothing
          : this.asking
            ? html`<div role="group" aria-labelledby="er-q"><p id="er-q" tabindex="-1">${ruby(t.eraseAsk)}</p>
            <button class="primary" ?disabled=${this.d.busy()} @click=${() => this.erase()}>${ruby(t.eraseYes)}</button>
            <button @click=${() => this.set(false)}>${ruby(t.eraseNo)}</button></div>`
            : html`<button id="rt-erase" @click=${() => this.set(true)}>${ruby(t.eraseData)}</button>`
      }`;
  }

  private set(asking: boolean): void {
    this.asking = asking;
    this.host.requestUpdate();
    if (asking) void this.host.updateComplete.then(() => this.d.root().querySelector<HTMLElement>('#er-q')?.focus());
  }

  /** Everything held about the family, saved as a JSON file (the download is in the audit log as the family's read). */
  private async download(): Promise<void> {
    const ok = await this.d.run(async () => {
      const x = (await this.d.gql<{ familyDataExport: { json: string; erasureRequest: Q.ErasureState | null } }>(Q.EXPORT_DATA, { s: this.d.session() }))
        .familyDataExport;
      this.request = x.erasureRequest;
      const url = URL.createObjectURL(new Blob([x.json], { type: 'application/json' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = 'yorisoi-my-data.json';
      this.d.root().appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    });
    if (ok) this.d.say(plain(this.d.texts().downloaded));
  }

  private async erase(): Promise<void> {
    const ok = await this.d.run(async () => {
      this.request = (await this.d.gql<{ requestFamilyErasure: Q.ErasureState }>(Q.REQUEST_ERASURE, { i: { session: this.d.session() } })).requestFamilyErasure;
      this.asking = false;
    });
    if (ok) this.d.say(plain(this.d.texts().eraseRequested));
    void this.host.updateComplete.then(() => this.d.root().querySelector<HTMLElement>('#rt-download')?.focus());
  }
}
