import type { SchemaDocs } from '../core';

/** Descriptions of the family's rights over its data: disclosure and erasure (個人情報保護法). */
export const RIGHTS_DOCS: SchemaDocs = {
  ErasureRequestStatus: {
    description: 'Where an erasure request stands.',
    values: {
      REQUESTED: 'Waiting for an administrator.',
      ERASED: 'Approved: erased, except what the retention rules keep.',
      REJECTED: 'Refused, with the reason.',
    },
  },
  RetainedItemInfo: {
    description: 'Rows an erasure keeps by a retention rule (seeds/retention/), and why.',
    fields: {
      table: 'The table (e.g. `application`, `audit_entry`).',
      rows: 'How many rows are kept.',
      years: 'For how many years from the erasure; null when the table keeps its own rule.',
      until: 'Until when (YYYY-MM-DD); null with years.',
      basis: "The legal or practical reason, in the request's language.",
    },
  },
  ErasureRequestInfo: {
    description: "A family's request to erase what is held about it.",
    fields: {
      id: 'The request.',
      recordId: 'The record (pseudonymous once erased).',
      referenceNumber: "The record's reference number.",
      status: 'Where it stands.',
      requestedAt: 'When the family asked (UTC).',
      decidedAt: 'When an administrator decided (UTC).',
      decidedByName: 'Who decided.',
      reason: 'Why it was refused.',
      retained: 'What the retention rules keep: for an open request, what approving it would keep.',
    },
  },
  DataDisclosure: {
    description: 'Everything held about one family (開示): the record, every row about it in every table, and the audit entries about it (departments only).',
    fields: {
      generatedAt: 'When it was put together (UTC).',
      json: 'All of it as JSON (secrets of the service such as hashes and keys left out).',
      summary: "The same as readable text, in the request's language.",
      html: 'The same as one printable HTML document (Japanese first, English beside it; the record section by section, then each kind of row, then who read or changed the record). It loads nothing from anywhere.',
      erasureRequest: 'The latest erasure request, if any.',
    },
  },
  FamilyErasureInput: { description: 'The family asking for erasure.', fields: { session: 'The session from signInFamily.' } },
  DecideErasureRequestInput: {
    description: "An administrator's decision on an erasure request.",
    fields: { id: 'The request.', approve: 'true: erase now; false: refuse.', reason: 'Required when refusing (at most 500 characters); shown to the family.' },
  },
  Query: {
    fields: {
      familyDataExport: {
        description: "The signed-in family downloads everything held about it (JSON and readable text); written to the audit log as the family's read.",
        args: { session: 'The session from signInFamily.' },
      },
      recordDisclosure: {
        description: 'The same for a family asking at the desk (owning department, supervisors and admins; audited).',
        args: { recordId: 'The record.' },
      },
      erasureRequests: { description: 'Erasure requests of your municipality, oldest first (admins).', args: { status: 'Which ones (default REQUESTED).' } },
    },
  },
  Mutation: {
    fields: {
      requestFamilyErasure: {
        description: 'The signed-in family asks for erasure; an administrator decides. CONFLICT when a request is already open.',
        args: { input: "The family's session." },
      },
      decideErasureRequest: {
        description:
          'Approve (erase now, in one transaction, keeping what the retention rules keep; the audit chain stays intact) or refuse with a reason (admins; recorded). CONFLICT when already decided.',
        args: { input: 'The decision.' },
      },
    },
  },
};
