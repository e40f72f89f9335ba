import { describe, expect, it } from 'vitest';
import { validateHousehold, type Household } from '../../api/programme/rules';
import { loadYaml } from './helpers';

interface ValidationFile {
  base: Record<string, unknown>;
  cases: { name: string; household: Record<string, unknown>; problems: { field: string; code: string }[] }[];
}

describe('validateHousehold (cases/validation.yaml)', () => {
  const f = loadYaml<ValidationFile>('validation.yaml');
  it.each(f.cases)('$name', (c) => {
    const problems = validateHousehold({ ...f.base, ...c.household } as unknown as Household);
    expect(problems.map((p) => ({ field: p.field, code: p.code }))).toEqual(c.problems);
    for (const p of problems) {
      for (const locale of ['ja', 'en', 'ja-easy'] as const) expect(p.messages[locale].length).toBeGreaterThan(0);
    }
  });

  it('more than 20 children', () => {
    const children = Array.from({ length: 21 }, () => ({ birthDate: '2016-05-01', disability: false }));
    const problems = validateHousehold({ ...f.base, children } as unknown as Household);
    expect(problems.map((p) => p.code)).toEqual(['too-many-children']);
    expect(problems[0]!.field).toBe('children');
  });

  it('messages name the field in each locale', () => {
    const [p] = validateHousehold({ ...f.base, annualEmploymentIncome: -1 } as unknown as Household);
    expect(p!.messages.ja).toBe('給与収入: マイナスの金額は入力できません。');
    expect(p!.messages.en).toBe('Yearly salary: The amount cannot be negative.');
    expect(p!.messages['ja-easy']).toContain('マイナス');
  });
});
