import { registerEnumType } from 'type-graphql';

/** requested → accepted → closed (or requested → closed when the partner declines). */
export enum ReferralStatus {
  REQUESTED = 'requested',
  ACCEPTED = 'accepted',
  CLOSED = 'closed',
}
registerEnumType(ReferralStatus, { name: 'ReferralStatus' });

/** A partner sees a referred record while the referral is open. */
export const OPEN_REFERRAL: readonly ReferralStatus[] = [ReferralStatus.REQUESTED, ReferralStatus.ACCEPTED];
