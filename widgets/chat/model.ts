/**
 * The chat widget's state and how it talks to the API: pure functions, no DOM, no Lit, so tests can
 * check them without a browser (and against schema/schema.graphql).
 *
 * - The transcript (session id, messages, queued messages, whether it ended or was rated) is kept in
 *   sessionStorage under `yorisoi-chat:<municipality>` by the element; here it is (de)serialised.
 * - Messages the person writes are queued first (`state: 'queued'`); `nextToSend` picks the oldest,
 *   the element sends one at a time, and `applyReply` / `markFailed` settle it. A message is resent
 *   only while it is still queued, so a second trigger (the `online` event, a retry button) never sends it twice.
 * - `isImeEnter` / `sendsOnEnter`: the Enter that confirms an IME conversion never sends.
 */
import { normaliseEmail, normalisePhone, uuid, validEmail, validPhone } from '../intake/model.js';

export { uuid };

export interface QuickReply {
  label: string;
  value: string;
}
export interface Programme {
  id: string;
  name: string;
}
export interface Handoff {
  kind: 'INTAKE' | 'STAFF';
  url?: string | null;
  payload?: string | null;
}
/** A number of the safety box: `dial` goes into the tel: link, `number` is printed. */
export interface Hotline {
  name: string;
  number: string;
  dial: string;
}
export interface ChatReply {
  sessionId: string;
  messages: { text: string }[];
  quickReplies: QuickReply[];
  relatedProgrammes: Programme[];
  urgent: boolean;
  /** Urgent replies: the numbers of the safety box, the one to call first first. */
  hotlines?: Hotline[];
  /** Phrased by the municipality's AI endpoint from the knowledge-base entries (AI mode); labelled in the widget. */
  generated?: boolean;
  handoff?: Handoff | null;
  /** The language the reply is written in (ja, en, ja-easy). */
  locale?: string;
}
/** One line of the transcript. `me`: what the person wrote (or the label of the quick reply they pressed). */
export interface Msg {
  id: string;
  from: 'me' | 'bot';
  text: string;
  /** me: what is sent (a quick reply's value; else the text). */
  value?: string;
  /** me: queued until the API answered it. */
  state?: 'queued' | 'sent';
  urgent?: boolean;
  hotlines?: Hotline[];
  /** bot: phrased by AI from the knowledge base (shown with a label). */
  generated?: boolean;
  quick?: QuickReply[];
  programmes?: Programme[];
  handoff?: Handoff | null;
  /** bot: the language it was answered in (the API's locale), kept so that after a language switch the
   * earlier answers stay marked as what they are (WCAG 3.1.2) rather than being read in the new voice. */
  lang?: string;
}
export interface Transcript {
  sessionId: string | null;
  messages: Msg[];
  /** The person pressed 「相談を終わる」 (or a hand-off happened): the rating is offered. */
  ended: boolean;
  /** The rating sent (1–5), or 0. */
  rated: number;
  /** launcher mode: the panel was open (reopened after a reload). */
  open: boolean;
  /** idempotencyKey of the call-back request being filled in; '' when none. */
  key: string;
  /** The call-back request was received: its reference number. */
  ref: string;
}
export interface ApiError {
  message?: string;
  extensions?: {
    code?: string;
    field?: string;
    messages?: Record<string, string>;
    problems?: { field: string; messages?: Record<string, string>; message?: string }[];
  };
}
/** The call-back request form, as typed (kept in memory only, never stored). */
export interface CallbackForm {
  name: string;
  ch: '' | 'PHONE' | 'EMAIL';
  phone: string;
  email: string;
  time: string;
  note: string;
  /** The person agreed to be contacted under the privacy notice (nothing pre-ticked). */
  agree: boolean;
}
export interface Receipt {
  referenceNumber: string;
  receivedAt: string;
  nextSteps: string[];
}

/** At most this many lines are kept (oldest dropped); the API accepts 500 characters a message. */
export const MAX_MESSAGES = 100;
export const MAX_LENGTH = 500;

export const CHAT =
  'mutation Chat($input: ChatInput!) { chat(input: $input) { sessionId messages { text } quickReplies { label value } relatedProgrammes { id name } urgent hotlines { name number dial } generated locale handoff { kind url payload } } }';
export const RATE = 'mutation RateChat($sessionId: ID!, $score: Int!) { rateChat(sessionId: $sessionId, score: $score) }';
export const SETTINGS = 'query ChatPrivacy($code: String!) { intakeSettings(municipalityCode: $code) { privacyNoticeVersion privacyNotice } }';
export const REQUEST =
  'mutation RequestConsultation($input: ConsultationRequestInput!) { requestConsultation(input: $input) { referenceNumber receivedAt nextSteps } }';

