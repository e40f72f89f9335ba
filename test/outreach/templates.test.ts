import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SEEDS_DIR } from '../../api/core/paths';
import { NoticeLinks } from '../../api/outreach/link';
import { classify } from '../../api/outreach/mailer';
import { NoticeKind } from '../../api/outreach/outreach-types';
import { isQuiet, nextSendable } from '../../api/outreach/quiet-hours';
import { loadNoticeTemplates, PLACEHOLDERS } from '../../api/outreach/templates';

const values = {
  familyName: '山田',
  programmeName: '児童扶養手当',
  deadline: '2027-08-31',
  link: 'https://x.example/outreach/n/abc',
  municipalityName: 'デモ市',
};

describe('notice templates, links, quiet hours', () => {
  it('every kind has ja, en and ja-easy, each with the link and only whitelisted placeholders', () => {
    const t = loadNoticeTemplates(join(SEEDS_DIR, 'notices'));
    for (const kind of Object.values(NoticeKind))
      for (const l of ['ja', 'en', 'ja-easy'] as const) {
        const m = t.render('999999', kind, l, values);
        expect(m.text).toContain(values.link);
        expect(m.html).toContain(`<a href="${values.link}">`);
        expect(m.subject + m.text).not.toMatch(/\{\{|\}\}/);
      }
    expect(PLACEHOLDERS).toEqual(['familyName', 'programmeName', 'deadline', 'link', 'municipalityName']);
  });

  it('refuses a placeholder outside the whitelist, a malformed one, and a text without the link', () => {
    const base = readFileSync(join(SEEDS_DIR, 'notices', 'default.yaml'), 'utf8');
    const attempt = (mutate: (s: string) => string) => {
      const dir = mkdtempSync(join(tmpdir(), 'notices-'));
      writeFileSync(join(dir, 'default.yaml'), mutate(base));
      return () => loadNoticeTemplates(dir);
    };
    expect(attempt((s) => s.replace('{{familyName}} 様', '{{concernsNote}} 様'))).toThrow(/\{\{concernsNote\}\} is not an allowed placeholder/);
    expect(attempt((s) => s.replace('{{familyName}} 様', '{{familyName} 様'))).toThrow(/malformed/);
    expect(attempt((s) => s.replace('      {{link}}', '      no link'))).toThrow(/must contain \{\{link\}\}/);
  });

  it('escapes values in HTML', () => {
    const m = loadNoticeTemplates(join(SEEDS_DIR, 'notices')).render('999999', NoticeKind.PROGRAMME_FITS, 'ja', { ...values, familyName: '<b>山田</b>' });
    expect(m.html).toContain('&#60;b&#62;山田');
    expect(m.html).not.toContain('<b>');
  });

  it('signs links that expire and cannot be altered', () => {
    const links = new NoticeLinks('s'.repeat(40), 30);
    const id = '3f2b8a52-7c1e-4d4a-9a3e-0b1c2d3e4f50';
    const token = links.token(id, Date.UTC(2026, 0, 1));
    expect(links.verify(token, Date.UTC(2026, 0, 2))).toEqual({ noticeId: id, expiresAt: Date.UTC(2026, 0, 31) });
    expect(links.verify(token, Date.UTC(2026, 1, 1))).toBeNull();
    expect(links.verify(token.replace(id, id.replace('3f', '3e')), Date.UTC(2026, 0, 2))).toBeNull();
    expect(new NoticeLinks('t'.repeat(40)).verify(token, Date.UTC(2026, 0, 2))).toBeNull();
    expect(links.verify('x'.repeat(5000))).toBeNull();
  });

  it('quiet hours run 21:00–8:00 Japan time', () => {
    expect(isQuiet(new Date('2026-12-03T11:59:00Z'))).toBe(false); // 20:59 JST
    expect(isQuiet(new Date('2026-12-03T12:00:00Z'))).toBe(true); // 21:00
    expect(isQuiet(new Date('2026-12-03T22:59:00Z'))).toBe(true); // 7:59
    expect(isQuiet(new Date('2026-12-03T23:00:00Z'))).toBe(false); // 8:00
    expect(nextSendable(new Date('2026-12-03T15:00:00Z')).toISOString()).toBe('2026-12-03T23:00:00.000Z'); // 0:00 → 8:00 same JST day
    expect(nextSendable(new Date('2026-12-03T13:00:00Z')).toISOString()).toBe('2026-12-03T23:00:00.000Z'); // 22:00 → next 8:00
  });

  it('classifies SMTP answers: 5xx permanent, 4xx and connection errors temporary', () => {
    expect(classify({ responseCode: 550 })).toEqual({ kind: 'permanent', code: 'smtp-550' });
    expect(classify({ responseCode: 451 })).toEqual({ kind: 'temporary', code: 'smtp-451' });
    expect(classify({ code: 'ECONNREFUSED' })).toEqual({ kind: 'temporary', code: 'ECONNREFUSED' });
  });
});
