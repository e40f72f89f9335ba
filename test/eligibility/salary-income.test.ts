import { describe, expect, it } from 'vitest';
import { salaryIncome } from '../../api/programme/rules';
import { loadYaml } from './helpers';

interface SalaryCase {
  incomeYear: number;
  gross: number;
  salaryIncome: number;
  source: string;
}

describe('給与所得 from 給与収入 (cases/salary-income.yaml)', () => {
  const cases = loadYaml<SalaryCase[]>('salary-income.yaml');
  it.each(cases)('$incomeYear: $gross → $salaryIncome', (c) => {
    expect(salaryIncome(c.gross, c.incomeYear)).toBe(c.salaryIncome);
  });

  it('has no table before income year 2020 (the engine then asks instead of guessing)', () => {
    expect(salaryIncome(2000000, 2019)).toBeUndefined();
  });
});
