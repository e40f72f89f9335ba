import type { SchemaDocs } from '../../core';

/** Descriptions of the shared parts of the schema: the root types and Relay paging. */
export const COMMON_DOCS: SchemaDocs = {
  Query: {
    description:
      'Reading: records and referrals (staff and partners, under the access policy), the programme catalogue and eligibility check (public), and administration (staff). Send `Authorization: Bearer <token>` except for public fields.',
  },
  Mutation: {
    description:
      'Changing: records, referrals, consent, consultations (staff); referral status (partners); intake, chat and consultation requests (public). Every mutation returns the changed object; input errors come back as BAD_USER_INPUT naming the field.',
  },
  PageInfo: {
    description:
      'Where a page stands in the whole list (Relay cursor connection spec). Pages go forward: ask for the next one with `after: endCursor` while `hasNextPage` is true.',
    fields: {
      hasNextPage: 'true when records follow this page: pass `endCursor` as `after` to get them.',
      hasPreviousPage: 'true when this page was asked for with `after` (records come before it); false on the first page. Paging backwards is not offered.',
      startCursor: 'Cursor of the first edge of this page; null when the page is empty.',
      endCursor: 'Cursor of the last edge of this page; pass it as `after` for the next page. null when the page is empty.',
    },
  },
};
