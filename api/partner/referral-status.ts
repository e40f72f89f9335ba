import { registerEnumType } from 'type-graphql';

/** requested → accepted → closed (or requested → closed when the partner declines). */
export enum ReferralStatus {
  REQUESTED = 'requested',
  ACCEPTED = 'accepted',
  CLOSED = 'closed',
}
registerEnumType(ReferralStatus, { name: 'ReferralStatus' });

// Which statuses show the record to the partner is the access policy's (seeds/policy, rules.partner.referral).
