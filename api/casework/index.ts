/** Case work (issue 18): case fields per department, the worklist, hand-overs between departments. */
export { CaseFile } from './case-file.entity';
export { StaffReminderSent } from './staff-reminder-sent.entity';
export { CaseStatus, CONTACT_TARGET_OPEN_DAYS, WorklistScope } from './case-status';
export { CaseworkResolver } from './casework.resolver';
export { WorklistOutreachResolver } from './worklist-outreach';
export { MERGE_AUDIT, RecordMerge } from './record-merge';
export { reminderMail, sendStaffReminders, type StaffMail, type StaffMailer } from './staff-reminders';
export { ReminderSettingsResolver } from './reminder-settings';
export { CASE_AUDIT, CaseworkService } from './casework.service';
export { lastDayOverTarget, WorklistService } from './worklist';
export { CASEWORK_DOCS } from './casework.docs';
export { DuplicateDecision, DuplicateDecisionKind } from './duplicate-decision.entity';
