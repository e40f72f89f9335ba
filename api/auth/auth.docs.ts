import type { SchemaDocs } from '../core';

/** Descriptions of sign-in and the viewer. */
export const AUTH_DOCS: SchemaDocs = {
  LoginResult: {
    description: 'A staff access token (15 minutes by default).',
    fields: { expiresAt: 'When the token stops working (UTC); sign in again then.' },
  },
  Me: {
    fields: {
      kind: "`staff` or `partner` (a partner NPO's token).",
      id: "The staff member's id, or the partner organisation's id.",
      name: "The staff member's or the partner organisation's name.",
      municipalityCode: '全国地方公共団体コード (6 digits) of your municipality.',
      department: 'Your department; null for partners.',
      role: 'Your role in the department; null for partners.',
    },
  },
  Mutation: {
    fields: {
      login: {
        description:
          'Staff sign-in. Attempts are limited per client address and per account (TOO_MANY_REQUESTS); repeated failures lock the account for a while. Errors: UNAUTHENTICATED, TOO_MANY_REQUESTS. Partners do not sign in: they use a token issued by the municipality.',
        args: {
          email: "The staff member's e-mail address.",
          password: 'The password (at least 12 characters).',
          oneTimeCode:
            'The 6-digit code of the authenticator app, or one of the recovery codes, when the account has two-factor sign-in. Without it such an account gets UNAUTHENTICATED with `extensions.reason` TWO_FACTOR_REQUIRED (a wrong code: TWO_FACTOR_INVALID); an account whose municipality requires two factors and that has none yet gets FORBIDDEN with reason TWO_FACTOR_ENROLMENT_REQUIRED (see beginTwoFactorEnrolment).',
        },
      },
    },
  },
};
