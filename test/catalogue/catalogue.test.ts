// The national catalogue as shipped in seeds/programmes: every docs/design.md id exactly once, every field and
// locale present, sources official, and the public API behaving as documented.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { loadCatalogue } from '../../api/programme/catalogue/catalogue';
import { furiganaProblem } from '../../api/programme/catalogue/furigana';
import { isProgrammeId, PROGRAMME_IDS } from '../../api/core/programme-ids';
import { DEPARTMENT_CODES, LOCALES, PROGRAMME_CATEGORIES, type LocalizedText, type ProgrammeDefinition } from '../../api/programme/catalogue/programme.types';
import { SEEDS_DIR } from './support';

const catalogue = loadCatalogue(SEEDS_DIR);
const defaults = PROGRAMME_IDS.map((id) => catalogue.get(id, undefined, { includeDisabled: true })!);

function texts(p: ProgrammeDefinition): [string, LocalizedText][] {
  return [
    ['name', p.name],
    ['summary', p.summary],
    ['forWhom', p.forWhom],
    ['whatYouGet', p.whatYouGet],
    ['howToApply', p.howToApply],
    ['contact', p.contact],
    ...p.documents.map((d, i): [string, LocalizedText] => [`documents[${i}]`, d]),
  ];
}

describe('programme ids', () => {
  it('has 22 unique ids', () => {
    expect(PROGRAMME_IDS).toHaveLength(22);
    expect(new Set(PROGRAMME_IDS).size).toBe(22);
  });

  // The ids as docs/design.md lists them, written out here too so that a change to either is seen.
  const DESIGN_IDS = [
    'child-rearing-allowance',
    'child-allowance',
    'single-parent-medical-subsidy',
    'welfare-fund-loan',
    'independence-training-benefit',
    'advanced-vocational-training-benefit',
    'housing-support-loan',
    'public-housing-priority',
    'school-expense-aid',
    'high-school-tuition-support',
    'childcare-priority',
    'commuter-pass-discount',
    'single-parent-tax-deduction',
    'self-reliance-programme',
    'vocational-support',
    'needy-self-reliance-support',
    'livelihood-protection',
    'child-support-securing',
    'dv-consultation',
    'home-helper-dispatch',
    'single-parent-consultation',
    'learning-support-for-children',
  ];
  const designPath = path.resolve(__dirname, '../../docs/design.md');
  it('matches the programme ids listed in docs/design.md, in order', () => {
    expect([...PROGRAMME_IDS]).toEqual(DESIGN_IDS);
    const design = readFileSync(designPath, 'utf8');
    const section = design.slice(design.indexOf('## Programme ids'), design.indexOf('## Runtime conventions'));
    expect([...section.matchAll(/`([a-z][a-z-]+)`/g)].map((m) => m[1])).toEqual(DESIGN_IDS);
  });

  it('has exactly one seed file per id, and no other programme files', () => {
    const files = readdirSync(SEEDS_DIR).filter((f) => f.endsWith('.yaml'));
    expect(files.sort()).toEqual(PROGRAMME_IDS.map((id) => `${id}.yaml`).sort());
    const idsInFiles = files.map((f) => parseDocument(readFileSync(path.join(SEEDS_DIR, f), 'utf8')).toJS().id);
    expect(idsInFiles.sort()).toEqual([...PROGRAMME_IDS].sort());
  });

  it('lists every id exactly once by default', () => {
    const ids = catalogue.list().map((p) => p.id);
    expect(ids).toHaveLength(22);
    expect(new Set(ids)).toEqual(new Set(PROGRAMME_IDS));
    expect(defaults.every((p) => p !== undefined && p.enabled)).toBe(true);
  });

  it('isProgrammeId accepts only catalogue ids', () => {
    expect(isProgrammeId('child-rearing-allowance')).toBe(true);
    expect(isProgrammeId('999999-school-entry-gift')).toBe(false);
    expect(isProgrammeId(42)).toBe(false);
  });
});

