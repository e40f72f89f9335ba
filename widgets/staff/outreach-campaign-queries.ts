/** GraphQL operations of the outreach screen's campaigns and call tasks (プッシュ型支援, issue 16). */

export interface Segment {
  concern?: string | null;
  childAgeFrom?: number | null;
  childAgeTo?: number | null;
  fitsProgramme?: string | null;
  createdFrom?: string | null;
  createdTo?: string | null;
}

export interface SampleRecord {
  id: string;
  referenceNumber: string;
  identity: { familyName: string | null; givenName: string | null } | null;
}

export interface CampaignPreview {
  matched: number;
  reachable: number | null;
  limit: number;
  byChannel: Array<{ channel: string; count: number }>;
  sample: SampleRecord[];
}

export interface Campaign {
  id: string;
  template: string;
  programmeName: string | null;
  status: string;
  sendAt: string;
  createdAt: string;
  matched: number;
  notices: number;
  unreachable: number;
  waiting: number;
  delivered: number;
  failed: number;
  optedOut: number;
  opened: number;
}

export interface PhoneTask {
  id: string;
  status: string;
  outcome: string | null;
  attempts: number;
  reason: string;
  programmeName: string | null;
  safeTimes: string | null;
  voicemailSafe: boolean | null;
  script: string;
  createdAt: string;
  record: (SampleRecord & { contact: { phone: string | null } | null }) | null;
}

export const CAMPAIGN_PREVIEW = `query StaffOutreachCampaignPreview($segment: OutreachSegmentInput!) { outreachCampaignPreview(segment: $segment) {
  matched reachable limit byChannel { channel count } sample { id referenceNumber identity { familyName givenName } } } }`;

const CAMPAIGN = 'id template programmeName status sendAt createdAt matched notices unreachable waiting delivered failed optedOut opened';

export const CAMPAIGNS = `query StaffOutreachCampaigns { outreachCampaigns { ${CAMPAIGN} } }`;

export const CREATE_CAMPAIGN = `mutation StaffCreateOutreachCampaign($input: OutreachCampaignInput!) { createOutreachCampaign(input: $input) { ${CAMPAIGN} } }`;

export const CANCEL_CAMPAIGN = `mutation StaffCancelOutreachCampaign($id: ID!) { cancelOutreachCampaign(id: $id) { ${CAMPAIGN} } }`;

export const PHONE_TASKS = `query StaffOutreachPhoneTasks($status: OutreachPhoneTaskStatus) { outreachPhoneTasks(status: $status) {
  id status outcome attempts reason programmeName safeTimes voicemailSafe script createdAt record { id referenceNumber identity { familyName givenName } contact { phone } } } }`;

export const CALL_OUTCOME = `mutation StaffRecordCallOutcome($input: OutreachCallOutcomeInput!) { recordOutreachCallOutcome(input: $input) { id status outcome attempts } }`;
