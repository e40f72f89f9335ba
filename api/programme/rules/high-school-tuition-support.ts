// 高等学校等就学支援金 (high-school tuition support), by fiscal year (parameters/high-school.ts).
// The engine knows a child's 高校生年代 (grades 10–12) but not whether they attend high school, or
// which kind; the amount shown is the basic (public-school) amount per child, paid to the school.
// Up to FY2024 the basic amount was income-tested on the resident-tax base, which these answers cannot
// compute: then only a resident-tax-exempt household is certainly within it.

import type { Ctx } from './context';
import { entryAt } from './parameters/dated';
import { HIGH_SCHOOL_SUPPORT } from './parameters/high-school';
import { reason, result, type ProgrammeRule } from './rule';

const ID = 'high-school-tuition-support' as const;

export const highSchoolTuitionSupport: ProgrammeRule = {
  id: ID,
  concerns: ['education', 'finances'],
  baseline: 35,
  needsDates: true,
  codes: [
    'no-children',
    'hs-no-high-school-age-child',
    'date-not-covered',
    'consult-single-parent-desk',
    'hs-income-test',
    'ask-resident-tax-exempt',
    'hs-apply-via-school',
    'hs-amount',
    'hs-if-enrolled',
    'hs-private-income-test',
    'amount-provisional',
    'already-in-use',
  ],
  evaluate(ctx: Ctx) {
    const students = ctx.countGrades(10, 12);
    if (students === 0) return result(ID, 'NOT_ELIGIBLE', null, [reason(ctx.childCount === 0 ? 'no-children' : 'hs-no-high-school-age-child')], []);
    const e = entryAt(HIGH_SCHOOL_SUPPORT, ctx.asOf);
    if (e === undefined) return result(ID, 'NEEDS_MORE_INFO', null, [reason('date-not-covered', { date: ctx.h.asOf })], [reason('consult-single-parent-desk')]);
    const p = e.value;
    if (p.basicIncomeTested && ctx.residentTaxExempt !== true) {
      const next = ctx.residentTaxExempt === null ? [reason('ask-resident-tax-exempt'), reason('hs-apply-via-school')] : [reason('hs-apply-via-school')];
      return result(ID, 'NEEDS_MORE_INFO', null, [reason('hs-income-test')], next);
    }
    const yearly = p.basicYearly * students;
    const reasons = [
      reason('hs-amount', { children: students, yearly: p.basicYearly, monthly: p.basicYearly / 12, privateYearly: p.privateFullTimeYearly }),
      reason('hs-if-enrolled'),
    ];
    if (p.privateIncomeTested) reasons.push(reason('hs-private-income-test'));
    if (e.provisional === true) reasons.push(reason('amount-provisional'));
    if (ctx.uses(ID)) reasons.push(reason('already-in-use'));
    return result(ID, 'ELIGIBLE', { monthly: yearly / 12, yearly }, reasons, [reason('hs-apply-via-school')]);
  },
};
