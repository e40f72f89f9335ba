import type { Locale } from '../core';
import type { SendOutcome } from './mailer';

export interface OutgoingSms {
  to: string;
  text: string;
  /** The notice id: a provider that de-duplicates by key sends a retried message once. */
  idempotencyKey: string;
}

export interface SmsSender {
  send(sms: OutgoingSms): Promise<SendOutcome>;
}

/**
 * The words that stop SMS notices when a family replies with one (compared after NFKC, trimmed,
 * case-folded). Named in every SMS, so the family need not look anything up.
 */
export const SMS_STOP_WORDS: readonly string[] = ['停止', 'ていし', 'テイシ', 'stop', 'unsubscribe'];

export function isStopWord(reply: string): boolean {
  return SMS_STOP_WORDS.includes(reply.normalize('NFKC').trim().toLowerCase());
}

/**
 * The SMS text: short (one message of 70 UCS-2 characters plus the link), and only the municipality's
 * name and the link — no family name and no programme name, because an SMS shows on a lock screen to
 * whoever holds the phone. The opt-out word is always there.
 */
const SMS_TEXT: Record<Locale, string> = {
  ja: '{m}から支援のお知らせがあります。{link} 不要なら「停止」と返信',
  en: '{m}: there may be support for you. {link} Reply STOP to stop.',
  'ja-easy': '{m}から おしらせ です。{link} いらない ときは「ていし」と へんしん',
};

export function smsText(locale: Locale, municipalityName: string, link: string): string {
  // The name is the municipality's own (seeded data, not the family's); capped so the text stays one message.
  return SMS_TEXT[locale].replace('{m}', municipalityName.slice(0, 16)).replace('{link}', link);
}

/** 090-1234-5678 → +819012345678 (Japanese numbers as families give them; others unchanged but digits). */
export function toE164(phone: string): string {
  const digits = phone.normalize('NFKC').replace(/[^\d+]/g, '');
  if (digits.startsWith('+')) return digits;
  if (digits.startsWith('0')) return `+81${digits.slice(1)}`;
  return digits;
}

export interface HttpSmsOptions {
  /** The provider's send endpoint (SMS_PROVIDER_URL), e.g. https://sms.example.jp/v1/messages. */
  url: string;
  /** Sent as `Authorization: Bearer …` (SMS_PROVIDER_TOKEN). */
  token: string | null;
  /** The sender id or number the provider assigned (SMS_FROM). */
  from: string | null;
  timeoutMs?: number;
}

/**
 * A generic HTTP SMS provider: `POST url` with JSON `{ to, from, text, reference }` and the notice id as
 * `Idempotency-Key` (most providers de-duplicate on it; `reference` for those that take it in the body).
 * 2xx is accepted; 409 means the provider already has a message with that key (the earlier hand-off
 * got through) — accepted too; 408, 425, 429 and 5xx, a timeout or no connection are temporary (the
 * queue retries with backoff); any other 4xx (an invalid or unreachable number) is permanent. The code
 * kept is `http-<status>` or `network`: never the provider's message, which may repeat the number.
 */
export function httpSmsSender(o: HttpSmsOptions): SmsSender {
  return {
    async send(sms) {
      const headers: Record<string, string> = { 'content-type': 'application/json', 'idempotency-key': sms.idempotencyKey };
      if (o.token) headers.authorization = `Bearer ${o.token}`;
      let status: number;
      try {
        const res = await fetch(o.url, {
          method: 'POST',
          headers,
          body: JSON.stringify({ to: toE164(sms.to), from: o.from, text: sms.text, reference: sms.idempotencyKey }),
          signal: AbortSignal.timeout(o.timeoutMs ?? 10_000),
        });
        status = res.status;
        await res.arrayBuffer().catch(() => undefined);
      } catch {
        return { kind: 'temporary', code: 'network' };
      }
      if ((status >= 200 && status < 300) || status === 409) return { kind: 'delivered' };
      if (status === 408 || status === 425 || status === 429 || status >= 500) return { kind: 'temporary', code: `http-${status}` };
      return { kind: 'permanent', code: `http-${status}` };
    },
  };
}
