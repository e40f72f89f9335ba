import type { SchemaDocs } from '../core';

/**
 * Descriptions of the partner NPO (委託先・連携NPO) part of the schema: organisations, tokens and
 * referrals (紹介). docs/partners.md is the guide that goes with them.
 */
export const PARTNER_DOCS: SchemaDocs = {
  PartnerOrganization: {
    fields: {
      id: 'Identifier of the organisation.',
      name: 'Its name, e.g. NPO法人 デモ子ども応援ネット.',
      createdAt: 'When the municipality registered it (UTC).',
    },
  },
  PartnerToken: {
    fields: {
      id: 'Identifier of the token (for `revokePartnerToken`); not the secret.',
      label: 'What the token is for, e.g. "case system".',
      createdAt: 'When it was issued (UTC).',
      expiresAt: 'When it stops working (UTC); requests with it then get UNAUTHENTICATED (HTTP 401).',
      revokedAt: 'When it was revoked (UTC); null while valid.',
    },
  },
  IssuedPartnerToken: {
    fields: {
      secret:
        'The token, starting with `yp_`: give it to the partner over a safe channel; it is never shown again (only its hash is kept). The partner sends it as `Authorization: Bearer <secret>`.',
      token: "The token's record (without the secret).",
    },
  },
  IssuePartnerTokenInput: {
    description: 'A new API token for a partner NPO.',
    fields: { partnerId: 'The partner organisation (`PartnerOrganization.id`).' },
  },
  Referral: {
    description:
      "紹介. A referral of a record to a partner NPO. The owning department makes it. A partner sees its referrals while they are REQUESTED or ACCEPTED and the family consents to share with partners; then it may read the record's sections its policy column allows.",
    fields: {
      id: 'Identifier of the referral (for `updateReferral`).',
      partner: 'The partner organisation it is referred to.',
      status: 'Where the referral stands.',
      createdAt: 'When the record was referred (UTC).',
      updatedAt: 'When the status or reason last changed (UTC).',
    },
  },
  ReferralStatus: {
    description: '紹介の状態 — REQUESTED → ACCEPTED (by the partner) → CLOSED (by the partner or the owner); REQUESTED → CLOSED when declined.',
    values: {
      REQUESTED: '依頼中 — referred, waiting for the partner to accept or decline.',
      ACCEPTED: '受入済 — the partner took it on.',
      CLOSED: '終了 — declined or finished; no longer visible to the partner.',
    },
  },
  ReferRecordInput: {
    description: 'A referral of a record to a partner NPO.',
    fields: {
      recordId: 'The record (`PersonalRecord.id`).',
      partnerId: 'The partner organisation (`PartnerOrganization.id`).',
      reason: 'Why the record is referred (at most 1000 characters); the partner reads it.',
    },
  },
  UpdateReferralInput: {
    description: "A change of a referral's status.",
    fields: {
      referralId: 'The referral (`Referral.id`).',
      status: 'The new status: a partner sets ACCEPTED or CLOSED; the owning department only CLOSED. Other moves are BAD_USER_INPUT on `input.status`.',
    },
  },
  Query: {
    fields: {
      partners: 'Partner NPOs of your municipality. Staff only.',
      referrals:
        'Referrals: all of them for the owning department, your own for a partner. Newest first. A partner sees its own while open (REQUESTED, ACCEPTED) and while the family consents to share with partners; other departments get FORBIDDEN.',
    },
  },
  Mutation: {
    fields: {
      issuePartnerToken: {
        description: 'Issue a partner API token (owning department, supervisor or admin). The secret is shown once.',
        args: { input: 'The partner, a label and the validity in days.' },
      },
      revokePartnerToken: {
        description: 'Revoke a partner API token at once. Supervisor or admin of the owning department.',
        args: { id: 'The token (`PartnerToken.id`).' },
      },
      referRecord: {
        description: 'Refer a record to a partner NPO (owning department). The partner sees it only while the family consents to share with partners.',
        args: { input: 'The record, the partner and the reason.' },
      },
      updateReferral: {
        description:
          'Accept or close a referral. The partner it is referred to accepts or closes it; the owning department closes it. NOT_FOUND when it is not yours to change.',
        args: { input: 'The referral, its new status and a reason (required when closing).' },
      },
    },
  },
};
