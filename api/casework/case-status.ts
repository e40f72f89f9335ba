import { registerEnumType } from 'type-graphql';

/** Where a department stands with a family (docs/design.md, "Case work"). Values are stored; keep them stable. */
export enum CaseStatus {
  NEW = 'new',
  IN_PROGRESS = 'in-progress',
  WAITING_FOR_FAMILY = 'waiting-for-family',
  CLOSED = 'closed',
}
registerEnumType(CaseStatus, {
  name: 'CaseStatus',
  description: 'NEW 未着手 · IN_PROGRESS 対応中 · WAITING_FOR_FAMILY 本人の返事待ち · CLOSED 終了 (with a reason).',
});

export enum WorklistScope {
  MINE = 'mine',
  DEPARTMENT = 'department',
}
registerEnumType(WorklistScope, { name: 'WorklistScope', description: 'MINE: your own cases and follow-ups. DEPARTMENT: everyone’s in your department.' });

/** The receipt's promise 「通常3開庁日以内」 (api/intake/intake.service.ts NEXT_CONTACT), counted in open days: the default of a municipality's contact_target_open_days, which an admin may change. */
export const CONTACT_TARGET_OPEN_DAYS = 3;
