import { html, nothing } from 'lit';
import { intakeStyles } from './intake.styles.js';
import { BENEFITS, CONCERNS, LANG_TAGS, type Key } from './i18n.js';
import { parseDate, wareki } from './date-input.js';
import { CONFIRM, CONSENT, CONTACT, DONE, RESULTS, incomeYearOn, normaliseYen, notifyChosen } from './model.js';
import { ruby } from '../shared/ruby.js';
import { langSwitch } from '../shared/lang-switch.js';
import { today } from './dom.js';
import { IntakeFields } from './intake-fields.js';

/**
 * `<yorisoi-intake api="https://…/graphql" municipality="999999" lang="ja">`: a step-by-step intake
 * form for single-parent families that shows the support programmes they may use — before asking
 * for any name or contact — then (optionally) asks whether and how to contact them, asks for consent
 * per department and submits the intake (`submitIntake`), showing a receipt. Answers live in sessionStorage (key `yorisoi-intake:<municipality>`), or
 * localStorage when the person ticks 「この端末に保存する」. A chat hand-off in the address
 * (`#yorisoi-handoff=<encoded JSON>`, from <yorisoi-chat intake-url>) fills in what it can and is then
 * removed from the address.
 *
 * @attr api - URL of the Yorisoi GraphQL endpoint.
 * @attr municipality - 6-digit 全国地方公共団体コード.
 * @attr lang - "ja" (default), "en", "ja-x-easy" / "ja-easy" (やさしい日本語); else the page's <html lang>. The switch in the header changes it for this visit.
 * @attr family-page-url - the page with <yorisoi-mypage> the receipt leads to (default `/mypage` beside the API).
 *
 * @fires yorisoi-step - detail `{ step }` (0–8) after every step change.
 * @fires yorisoi-submitted - detail `{ referenceNumber }` when the intake was received.
 * @fires yorisoi-results - detail `{ results }` when eligibility results arrived.
 * @fires yorisoi-clear - when the person erased their answers.
 * @fires yorisoi-keep-clear - detail `{ element }`: the receipt's reference number, which a floating <yorisoi-chat> keeps off.
 *
 * No slots.
 *
 * @csspart root - the outer box
 * @csspart title - widget title
 * @csspart progress - "Step n/6"
 * @csspart heading - the step heading (h2)
 * @csspart live - the aria-live region that announces errors (visually hidden)
 * @csspart field - a labelled input with its label
 * @csspart label - a field label
 * @csspart input - text and date inputs
 * @csspart option - a checkbox with its label
 * @csspart error - an error message next to a field
 * @csspart alert - the DV safety information box
 * @csspart button - every button; also `button-primary`, `button-back`, `button-clear`
 * @csspart results - list of programmes; `result` one programme; `status` its status; `amount` its amount
 * @csspart tools - the save/clear bar
 * @csspart notice - the privacy notice; `reference` the reference number on the receipt
 * @csspart handoff - the notes on answers carried over from <yorisoi-chat> (`#yorisoi-handoff=` in the address)
 * @csspart lang-switch - the language switch in the header (日本語 / English / やさしい日本語: the two not shown)
 *
 * @cssprop --yorisoi-primary - buttons, focus ring, checkboxes (default #0b5cad)
 * @cssprop --yorisoi-on-primary - text on primary buttons (default #fff)
 * @cssprop --yorisoi-font - font family
 * @cssprop --yorisoi-font-size - base font size (default: the browser's, `medium`)
 * @cssprop --yorisoi-radius - corner radius (default 8px)
 * @cssprop --yorisoi-text / --yorisoi-bg / --yorisoi-muted / --yorisoi-border / --yorisoi-error / --yorisoi-focus / --yorisoi-link / --yorisoi-alert-bg
 */
