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
