import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchemaSync } from 'type-graphql';
import { AccessResolver } from '../access/access.resolver';
import { AuditResolver } from '../audit/audit.resolver';
import { AuthResolver } from '../auth/auth.resolver';
import { InboxResolver } from '../inbox/inbox.resolver';
import { AllowedOriginsResolver } from '../municipality/allowed-origins.resolver';
import { IntakeResolver } from '../intake/intake.resolver';
import { ChatResolver } from '../chat/chat.resolver';
import { ConsultationResolver } from '../consultation/consultation.resolver';
import { StaffResolver } from '../staff/staff.resolver';
import { PartnerResolver } from '../partner/partner.resolver';
import { PostalResolver } from '../postal/postal.resolver';
import { ProgrammeResolver } from '../programme/programme.resolver';
import { RecordEligibilityResolver } from '../programme/record-eligibility';
import { ConsentResolver } from '../record/consent.resolver';
import { RecordConnectionResolver } from '../record/record-connection.resolver';
import { RecordResolver } from '../record/record.resolver';
import { bindSectionFields } from '../record/section-fields';

/** Every resolver of the API, one line per module. */
export const RESOLVERS = [AuthResolver, RecordResolver, RecordConnectionResolver, ConsentResolver, ConsultationResolver, PartnerResolver, AuditResolver, AccessResolver, StaffResolver, ProgrammeResolver, RecordEligibilityResolver, IntakeResolver, InboxResolver, ChatResolver, PostalResolver, AllowedOriginsResolver] as const;

/** The executable schema without permissions (the shield is applied in app.ts). */
export function buildApiSchema(): GraphQLSchema {
  const schema = buildSchemaSync({ resolvers: [...RESOLVERS] as never, validate: false, emitSchemaFile: false });
  bindSectionFields(schema);
  return schema;
}

/** schema/schema.graphql: sorted, so the committed file changes only when the API does. */
export function printApiSchema(schema: GraphQLSchema = buildApiSchema()): string {
  return `# Generated from the code by \`npm run schema:emit\`. Do not edit: CI fails when it is out of date.\n\n${printSchema(lexicographicSortSchema(schema))}\n`;
}
