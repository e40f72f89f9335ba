import { html, nothing } from 'lit';
import { base, viewStyles } from './staff.styles.js';
import { StaffView } from './view-base.js';

/** The record's disclosure; its own operation name: 「開示書類の作成」 in the audit log. */
export const RECORD_DISCLOSURE = 'query StaffRecordDisclosure($recordId: ID!) { recordDisclosure(recordId: $recordId) { html json } }';
const T = {
  html: ['開示書類（HTML・印刷用）を保存', 'Save the disclosure (HTML, printable)', 'かいじ しょるい（HTML）を ほぞん'],
  json: ['開示データ（JSON）を保存', 'Save the disclosure data (JSON)', 'かいじ データ（JSON）を ほぞん'],
  hint: [
    'ご本人からの開示請求に答えるときに使います。作成は記録されます。',
    "For answering a family's request to see its data. Making it is recorded.",
    'ほんにんから たのまれた ときに つかいます。きろく されます。',
  ],
  done: ['開示書類を保存しました。', 'The disclosure is saved.', 'ほぞん しました。'],
} as const;

/**
 * `<staff-disclosure>` in the record view (supervisors and admins of the owning department): saves
 * everything held about the family (`recordDisclosure`, audited as a read of every section and in the
 * administration trail) as a printable HTML document or as JSON. Nothing is kept in the browser.
 */
export class StaffDisclosure extends StaffView {
  static override styles = [base, viewStyles];
  static override properties = {
    ...StaffView.properties,
    recordId: { attribute: false },
    reference: { attribute: false },
    busy: { state: true },
    error: { state: true },
  };
  declare recordId: string;
  declare reference: string;
  declare busy: boolean;
  declare error: string;

  constructor() {
    super();
    this.busy = false;
    this.error = '';
  }

  private async save(kind: 'html' | 'json'): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.error = '';
    try {
      const d = (await this.api.q<{ recordDisclosure: { html: string; json: string } }>(RECORD_DISCLOSURE, { recordId: this.recordId })).recordDisclosure;
      const url = URL.createObjectURL(new Blob([d[kind]], { type: kind === 'html' ? 'text/html;charset=utf-8' : 'application/json' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = `disclosure-${this.reference || this.recordId}.${kind}`;
      a.hidden = true;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      this.announce(T.done[this.locale]);
    } catch (e) {
      this.error = this.errorText(e);
      this.announce(this.error, true);
    } finally {
      this.busy = false;
    }
  }

  override render() {
    return html`<p class="muted" id="disclosure-hint">${T.hint[this.locale]}</p>
      <p class="actions">
        <button type="button" id="disclosure-html" aria-describedby="disclosure-hint" ?disabled=${this.busy} @click=${() => this.save('html')}>${T.html[this.locale]}</button>
        <button type="button" id="disclosure-json" aria-describedby="disclosure-hint" ?disabled=${this.busy} @click=${() => this.save('json')}>${T.json[this.locale]}</button>
      </p>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}`;
  }
}
