import { registerEnumType } from 'type-graphql';

/** What troubles the family: the categories the national programme names, plus a few more. */
export enum ConcernCategory {
  CHILDCARE = 'childcare', // 子育て
  DV = 'dv', // DV
  MENTAL_HEALTH = 'mental-health', // 心の健康
  WORK = 'work', // 仕事
  HOUSING = 'housing', // 住まい
  FINANCES = 'finances', // 家計
  MEDICAL = 'medical', // 医療
  CARE = 'care', // 介護
  LEGAL = 'legal', // 法律
  EDUCATION = 'education', // 教育
  CHILD_SUPPORT = 'child-support', // 養育費
  OTHER = 'other', // その他
}

registerEnumType(ConcernCategory, {
  name: 'ConcernCategory',
  description: 'A concern category (子育て, DV, 心の健康, 仕事, 住まい, 家計, 医療, 介護, 法律, 教育, 養育費, その他).',
});
