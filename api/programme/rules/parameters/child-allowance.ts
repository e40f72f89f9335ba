// 児童手当 (child allowance) after the October 2024 reform (reference §3).
// Sources: [M] town.tomika.gifu.jp/docs/564.html ; city.tottori.lg.jp (66fe0788013.html) ;
// town.chonan.chiba.jp/?p=43117 ; city.koriyama.lg.jp/site/kosodate/116141.html ; OpenFisca parameters
// (15,000 / 10,000 / 30,000 from 2024-10-01). Legal basis: 児童手当法 as amended by the 2024
// 子ども・子育て支援法等改正. The income limit and the 5,000-yen 特例給付 are abolished.

import { datedParameter, int, obj } from './load';

export interface ChildAllowanceParams {
  /** Monthly amount for a child under 3 (1st or 2nd child). */
  readonly under3: number;
  /** Monthly amount from age 3 to the 高校生年代 (1st or 2nd child). */
  readonly from3: number;
  /** Monthly amount for the 3rd and each later child, at any eligible age. */
  readonly thirdAndLater: number;
  /** Eligible up to the first 31 March after reaching this age (高校生年代). */
  readonly eligibleSchoolYearEndAfterAge: number;
  /** Children up to the first 31 March after reaching this age count in the birth order (確認書 needed). */
  readonly countedSchoolYearEndAfterAge: number;
  /** The 15,000 rate applies up to the month in which the child reaches this age. */
  readonly youngAge: number;
}

/** seeds/parameters/child-allowance.yaml. */
export const CHILD_ALLOWANCE = datedParameter<ChildAllowanceParams>(
  'child-allowance',
  'monthly',
  obj<ChildAllowanceParams>({
    under3: int,
    from3: int,
    thirdAndLater: int,
    eligibleSchoolYearEndAfterAge: int,
    countedSchoolYearEndAfterAge: int,
    youngAge: int,
  }),
);

/** Before this date the old rules (income limits, 特例給付) applied; the engine does not model them. */
export const CHILD_ALLOWANCE_FIRST_SUPPORTED_DATE = CHILD_ALLOWANCE.values[0]!.from;
