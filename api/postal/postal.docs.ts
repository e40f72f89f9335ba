import type { SchemaDocs } from '../core';

/** Descriptions of the postal code look-up. */
export const POSTAL_DOCS: SchemaDocs = {
  Query: {
    fields: {
      postalAddress: {
        description:
          'Public: the prefecture, city and town of a postal code (1000001, 100-0001, full-width or with 〒); null when Japan Post has no such code.',
        args: { postalCode: '郵便番号: 7 digits, with or without a hyphen, half- or full-width, optionally with 〒.' },
      },
    },
  },
};
