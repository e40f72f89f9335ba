import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { childRearingAllowanceBreakdown, evaluateAll, evaluateProgramme, PROGRAMME_IDS, type Household, type ProgrammeResult } from '../../api/programme/rules';
import { householdArbitrary } from './arbitraries';
import { household } from './helpers';

const typical = (over: Partial<Household> = {}): Household =>
  household({
    asOf: '2026-05-01',
    children: [{ birthDate: '2016-05-01' }],
    annualEmploymentIncome: 1500000,
    otherIncome: 0,
    childSupportReceivedYearly: 0,
    dependentsCount: 1,
    married: false,
    receivesPublicAssistance: false,
    residentTaxExempt: true,
    ...over,
  });

const ids = (rs: ProgrammeResult[]): string[] => rs.map((r) => r.programmeId);

function checkInvariants(rs: ProgrammeResult[]): void {
  for (let i = 1; i < rs.length; i++) expect(rs[i - 1]!.relevance).toBeGreaterThanOrEqual(rs[i]!.relevance);
  let seenNot = false;
  for (const r of rs) {
    if (r.status === 'NOT_ELIGIBLE') seenNot = true;
    else expect(seenNot, 'NOT_ELIGIBLE must come last').toBe(false);
    expect(Number.isInteger(r.relevance)).toBe(true);
    if (r.amount) {
      for (const v of [r.amount.monthly, r.amount.yearly]) if (v !== null) expect(Number.isInteger(v) && v >= 0).toBe(true);
    }
    if (r.status !== 'ELIGIBLE') expect(r.amount).toBeNull();
  }
}

describe('evaluateAll', () => {
  it('returns every programme exactly once, sorted, NOT_ELIGIBLE last', () => {
    const rs = evaluateAll(typical());
    expect([...ids(rs)].sort()).toEqual([...PROGRAMME_IDS].sort());
    checkInvariants(rs);
  });

  it('puts the money first for a typical family: 児童扶養手当 on top', () => {
    const rs = evaluateAll(typical());
    expect(rs[0]!.programmeId).toBe('child-rearing-allowance');
    expect(rs[0]!.amount).toEqual({ monthly: 48050, yearly: 576600 });
  });

  it('a DV concern puts DV consultation first, above everything', () => {
    const rs = evaluateAll(typical({ concerns: ['dv', 'finances', 'housing'] }));
    expect(rs[0]!.programmeId).toBe('dv-consultation');
  });

  it('a housing concern raises public housing and the housing loan', () => {
    const without = evaluateAll(typical());
    const withHousing = evaluateAll(typical({ concerns: ['housing'] }));
    const pos = (rs: ProgrammeResult[], id: string): number => ids(rs).indexOf(id);
    expect(pos(withHousing, 'public-housing-priority')).toBeLessThan(pos(without, 'public-housing-priority'));
    expect(pos(withHousing, 'housing-support-loan')).toBeLessThan(pos(without, 'housing-support-loan'));
  });

  it('no child support received raises child-support securing', () => {
    const none = evaluateAll(typical({ childSupportReceivedYearly: 0 })).find((r) => r.programmeId === 'child-support-securing')!;
    const some = evaluateAll(typical({ childSupportReceivedYearly: 100000 })).find((r) => r.programmeId === 'child-support-securing')!;
    expect(none.relevance).toBeGreaterThan(some.relevance);
  });

  it('programmes already in use move down', () => {
    const a = evaluateAll(typical()).find((r) => r.programmeId === 'child-allowance')!;
    const b = evaluateAll(typical({ benefitsInUse: ['child-allowance'] })).find((r) => r.programmeId === 'child-allowance')!;
    expect(b.relevance).toBeLessThan(a.relevance);
    expect(b.status).toBe('ELIGIBLE');
  });

  it('disabled programmes are left out', () => {
    const rs = evaluateAll(typical(), { disabled: ['commuter-pass-discount', 'livelihood-protection'] });
    expect(rs).toHaveLength(20);
    expect(ids(rs)).not.toContain('commuter-pass-discount');
  });

  it('relevanceBoost overrides reorder within a status', () => {
    const rs = evaluateAll(typical(), { overrides: { 'learning-support-for-children': { relevanceBoost: 10000 } } });
    expect(rs[0]!.programmeId).toBe('learning-support-for-children');
    const not = evaluateAll(typical(), { overrides: { 'high-school-tuition-support': { relevanceBoost: 1_000_000 } } });
    expect(not.find((r) => r.programmeId === 'high-school-tuition-support')!.relevance).toBeLessThan(100);
  });

  it('invalid dates never throw: date-dependent programmes ask, consultations still answer', () => {
    const rs = evaluateAll(typical({ asOf: 'yesterday' }));
    expect(rs).toHaveLength(22);
    expect(rs.find((r) => r.programmeId === 'child-rearing-allowance')!.status).toBe('NEEDS_MORE_INFO');
    expect(rs.find((r) => r.programmeId === 'dv-consultation')!.status).toBe('ELIGIBLE');
  });

  it('does not modify the household', () => {
    const h = typical({ concerns: ['dv'], benefitsInUse: ['child-allowance'] });
    const copy = structuredClone(h);
    evaluateAll(Object.freeze(h));
    expect(h).toEqual(copy);
  });
});

