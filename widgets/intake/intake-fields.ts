import { html, nothing } from 'lit';
import { CONCERNS, type Key } from './i18n.js';
import { normaliseEmail, normalisePhone, normalisePostal, normaliseYen, noticeIsNew, notifyOptions, stepOf, type Child, type Result } from './model.js';
import { dateState, seireki, wareki } from './date-input.js';
import { ruby } from '../shared/ruby.js';
import { lineLinkView } from './line-link.js';
import { familyLinkView } from './family-link.js';
import { IntakeApi } from './intake-api.js';

const YES_NO = [
  ['y', 'ok'],
  ['n', 'ng'],
] as const;

/** The intake element's fields and step bodies (inputs, checkboxes, radios, children, results, contact, consent, receipt). */
export abstract class IntakeFields extends IntakeApi {
  // ---- rendering ------------------------------------------------------------------------------
  protected err(id: string) {
    const m = this.errors[id];
    return m ? html`<p class="error" id="err-${id}" part="error">${ruby(m)}</p>` : nothing;
  }
  protected text(
    id: 'postal' | 'pref' | 'city' | 'salary' | 'other' | 'support' | 'phone' | 'email' | 'fam' | 'giv' | 'famK' | 'givK' | 'street' | 'safeTimes',
    label: Key,
    opts: { hint?: Key; yen?: boolean; req?: boolean; ac?: string; type?: string; im?: string } = {},
  ) {
    const invalid = !!this.errors[id];
    const note = id === 'postal' ? this.note : id === 'salary' ? this.salaryNote() : '';
    const describedBy = [opts.hint ? `hint-${id}` : '', note ? `note-${id}` : '', invalid ? `err-${id}` : ''].filter(Boolean).join(' ');
    const input = html`<input
      type=${opts.type ?? 'text'}
      id=${id}
      part="input"
      .value=${this.a[id]}
      inputmode=${opts.im ?? (opts.yen || id === 'postal' ? 'numeric' : 'text')}
      autocomplete=${opts.ac ?? 'off'}
      aria-required=${opts.req ? 'true' : 'false'}
      aria-invalid=${invalid ? 'true' : 'false'}
      aria-describedby=${describedBy || nothing}
      @input=${(e: InputEvent) => {
        this.set({ [id]: (e.target as HTMLInputElement).value });
        if (id !== 'postal') return;
        this.note = '';
        this.outside = '';
        // Not while an IME is composing: compositionend schedules it.
        if (!e.isComposing) this.postalSoon(400);
      }}
      @compositionend=${() => id === 'postal' && this.postalSoon(400)}
      @change=${(e: Event) => {
        const el = e.target as HTMLInputElement;
        const v = opts.yen
          ? normaliseYen(el.value)
          : id === 'postal'
            ? normalisePostal(el.value)
            : id === 'phone'
              ? normalisePhone(el.value)
              : id === 'email'
                ? normaliseEmail(el.value)
                : el.value;
        if (!opts.yen || /^\d*$/.test(v)) {
          el.value = v;
          this.set({ [id]: v });
        }
        // On blur or Enter: at once (an Enter that moves on to the next step cancels it).
        if (id === 'postal') this.postalSoon(0);
      }}
    />`;
    return html`<div part="field">
      <label class="label" part="label" for=${id}>${this.r(label)}${opts.req ? this.r('req') : nothing}</label>
      ${opts.hint ? html`<span class="hint" id="hint-${id}">${this.r(opts.hint)}</span>` : nothing}
      ${opts.yen ? html`<span class="yen">${input}<span aria-hidden="true">${this.r('yen')}</span></span>` : input}
      ${note ? html`<span class="hint note" id="note-${id}">${ruby(note)}</span>` : nothing} ${this.err(id)}
    </div>`;
  }
  protected checks(id: 'concerns' | 'benefits', legend: Key, rows: typeof CONCERNS) {
    const chosen = this.a[id];
    return html`<fieldset id=${id} aria-describedby=${this.errors[id] ? `err-${id}` : nothing}>
      <legend>${this.r(legend)}</legend>
      <div class="opts">
        ${rows.map(
          (row) => html`<label class="opt" part="option"
            ><input
              type="checkbox"
              value=${row[0]}
              .checked=${chosen.includes(row[0])}
              @change=${(e: Event) => {
                const on = (e.target as HTMLInputElement).checked;
                this.set({ [id]: on ? [...chosen, row[0]] : chosen.filter((c) => c !== row[0]) });
              }}
            />${ruby(this.pick(row))}</label
          >`,
        )}
      </div>
      ${this.err(id)}
    </fieldset>`;
  }
  protected dvBox(show = this.a.concerns.includes('DV')) {
    if (!show) return nothing;
    const [o, c] = this.l === 1 ? [' (', ')'] : ['（', '）'];
    return html`<div class="alert" role="alert" part="alert">
      <h3>${this.r('dvTitle')}</h3>
      <ul>
        <li>${this.r('dv1')} <a href="tel:%238008">#8008</a>${o}${this.r('dv1b')}${c}</li>
        <li>${this.r('dv2')} <a href="tel:0120279889">0120-279-889</a>${o}${this.r('dv2b')}${c}</li>
        <li><strong>${this.r('dv3')}${this.l === 1 ? ' ' : ''}<a href="tel:110">${this.t('dv3n')}</a>${this.r('dv3b')}</strong></li>
      </ul>
    </div>`;
  }
  /** Under the salary while it still holds the amount carried over from the chat. */
  protected salaryNote(): string {
    const v = this.a.chat?.salary;
    return v != null && normaliseYen(this.a.salary) === String(v) ? this.t('hoSalary', v.toLocaleString('en-US')) : '';
  }
  /** The children as the chat told them (the step needs birth dates, so nothing is filled in). */
  protected kidsNote(): string {
    const ages = this.a.chat?.ages;
    if (!ages) return '';
    const [o, c, sep] = this.l === 1 ? [' (', ')', ', '] : ['（', '）', '、'];
    return `${this.t('hoKids', ages.length)}${o}${ages.map((n) => this.t('hoAge', n)).join(sep)}${c}${this.l === 1 ? '. ' : '。'}${this.t('hoBirth')}`;
  }
  protected childRows() {
    const list = this.a.children;
    const kids = this.kidsNote();
    const update = (i: number, patch: Partial<Child>) => this.set({ children: list.map((c, j) => (j === i ? { ...c, ...patch } : c)) });
    return html`${kids ? html`<p class="hint note" id="note-children" part="handoff">${ruby(kids)}</p>` : nothing}
      ${list.map((c, i) => {
        const n = i + 1;
        const id = `child-${i}-b`;
        const invalid = !!this.errors[id];
        const describedBy = [kids ? 'note-children' : '', invalid ? `err-${id}` : ''].filter(Boolean).join(' ');
        return html`<fieldset>
          <legend>${this.r('child', n)}</legend>
          <div part="field">
            <label class="label" part="label" for=${id}>${this.r('birth')}${this.r('req')}</label>
            <input
              type="text"
              id=${id}
              part="input"
              inputmode="text"
              autocomplete="off"
              spellcheck="false"
              maxlength="20"
              placeholder=${this.l === 1 ? 'e.g. 2016/3/15' : '例: 2016/3/15, 平成28年3月15日'}
              .value=${c.b}
              aria-required="true"
              aria-invalid=${invalid ? 'true' : 'false'}
              aria-describedby=${[describedBy, `fmt-${i}`, dateState(c.b) === 'ok' ? `wareki-${i}` : ''].filter(Boolean).join(' ') || nothing}
              @input=${(e: Event) => update(i, { b: (e.target as HTMLInputElement).value })}
              @change=${(e: Event) => update(i, { b: (e.target as HTMLInputElement).value })}
            />
            <span class="hint" id="fmt-${i}" part="hint">${ruby(this.t('birthFmt'))}</span>
            ${
              dateState(c.b) === 'ok'
                ? html`<span class="hint" id="wareki-${i}" part="wareki">${/^\d{4}/.test(c.b.normalize('NFKC').trim()) ? wareki(c.b) : seireki(c.b)}</span>`
                : nothing
            }
            ${this.err(id)}
          </div>
          <label class="opt" part="option"
            ><input type="checkbox" id="child-${i}-d" .checked=${c.d} @change=${(e: Event) => update(i, { d: (e.target as HTMLInputElement).checked })} />${this.r(
              'disability',
            )}</label
          >
          ${this.err(`child-${i}-d`)}
          ${
            list.length > 1
              ? html`<button
                type="button"
                part="button"
                @click=${() => {
                  this.set({ children: list.filter((_, j) => j !== i) });
                  this.focusTarget = 'add';
                }}
              >
                ${this.r('remove', n)}
              </button>`
              : nothing
          }
        </fieldset>`;
      })}
      <button
        type="button"
        id="add"
        part="button"
        aria-describedby=${this.errors.children ? 'err-children' : nothing}
        @click=${() => {
          this.set({ children: [...list, { b: '', d: false }] });
          this.focusTarget = `child-${list.length}-b`;
        }}
      >
        ${this.r('add')}
      </button>
      <span id="children">${this.err('children')}</span>`;
  }
  /** One programme's card. */
  protected card(x: Result) {
    const money = (k: 'monthly' | 'yearly', v: number | null | undefined) =>
      v == null ? nothing : html`<p class="amount" part="amount">${this.r(k, v.toLocaleString('en-US'))}</p>`;
    const list = (k: Key, items: string[]) =>
      items.length ? html`<p class="sub">${this.r(k)}</p><ul class="list">${items.map((s) => html`<li>${s}</li>`)}</ul>` : nothing;
    return html`<li class="result" part="result" data-programme=${x.programme.id}>
      <h3>${x.programme.name}</h3>
      <p><span class="status ${x.status}" part="status">${this.r(x.status)}</span></p>
      ${x.amount?.monthly != null ? money('monthly', x.amount.monthly) : money('yearly', x.amount?.yearly)}
      ${list('reasons', x.reasons)} ${list('next', x.nextSteps)}
    </li>`;
  }
  /**
   * Results a tired parent can read in one screen (issue 12): first the summary (monthly total, each
   * amount, 所得額 and how it is reached, three things to do first), then the programmes that may fit;
   * those that need more answers or probably do not fit are folded away.
   */
  protected resultsView() {
    const rs = this.results;
    const by = (st: Result['status']) => (rs ?? []).filter((x) => x.status === st);
    const fold = (k: Key, items: Result[]) =>
      items.length
        ? html`<details part="folded"><summary>${this.r(k, items.length)}</summary><ul class="results">${items.map((x) => this.card(x))}</ul></details>`
        : nothing;
    return html`${this.err('form')}
      ${
        this.errors.form && !this.busy
          ? html`<p><button type="button" part="button" @click=${() => this.fetchResults()}>${this.r('retry')}</button></p>`
          : nothing
      }
      ${
        rs
          ? rs.length
            ? html`${this.summary(by('ELIGIBLE'))} ${this.maritalAsk(by('NEEDS_MORE_INFO'))}
              <ul class="results" part="results">${by('ELIGIBLE').map((x) => this.card(x))}</ul>
              ${fold('sumMore', by('NEEDS_MORE_INFO'))} ${fold('sumNot', by('NOT_ELIGIBLE'))}`
            : html`<p>${this.r('none')}</p>`
          : nothing
      }
      <p>${this.r('note')}</p>`;
  }
  /**
   * The marital question may be skipped (it is personal), but 児童扶養手当 — often the largest amount —
   * cannot be judged without it, and folded away under 「確認が必要な支援」 a tired parent never sees it
   * (trial finding N4). So while it is unanswered and something waits on more answers, the summary says
   * what answering would decide and offers the way back to that one question.
   */
  protected maritalAsk(waiting: Result[]) {
    if (this.a.marital || !waiting.length) return nothing;
    const sep = this.l === 1 ? ', ' : '、';
    const names = waiting
      .slice(0, 2)
      .map((x) => x.programme.name)
      .join(sep);
    return html`<div class="ask" part="marital-ask">
      <p>${this.r('maritalAsk', names)}</p>
      <p><button type="button" part="button" id="marital-go" @click=${() => this.answerMarital()}>${this.r('maritalGo')}</button></p>
    </div>`;
  }
  protected answerMarital(): void {
    this.go(stepOf('marital'));
    this.focusTarget = 'marital';
  }
  protected summary(eligible: Result[]) {
    const yen = (v: number) => v.toLocaleString('en-US');
    const paid = eligible.filter((x) => x.amount?.monthly);
    const total = paid.reduce((s, x) => s + (x.amount!.monthly as number), 0);
    const first = [...new Set(eligible.flatMap((x) => x.nextSteps.slice(0, 1)))].slice(0, 3);
    const a = this.assessment;
    return html`<div class="summary" part="summary" id="summary">
      ${
        paid.length
          ? html`<p class="sub">${this.r('sumTotal')}</p>
            <p class="total" part="total">${this.r('monthly', yen(total))}</p>
            <ul class="list" part="amounts">
              ${paid.map((x) => html`<li data-programme=${x.programme.id}>${x.programme.name}: <span class="nowrap">${this.r('monthly', yen(x.amount!.monthly as number))}</span></li>`)}
            </ul>`
          : nothing
      }
      ${
        a
          ? html`<p part="income">${this.r('sumIncome', yen(a.incomeAmount))}（${a.incomeYear}）</p>
            <details part="income-how"><summary>${this.r('sumHow')}</summary><p>${a.explanation}</p></details>`
          : nothing
      }
      ${first.length ? html`<p class="sub">${this.r('sumNext')}</p><ol class="list">${first.map((s) => html`<li>${s}</li>`)}</ol>` : nothing}
    </div>`;
  }
  /** A radio group (nothing pre-selected) whose choice is answer `id`. */
  protected radios(id: 'want' | 'ch' | 'marital' | 'vm' | 'sms', legend: Key, rows: readonly (readonly [string, Key])[], req = true, hint?: Key) {
    const invalid = !!this.errors[id];
    const described = [hint ? `hint-${id}` : '', invalid ? `err-${id}` : ''].filter(Boolean).join(' ');
    return html`<fieldset id=${id} aria-describedby=${described || nothing}>
      <legend>${this.r(legend)}${req ? this.r('req') : nothing}</legend>
      ${hint ? html`<p class="hint" id="hint-${id}">${this.r(hint)}</p>` : nothing}
      ${rows.map(
        ([v, k]) => html`<label class="opt" part="option"
          ><input
            type="radio"
            name=${id}
            value=${v}
            .checked=${this.a[id] === v}
            aria-invalid=${invalid ? 'true' : 'false'}
            @change=${() => this.set({ [id]: v })}
          />${this.r(k)}</label
        >`,
      )}
      ${this.err(id)}
    </fieldset>`;
  }
  protected contactView() {
    const a = this.a;
    return html`${this.radios('want', 'want', [
      ['y', 'yes'],
      ['n', 'no'],
    ])}
      ${
        a.want === 'y'
          ? html`${this.radios('ch', 'ch', [
              ['PHONE', 'PHONE'],
              ['EMAIL', 'EMAIL'],
            ])}
            ${a.ch === 'PHONE' ? this.text('phone', 'phone', { hint: 'phoneHint', req: true, ac: 'tel', type: 'tel', im: 'tel' }) : nothing}
            ${a.ch === 'EMAIL' ? this.text('email', 'email', { req: true, ac: 'email', type: 'email', im: 'email' }) : nothing}
            <fieldset>
              <legend>${this.r('name')}</legend>
              ${this.text('fam', 'fam', { ac: 'family-name' })} ${this.text('giv', 'giv', { ac: 'given-name' })}
              ${this.text('famK', 'famK', { ac: 'off' })} ${this.text('givK', 'givK', { ac: 'off' })}
            </fieldset>
            ${this.text('street', 'street', { hint: a.concerns.includes('DV') ? 'streetDv' : 'streetWhy', ac: 'address-line1' })}
            ${this.text('safeTimes', 'safeTimes', { hint: 'safeHint' })}
            ${this.radios('vm', 'vm', YES_NO, false)} ${this.radios('sms', 'sms', YES_NO, false)}`
          : nothing
      }`;
  }
  /** Whether and how the family may be sent notices: one checkbox per channel it can be reached on, nothing pre-ticked. */
  protected notifyChoices() {
    const st = this.settings!;
    const offered = notifyOptions(this.a);
    const chosen = Array.isArray(this.a.notify) ? this.a.notify : [];
    return html`<fieldset id="notify" aria-describedby="notify-hint">
      <legend>${this.r('notify')}</legend>
      <p class="hint" id="notify-hint">${this.r('notifyHint')} ${st.outreachPurpose}</p>
      ${
        this.a.want !== 'y'
          ? html`<p>${this.r('notifyNoContact')}</p>`
          : html`${this.a.concerns.includes('DV') ? html`<p class="hint">${this.r('notifyDv')}</p>` : nothing}
            ${offered.map(
              (c) => html`<label class="opt" part="option"
                ><input
                  type="checkbox"
                  value=${c}
                  .checked=${chosen.includes(c)}
                  @change=${(e: Event) => {
                    const on = (e.target as HTMLInputElement).checked;
                    this.set({ notify: on ? [...chosen.filter((x) => x !== c), c] : chosen.filter((x) => x !== c) });
                  }}
                />${this.r(`n${c}` as Key)}</label
              >`,
            )}`
      }
    </fieldset>`;
  }
  protected consentView() {
    const st = this.settings;
    const share = this.a.share;
    const invalid = !!this.errors.consent;
    return html`${this.err('sform')}
      ${
        this.netFail && !this.busy
          ? html`<p><button type="button" id="retry" part="button" @click=${() => (this.settings ? this.submit() : this.loadSettings())}>${this.r('retry')}</button></p>`
          : nothing
      }
      ${
        st
          ? html`<div class="notice" part="notice">
              <h3>${this.r('notice')}</h3>
              <p class="sub">${st.municipalityName}</p>
              ${noticeIsNew(st.privacyNoticePublishedAt) ? html`<p class="sub"><strong>${this.r('noticeNew', st.privacyNoticePublishedAt!.slice(0, 10))}</strong></p>` : nothing}
              <p>${st.privacyNotice}</p>
            </div>
            <fieldset id="consent" aria-describedby=${invalid ? 'err-consent' : nothing}>
              <legend>${this.r('share')}</legend>
              ${st.departments.map(
                (d) => html`<label class="opt" part="option"
                  ><input
                    type="checkbox"
                    value=${d.code}
                    .checked=${share.includes(d.code)}
                    @change=${(e: Event) => {
                      const on = (e.target as HTMLInputElement).checked;
                      this.set({ share: on ? [...share, d.code] : share.filter((c) => c !== d.code) });
                    }}
                  /><span><strong>${d.name}</strong><span class="hint">${d.purpose}</span></span></label
                >`,
              )}
              <label class="opt" part="option"
                ><input type="checkbox" id="partners" .checked=${this.a.partners} @change=${(e: Event) => this.set({ partners: (e.target as HTMLInputElement).checked })} /><span
                  ><strong>${this.r('partners')}</strong><span class="hint">${st.partnersPurpose}</span></span
                ></label
              >
              ${this.err('consent')}
            </fieldset>
            ${this.notifyChoices()}
            <div class="sr" aria-hidden="true">
              <label for="website">Website</label>
              <input type="text" id="website" name="website" tabindex="-1" autocomplete="off" aria-hidden="true" />
            </div>`
          : nothing
      }`;
  }
  protected receiptView() {
    const x = this.receipt;
    if (!x) return nothing;
    return html`${this.dvBox(x.dvProtected)}
      <p class="sub">${this.r('ref')}</p>
      <p class="ref" id="ref" part="reference">${x.referenceNumber}</p>
      <p>${this.r('refHint')}</p>
      <p>
        <button
          type="button"
          id="copy"
          part="button"
          @click=${async () => {
            try {
              await navigator.clipboard.writeText(x.referenceNumber);
            } catch {
              const sel = getSelection();
              const el = this.renderRoot.querySelector('#ref');
              if (sel && el) sel.selectAllChildren(el);
            }
            this.status = this.t('copied');
          }}
        >
          ${this.r('copy')}
        </button>
      </p>
      ${familyLinkView(this.familyLink, this.l)}
      <p class="sub">${this.r('next')}</p>
      <ul class="list">
        ${x.nextSteps.map((s) => html`<li>${s}</li>`)}
      </ul>
      ${lineLinkView(x.lineLinkUrl, this.l)}`;
  }
}