export const storageKey = (municipality: string): string => `yorisoi-chat:${municipality}`;
export const emptyTranscript = (): Transcript => ({ sessionId: null, messages: [], ended: false, rated: 0, open: false, key: '', ref: '' });
export const emptyForm = (): CallbackForm => ({ name: '', ch: '', phone: '', email: '', time: '', note: '', agree: false });

const str = (v: unknown): v is string => typeof v === 'string';

/** Reads a stored transcript; anything unreadable or foreign gives an empty one. */
export function parseTranscript(raw: string | null | undefined): Transcript {
  const t = emptyTranscript();
  if (!raw) return t;
  try {
    const o = JSON.parse(raw) as Partial<Transcript>;
    if (!o || typeof o !== 'object') return t;
    const messages = Array.isArray(o.messages)
      ? o.messages.filter((m): m is Msg => !!m && str(m.id) && str(m.text) && (m.from === 'me' || m.from === 'bot')).slice(-MAX_MESSAGES)
      : [];
    return {
      sessionId: str(o.sessionId) ? o.sessionId : null,
      messages,
      ended: o.ended === true,
      rated: Number.isInteger(o.rated) && (o.rated as number) >= 1 && (o.rated as number) <= 5 ? (o.rated as number) : 0,
      open: o.open === true,
      key: str(o.key) ? o.key : '',
      ref: str(o.ref) ? o.ref : '',
    };
  } catch {
    return t;
  }
}
export const serialise = (t: Transcript): string => JSON.stringify(t);

/** Adds what the person wrote (or the quick reply pressed) to the queue. Blank text adds nothing. */
export function enqueue(t: Transcript, text: string, id: string, value?: string): Transcript {
  const shown = text.trim().slice(0, MAX_LENGTH);
  if (!shown) return t;
  const m: Msg = { id, from: 'me', text: shown, state: 'queued' };
  if (value !== undefined && value !== shown) m.value = value;
  return { ...t, ended: false, rated: 0, messages: [...t.messages, m].slice(-MAX_MESSAGES) };
}
/** The oldest message still waiting for an answer. */
export const nextToSend = (t: Transcript): Msg | undefined => t.messages.find((m) => m.from === 'me' && m.state === 'queued');
export const queuedCount = (t: Transcript): number => t.messages.filter((m) => m.from === 'me' && m.state === 'queued').length;

/** The API answered message `id`: it is sent, the reply follows it, the session id is kept. */
export function applyReply(t: Transcript, id: string, r: ChatReply, botId: string): Transcript {
  const at = t.messages.findIndex((m) => m.id === id);
  if (at < 0 || t.messages[at]!.state !== 'queued') return t;
  const bot: Msg = {
    id: botId,
    from: 'bot',
    text: r.messages.map((m) => m.text).join('\n\n'),
    urgent: r.urgent,
    hotlines: r.hotlines ?? [],
    generated: r.generated === true,
    quick: r.quickReplies,
    programmes: r.relatedProgrammes,
    handoff: r.handoff ?? null,
    lang: r.locale,
  };
  const messages = t.messages.slice();
  messages[at] = { ...messages[at]!, state: 'sent' };
  // The reply goes right after its question (later queued messages stay after it).
  messages.splice(at + 1, 0, bot);
  const staff = r.handoff?.kind === 'STAFF';
  return {
    ...t,
    sessionId: r.sessionId,
    messages: messages.slice(-MAX_MESSAGES),
    // A call-back request gets its idempotency key once, when the form is first offered.
    key: staff && !t.ref ? t.key || uuid() : t.key,
  };
}
/** The API refused message `id` (bad input): it will not be resent; the refusal is shown instead. */
export function dropQueued(t: Transcript, id: string): Transcript {
  return { ...t, messages: t.messages.filter((m) => m.id !== id) };
}

/** The last bot message, if it is the last line: its quick replies are the ones offered. */
export function lastBot(t: Transcript): Msg | undefined {
  const m = t.messages[t.messages.length - 1];
  return m?.from === 'bot' ? m : undefined;
}
/** The latest hand-off offered in the conversation (the call-back form stays until answered or closed). */
export function lastHandoff(t: Transcript): Handoff | null {
  for (let i = t.messages.length - 1; i >= 0; i--) {
    const h = t.messages[i]!.handoff;
    if (h) return h;
  }
  return null;
}

/** ChatInput variables. `locale` is the widget's language (ja, en, ja-easy). */
export function chatInput(t: Transcript, m: Msg, locale: string, municipality: string): Record<string, unknown> {
  return { sessionId: t.sessionId, message: m.value ?? m.text, locale, municipalityCode: municipality || null };
}

