// The interview's iCalendar file, read back by a real parser (ical.js): local time right in winter and
// summer, text escaped, CRLF, folded at 75 octets without breaking a character, a VALARM the day before.
import { beforeAll, describe, expect, it } from 'vitest';
import { escapeText, fold, interviewIcs } from '../../api/application/interviews/ics';

// ical.js is an ES module only; this test file is compiled as CommonJS, so it is loaded dynamically.
let ICAL: typeof import('ical.js', { with: { 'resolution-mode': 'import' } }).default;
beforeAll(async () => {
  ICAL = (await import('ical.js')).default;
});

const LONG = '児童扶養手当の面談です。戸籍謄本、通帳、年金手帳をお持ちください; 保険証も, 必要なら\\ 印鑑も。'.repeat(3);

function parse(ics: string) {
  const comp = new ICAL.Component(ICAL.parse(ics));
  // As a calendar client does: the file's own VTIMEZONE defines Asia/Tokyo.
  ICAL.TimezoneService.register(comp.getFirstSubcomponent('vtimezone')!);
  const event = new ICAL.Event(comp.getFirstSubcomponent('vevent')!);
  return { comp, event };
}

describe('interview ICS (RFC 5545)', () => {
  for (const [season, start, local] of [
    ['winter', new Date('2026-12-10T01:00:00Z'), '2026-12-10T10:00:00'],
    ['summer', new Date('2027-08-05T05:30:00Z'), '2027-08-05T14:30:00'],
  ] as const) {
    it(`opens at the right local time in ${season}`, () => {
      const ics = interviewIcs({
        uid: `b-${season}@yorisoi`,
        start,
        end: new Date(start.getTime() + 30 * 60_000),
        summary: '面談（デモ市）',
        description: LONG,
        location: 'デモ市役所 2階, 窓口3',
        stamp: new Date('2026-12-01T00:00:00Z'),
      });
      const { comp, event } = parse(ics);
      expect(comp.getFirstSubcomponent('vtimezone')!.getFirstPropertyValue('tzid')).toBe('Asia/Tokyo');
      expect(event.startDate.zone!.tzid).toBe('Asia/Tokyo');
      expect(event.startDate.toString()).toBe(local);
      expect(event.startDate.toJSDate().getTime()).toBe(start.getTime());
      expect(event.description).toBe(LONG);
      expect(event.location).toBe('デモ市役所 2階, 窓口3');
      const alarm = comp.getFirstSubcomponent('vevent')!.getFirstSubcomponent('valarm')!;
      expect(alarm.getFirstPropertyValue('trigger')!.toString()).toBe('-P1D');
      expect(ics.endsWith('\r\n')).toBe(true);
      expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
      for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    });
  }

  it('escapes TEXT and folds without splitting a UTF-8 character', () => {
    expect(escapeText('a;b,c\\d\ne')).toBe('a\\;b\\,c\\\\d\\ne');
    const folded = fold(`DESCRIPTION:${'あ'.repeat(60)}`);
    for (const part of folded.split('\r\n')) {
      expect(Buffer.byteLength(part, 'utf8')).toBeLessThanOrEqual(75);
      expect(Buffer.from(part, 'utf8').toString('utf8')).toBe(part);
    }
    expect(
      folded
        .split('\r\n')
        .slice(1)
        .every((p) => p.startsWith(' ')),
    ).toBe(true);
  });
});
