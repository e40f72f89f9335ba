import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';

// The widgets are ES modules; this test file is CommonJS under node16 resolution, so it imports them dynamically.
type DateInput = typeof import('../../widgets/intake/date-input.js', { with: { 'resolution-mode': 'import' } });
let dateState: DateInput['dateState'];
let parseDate: DateInput['parseDate'];
let seireki: DateInput['seireki'];
let wareki: DateInput['wareki'];
beforeAll(async () => {
  ({ dateState, parseDate, seireki, wareki } = await import('../../widgets/intake/date-input.js'));
});

describe('typed dates (the intake form reads them as people write them)', () => {
  it.each([
    ['20160315', '2016-03-15'],
    ['2016/3/15', '2016-03-15'],
    ['2016-03-15', '2016-03-15'],
    ['2016.3.15', '2016-03-15'],
    ['2016年3月15日', '2016-03-15'],
    ['２０１６／３／１５', '2016-03-15'],
    [' 2016 / 3 / 15 ', '2016-03-15'],
    ['平成28年3月15日', '2016-03-15'],
    ['H28.3.15', '2016-03-15'],
    ['h28/3/15', '2016-03-15'],
    ['令和元年5月1日', '2019-05-01'],
    ['令和2年6月1日', '2020-06-01'],
    ['R2/6/1', '2020-06-01'],
    ['平成元年1月8日', '1989-01-08'],
    ['昭和64年1月7日', '1989-01-07'],
  ])('%s → %s', (typed, iso) => {
    expect(parseDate(typed)).toBe(iso);
    expect(dateState(typed)).toBe('ok');
  });

  it.each(['2016/2/30', '20161315', '2016315', '平成31年5月1日', '令和元年4月30日', '昭和64年1月8日', '平成0年1月1日', 'あした', '2016/3', '1899/1/1'])(
    '%s is invalid, not missing',
    (typed) => {
      expect(parseDate(typed)).toBeNull();
      expect(dateState(typed)).toBe('invalid');
    },
  );

  it('tells empty from invalid', () => {
    expect(dateState('')).toBe('empty');
    expect(dateState('   ')).toBe('empty');
  });

  it('shows the other calendar for confirmation', () => {
    expect(wareki('20160315')).toBe('平成28年3月15日');
    expect(wareki('2019-05-01')).toBe('令和元年5月1日');
    expect(seireki('平成28年3月15日')).toBe('2016年3月15日');
    expect(wareki('2016/2/30')).toBe('');
  });

  it('reads back every real date from 1927 on in each written form', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1927-01-01T00:00:00Z'), max: new Date('2040-12-31T00:00:00Z'), noInvalidDate: true }), (d) => {
        const iso = d.toISOString().slice(0, 10);
        const [y, m, day] = iso.split('-').map(Number) as [number, number, number];
        expect(parseDate(iso.replaceAll('-', ''))).toBe(iso);
        expect(parseDate(`${y}/${m}/${day}`)).toBe(iso);
        expect(parseDate(wareki(iso))).toBe(iso);
      }),
      { numRuns: 500 },
    );
  });
});
