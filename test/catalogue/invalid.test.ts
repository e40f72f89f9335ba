// Invalid seed files stop the start with an error naming the file and the field; nothing is skipped.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../api/programme/catalogue/catalogue';
import { CatalogueError } from '../../api/programme/catalogue/programme.types';
import { catalogueIssues, cleanupSeedCopies, expectIssue, SEEDS_DIR, seedsCopy } from './support';

afterAll(cleanupSeedCopies);

const load = (changes: Parameters<typeof seedsCopy>[0]) => catalogueIssues(() => loadCatalogue(seedsCopy(changes)));
const readSeed = (name: string) => readFileSync(path.join(SEEDS_DIR, name), 'utf8');

describe('invalid programme files', () => {
  it('names missing fields and empty locales', () => {
    const issues = load({ put: { 'child-allowance.yaml': 'missing-field.yaml' } });
    expectIssue(issues, 'child-allowance.yaml', 'whatYouGet', 'is required');
    expectIssue(issues, 'child-allowance.yaml', 'name.en', 'non-empty');
    expectIssue(issues, 'child-allowance.yaml', 'documents[0].ja-easy', 'is missing');
  });

  it('names bad values: department, URL, level, category, unknown field, tags, enabled', () => {
    const issues = load({ put: { 'child-allowance.yaml': 'bad-values.yaml' } });
    const f = 'child-allowance.yaml';
    expectIssue(issues, f, 'owningDepartment', 'single-parent, livelihood-support');
    expectIssue(issues, f, 'sourceUrl', 'https');
    expectIssue(issues, f, 'level', 'national, prefectural, municipal');
    expectIssue(issues, f, 'category', 'must be one of');
    expectIssue(issues, f, 'sumary', 'unknown field');
    expectIssue(issues, f, 'tags', 'non-empty list');
    expectIssue(issues, f, 'enabled', 'true or false');
  });

  it('puts file and field into the error message', () => {
    try {
      loadCatalogue(seedsCopy({ put: { 'child-allowance.yaml': 'missing-field.yaml' } }));
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(CatalogueError);
      expect((err as Error).message).toMatch(/programmes\/child-allowance\.yaml: whatYouGet: is required/);
      expect((err as Error).message).toMatch(/child-allowance\.yaml: name\.en: must be a non-empty string/);
    }
  });

  it('rejects an id that is not in docs/design.md', () => {
    const issues = load({ put: { 'single-mother-allowance.yaml': 'unknown-id.yaml' } });
    expectIssue(issues, 'single-mother-allowance.yaml', 'id', 'unknown programme id "single-mother-allowance"');
  });

  it('rejects a municipality’s own programme in the national catalogue', () => {
    const issues = load({ put: { '999999-extra.yaml': 'own-id-in-base.yaml' } });
    expectIssue(issues, '999999-extra.yaml', 'id', 'overrides/999999.yaml');
  });

  it('rejects an id that does not match its file name', () => {
    const issues = load({ put: { 'child-allowance.yaml': 'id-mismatch.yaml' } });
    expectIssue(issues, 'child-allowance.yaml', 'id', 'does not match the file name');
  });

  it('reports a missing programme file', () => {
    const issues = load({ remove: ['dv-consultation.yaml'] });
    expectIssue(issues, 'dv-consultation.yaml', '', 'missing');
  });

  it('reports YAML syntax errors and duplicate keys', () => {
    const issues = load({ put: { 'child-allowance.yaml': 'syntax-error.yaml' } });
    expectIssue(issues, 'child-allowance.yaml', '', /YAML syntax error: Map keys must be unique/);
  });

  it('checks furigana markup and stray braces', () => {
    const issues = load({ put: { 'child-allowance.yaml': 'bad-furigana.yaml' } });
    expectIssue(issues, 'child-allowance.yaml', 'name.ja-easy', 'furigana');
    expectIssue(issues, 'child-allowance.yaml', 'whatYouGet.ja-easy', 'furigana');
    expectIssue(issues, 'child-allowance.yaml', 'summary.ja', 'braces');
    // 子{こ}ども is fine
    expect(issues.some((i) => i.field === 'forWhom.ja-easy')).toBe(false);
  });

  it('rejects overridable amounts on a national programme', () => {
    const issues = load({ put: { 'child-allowance.yaml': 'national-amounts.yaml' } });
    expectIssue(issues, 'child-allowance.yaml', 'amounts', 'only prefectural or municipal');
  });

  it('rejects a placeholder without an amount', () => {
    const renamed = readSeed('housing-support-loan.yaml').replace('monthlyCap: parameter', 'cap: 70000');
    expect(renamed).not.toBe(readSeed('housing-support-loan.yaml'));
    const issues = load({ write: { 'housing-support-loan.yaml': renamed } });
    expectIssue(issues, 'housing-support-loan.yaml', 'amounts', 'placeholder {{monthlyCap}}');
  });

  it('rejects a "parameter" default that seeds/parameters does not have', () => {
    const wrong = readSeed('housing-support-loan.yaml').replace('monthlyCap: parameter', 'monthlyCap: 70000\n  yearlyCap: parameter');
    const issues = load({ write: { 'housing-support-loan.yaml': wrong } });
    expectIssue(issues, 'housing-support-loan.yaml', 'amounts.yearlyCap', 'needs seeds/parameters/housing-support-loan.yaml with a dated "yearlyCap"');
  });

  it('does not silently skip .yml or stray files', () => {
    const issues = load({ write: { 'extra.yml': 'id: extra\n', 'notes.txt': 'x' } });
    expectIssue(issues, 'extra.yml', '', '.yaml extension');
    expectIssue(issues, 'notes.txt', '', 'unexpected file');
  });

  it('reports problems in several files at once', () => {
    const issues = load({
      put: { 'child-allowance.yaml': 'missing-field.yaml', 'overrides/123456.yaml': 'overrides/national-amount.yaml' },
      remove: ['dv-consultation.yaml'],
    });
    const files = new Set(issues.map((i) => i.file.split('/').slice(-2).join('/')));
    expect(files).toEqual(new Set(['programmes/child-allowance.yaml', 'overrides/123456.yaml', 'programmes/dv-consultation.yaml']));
  });

  it('fails when the seeds directory does not exist', () => {
    const issues = catalogueIssues(() => loadCatalogue('/nonexistent/yorisoi/seeds'));
    expectIssue(issues, 'seeds', '', 'not found');
  });
});
