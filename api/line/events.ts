/** The parts of LINE's webhook payload Yorisoi reads (Messaging API reference, "Webhook event objects"). */
export interface LineSource {
  type: 'user' | 'group' | 'room';
  userId?: string;
}

export interface LineEvent {
  type: string;
  /** "active", or "standby" while another channel (a forwarding platform's module) answers. */
  mode?: string;
  timestamp: number;
  source?: LineSource;
  webhookEventId: string;
  deliveryContext?: { isRedelivery?: boolean };
  replyToken?: string;
  message?: { type: string; id?: string; text?: string };
  postback?: { data?: string };
  link?: { result?: string; nonce?: string };
}

export interface LinePayload {
  destination?: string;
  events: LineEvent[];
}

/** At most this many events in one webhook call (LINE sends far fewer; more is not LINE). */
export const MAX_EVENTS_PER_CALL = 100;
const EVENT_ID = /^[0-9A-Za-z_-]{1,64}$/;

/**
 * The payload, checked for the shape the queue and the bot rely on; null when it is not one. Events
 * without a usable webhookEventId are not LINE's: the call is refused rather than half taken.
 */
export function readPayload(value: unknown): LinePayload | null {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return null;
  const events = (value as { events?: unknown }).events;
  if (!Array.isArray(events) || events.length > MAX_EVENTS_PER_CALL) return null;
  for (const e of events) {
    if (!e || typeof e !== 'object') return null;
    const ev = e as Partial<LineEvent>;
    if (typeof ev.type !== 'string' || typeof ev.webhookEventId !== 'string' || !EVENT_ID.test(ev.webhookEventId)) return null;
  }
  const destination = (value as { destination?: unknown }).destination;
  return { destination: typeof destination === 'string' ? destination : undefined, events: events as LineEvent[] };
}