export class YorisoiIntake extends IntakeFields {
  static override styles = intakeStyles;
  protected body() {
    switch (this.step) {
      case 0:
        return html`${this.text('postal', 'postal', { hint: 'postalHint', req: true, ac: 'postal-code' })} ${this.outsideNote()}
        ${this.text('pref', 'pref', { ac: 'address-level1' })} ${this.text('city', 'city', { ac: 'address-level2' })}`;
      case 1:
        return html`${this.dvBox()}${this.checks('concerns', 'concerns', CONCERNS)}`;
      case 2:
        return html`${this.childRows()}
          ${this.radios(
            'marital',
            'marital',
            [
              ['NOT_MARRIED', 'NOT_MARRIED'],
              ['MARRIED', 'MARRIED'],
              ['DE_FACTO', 'DE_FACTO'],
            ],
            false,
            'maritalHint',
          )}`;
      case 3:
        return html`<p id="hint-income">${this.r('income', incomeYearOn(today()))}</p>
          ${this.text('salary', 'salary', { yen: true })} ${this.text('other', 'other', { yen: true, hint: 'otherHint' })}
          ${this.text('support', 'support', { yen: true })}`;
      case 4:
        return this.checks('benefits', 'benefits', BENEFITS);
      case RESULTS:
        return html`${this.dvBox()}${this.resultsView()}`;
      case CONTACT:
        return this.contactView();
      case CONSENT:
        return this.consentView();
      case CONFIRM:
        return this.confirmView();
      default:
        return this.receiptView();
    }
  }
  protected override render() {
    const s = this.step;
    return html`<section class="root" part="root" lang=${LANG_TAGS[this.l]} aria-labelledby="title">
      <div class="top">
        <p class="title" id="title" part="title">${this.r('title')}</p>
        ${langSwitch(this.l, (l) => {
          this.language = LANG_TAGS[l];
          this.enter(); // results and the municipality's settings are loaded again in the new language
        })}
        <button type="button" class="exit" part="button quick-exit" aria-label=${this.t('exitLabel').replace(/\{[^}]+\}/g, '')} @click=${this.quickExit}>${this.r('exit')}</button>
      </div>
      ${s === 0 ? html`<p>${this.r('intro')}</p>` : nothing}
      ${s < DONE ? html`<p class="progress" part="progress">${this.t('step', s + 1)}</p>` : nothing}
      ${this.ho && s < DONE ? html`<p class="carried" id="carried" part="handoff">${ruby(this.ho)}</p>` : nothing}
      <div class="sr" part="live" id="live" aria-live="assertive" aria-atomic="true">${this.live}</div>
      <div class="sr" role="status" aria-atomic="true">${this.status}</div>
      <form novalidate @submit=${this.onSubmit} @keydown=${this.onKeydown} aria-labelledby="h" aria-busy=${this.busy ? 'true' : 'false'}>
        <h2 id="h" tabindex="-1" part="heading">${this.r(`h${s}` as Key, s === 3 ? incomeYearOn(today()) : undefined)}</h2>
        ${this.body()}
        <div class="nav" part="nav">
          ${
            s > 0 && s < DONE
              ? html`<button type="button" part="button button-back" @click=${() => this.go(s - 1)}>${this.r('back')}</button>`
              : html`<span></span>`
          }
          ${
            s < DONE
              ? html`<button type="submit" class="primary" part="button button-primary" aria-disabled=${this.busy && s === CONFIRM ? 'true' : 'false'}>
                ${this.r(s === RESULTS - 1 ? 'see' : s === CONFIRM ? 'send' : s === CONSENT ? 'review' : 'fwd')}
              </button>`
              : html`<button type="button" id="again" part="button button-primary" class="primary" @click=${this.clear}>${this.r('again')}</button>`
          }
        </div>
      </form>
      ${s === DONE ? nothing : this.tools()}
    </section>`;
  }
  protected tools() {
    // No saving on the device once DV is named (someone else may use it): the option is not offered.
    const dv = this.a.concerns.includes('DV');
    return html`<div class="tools" part="tools">
        ${
          dv
            ? nothing
            : html`<label class="opt" part="option"
          ><input
            type="checkbox"
            id="remember"
            .checked=${this.remember}
            @change=${(e: Event) => {
              this.remember = (e.target as HTMLInputElement).checked;
              this.save();
            }}
          />${this.r('remember')}</label
        >`
        }
        <button type="button" id="clear" part="button button-clear" @click=${this.clear}>${this.r('clear')}</button>
      </div>`;
  }

