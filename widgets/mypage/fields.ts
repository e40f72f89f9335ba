import { html, nothing, type TemplateResult } from 'lit';
import { parseDate } from '../intake/date-input.js';
import { ruby } from '../shared/ruby.js';
import type { TEXTS } from './i18n.js';
import type * as Q from './queries.js';

type Texts = (typeof TEXTS)['ja'];
const plain = (s: string) => s.replace(/\{[^}]+\}/g, '');

/** One question of an application form: label, pre-filled mark, help, and its error tied by aria-describedby. */
export function renderField(t: Texts, errors: Record<string, string>, q: Q.Question, a: Q.Answer | undefined): TemplateResult {
  const id = `q-${q.id}`;
  const err = errors[q.id];
  const described = [`${id}-help`, a?.prefilled ? `${id}-pre` : '', err ? `${id}-err` : ''].filter(Boolean).join(' ');
  const label = html`${ruby(q.label)}${q.required ? html` <span class="help">(${ruby(t.required)})</span>` : nothing}${a?.prefilled ? html`<span class="prefilled" id="${id}-pre" part="prefilled">${ruby(t.prefilled)}</span>` : nothing}`;
  const v = a?.value ?? '';
  const help = html`<p class="help" id="${id}-help">${ruby(q.help)}</p>${err ? html`<p class="error" id="${id}-err">${err}</p>` : nothing}`;
  if (q.type === 'boolean') {
    return html`<fieldset aria-describedby=${described}><legend>${label}</legend>
        <label><input type="radio" name=${id} value="true" .checked=${v === 'true'} />${ruby(t.yes)}</label>
        <label><input type="radio" name=${id} value="false" .checked=${v === 'false'} />${ruby(t.no)}</label>${help}</fieldset>`;
  }
  const invalid = err ? 'true' : 'false';
  let control: TemplateResult;
  if (q.type === 'choice') {
    control = html`<select id=${id} aria-describedby=${described} aria-invalid=${invalid}><option value="">${t.choose}</option>${q.choices.map((c) => html`<option value=${c.value} ?selected=${c.value === v}>${plain(c.label)}</option>`)}</select>`;
  } else if (q.multiline) {
    control = html`<textarea id=${id} rows="4" maxlength=${q.maxLength ?? 1000} aria-describedby=${described} aria-invalid=${invalid} .value=${v}></textarea>`;
  } else {
    const numeric = q.type === 'yen' || q.type === 'count' || q.type === 'year';
    // Dates are typed as text (2026-12-31, 2026/12/31, 令和8年12月31日): a date picker hides what was mistyped.
    const type = q.type === 'email' ? 'email' : q.type === 'phone' ? 'tel' : 'text';
    control = html`<input id=${id} type=${type} inputmode=${numeric ? 'numeric' : nothing} autocomplete=${q.type === 'date' ? 'off' : nothing} maxlength=${q.maxLength ?? 254} aria-describedby=${described} aria-invalid=${invalid} .value=${v} />`;
  }
  return html`<label for=${id}>${label}</label>${control}${help}`;
}

/**
 * What the form holds, checked before anything is sent: dates must be readable (sent as YYYY-MM-DD),
 * and — when going on to the confirmation (`complete`) — every required question answered.
 */
export function checkAnswers(
  t: Texts,
  questions: readonly Q.Question[],
  answers: { question: string; value: string | null }[],
  complete: boolean,
): { answers: { question: string; value: string | null }[]; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const out = answers.map((x) => {
    const q = questions.find((y) => y.id === x.question);
    if (!q) return x;
    if (q.type === 'date' && x.value) {
      const iso = parseDate(x.value);
      if (!iso) errors[q.id] = `${plain(q.label)}: ${plain(t.dateFormat)}`;
      return { question: x.question, value: iso ?? x.value };
    }
    if (complete && q.required && !x.value) errors[q.id] = plain(t.answerThis).replace('%', plain(q.label));
    return x;
  });
  return { answers: out, errors };
}

/** An interview's time in Japan, in the page's language. */
export function whenText(l: string, iso: string): string {
  return new Intl.DateTimeFormat(l === 'en' ? 'en-GB' : 'ja-JP', { timeZone: 'Asia/Tokyo', dateStyle: 'full', timeStyle: 'short' }).format(new Date(iso));
}

/** A booking's calendar file as a link. */
export function icsHref(b: Q.Booking): string {
  return `data:text/calendar;charset=utf-8,${encodeURIComponent(b.calendar)}`;
}