describe('evaluateProgramme', () => {
  it('equals the same programme in evaluateAll', () => {
    const h = typical({ concerns: ['work'] });
    for (const id of PROGRAMME_IDS) expect(evaluateProgramme(id, h)).toEqual(evaluateAll(h).find((r) => r.programmeId === id));
  });
  it('is null for unknown or disabled ids', () => {
    expect(evaluateProgramme('nope', typical())).toBeNull();
    expect(evaluateProgramme('child-allowance', typical(), { disabled: ['child-allowance'] })).toBeNull();
  });
});

describe('properties over generated households', () => {
  it('never throws; results sorted; NOT_ELIGIBLE last; integer yen; deterministic', () => {
    fc.assert(
      fc.property(householdArbitrary, (h) => {
        const rs = evaluateAll(h);
        expect(rs).toHaveLength(22);
        checkInvariants(rs);
        expect(evaluateAll(h)).toEqual(rs);
      }),
      { numRuns: 2000, seed: 1 },
    );
  });

  it('生活保護 is never claimed ELIGIBLE', () => {
    fc.assert(
      fc.property(householdArbitrary, (h) => {
        expect(evaluateProgramme('livelihood-protection', h)!.status).not.toBe('ELIGIBLE');
      }),
      { numRuns: 1000, seed: 2 },
    );
  });

  it('児童扶養手当 is never ELIGIBLE with an income or marriage answer missing', () => {
    fc.assert(
      fc.property(householdArbitrary, (h) => {
        const r = evaluateProgramme('child-rearing-allowance', h)!;
        // A blank other income beside a known salary counts as 0 (issue 12), so it is not "missing".
        const missing = h.annualEmploymentIncome == null || h.childSupportReceivedYearly == null || h.married == null;
        if (missing) expect(r.status).not.toBe('ELIGIBLE');
      }),
      { numRuns: 2000, seed: 3 },
    );
  });

  it('a missing answer never turns a certain NOT_ELIGIBLE into ELIGIBLE, nor a certain answer into a different one', () => {
    fc.assert(
      fc.property(
        householdArbitrary,
        fc.constantFrom('annualEmploymentIncome', 'otherIncome', 'childSupportReceivedYearly', 'married') as fc.Arbitrary<keyof Household>,
        (h, field) => {
          // Blank other income beside a known salary is the answer "0", not a missing one.
          const asZero = field === 'otherIncome' && typeof h.annualEmploymentIncome === 'number' && h.annualEmploymentIncome >= 0;
          const full = evaluateProgramme('child-rearing-allowance', asZero ? { ...h, otherIncome: 0 } : h)!;
          const partial = evaluateProgramme('child-rearing-allowance', { ...h, [field]: null })!;
          if (partial.status !== 'NEEDS_MORE_INFO') expect(partial.status).toBe(full.status);
        },
      ),
      { numRuns: 2000, seed: 4 },
    );
  });

  it('the ELIGIBLE 児童扶養手当 amount equals the calculator for its 所得額', () => {
    fc.assert(
      fc.property(householdArbitrary, (h) => {
        const r = evaluateProgramme('child-rearing-allowance', h)!;
        if (r.status !== 'ELIGIBLE') return;
        const p = r.reasons.find((x) => x.code === 'cra-full' || x.code === 'cra-partial')!.params!;
        const deps = h.dependentsCount ?? h.children.length;
        const b = childRearingAllowanceBreakdown(Number(p.income), deps, Number(p.children), h.asOf)!;
        expect(r.amount).toEqual({ monthly: b.monthly, yearly: 12 * b.monthly });
      }),
      { numRuns: 2000, seed: 5 },
    );
  });
});