  /** Under the postal code when it is another municipality's: says whose, and offers a choice. */
  protected outsideNote() {
    if (!this.outside) return nothing;
    const here = this.settings?.municipalityName ?? this.t('outsideHere');
    return html`<div class="notice" part="outside" id="outside">
      <p>${this.r('outsideA', this.outside)}${this.l === 1 ? ' ' : ''}${this.r('outsideB', here)}</p>
      <p class="choices">
        <button type="button" part="button" @click=${() => this.go(1)}>${this.r('outsideGo')}</button>
        <button type="button" part="button" @click=${() => {
          this.outside = '';
          this.focusTarget = 'postal';
          this.requestUpdate();
        }}>${this.r('outsideFix')}</button>
      </p>
    </div>`;
  }
  /** The confirmation step: what will be sent and to whom, each part with a way back to change it. */
  protected confirmView() {
    const a = this.a;
    const st = this.settings;
    const sep = this.l === 1 ? ', ' : '、';
    const label = (rows: readonly (readonly [string, string, string, string])[], codes: string[]) =>
      codes
        .map((c) => {
          const row = rows.find((r) => r[0] === c);
          return row ? this.pick(row).replace(/\{[^}]+\}/g, '') : c;
        })
        .join(sep) || this.t('none_');
    const yen = (v: string) => (normaliseYen(v) ? `${Number(normaliseYen(v)).toLocaleString('en-US')}` : this.t('noAnswer'));
    const contact =
      a.want !== 'y'
        ? this.t('contactNo')
        : [
            a.ch === 'PHONE' ? a.phone : a.ch === 'EMAIL' ? a.email : '',
            a.safeTimes,
            a.vm ? `${this.t('vm')}: ${this.t(a.vm === 'y' ? 'ok' : 'ng')}` : '',
            a.sms ? `${this.t('sms')}: ${this.t(a.sms === 'y' ? 'ok' : 'ng')}` : '',
          ]
            .filter(Boolean)
            .join(sep);
    const shared =
      [...(st?.departments.filter((d) => a.share.includes(d.code)).map((d) => d.name) ?? []), ...(a.partners ? [this.t('partners')] : [])].join(sep) ||
      this.t('none_');
    const rows: [Key, string, number][] = [
      ['h0', [a.postal, a.pref, a.city].filter(Boolean).join(' '), 0],
      ['h1', label(CONCERNS, a.concerns), 1],
      [
        'h2',
        a.children.map((c, i) => `${this.t('child', i + 1)} ${parseDate(c.b) ?? c.b}（${wareki(c.b)}）${c.d ? ` ${this.t('disability')}` : ''}`).join(sep),
        2,
      ],
      ['marital', a.marital ? this.t(a.marital) : this.t('noAnswer'), 2],
      ['h3', [this.t('salary'), yen(a.salary), this.t('other'), yen(a.other), this.t('support'), yen(a.support)].join(' '), 3],
      ['h4', label(BENEFITS, a.benefits), 4],
      ['h6', contact, CONTACT],
      ['h7', shared, CONSENT],
      [
        'notify',
        notifyChosen(a)
          .map((c) => this.t(`n${c}` as Key))
          .join(sep) || this.t('notifyNone'),
        CONSENT,
      ],
    ];
    return html`${this.err('sform')}
      ${this.netFail && !this.busy ? html`<p><button type="button" id="retry" part="button" @click=${() => this.submit()}>${this.r('retry')}</button></p>` : nothing}
      <p>${this.r('confirmIntro')}</p>
      <p part="confirm-to"><strong>${this.r('confirmTo', st?.municipalityName ?? '')}</strong></p>
      <dl class="confirm" part="confirm">
        ${rows.map(
          ([k, v, step]) => html`<div class="row">
          <dt>${this.r(k, k === 'h3' ? incomeYearOn(today()) : undefined)}</dt>
          <dd>${v}</dd>
          <dd><button type="button" part="button" data-step=${step} @click=${() => this.go(step)}>${this.r('edit')}<span class="sr">: ${this.t(k)
            .replace(/\{[^}]+\}/g, '')
            .replace('%', String(incomeYearOn(today())))}</span></button></dd>
        </div>`,
        )}
      </dl>
      <div class="sr" aria-hidden="true">
        <label for="website">Website</label>
        <input type="text" id="website" name="website" tabindex="-1" autocomplete="off" aria-hidden="true" />
      </div>`;
  }
}
