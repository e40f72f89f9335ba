// 高等職業訓練促進給付金 / 修了支援給付金 (母子及び父子並びに寡婦福祉法 第31条). Same standing as the
// 自立支援教育訓練給付金, plus at least 6 months at a training school for a listed qualification (nurse,
// childcare worker, care worker, some digital certifications). Monthly 100,000 (resident-tax exempt) or
// 70,500 (taxed); +40,000 in the last 12 months; at most 48 months (reference §4; parameters/training.ts).

import type { Ctx } from './context';
import { trainingBenefitGate } from './cra-standing';
import { entryAt } from './parameters/dated';
import { ADVANCED_TRAINING } from './parameters/training';
import { monthlyAmount, reason, result, type Amount, type ProgrammeRule } from './rule';

const ID = 'advanced-vocational-training-benefit' as const;

export const advancedVocationalTrainingBenefit: ProgrammeRule = {
  id: ID,
  concerns: ['work', 'education'],
  baseline: 25,
  needsDates: true,
  codes: [
    'married',
    'no-children',
    'no-child-under-20',
    'ask-married',
    'avtb-amount',
    'avtb-amount-depends-on-tax',
    'ask-resident-tax-exempt',
    'avtb-conditions',
    'amount-not-known-for-date',
    'already-in-use',
    'itb-designate-first',
    'receives-cra',
    'cra-received',
    'cra-level-within',
    'cra-level-over',
    'income-unknown',
    'date-not-covered',
    'ask-employment-income',
    'ask-other-income',
    'ask-child-support',
    'consult-single-parent-desk',
  ],
  evaluate(ctx: Ctx) {
    const gate = trainingBenefitGate(ctx, ID);
    if ('decided' in gate) return gate.decided;
    const next = gate.nextSteps;

    const reasons = gate.reasons;
    const e = entryAt(ADVANCED_TRAINING, ctx.asOf);
    let amount: Amount = null;
    if (e === undefined) {
      reasons.push(reason('amount-not-known-for-date'));
    } else {
      const p = e.value;
      reasons.push(reason('avtb-conditions', { months: p.minimumStudyMonths, maxMonths: p.maxMonths }));
      if (ctx.residentTaxExempt === null) {
        reasons.push(reason('avtb-amount-depends-on-tax', { exempt: p.monthlyTaxExempt, taxed: p.monthlyTaxed, addition: p.lastYearAddition }));
        next.push(reason('ask-resident-tax-exempt'));
      } else {
        const monthly = ctx.residentTaxExempt ? p.monthlyTaxExempt : p.monthlyTaxed;
        const completion = ctx.residentTaxExempt ? p.completionTaxExempt : p.completionTaxed;
        amount = monthlyAmount(monthly);
        reasons.push(reason('avtb-amount', { monthly, lastYear: monthly + p.lastYearAddition, completion }));
      }
    }
    if (ctx.uses(ID)) reasons.push(reason('already-in-use'));
    next.push(reason('itb-designate-first'));
    return result(ID, 'ELIGIBLE', amount, reasons, next);
  },
};
