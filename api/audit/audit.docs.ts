import type { SchemaDocs } from '../core';

/** Descriptions of the audit log (監査ログ) part of the schema. */
export const AUDIT_DOCS: SchemaDocs = {
  AuditEntry: {
    description:
      '監査ログ. One read or write of personal sections (append-only, hash-chained). By staff or a partner; the family can ask the municipality to see these.',
    fields: {
      actorName: 'Name of the staff member or the partner organisation.',
      at: 'When it happened (UTC).',
      sections: 'The sections read or written, e.g. `identity`, `contact`.',
    },
  },
  Query: {
    fields: {
      auditLog: {
        description:
          'Who read or wrote what of a record (supervisors of the owning department). Admins of the owning department too; others get FORBIDDEN. Newest first, the latest 1000.',
        args: { recordId: 'The record (`PersonalRecord.id`).' },
      },
    },
  },
};
