// Who counts as a child of a single-parent family for the 母子及び父子並びに寡婦福祉法 programmes (a person
// under 20, 法 第6条第3項). One figure shared by several rules: seeds/parameters/single-parent-family.yaml.

import { constant, int } from './load';

/** A parent supporting a child under this age is a ひとり親 in the sense of the act. */
export const SINGLE_PARENT_CHILD_UNDER_AGE = constant('single-parent-family', 'childUnderAge', int);
