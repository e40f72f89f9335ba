/**
 * Entry point of dist/widgets/staff.js (the staff console served at /staff): registers the elements of
 * the first load (sign-in, worklist, the shell) once — loading the bundle twice is harmless. Every other
 * screen is a chunk of its own, loaded and defined when its route is first opened (lazy-screens.ts);
 * the types below only name them.
 */
import { defineOnce } from '../shared/define.js';
import type { StaffAudit } from './staff-audit.js';
import { YorisoiStaff } from './staff-app.js';
import type { StaffConsultations } from './staff-consultations.js';
import type { StaffDashboard } from './staff-dashboard.js';
import type { StaffFigureInput } from './staff-figure-input.js';
import type { StaffEligibility } from './staff-eligibility.js';
import type { StaffInbox } from './staff-inbox.js';
import { StaffLogin } from './staff-login.js';
import type { StaffOrigins } from './staff-origins.js';
import type { StaffRecordView } from './staff-record-view.js';
import type { StaffRecords } from './staff-records.js';
import type { StaffReferral } from './staff-referral.js';
import type { StaffSection } from './staff-section.js';
import { StaffWorklist } from './staff-worklist.js';
import type { StaffCase } from './staff-case.js';
import type { StaffPrint } from './staff-print.js';
import type { StaffAuditLog } from './staff-audit-log.js';
import type { StaffDuplicates } from './staff-duplicates.js';
import type { StaffMerge } from './staff-merge.js';
import type { StaffAccounts } from './staff-accounts.js';
import type { StaffMunicipality } from './staff-municipality.js';
import type { StaffMyAccount } from './staff-my-account.js';
import type { StaffPasskeys } from './staff-passkeys.js';
import type { StaffOutreach } from './staff-outreach.js';
import type { StaffOutreachCampaigns } from './staff-outreach-campaigns.js';
import type { StaffOutreachCalls } from './staff-outreach-calls.js';
import type { StaffLine } from './staff-line.js';
import type { StaffApplication } from './staff-application.js';
import type { StaffApplications } from './staff-applications.js';
import type { StaffDepartments } from './staff-departments.js';
import type { StaffDisclosure } from './staff-disclosure.js';
import type { StaffPartners } from './staff-partners.js';
import type { StaffPrivacyNotice } from './staff-privacy-notice.js';

export { YorisoiStaff };

const ELEMENTS: [string, CustomElementConstructor][] = [
  ['staff-login', StaffLogin],
  ['staff-worklist', StaffWorklist],
  ['yorisoi-staff', YorisoiStaff],
];
for (const [tag, element] of ELEMENTS) defineOnce(tag, element);

declare global {
  interface HTMLElementTagNameMap {
    'yorisoi-staff': YorisoiStaff;
    'staff-login': StaffLogin;
    'staff-inbox': StaffInbox;
    'staff-records': StaffRecords;
    'staff-record-view': StaffRecordView;
    'staff-section': StaffSection;
    'staff-consultations': StaffConsultations;
    'staff-eligibility': StaffEligibility;
    'staff-referral': StaffReferral;
    'staff-audit': StaffAudit;
    'staff-origins': StaffOrigins;
    'staff-worklist': StaffWorklist;
    'staff-case': StaffCase;
    'staff-dashboard': StaffDashboard;
    'staff-print': StaffPrint;
    'staff-audit-log': StaffAuditLog;
    'staff-duplicates': StaffDuplicates;
    'staff-merge': StaffMerge;
    'staff-accounts': StaffAccounts;
    'staff-my-account': StaffMyAccount;
    'staff-passkeys': StaffPasskeys;
    'staff-municipality': StaffMunicipality;
    'staff-outreach': StaffOutreach;
    'staff-outreach-campaigns': StaffOutreachCampaigns;
    'staff-outreach-calls': StaffOutreachCalls;
    'staff-line': StaffLine;
    'staff-applications': StaffApplications;
    'staff-application': StaffApplication;
    'staff-figure-input': StaffFigureInput;
    'staff-departments': StaffDepartments;
    'staff-disclosure': StaffDisclosure;
    'staff-partners': StaffPartners;
    'staff-privacy-notice': StaffPrivacyNotice;
  }
}
