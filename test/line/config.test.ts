import { describe, expect, it } from 'vitest';
import { lineSettingsFromEnv } from '../../api/line';
import { label, shorten } from '../../api/line/render';

describe('LINE settings from the environment', () => {
  it('reads one channel per municipality, with defaults for the pages', () => {
    const s = lineSettingsFromEnv({
      LINE_CHANNELS: '131016, 999999',
      LINE_131016_CHANNEL_SECRET: 's1',
      LINE_131016_ACCESS_TOKEN: 't1',
      LINE_999999_CHANNEL_SECRET: 's2',
      LINE_999999_ACCESS_TOKEN: 't2',
      LINE_999999_FORWARDER_SECRET: 'f2',
      LINE_999999_INTAKE_URL: 'https://www.city.example.lg.jp/intake/',
      PUBLIC_URL: 'https://yorisoi.example.jp',
    });
    expect([...s.channels.keys()]).toEqual(['131016', '999999']);
    expect(s.channels.get('131016')).toMatchObject({
      channelSecret: 's1',
      accessToken: 't1',
      forwarderSecrets: [],
      basicId: null,
      familyPageUrl: 'https://yorisoi.example.jp/mypage?municipality=131016',
    });
    expect(s.channels.get('999999')).toMatchObject({ forwarderSecrets: ['f2'], intakeUrl: 'https://www.city.example.lg.jp/intake' });
    expect(s.apiBase).toBe('https://api.line.me');
    expect(lineSettingsFromEnv({}).channels.size).toBe(0);
  });

  it('stops the server on a configuration that cannot work', () => {
    expect(() => lineSettingsFromEnv({ LINE_CHANNELS: '13101' })).toThrow(/6-digit/);
    expect(() => lineSettingsFromEnv({ LINE_CHANNELS: '131016', LINE_131016_CHANNEL_SECRET: 's' })).toThrow(/LINE_131016_ACCESS_TOKEN/);
    expect(() =>
      lineSettingsFromEnv({
        LINE_CHANNELS: '131016',
        LINE_131016_CHANNEL_SECRET: 's',
        LINE_131016_ACCESS_TOKEN: 't',
        LINE_131016_CALLBACK_URL: 'http://www.city.example.lg.jp/',
      }),
    ).toThrow(/https/);
  });
});

describe('LINE message limits', () => {
  it('labels are at most 20 characters as people count them (emoji, furigana stripped)', () => {
    expect(label('相談員と話したい')).toBe('相談員と話したい');
    expect([...label('👨‍👩‍👧'.repeat(30))].length).toBeLessThanOrEqual(20);
    expect(label('漢字{かんじ}')).toBe('漢字');
    expect([...label('あ'.repeat(25))]).toHaveLength(20);
  });

  it('long answers are cut at a sentence', () => {
    const text = `${'あ'.repeat(300)}。${'い'.repeat(300)}。`;
    expect(shorten(text)).toBe(`${'あ'.repeat(300)}。`);
    expect(shorten('short')).toBe('short');
  });
});
