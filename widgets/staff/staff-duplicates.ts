import { html, nothing } from 'lit';
import { DUP, type DupKey } from './duplicates-texts.js';
import { MERGE } from './merge-texts.js';
import { DECIDE_DUPLICATE, DUPLICATES, type DuplicateCandidate } from './duplicates-queries.js';
import { formatDateTime, col } from './i18n.js';
import { base, viewStyles } from './staff.styles.js';
import { StaffView } from './view-base.js';

/**
 * `<staff-duplicates>` on a record's details (owning department only): other records that look like the
 * same family, what matched, and — for those who may write — link as the same person or dismiss. Shows
 * nothing when there are none.
 */
export class StaffDuplicates extends StaffView {
  static override styles = [base, viewStyles];
  static override properties = {
    ...StaffView.properties,
    recordId: { attribute: false },
    items: { state: true },
    error: { state: true },
    busy: { state: true },
  };
  declare recordId: string;
  declare items: DuplicateCandidate[];
  declare error: string;
  declare busy: boolean;
  private loadedFor = '';

  constructor() {
    super();
    this.items = [];
    this.error = '';
    this.busy = false;
  }

  private d(key: DupKey, ...args: (string | number)[]): string {
    let s: string = col(DUP[key], this.locale);
    for (const a of args) s = s.replace('%', String(a));
    return s;
  }

  protected override willUpdate(): void {
    if (this.recordId && this.api && this.me?.department === 'SINGLE_PARENT' && this.loadedFor !== this.recordId) {
      this.loadedFor = this.recordId;
      this.items = [];
      void this.api.q<{ possibleDuplicates: DuplicateCandidate[] }>(DUPLICATES, { id: this.recordId }).then(
        (d) => (this.items = d.possibleDuplicates),
        (e: unknown) => (this.error = this.errorText(e)),
      );
    }
  }

  private async decide(c: DuplicateCandidate, decision: 'SAME_PERSON' | 'DIFFERENT'): Promise<void> {
    this.busy = true;
    this.error = '';
    try {
      const { decideDuplicate } = await this.api.q<{ decideDuplicate: DuplicateCandidate[] }>(DECIDE_DUPLICATE, {
        input: { recordId: this.recordId, otherRecordId: c.recordId, decision },
      });
      this.items = decideDuplicate;
      this.announce(this.d(decision === 'SAME_PERSON' ? 'linked' : 'dismissed', c.referenceNumber));
    } catch (e) {
      this.error = this.errorText(e);
      this.announce(this.error, true);
    } finally {
      this.busy = false;
    }
  }

  override render() {
    if (this.items.length === 0) return this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing;
    const open = this.items.filter((c) => c.decision === null).length;
    const canWrite = this.me.role !== 'VIEWER';
    return html`<section class="card" aria-labelledby="dup-h" id="duplicates">
      <h2 id="dup-h">${this.d('heading')} <span class="badge" id="dup-marker">${this.d('marker', this.items.length, open)}</span></h2>
      <p class="muted">${this.d('intro')}</p>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      <ul class="plain">
        ${this.items.map((c) => {
          const who = [c.record?.identity?.familyName, c.record?.identity?.givenName].filter(Boolean).join(' ');
          return html`<li class="item" data-ref=${c.referenceNumber}>
            <div class="item-head"><a href=${`#/records/${encodeURIComponent(c.recordId)}`}><span class="ref">${c.referenceNumber}</span></a>
              <span>${who} ${c.record?.identity?.birthDate ?? ''}</span>
              <span>${this.d('matched', c.reasons.map((r) => (r in DUP ? this.d(r as DupKey) : r)).join('・'))}</span></div>
            ${c.decision ? html`<p class="ok">${this.d(c.decision, c.decidedBy ?? '', c.decidedAt ? formatDateTime(c.decidedAt, this.locale) : '')}</p>` : nothing}
            ${
              canWrite
                ? html`<div class="actions">
                  ${c.decision !== 'SAME_PERSON' ? html`<button type="button" ?disabled=${this.busy} aria-label=${this.d('linkLabel', c.referenceNumber)} @click=${() => this.decide(c, 'SAME_PERSON')}>${this.d('link')}</button>` : nothing}
                  ${c.decision !== 'DIFFERENT' ? html`<a class="button" href=${`#/records/${encodeURIComponent(this.recordId)}/merge/${encodeURIComponent(c.recordId)}`} aria-label=${col(MERGE.mergeLinkLabel, this.locale).replace('%', c.referenceNumber)}>${col(MERGE.mergeLink, this.locale)}</a>` : nothing}
                  ${c.decision !== 'DIFFERENT' ? html`<button type="button" ?disabled=${this.busy} aria-label=${this.d('dismissLabel', c.referenceNumber)} @click=${() => this.decide(c, 'DIFFERENT')}>${this.d('dismiss')}</button>` : nothing}
                </div>`
                : nothing
            }
          </li>`;
        })}
      </ul>
    </section>`;
  }
}
