import type { SchemaDocs } from '../common/docs';

/** Descriptions of the audit log (監査ログ) part of the schema. */
export const AUDIT_DOCS: SchemaDocs = {
  AuditEntry: {
    description: '監査ログ — one read or write of personal sections of a record, by staff or a partner (append-only, hash-chained). The family can ask the municipality to see these.',
    fields: {
      actorName: 'Name of the staff member or the partner organisation.',
      at: 'When it happened (UTC).',
      sections: 'The sections read or written, e.g. `identity`, `contact`.',
    },
  },
  Query: {
    fields: {
      auditLog: { description: 'Who read or wrote what of a record, newest first (the latest 1000; supervisors and admins of the owning department, else FORBIDDEN).', args: { recordId: 'The record (`PersonalRecord.id`).' } },
    },
  },
};
