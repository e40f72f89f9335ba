import nodemailer, { type Transporter } from 'nodemailer';

export interface OutgoingMail {
  to: string;
  from: string;
  subject: string;
  text: string;
  html: string;
  /** Stable per notice: a re-send after a crash carries the same id, so receiving systems can de-duplicate. */
  messageId: string;
  /** RFC 8058 one-click unsubscribe URL (HTTPS in production); none for a message the family asked for (a sign-in code). */
  unsubscribeUrl?: string;
}

/** What the receiving server said: accepted, try later (4xx, connection trouble), or never (5xx). */
export type SendOutcome = { kind: 'delivered' } | { kind: 'temporary'; code: string } | { kind: 'permanent'; code: string };

export interface Mailer {
  send(mail: OutgoingMail): Promise<SendOutcome>;
  close(): void;
}

export interface DkimOptions {
  domainName: string;
  keySelector: string;
  privateKey: string;
}

/**
 * E-mail over SMTP (SMTP_URL, e.g. smtp://user:pass@mail.example.jp:587) with nodemailer, pooled.
 * DKIM-signed when a key is configured. The error kept is the SMTP code or nodemailer's error code,
 * never the server's text (it can echo the address).
 */
export function smtpMailer(url: string, options: { dkim?: DkimOptions | null; maxConnections?: number } = {}): Mailer {
  const transport: Transporter = nodemailer.createTransport({
    url,
    pool: true,
    maxConnections: options.maxConnections ?? 2,
    ...(options.dkim ? { dkim: options.dkim } : {}),
  } as never);
  return {
    async send(mail) {
      try {
        await transport.sendMail({
          from: mail.from,
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
          html: mail.html,
          messageId: mail.messageId,
          textEncoding: 'base64',
          ...(mail.unsubscribeUrl ? { list: { unsubscribe: mail.unsubscribeUrl }, headers: { 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' } } : {}),
        });
        return { kind: 'delivered' };
      } catch (e) {
        return classify(e as { responseCode?: number; code?: string });
      }
    },
    close: () => transport.close(),
  };
}

export function classify(e: { responseCode?: number; code?: string }): SendOutcome {
  const rc = e.responseCode;
  if (typeof rc === 'number' && rc >= 500 && rc < 600) return { kind: 'permanent', code: `smtp-${rc}` };
  if (typeof rc === 'number') return { kind: 'temporary', code: `smtp-${rc}` };
  return { kind: 'temporary', code: (e.code ?? 'error').slice(0, 24) };
}
