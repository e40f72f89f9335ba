// JR通勤定期乗車券の割引: JR's special-fare rule, shown to families (not used to compute an amount).

import { constant, int } from './load';

/** About this many percent off a JR commuter pass: seeds/parameters/commuter-pass-discount.yaml. */
export const COMMUTER_PASS_DISCOUNT_PERCENT = constant('commuter-pass-discount', 'discountPercent', int);
