import { AuditBatch } from '../audit/audit-batch.entity';
import { AuditChainHead } from '../audit/audit-chain-head.entity';
import { AuditEntry } from '../audit/audit-entry.entity';
import { RevokedToken } from '../auth/revoked-token.entity';
import { DataKey } from '../crypto/data-key.entity';
import { InboxItem } from '../inbox/inbox-item.entity';
import { CaseFile, DuplicateDecision, StaffReminderSent } from '../casework';
import { ChatMessage, ChatSession } from '../chat/chat.entity';
import { Consultation } from '../record/consultation/consultation.entity';
import { AllowedOriginChange } from '../municipality/allowed-origin-change.entity';
import { Department } from '../municipality/department.entity';
import { Municipality } from '../municipality/municipality.entity';
import { PrivacyNoticeVersion } from '../municipality/privacy-notice-version.entity';
import { AccessPolicySettings } from '../access/settings/access-policy-settings.entity';
import { ProgrammeSettings } from '../programme/settings/programme-settings.entity';
import { BenefitInUse } from '../record/benefit-in-use.entity';
import { Child } from '../record/child.entity';
import { ConsentEvent } from '../record/consent-event.entity';
import { PersonalRecord } from '../record/personal-record.entity';
import { AddressSection } from '../record/sections/address.section';
import { ConcernsSection } from '../record/sections/concerns.section';
import { ContactSection } from '../record/sections/contact.section';
import { HouseholdData } from '../record/sections/household.section';
import { IdentitySection } from '../record/sections/identity.section';
import { IncomeSection } from '../record/sections/income.section';
import { ProtectionSection } from '../record/sections/protection.section';
import { SelfReliancePlan } from '../record/sections/self-reliance-plan.section';
import { PartnerOrganization } from '../partner/partner-organization.entity';
import { PartnerToken } from '../partner/partner-token.entity';
import { Referral } from '../partner/referral.entity';
import { StaffMember } from '../staff/staff-member.entity';
import { RateLimitCounter } from '../limits/rate-limit-counter.entity';
import { AccountLink, AdminEvent, PasskeyChallenge, StaffPasskey, StaffSession } from '../accounts/entities';
import { ErasureRequest } from '../rights/entities';
import { LineChannelSetting, LineChatSession, LineEventRow, LineLink, LineLinkRequest } from '../line/line.entity';
import { Application, ApplicationEvent } from '../application/application.entity';
import { FamilyHandoff, FamilySession, FamilySignIn } from '../application/family-session.entity';
import { ApplicationDocument } from '../application/documents/document.entity';
import { InterviewBooking, InterviewSlot } from '../application/interviews/interview.entity';
import { OUTREACH_ENTITIES } from '../outreach/outreach.entities';
import { REPORTING_ENTITIES } from '../reporting/entities';

/** Every entity and embeddable, listed once (explicit discovery: no folder scanning at start). */
export const ENTITIES = [
  Municipality,
  AllowedOriginChange,
  PrivacyNoticeVersion,
  ProgrammeSettings,
  AccessPolicySettings,
  Department,
  StaffMember,
  PersonalRecord,
  Child,
  BenefitInUse,
  ConsentEvent,
  Consultation,
  PartnerOrganization,
  PartnerToken,
  Referral,
  RevokedToken,
  DataKey,
  AuditEntry,
  AuditChainHead,
  AuditBatch,
  InboxItem,
  ChatSession,
  ChatMessage,
  IdentitySection,
  AddressSection,
  ContactSection,
  HouseholdData,
  IncomeSection,
  ConcernsSection,
  SelfReliancePlan,
  ProtectionSection,
  RateLimitCounter,
  AccountLink,
  StaffSession,
  StaffPasskey,
  PasskeyChallenge,
  AdminEvent,
  LineEventRow,
  LineChatSession,
  LineLink,
  LineLinkRequest,
  LineChannelSetting,
  CaseFile,
  DuplicateDecision,
  StaffReminderSent,
  Application,
  ApplicationEvent,
  FamilySignIn,
  FamilyHandoff,
  FamilySession,
  ApplicationDocument,
  InterviewSlot,
  InterviewBooking,
  ErasureRequest,
  ...OUTREACH_ENTITIES,
  ...REPORTING_ENTITIES,
];
