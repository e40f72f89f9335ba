/**
 * Entry point of dist/widgets/staff.js (the staff console served at /staff): registers every element
 * of the console once — loading the bundle twice is harmless.
 */
import { StaffAudit } from './staff-audit.js';
import { YorisoiStaff } from './staff-app.js';
import { StaffConsultations } from './staff-consultations.js';
import { StaffDashboard } from './staff-dashboard.js';
import { StaffFigureInput } from './staff-figure-input.js';
import { StaffEligibility } from './staff-eligibility.js';
import { StaffInbox } from './staff-inbox.js';
import { StaffLogin } from './staff-login.js';
import { StaffOrigins } from './staff-origins.js';
import { StaffRecordView } from './staff-record-view.js';
import { StaffRecords } from './staff-records.js';
import { StaffReferral } from './staff-referral.js';
import { StaffSection } from './staff-section.js';
import { StaffWorklist } from './staff-worklist.js';
import { StaffCase } from './staff-case.js';
import { StaffPrint } from './staff-print.js';
import { StaffAuditLog } from './staff-audit-log.js';
import { StaffDuplicates } from './staff-duplicates.js';
import { StaffAccounts } from './staff-accounts.js';
import { StaffMunicipality } from './staff-municipality.js';
import { StaffMyAccount } from './staff-my-account.js';
import { StaffOutreach } from './staff-outreach.js';
import { StaffLine } from './staff-line.js';
import { StaffApplication } from './staff-application.js';
import { StaffApplications } from './staff-applications.js';

export { YorisoiStaff };

const ELEMENTS: [string, CustomElementConstructor][] = [
  ['staff-login', StaffLogin],
  ['staff-inbox', StaffInbox],
  ['staff-records', StaffRecords],
  ['staff-record-view', StaffRecordView],
  ['staff-section', StaffSection],
  ['staff-consultations', StaffConsultations],
  ['staff-eligibility', StaffEligibility],
  ['staff-referral', StaffReferral],
  ['staff-audit', StaffAudit],
  ['staff-origins', StaffOrigins],
  ['staff-worklist', StaffWorklist],
  ['staff-case', StaffCase],
  ['staff-dashboard', StaffDashboard],
  ['staff-print', StaffPrint],
  ['staff-audit-log', StaffAuditLog],
  ['staff-duplicates', StaffDuplicates],
  ['staff-accounts', StaffAccounts],
  ['staff-my-account', StaffMyAccount],
  ['staff-municipality', StaffMunicipality],
  ['staff-outreach', StaffOutreach],
  ['staff-line', StaffLine],
  ['staff-applications', StaffApplications],
  ['staff-application', StaffApplication],
  ['staff-figure-input', StaffFigureInput],
  ['yorisoi-staff', YorisoiStaff],
];
for (const [tag, element] of ELEMENTS) if (!customElements.get(tag)) customElements.define(tag, element);

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
    'staff-accounts': StaffAccounts;
    'staff-my-account': StaffMyAccount;
    'staff-municipality': StaffMunicipality;
    'staff-outreach': StaffOutreach;
    'staff-line': StaffLine;
    'staff-applications': StaffApplications;
    'staff-application': StaffApplication;
    'staff-figure-input': StaffFigureInput;
  }
}
