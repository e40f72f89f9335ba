import { describe, expect, it } from 'vitest';
import { childAllowanceBreakdown, evaluateProgramme } from '../../api/programme/rules';
import { checkResult, loadHouseholdCases } from './helpers';

describe('児童手当 (cases/child-allowance.yaml)', () => {
  it.each(loadHouseholdCases('child-allowance.yaml'))('$c.name', ({ c, h }) => {
    for (const [id, e] of Object.entries(c.expect)) checkResult(evaluateProgramme(id, h, c.options), e);
  });

  it('breakdown gives per-child amounts in input order', () => {
    const b = childAllowanceBreakdown([20160501, 20060501, 20110501], 20260501)!;
    expect(b.perChild).toEqual([30000, 0, 10000]);
    expect(b.countedOnlyForOrder).toBe(1);
  });

  it('is null before October 2024', () => {
    expect(childAllowanceBreakdown([20160501], 20240930)).toBeNull();
  });
});
