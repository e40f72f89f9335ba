/**
 * The language switch of the public widgets (trial T7): a parent who reads English or prefers
 * やさしい日本語 is not bound to the `lang` the webmaster set. The other two languages, each named in
 * itself (and marked with its `lang`, so a screen reader says it right); the group is named in the
 * current one. The widget keeps its answers and its conversation: only the table column changes.
 */
import { html } from 'lit';
import { LANG_TAGS, type Lang } from './lang.js';

const NAMES = ['日本語', 'English', 'やさしい日本語'];
const GROUP = ['表示言語', 'Language', 'ことば'];

export const langSwitch = (l: Lang, pick: (l: Lang) => void) =>
  html`<div class="langs" role="group" aria-label=${GROUP[l]!} part="lang-switch">
    ${
      // The other two only, by position: the pressed button stays in place (with the next name), so the focus stays in the switch.
      ([0, 1, 2] as const)
        .filter((i) => i !== l)
        .map((i) => html`<button type="button" part="button" lang=${LANG_TAGS[i]} @click=${() => pick(i)}>${NAMES[i]}</button>`)
    }
  </div>`;