describe.each(defaults.map((p) => [p.id, p] as const))('%s', (_id, p) => {
  it('has every text in every locale, non-empty', () => {
    for (const [field, text] of texts(p)) {
      expect(Object.keys(text).sort(), field).toEqual([...LOCALES].sort());
      for (const locale of LOCALES) {
        expect(typeof text[locale], `${field}.${locale}`).toBe('string');
        expect(text[locale].trim().length, `${field}.${locale}`).toBeGreaterThan(0);
      }
    }
  });

  it('has well-formed furigana in ja-easy and no markup in ja/en, and no unfilled placeholder', () => {
    for (const [field, text] of texts(p)) {
      expect(furiganaProblem(text['ja-easy']), `${field}.ja-easy`).toBeUndefined();
      expect(text.ja, `${field}.ja`).not.toMatch(/[{}]/);
      expect(text.en, `${field}.en`).not.toMatch(/[{}]/);
    }
  });

  it('writes Japanese in ja and ja-easy', () => {
    for (const [field, text] of texts(p)) {
      expect(text.ja, `${field}.ja`).toMatch(/[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u);
      expect(text['ja-easy'], `${field}.ja-easy`).toMatch(/[\p{Script=Hiragana}\p{Script=Katakana}]/u);
    }
  });

  it('has valid metadata and an official https source', () => {
    expect(DEPARTMENT_CODES).toContain(p.owningDepartment);
    expect(PROGRAMME_CATEGORIES).toContain(p.category);
    expect(p.legalBasis.trim()).not.toBe('');
    const url = new URL(p.sourceUrl);
    expect(url.protocol).toBe('https:');
    // National, prefectural or municipal government sites only (go.jp, lg.jp, pref.*.jp).
    expect(url.hostname).toMatch(/(\.go\.jp|\.lg\.jp|^www\.pref\.[a-z]+\.jp)$/);
    expect(p.tags.length).toBeGreaterThan(0);
    expect(p.enabled).toBe(true);
  });

  it('declares amounts only when a municipality may override them', () => {
    if (p.level === 'national') expect(p.amounts).toBeUndefined();
    for (const value of Object.values(p.amounts ?? {})) expect(Number.isSafeInteger(value)).toBe(true);
  });
});

describe('catalogue content', () => {
  it('states the FY2026 child-rearing allowance (48,050 yen, provisional) and its schedule', () => {
    const p = catalogue.get('child-rearing-allowance')!;
    expect(p.whatYouGet.ja).toContain('48,050円');
    expect(p.whatYouGet.ja).toContain('11,350円');
    expect(p.whatYouGet.ja).toContain('暫定');
    expect(p.whatYouGet.en).toContain('provisional');
    expect(p.tags).toContain('母子手当');
    expect(p.unconfirmed?.some((n) => n.includes('FY2026'))).toBe(true);
  });

  it('routes programmes to the departments that handle them', () => {
    const owner = (id: string) => catalogue.get(id)!.owningDepartment;
    expect(owner('child-rearing-allowance')).toBe('single-parent');
    expect(owner('livelihood-protection')).toBe('livelihood-support');
    expect(owner('needy-self-reliance-support')).toBe('livelihood-support');
    expect(owner('learning-support-for-children')).toBe('livelihood-support');
    expect(owner('public-housing-priority')).toBe('public-housing');
  });

  it('fills amount placeholders with the default amount (housing-support-loan)', () => {
    const p = catalogue.get('housing-support-loan')!;
    expect(p.level).toBe('prefectural');
    expect(p.amounts).toEqual({ monthlyCap: 70000 });
    expect(p.whatYouGet.ja).toContain('月70,000円まで');
    expect(p.whatYouGet.en).toContain('70,000 yen a month');
    expect(p.unconfirmed?.[0]).toMatch(/40,000/);
  });

  it('orders the list by category, then national before local, then docs/design.md order', () => {
    const list = catalogue.list();
    const category = list.map((p) => PROGRAMME_CATEGORIES.indexOf(p.category));
    expect(category).toEqual([...category].sort((a, b) => a - b));
    expect(list[0]!.id).toBe('child-rearing-allowance');
    expect(list.at(-1)!.id).toBe('dv-consultation');
    const housing = list.filter((p) => p.category === 'housing').map((p) => p.id);
    expect(housing).toEqual(['housing-support-loan', 'public-housing-priority']);
  });

  it('returns frozen definitions and a fresh list each time', () => {
    const list = catalogue.list();
    expect(Object.isFrozen(list[0])).toBe(true);
    expect(Object.isFrozen(list[0]!.name)).toBe(true);
    expect(() => {
      (list[0] as { enabled: boolean }).enabled = false;
    }).toThrow(TypeError);
    list.pop();
    expect(catalogue.list()).toHaveLength(22);
  });

  it('returns undefined for unknown ids and rejects malformed municipality codes', () => {
    expect(catalogue.get('no-such-programme')).toBeUndefined();
    expect(() => catalogue.list('12345')).toThrow(TypeError);
    expect(() => catalogue.get('child-allowance', 'abcdef')).toThrow(TypeError);
  });
});
