import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface CaughtMail {
  at: Date;
  from: string;
  to: string[];
  /** The message as received (RFC 5322), headers and MIME body. */
  raw: string;
}

/**
 * A real SMTP server on 127.0.0.1 that keeps what it receives in memory (the `smtp-server` package):
 * the demo's mail catcher on the embedded default (its messages are listed at /demo/mailbox,
 * demo-mailbox.ts), and the receiving
 * server of the tests. `reply` lets a test answer a recipient with a 4xx or 5xx.
 */
export class MailCatcher {
  readonly mails: CaughtMail[] = [];
  reply: (to: string) => { code: number; message: string } | null = () => null;
  private constructor(
    private readonly server: SMTPServer,
    readonly port: number,
    private readonly keep: number,
  ) {}

  static async start(options: { port?: number; keep?: number } = {}): Promise<MailCatcher> {
    let catcher: MailCatcher | null = null;
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      size: 1024 * 1024,
      onRcptTo(address, _session, callback) {
        const r = catcher?.reply(address.address);
        if (r) {
          const err = new Error(r.message) as Error & { responseCode: number };
          err.responseCode = r.code;
          return callback(err);
        }
        callback();
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          const c = catcher!;
          c.mails.push({
            at: new Date(),
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            raw: Buffer.concat(chunks).toString('utf8'),
          });
          if (c.mails.length > c.keep) c.mails.splice(0, c.mails.length - c.keep);
          callback();
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
    });
    const port = (server as unknown as { server: { address(): AddressInfo } }).server.address().port;
    catcher = new MailCatcher(server, port, options.keep ?? 500);
    return catcher;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
