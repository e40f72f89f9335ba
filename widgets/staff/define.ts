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
    'staff-figure-input': StaffFigureInput;
  }
}
