/**
 * Templates of <yorisoi-chat> that need nothing but what they are given: furigana, the safety box of
 * an urgent reply, one line of the conversation.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Key } from './i18n.js';
import { ruby } from '../shared/ruby.js';
import { LANG_TAGS, LOCALES } from '../shared/lang.js';
import { handoffHref, type Hotline, type Msg } from './model.js';

// The API's やさしい日本語 carries the same furigana marks as the widget's own texts.
export { ruby };

/**
 * Telephone numbers in the bot's text (its urgent message names the hotlines): dashed numbers such
 * as 0120-279-889, short numbers such as #8008, and 110 / 119 / 189 standing alone (before 番, a
 * bracket, a space or punctuation). Bounded quantifiers, no nesting: linear time.
 */
const PHONE = /#\d{4}|0\d{1,4}-\d{1,4}-\d{3,4}|(?<![\d,.])(?:110|119|189)(?=番|[\s（(、。,)）]|$)/g;

/** Bot text with its telephone numbers as tap-to-call links (never broken across lines), furigana as ruby. */
export function linked(s: string): TemplateResult | string {
  if (!PHONE.test(s)) return ruby(s);
  PHONE.lastIndex = 0;
  const parts: unknown[] = [];
  let i = 0;
  for (const m of s.matchAll(PHONE)) {
    parts.push(ruby(s.slice(i, m.index)), html`<a class="tel" href="tel:${m[0].replace('#', '%23').replace(/-/g, '')}">${m[0]}</a>`);
    i = (m.index ?? 0) + m[0].length;
  }
  parts.push(ruby(s.slice(i)));
  return html`${parts}`;
}

/**
 * The red safety box that starts an urgent reply: role=alert, each number a tap-to-call link that
 * never breaks. The API orders the numbers for the kind of danger (189 first when a child is being
 * hurt, the suicide hotline for thoughts of suicide, 110 first when the danger is immediate); a reply
 * kept from an older version without them still shows 110.
 */
export function safetyBox(r: (k: Key) => TemplateResult | string, lines: Hotline[] | undefined): TemplateResult {
  const list = lines?.length ? lines.map((h) => ({ ...h, name: ruby(h.name) })) : [{ dial: '110', number: '110', name: r('s110') }];
  return html`<div class="alert" role="alert" part="alert">
    <p><strong>${r('safety')}</strong></p>
    <ul>
      ${list.map((h, i) => html`<li>${h.name} <a class="tel${i === 0 ? ' big' : ''}" href="tel:${h.dial}">${h.number}</a></li>`)}
    </ul>
  </div>`;
}

/** The HTML `lang` of an API locale (ja-easy → ja-x-easy); nothing for a line kept from before replies said it. */
export const msgLang = (locale: string | undefined) => LANG_TAGS[LOCALES.indexOf(locale as never)] ?? nothing;

type Texts = { tx(k: Key): string; r(k: Key): TemplateResult | string };

/**
 * One line of the conversation: who said it (for screen readers), the safety box first when urgent,
 * the text (a reply's messages as paragraphs), the AI label, 「未送信」 while queued and `unsent`, related programmes, and on the last
 * line the link of an INTAKE hand-off.
 */
export function message(m: Msg, o: Texts & { last: boolean; unsent: boolean; intakeUrl: string | null }): TemplateResult {
  const me = m.from === 'me';
  const href = !me && o.last && m.handoff?.kind === 'INTAKE' ? handoffHref(o.intakeUrl, m.handoff, location.href) : null;
  return html`<div class="msg ${me ? 'me' : 'bot'}" part="message message-${m.from}">
    <span class="sr">${o.tx(me ? 'me' : 'bot')}: </span>
    ${m.urgent ? safetyBox(o.r, m.hotlines) : nothing}
    <div class="bubble" part="bubble" lang=${me ? nothing : msgLang(m.lang)}>${me ? m.text : m.text.split('\n\n').map((p) => html`<p>${linked(p)}</p>`)}</div>
    ${!me && m.generated ? html`<p class="note" part="generated-note">${o.r('generated')}</p>` : nothing}
    ${me && m.state === 'queued' && o.unsent ? html`<span class="state">${o.r('queued')}</span>` : nothing}
    ${
      m.programmes?.length
        ? html`<div class="progs">
          <span class="sub">${o.r('related')}</span>
          <ul part="programmes" lang=${msgLang(m.lang)}>
            ${m.programmes.map((p) => html`<li>${ruby(p.name)}</li>`)}
          </ul>
        </div>`
        : nothing
    }
    ${href ? html`<p><a href=${href} target="_top" part="handoff-link">${o.r('toIntake')}</a></p>` : nothing}
  </div>`;
}
