// Municipality overrides: デモ市 (999999) shows every kind of change, and nobody else sees them.
import { afterAll, describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../api/programme/catalogue/catalogue';
import { PROGRAMME_IDS } from '../../api/core/programme-ids';
import { catalogueIssues, cleanupSeedCopies, expectIssue, SEEDS_DIR, seedsCopy } from './support';

const DEMO = '999999';
const OTHER = '131016'; // a real code without an overrides file: sees the national defaults
const catalogue = loadCatalogue(SEEDS_DIR);

afterAll(cleanupSeedCopies);

describe('デモ市 (999999) overrides', () => {
  it('changes a contact point', () => {
    const p = catalogue.get('child-rearing-allowance', DEMO)!;
    expect(p.contact.ja).toBe('デモ市こども家庭課 ひとり親支援係（電話 0000-00-0000）');
    expect(p.contact.en).toContain('0000-00-0000');
    expect(p.contact['ja-easy']).toContain('ひとり親{おや}支援係{しえんがかり}');
    // everything else about the programme is unchanged
    expect(p.whatYouGet).toEqual(catalogue.get('child-rearing-allowance')!.whatYouGet);
    // the same anchored contact is reused for other programmes
    expect(catalogue.get('single-parent-consultation', DEMO)!.contact).toEqual(p.contact);
  });

  it('changes an amount of a prefectural programme, and its text follows', () => {
    const p = catalogue.get('housing-support-loan', DEMO)!;
    expect(p.amounts).toEqual({ monthlyCap: 40000 });
    expect(p.whatYouGet.ja).toContain('月40,000円まで');
    expect(p.whatYouGet.en).toContain('40,000 yen a month');
    expect(p.whatYouGet['ja-easy']).toContain('40,000円{えん}');
    expect(p.whatYouGet.ja).not.toContain('70,000');
  });

  it('switches a programme off', () => {
    expect(catalogue.list(DEMO).map((p) => p.id)).not.toContain('learning-support-for-children');
    expect(catalogue.get('learning-support-for-children', DEMO)).toBeUndefined();
    const off = catalogue.get('learning-support-for-children', DEMO, { includeDisabled: true })!;
    expect(off.enabled).toBe(false);
  });

  it('adds its own programme', () => {
    const own = catalogue.get('999999-school-entry-gift', DEMO)!;
    expect(own.name.ja).toBe('デモ市ひとり親家庭入学祝金');
    expect(own.level).toBe('municipal');
    expect(own.municipalityCode).toBe(DEMO);
    expect(own.whatYouGet.ja).toBe('入学するお子さん1人につき10,000円です。');
    const ids = catalogue.list(DEMO).map((p) => p.id);
    expect(ids).toContain('999999-school-entry-gift');
    // 22 national − 1 switched off + 1 own
    expect(ids).toHaveLength(22);
    // own money programme comes after the national money programmes
    expect(ids.indexOf('999999-school-entry-gift')).toBe(ids.indexOf('commuter-pass-discount') + 1);
  });

  it('names the municipality', () => {
    expect(catalogue.municipalities()).toEqual([{ code: DEMO, name: { ja: 'デモ市', en: 'Demo City', 'ja-easy': 'デモ市{し}' } }]);
  });
});

describe('other municipalities and the national default', () => {
  it.each([[undefined], [OTHER]])('see the defaults (municipality %s)', (code) => {
    const list = catalogue.list(code);
    expect(list.map((p) => p.id).sort()).toEqual([...PROGRAMME_IDS].sort());
    expect(catalogue.get('child-rearing-allowance', code)!.contact.ja).toBe('お住まいの市区町村のひとり親支援担当窓口（児童扶養手当担当）');
    expect(catalogue.get('housing-support-loan', code)!.amounts).toEqual({ monthlyCap: 70000 });
    expect(catalogue.get('housing-support-loan', code)!.whatYouGet.ja).toContain('月70,000円まで');
    expect(catalogue.get('learning-support-for-children', code)!.enabled).toBe(true);
    expect(catalogue.get('999999-school-entry-gift', code)).toBeUndefined();
  });

  it('keeps two municipalities’ overrides apart', () => {
    const dir = seedsCopy({ put: { 'overrides/123456.yaml': 'overrides/valid-other.yaml' } });
    const c = loadCatalogue(dir);
    expect(c.get('home-helper-dispatch', '123456')).toBeUndefined();
    expect(c.get('home-helper-dispatch', DEMO)).toBeDefined();
    expect(c.get('learning-support-for-children', '123456')).toBeDefined();
    expect(c.get('learning-support-for-children', DEMO)).toBeUndefined();
    expect(c.get('housing-support-loan', '123456')!.amounts).toEqual({ monthlyCap: 70000 });
    expect(c.municipalities().map((m) => m.code)).toEqual(['123456', DEMO]);
  });

  it('works without any overrides folder', () => {
    const dir = seedsCopy({ remove: ['overrides/999999.yaml'] });
    const c = loadCatalogue(dir);
    expect(c.municipalities()).toEqual([]);
    expect(c.list(DEMO)).toHaveLength(22);
  });
});

describe('invalid overrides are startup errors naming file and field', () => {
  it('rejects overriding the amount of a national programme', () => {
    const dir = seedsCopy({ put: { 'overrides/123456.yaml': 'overrides/national-amount.yaml' } });
    const issues = catalogueIssues(() => loadCatalogue(dir));
    const issue = expectIssue(issues, 'overrides/123456.yaml', 'programmes.child-rearing-allowance.amounts', 'is a national programme');
    expect(issue.message).toContain('cannot override');
    expect(issues).toHaveLength(1);
  });

  it('reports every mistake in an override file', () => {
    const dir = seedsCopy({ put: { 'overrides/123456.yaml': 'overrides/invalid.yaml' } });
    const issues = catalogueIssues(() => loadCatalogue(dir));
    const file = 'overrides/123456.yaml';
    expectIssue(issues, file, 'municipalityCode', 'quoted string');
    expectIssue(issues, file, 'name.ja-easy', 'is missing');
    expectIssue(issues, file, 'programmes.not-a-programme', 'unknown programme id');
    expectIssue(issues, file, 'programmes.housing-support-loan.amounts.monthlyCapp', 'has no amount "monthlyCapp"');
    expectIssue(issues, file, 'programmes.public-housing-priority.sourceUrl', 'cannot be overridden');
    expectIssue(issues, file, 'programmes.dv-consultation.contact.en', 'non-empty');
    expectIssue(issues, file, 'add[0].summary', 'is required');
  });

  it('rejects an own programme id with another municipality’s prefix', () => {
    const dir = seedsCopy({
      write: {
        'overrides/123456.yaml': [
          'municipalityCode: "123456"',
          'name: { ja: テスト町, en: Test Town, ja-easy: てすとちょう }',
          'add:',
          '  - id: 999999-borrowed',
        ].join('\n'),
      },
    });
    const issues = catalogueIssues(() => loadCatalogue(dir));
    expectIssue(issues, 'overrides/123456.yaml', 'add[0].id', '"123456-"');
  });

  it('rejects a municipality code that does not match the file name', () => {
    const dir = seedsCopy({ put: { 'overrides/123456.yaml': 'overrides/code-mismatch.yaml' } });
    const issues = catalogueIssues(() => loadCatalogue(dir));
    expectIssue(issues, 'overrides/123456.yaml', 'municipalityCode', 'does not match the file name');
  });

  it('rejects a badly named override file instead of ignoring it', () => {
    const dir = seedsCopy({ put: { 'overrides/demo.yaml': 'overrides/valid-other.yaml' } });
    const issues = catalogueIssues(() => loadCatalogue(dir));
    expectIssue(issues, 'overrides/demo.yaml', '', '6-digit municipality code');
  });
});
