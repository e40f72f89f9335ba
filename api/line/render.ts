import type { Locale } from '../core';
import type { ChatReply } from '../chat';
import { HandoffKind } from '../chat';
import { fill } from '../chat';
import { type Catalogue, stripFurigana } from '../programme';
import type { LineAction, LineMessage } from './client';
import type { LineChannel } from './config';
import { LB, LT } from './texts';

/** LINE's limits (Messaging API reference): messages per reply, quick-reply items, label and text lengths. */
export const MAX_MESSAGES = 5;
export const MAX_QUICK_REPLIES = 13;
export const MAX_LABEL = 20;
export const MAX_TEXT = 5_000;
export const MAX_POSTBACK_DATA = 300;
/** A programme answer on LINE is a short text and a link: longer answers are cut at a sentence. */
export const SHORT_TEXT = 400;

/** Quick replies are counted in characters as people see them (an emoji is one). */
export function label(text: string): string {
  const chars = [...stripFurigana(text)];
  return chars.length <= MAX_LABEL ? chars.join('') : `${chars.slice(0, MAX_LABEL - 1).join('')}…`;
}

/** Cut at the last sentence end before `max` characters (or hard, with an ellipsis, when there is none). */
export function shorten(text: string, max = SHORT_TEXT): string {
  if (text.length <= max) return text;
  const head = text.slice(0, max);
  const end = Math.max(head.lastIndexOf('。'), head.lastIndexOf('. '), head.lastIndexOf('\n'));
  return end > max / 2 ? head.slice(0, end + 1).trimEnd() : `${head.slice(0, max - 1)}…`;
}

export function textMessage(text: string): LineMessage {
  return { type: 'text', text: text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text };
}

export function buttonMessage(text: string, action: LineAction): LineMessage {
  // A buttons template's text is at most 160 characters without a title or image.
  return {
    type: 'template',
    altText: text.slice(0, 400),
    template: { type: 'buttons', text: text.length > 160 ? `${text.slice(0, 159)}…` : text, actions: [action] },
  };
}

export function postback(labelText: string, data: string): LineAction {
  return { type: 'postback', label: label(labelText), data: data.slice(0, MAX_POSTBACK_DATA), displayText: stripFurigana(labelText).slice(0, 300) };
}

/** Quick replies on the last message (LINE shows only the last message's), at most 13. */
export function withQuickReplies(messages: LineMessage[], actions: LineAction[]): LineMessage[] {
  if (messages.length === 0 || actions.length === 0) return messages;
  const last = messages[messages.length - 1]!;
  return [
    ...messages.slice(0, -1),
    { ...last, quickReply: { items: actions.slice(0, MAX_QUICK_REPLIES).map((action) => ({ type: 'action' as const, action })) } },
  ];
}

/**
 * The chat engine's reply as LINE messages. Danger first: the safety text, then the numbers, each also
 * a tap-to-call quick reply. A programme answer is cut short and ends with a link to the programme's
 * page; a hand-off is a button that opens the intake or the call-back form in the browser (what the
 * family would type there never goes through LINE). The engine's quick replies become postbacks
 * (the family's chat shows the label, never a command), plus "rate this chat".
 */
export function chatReplyMessages(reply: Omit<ChatReply, 'sessionId'>, l: Locale, channel: LineChannel, catalogue: Catalogue): LineMessage[] {
  const messages: LineMessage[] = [];
  const actions: LineAction[] = [];
  const texts = reply.messages.map((m) => stripFurigana(m.text));
  if (reply.urgent) {
    messages.push(textMessage(texts.join('\n\n')));
    if (reply.hotlines.length > 0)
      messages.push(textMessage([LT.hotlinesHead[l], ...reply.hotlines.map((h) => `・${stripFurigana(h.name)}：${h.number}`)].join('\n')));
    for (const h of reply.hotlines) actions.push({ type: 'uri', label: label(fill(LB.call[l], { number: h.number })), uri: `tel:${h.dial}` });
  } else {
    const body = texts.map((t) => shorten(t)).join('\n\n');
    // An answer ends with the page of the programme it is about (the engine lists that one first).
    const first = reply.relatedProgrammes[0];
    const programme = first ? catalogue.get(first.id, channel.municipalityCode) : undefined;
    messages.push(textMessage(programme?.sourceUrl && !reply.handoff ? `${body}\n\n${fill(LT.moreAt[l], { url: programme.sourceUrl })}` : body));
  }
  if (reply.handoff?.kind === HandoffKind.STAFF)
    messages.push(buttonMessage(LT.staffForm[l], { type: 'uri', label: label(LB.staffForm[l]), uri: channel.callbackUrl }));
  if (reply.handoff?.kind === HandoffKind.INTAKE)
    messages.push(buttonMessage(LT.intakeForm[l], { type: 'uri', label: label(LB.intakeForm[l]), uri: channel.intakeUrl }));
  for (const q of reply.quickReplies) {
    // The hand-off buttons are in the message already; the quick reply asks the engine, which answers with the button.
    actions.push(postback(q.label, `v:${q.value}`));
  }
  actions.push(postback(LB.rate[l], 'rate'));
  return withQuickReplies(messages.slice(0, MAX_MESSAGES), actions);
}
