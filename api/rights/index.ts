/**
 * The family's rights over its data (issue 21; 個人情報保護法: 開示・消去): disclosure of everything held
 * about a family, erasure requests decided by an administrator, retention rules as data.
 */
export { ErasureRequest, type RetainedItem } from './entities';
export { RightsResolver } from './rights.resolver';
export { RIGHTS_DOCS } from './rights.docs';
export { discloseRecord, disclosureText, type Disclosure } from './disclosure';
export { disclosureHtml } from './disclosure-html';
export { eraseRecord } from './erasure';
export { retentionRules, type RetentionRule } from './retention';
export { runRetention, runRetentionEverywhere, type RetentionRun } from './retention-job';
export { retentionPeriods, type RetentionPeriod, type RecordState } from './retention';