/** What a keydown in the message box means. */
export interface KeyLike {
  key: string;
  isComposing?: boolean;
  keyCode?: number;
  shiftKey?: boolean;
  altKey?: boolean;
  ctrlKey?: boolean;
  metaKey?: boolean;
}
/** The Enter that confirms an IME conversion (isComposing, or keyCode 229 in older Safari/Chrome). */
export const isImeEnter = (e: KeyLike): boolean => e.key === 'Enter' && (!!e.isComposing || e.keyCode === 229);
/** Enter sends; Shift+Enter (or Alt/Ctrl/Meta) makes a new line; the IME's Enter never sends. */
export const sendsOnEnter = (e: KeyLike): boolean => e.key === 'Enter' && !isImeEnter(e) && !e.shiftKey && !e.altKey && !e.ctrlKey && !e.metaKey;

/**
 * Where an INTAKE hand-off leads: `intakeUrl` with the hand-off payload (JSON: household answers, no
 * personal data) in the fragment `#yorisoi-handoff=<encoded JSON>` — the fragment never reaches a
 * server. Null when there is nowhere to go.
 */
export function handoffHref(intakeUrl: string | null | undefined, h: Handoff, base: string): string | null {
  const target = intakeUrl || h.url;
  if (!target) return null;
  try {
    const u = new URL(target, base);
    if (u.protocol !== 'https:' && u.protocol !== 'http:') return null;
    if (h.payload) u.hash = `yorisoi-handoff=${encodeURIComponent(h.payload)}`;
    return u.href;
  } catch {
    return null;
  }
}

/** Checks the call-back form before sending; field id → message key. */
export function validateForm(f: CallbackForm): Record<string, 'chErr' | 'phoneErr' | 'emailErr' | 'agreeErr'> {
  const e: Record<string, 'chErr' | 'phoneErr' | 'emailErr' | 'agreeErr'> = {};
  if (!f.ch) e.ch = 'chErr';
  else if (f.ch === 'PHONE' && !validPhone(normalisePhone(f.phone))) e.phone = 'phoneErr';
  else if (f.ch === 'EMAIL' && !validEmail(normaliseEmail(f.email))) e.email = 'emailErr';
  if (!f.agree) e.agree = 'agreeErr';
  return e;
}

/** ConsultationRequestInput for requestConsultation; `website` is the honeypot (empty for people). */
export function consultationInput(
  f: CallbackForm,
  o: { key: string; municipality: string; sessionId: string | null; noticeVersion: string; website: string },
): Record<string, unknown> {
  const s = (v: string): string | null => v.trim() || null;
  return {
    idempotencyKey: o.key,
    municipalityCode: o.municipality,
    chatSessionId: o.sessionId,
    name: s(f.name),
    contact: {
      contactAllowed: true,
      preferredChannel: f.ch || null,
      phone: f.ch === 'PHONE' ? normalisePhone(f.phone) || null : null,
      email: f.ch === 'EMAIL' ? normaliseEmail(f.email) || null : null,
    },
    preferredTime: s(f.time),
    message: s(f.note),
    privacyNoticeVersion: o.noticeVersion,
    website: o.website,
  };
}

const FORM_FIELD: Record<string, string> = {
  phone: 'phone',
  email: 'email',
  preferredChannel: 'ch',
  contactAllowed: 'agree',
  contact: 'ch',
  name: 'name',
  preferredTime: 'time',
  message: 'note',
  privacyNoticeVersion: 'agree',
};
/** API error path (input.contact.phone, input.preferredTime, …) → field of the call-back form; null if none. */
export function formFieldOf(path: string | undefined): string | null {
  if (!path?.startsWith('input.')) return null;
  const segs = path
    .replace(/\[\d+\]/g, '')
    .split('.')
    .slice(1);
  for (let i = segs.length - 1; i >= 0; i--) {
    const f = FORM_FIELD[segs[i] as string];
    if (f) return f;
  }
  return null;
}

/** Field id → message of a list of GraphQL errors, in `tag` (ja, en, ja-easy); `fallback` for unmapped ones. */
export function errorsByField(list: ApiError[], tag: string, fallback: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const err of list) {
    const x = err.extensions ?? {};
    const problems = x.problems?.length ? x.problems : [{ field: x.field ?? '', messages: x.messages, message: err.message }];
    for (const p of problems) {
      const f = (x.code === 'BAD_USER_INPUT' && formFieldOf(p.field)) || fallback;
      const text = p.messages?.[tag] ?? p.message ?? err.message;
      if (text) out[f] ??= text;
    }
  }
  return out;
}

/** Drops furigana marks: `漢字{かんじ}` → `漢字` (for plain text: aria-labels, announcements). */
export { plain } from '../shared/lang.js';
