import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchemaSync } from 'type-graphql';
import { AccessResolver } from '../../access/access.resolver';
import { AuditResolver } from '../../audit/audit.resolver';
import { AuthResolver } from '../../auth/auth.resolver';
import { InboxResolver } from '../../inbox/inbox.resolver';
import { AllowedOriginsResolver } from '../../municipality/allowed-origins.resolver';
import { IntakeResolver } from '../../intake/intake.resolver';
import { ConsultationRequestResolver } from '../../intake/consultation-request.resolver';
import { ChatResolver } from '../../chat/chat.resolver';
import { ConsultationResolver } from '../../record/consultation/consultation.resolver';
import { StaffResolver } from '../../staff/staff.resolver';
import { PartnerResolver } from '../../partner/partner.resolver';
import { PostalResolver } from '../../postal/postal.resolver';
import { ProgrammeResolver } from '../../programme/programme.resolver';
import { RecordEligibilityResolver } from '../../programme/record-eligibility';
import { ConsentResolver } from '../../record/consent.resolver';
import { RecordConnectionResolver } from '../../record/record-connection.resolver';
import { RecordResolver } from '../../record/record.resolver';
import { bindSectionFields } from '../../record/section-fields';
import { CASEWORK_DOCS, CaseworkResolver } from '../../casework';
import { applyDocs } from '../../core/docs';
import { COMMON_DOCS } from './common.docs';
import { ACCESS_DOCS } from '../../access/access.docs';
import { AUDIT_DOCS } from '../../audit/audit.docs';
import { AUTH_DOCS } from '../../auth/auth.docs';
import { CHAT_DOCS } from '../../chat/chat.docs';
import { CONSULTATION_DOCS } from '../../record/consultation/consultation.docs';
import { INBOX_DOCS } from '../../inbox/inbox.docs';
import { INTAKE_DOCS } from '../../intake/intake.docs';
import { MUNICIPALITY_DOCS } from '../../municipality/municipality.docs';
import { PARTNER_DOCS } from '../../partner/partner.docs';
import { POSTAL_DOCS } from '../../postal/postal.docs';
import { PROGRAMME_DOCS } from '../../programme/programme.docs';
import { RECORD_DOCS } from '../../record/record.docs';
import { STAFF_DOCS } from '../../staff/staff.docs';

/** Every resolver of the API, one line per module. */
export const RESOLVERS = [AuthResolver, RecordResolver, RecordConnectionResolver, ConsentResolver, ConsultationResolver, PartnerResolver, AuditResolver, AccessResolver, StaffResolver, ProgrammeResolver, RecordEligibilityResolver, IntakeResolver, ConsultationRequestResolver, InboxResolver, ChatResolver, PostalResolver, AllowedOriginsResolver, CaseworkResolver] as const;

/** The descriptions partners read, one file per module (`<module>.docs.ts`; npm run schema:lint checks none is missing). */
export const DOCS = [COMMON_DOCS, ACCESS_DOCS, AUDIT_DOCS, AUTH_DOCS, CHAT_DOCS, CONSULTATION_DOCS, INBOX_DOCS, INTAKE_DOCS, MUNICIPALITY_DOCS, PARTNER_DOCS, POSTAL_DOCS, PROGRAMME_DOCS, RECORD_DOCS, STAFF_DOCS, CASEWORK_DOCS] as const;

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
