/**
 * The language a reply should be in, whatever the widget's locale: a message written in English is
 * answered in English (a parent may open the Japanese page and type in English). Japanese written in
 * the English widget keeps the widget's choice (the visitor chose it).
 *
 *   "How much is the allowance?"              → en
 *   "児童扶養手当 how much for 2 kids?"         → en   (an English clause: function words)
 *   "child rearing allowance の申請ってどこ？"   → the widget's locale (Japanese grammar, English nouns)
 *   "DV"                                       → the widget's locale (one word says nothing)
 */
import type { Locale } from '../core';

const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff\uff66-\uff9f]/;
const LATIN_WORD = /[a-z]+(?:'[a-z]+)?/g;
/** English grammar words: two of them make an English clause. */
const FUNCTION_WORDS = new Set(
  'i my me you your the a an is are was am be do does did can could how what where when which who why for to of in on with and or it this that have has get got much many not there any if should would will we our he she his her they from at about please need want'.split(
    ' ',
  ),
);

/** A quick-reply value (topic:entry:…, children:2, handoff:staff): a command, not a language. */
const COMMAND = /^[a-z-]+:[\w:.-]+$/;

export function replyLocale(message: string, widget: Locale): Locale {
  if (widget === 'en' || COMMAND.test(message.trim())) return widget;
  const text = message.normalize('NFKC').toLowerCase();
  const words = text.match(LATIN_WORD) ?? [];
  if (words.length === 0) return widget;
  const grammar = new Set(words.filter((w) => FUNCTION_WORDS.has(w))).size;
  if (!JAPANESE.test(text)) return words.length >= 2 || grammar >= 1 ? 'en' : widget;
  return grammar >= 2 && words.length >= 3 ? 'en' : widget;
}
