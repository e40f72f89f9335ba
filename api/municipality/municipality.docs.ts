import type { SchemaDocs } from '../core';

/** Descriptions of municipalities, departments and allowed origins. */
export const MUNICIPALITY_DOCS: SchemaDocs = {
  Department: {
    fields: {
      id: 'Identifier of the department row.',
      code: 'Which department (the same six codes in every municipality).',
      name: "The department's name as the municipality calls it (Japanese).",
    },
  },
  DepartmentCode: {
    values: {
      DISABILITY_WELFARE: '障害担当課 — disability welfare (code `disability-welfare`).',
      FAMILY_REGISTER: '戸籍担当課 — family register (code `family-register`).',
      LIVELIHOOD_SUPPORT: '生活困窮担当課 — livelihood support (code `livelihood-support`).',
      LONG_TERM_CARE: '介護担当課 — long-term care (code `long-term-care`).',
      PUBLIC_HOUSING: '公営住宅担当課 — public housing (code `public-housing`).',
      SINGLE_PARENT: 'ひとり親支援担当課 — single-parent support (code `single-parent`); owns the records and sees everything.',
    },
  },
  AllowedOriginAction: { values: { ADDED: 'The origin was allowed.', REMOVED: 'The origin was no longer allowed.' } },
  AllowedOriginChange: { fields: { action: 'Added or removed.', at: 'When (UTC).' } },
  AllowedOriginInput: { description: "A web origin of the municipality's CMS, to allow or to stop allowing." },
  Mutation: {
    fields: {
      addAllowedOrigin: {
        description:
          'Allow the pages of a web origin to embed the widgets and use the public API (admins; recorded; effective at once). BAD_USER_INPUT on `input.origin` for anything but scheme://host[:port].',
        args: { input: 'The origin.' },
      },
      removeAllowedOrigin: { description: 'Stop allowing a web origin (admins; recorded; effective at once).', args: { input: 'The origin.' } },
    },
  },
};
