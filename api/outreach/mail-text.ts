/**
 * Just enough of RFC 2045–2047 to read back what our own mailer (nodemailer) sent to the demo's mail
 * catcher: the subject and the plain text. mailparser does this fully but is a devDependency, and the
 * demo mailbox runs in `npm start`, which must work with `npm ci --omit=dev`.
 */
export interface MailText {
  subject: string;
  text: string;
}

function decodeCharset(bytes: Buffer, charset: string): string {
  try {
    return new TextDecoder(charset || 'utf-8').decode(bytes);
  } catch {
    return bytes.toString('utf8');
  }
}

function quotedPrintable(s: string, header = false): Buffer {
  const t = (header ? s.replace(/_/g, ' ') : s).replace(/=\r?\n/g, '');
  const out: number[] = [];
  for (let i = 0; i < t.length; i++) {
    const hex = t[i] === '=' ? t.slice(i + 1, i + 3) : '';
    if (/^[0-9A-Fa-f]{2}$/.test(hex)) {
      out.push(parseInt(hex, 16));
      i += 2;
    } else out.push(...Buffer.from(t[i]!, 'utf8'));
  }
  return Buffer.from(out);
}

/** `=?UTF-8?B?…?=` words decoded; the white space between two encoded words is dropped (RFC 2047 §6.2). */
export function decodeHeader(value: string): string {
  return value
    .replace(/(\?=)\s+(=\?)/g, '$1$2')
    .replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_m, charset: string, enc: string, data: string) =>
      decodeCharset(enc.toUpperCase() === 'B' ? Buffer.from(data, 'base64') : quotedPrintable(data, true), charset),
    );
}

interface Part {
  headers: Map<string, string>;
  body: string;
}

function splitPart(raw: string): Part {
  const cut = raw.search(/\r?\n\r?\n/);
  const head = cut < 0 ? raw : raw.slice(0, cut);
  const body = cut < 0 ? '' : raw.slice(cut).replace(/^\r?\n\r?\n/, '');
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body };
}

const param = (value: string, name: string) => new RegExp(`${name}="?([^";]+)"?`, 'i').exec(value)?.[1] ?? '';

function bodyText(part: Part): string {
  const encoding = (part.headers.get('content-transfer-encoding') ?? '').toLowerCase();
  const charset = param(part.headers.get('content-type') ?? '', 'charset');
  if (encoding === 'base64') return decodeCharset(Buffer.from(part.body.replace(/\s+/g, ''), 'base64'), charset);
  if (encoding === 'quoted-printable') return decodeCharset(quotedPrintable(part.body), charset);
  return part.body;
}

/** The first text/plain part (depth first), or the first text/html part with its tags removed. */
function findText(part: Part): { plain: string | null; html: string | null } {
  const type = (part.headers.get('content-type') ?? 'text/plain').toLowerCase();
  if (type.startsWith('multipart/')) {
    const boundary = param(part.headers.get('content-type') ?? '', 'boundary');
    let html: string | null = null;
    if (boundary) {
      const pieces = part.body.split(`--${boundary}`).slice(1);
      for (const piece of pieces) {
        if (piece.startsWith('--')) break;
        const found = findText(splitPart(piece.replace(/^\r?\n/, '')));
        if (found.plain !== null) return found;
        html ??= found.html;
      }
    }
    return { plain: null, html };
  }
  if (type.startsWith('text/html')) return { plain: null, html: bodyText(part) };
  if (type.startsWith('text/')) return { plain: bodyText(part), html: null };
  return { plain: null, html: null };
}

/** Subject and plain text of a message as received (RFC 5322). */
export function mailText(raw: string): MailText {
  const top = splitPart(raw);
  const found = findText(top);
  const text =
    found.plain ??
    (found.html ?? '')
      .replace(/<br\s*\/?>|<\/p>/gi, '\n')
      // [^<>] rather than [^>]: on a run of unclosed '<' the latter rescans to the end from each one
      // (quadratic; test/limits/regex-linear.test.ts caught it once a loaded machine pushed it past 5 ms).
      .replace(/<[^<>]*>/g, '')
      .replace(/&amp;/g, '&')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"');
  return { subject: decodeHeader(top.headers.get('subject') ?? ''), text: text.replace(/\r\n/g, '\n').trimEnd() };
}
