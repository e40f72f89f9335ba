import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchemaSync } from 'type-graphql';
import { AccessResolver } from '../../access';
import { AuditResolver } from '../../audit';
import { AuthResolver } from '../../auth';
import { InboxResolver } from '../../inbox';
import { AllowedOriginsResolver } from '../../municipality';
import { IntakeResolver } from '../../intake';
import { ConsultationRequestResolver } from '../../intake';
import { ChatResolver } from '../../chat';
import { ConsultationResolver } from '../../record';
import { StaffResolver } from '../../staff';
import { PartnerResolver } from '../../partner';
import { PostalResolver } from '../../postal';
import { ProgrammeResolver } from '../../programme';
import { RecordEligibilityResolver } from '../../programme';
import { ConsentResolver } from '../../record';
import { RecordConnectionResolver } from '../../record';
import { RecordResolver } from '../../record';
import { bindSectionFields } from '../../record';
import { CASEWORK_DOCS, CaseworkResolver, ReminderSettingsResolver, WorklistOutreachResolver } from '../../casework';
import { applyDocs } from '../../core';
import { COMMON_DOCS } from './common.docs';
import { ACCESS_DOCS } from '../../access';
import { AUDIT_DOCS } from '../../audit';
import { AUTH_DOCS } from '../../auth';
import { CHAT_DOCS } from '../../chat';
import { CONSULTATION_DOCS } from '../../record';
import { INBOX_DOCS } from '../../inbox';
import { INTAKE_DOCS } from '../../intake';
import { MUNICIPALITY_DOCS } from '../../municipality';
import { PARTNER_DOCS } from '../../partner';
import { POSTAL_DOCS } from '../../postal';
import { PROGRAMME_DOCS } from '../../programme';
import { RECORD_DOCS } from '../../record';
import { STAFF_DOCS } from '../../staff';
import { ReportingResolver, REPORTING_DOCS } from '../../reporting';
import { ApplicationResolver, InterviewResolver } from '../../application';
import { OUTREACH_DOCS, OutreachCampaignResolver, OutreachResolver } from '../../outreach';
import {
  ACCOUNTS_DOCS,
  ADMINISTRATION_DOCS,
  AccountsResolver,
  AdministrationResolver,
  PASSKEY_DOCS,
  PasskeysResolver,
  StaffAccountFieldsResolver,
} from '../../accounts';
import { RIGHTS_DOCS, RightsResolver } from '../../rights';
import { LineLinksResolver, LineSettingsResolver } from '../../line';

/** Every resolver of the API, one line per module. */
export const RESOLVERS = [
  AuthResolver,
  RecordResolver,
  RecordConnectionResolver,
  ConsentResolver,
  ConsultationResolver,
  PartnerResolver,
  AuditResolver,
  AccessResolver,
  StaffResolver,
  ProgrammeResolver,
  RecordEligibilityResolver,
  IntakeResolver,
  ConsultationRequestResolver,
  InboxResolver,
  ChatResolver,
  PostalResolver,
  AllowedOriginsResolver,
  CaseworkResolver,
  WorklistOutreachResolver,
  ReminderSettingsResolver,
  ApplicationResolver,
  InterviewResolver,
  ReportingResolver,
  AccountsResolver,
  PasskeysResolver,
  AdministrationResolver,
  StaffAccountFieldsResolver,
  OutreachResolver,
  OutreachCampaignResolver,
  RightsResolver,
  LineSettingsResolver,
  LineLinksResolver,
] as const;

/** The descriptions partners read, one file per module (`<module>.docs.ts`; npm run schema:lint checks none is missing). */
export const DOCS = [
  COMMON_DOCS,
  ACCESS_DOCS,
  AUDIT_DOCS,
  AUTH_DOCS,
  CHAT_DOCS,
  CONSULTATION_DOCS,
  INBOX_DOCS,
  INTAKE_DOCS,
  MUNICIPALITY_DOCS,
  PARTNER_DOCS,
  POSTAL_DOCS,
  PROGRAMME_DOCS,
  RECORD_DOCS,
  STAFF_DOCS,
  CASEWORK_DOCS,
  OUTREACH_DOCS,
  REPORTING_DOCS,
  ACCOUNTS_DOCS,
  PASSKEY_DOCS,
  ADMINISTRATION_DOCS,
  RIGHTS_DOCS,
] as const;

/** The executable schema without permissions (the shield is applied in app.ts). */
export function buildApiSchema(): GraphQLSchema {
  const schema = buildSchemaSync({ resolvers: [...RESOLVERS] as never, validate: false, emitSchemaFile: false });
  bindSectionFields(schema);
  applyDocs(schema, ...DOCS);
  return schema;
}

/** schema/schema.graphql: sorted, so the committed file changes only when the API does. */
export function printApiSchema(schema: GraphQLSchema = buildApiSchema()): string {
  return `# Generated from the code by \`npm run schema:emit\`. Do not edit: CI fails when it is out of date.\n\n${printSchema(lexicographicSortSchema(schema))}\n`;
}
