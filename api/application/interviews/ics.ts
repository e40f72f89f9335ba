/**
 * An iCalendar file (RFC 5545) for a booked interview: times in Asia/Tokyo with its VTIMEZONE (JST,
 * +09:00, no daylight saving since 1951), text escaped (§3.3.11), lines ended by CRLF and folded at 75
 * octets without splitting a UTF-8 character (§3.1), and a VALARM the day before.
 */

export interface IcsEvent {
  uid: string;
  start: Date;
  end: Date;
  summary: string;
  description: string;
  location: string;
  /** When the file is made (DTSTAMP). */
  stamp?: Date;
}

/** TEXT escaping: backslash, semicolon, comma, and newlines as \n (§3.3.11). */
export function escapeText(value: string): string {
  let out = '';
  for (const c of value.replace(/\r\n?/g, '\n')) {
    if (c === '\\' || c === ';' || c === ',') out += `\\${c}`;
    else if (c === '\n') out += '\\n';
    else if (c.charCodeAt(0) < 0x20 && c !== '\t') continue;
    else out += c;
  }
  return out;
}

/** Folds a content line so that no physical line exceeds 75 octets; continuations start with a space. */
export function fold(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  let limit = 75;
  for (const ch of line) {
    const n = Buffer.byteLength(ch, 'utf8');
    if (octets + n > limit) {
      parts.push(current);
      current = '';
      octets = 0;
      limit = 74; // the leading space of a continuation line counts
    }
    current += ch;
    octets += n;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

const pad = (n: number) => String(n).padStart(2, '0');

/** 20261210T100000 in Japan time. */
function tokyoLocal(d: Date): string {
  const j = new Date(d.getTime() + 9 * 3_600_000);
  return `${j.getUTCFullYear()}${pad(j.getUTCMonth() + 1)}${pad(j.getUTCDate())}T${pad(j.getUTCHours())}${pad(j.getUTCMinutes())}${pad(j.getUTCSeconds())}`;
}

function utc(d: Date): string {
  return `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}Z`;
}

export function interviewIcs(e: IcsEvent): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Yorisoi//Interview booking//JA',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VTIMEZONE',
    'TZID:Asia/Tokyo',
    'BEGIN:STANDARD',
    'DTSTART:19510908T000000',
    'TZOFFSETFROM:+1000',
    'TZOFFSETTO:+0900',
    'TZNAME:JST',
    'END:STANDARD',
    'END:VTIMEZONE',
    'BEGIN:VEVENT',
    `UID:${e.uid}`,
    `DTSTAMP:${utc(e.stamp ?? new Date())}`,
    `DTSTART;TZID=Asia/Tokyo:${tokyoLocal(e.start)}`,
    `DTEND;TZID=Asia/Tokyo:${tokyoLocal(e.end)}`,
    `SUMMARY:${escapeText(e.summary)}`,
    `DESCRIPTION:${escapeText(e.description)}`,
    `LOCATION:${escapeText(e.location)}`,
    'BEGIN:VALARM',
    'ACTION:DISPLAY',
    'TRIGGER:-P1D',
    `DESCRIPTION:${escapeText(e.summary)}`,
    'END:VALARM',
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(fold).join('\r\n') + '\r\n';
}
