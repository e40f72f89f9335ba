import { type ApiErrorEntry, type PartnerClient, withheldSections } from './client';
import {
  AcceptReferralDocument,
  MeDocument,
  RecordDocument,
  RecordsPageDocument,
  ReferralsDocument,
  type PartnerSectionsFragment,
  type RecordsPageQuery,
  type ReferralsQuery,
} from './generated/graphql';

export type Referral = ReferralsQuery['referrals'][number];

/** What a partner reads of one referred record: the sections, and those withheld with the reason. */
export interface ReferredRecord {
  referral: Referral;
  record: PartnerSectionsFragment | null;
  withheld: Map<string, string>;
  errors: ApiErrorEntry[];
}

/** Who the token belongs to. */
export async function whoAmI(client: PartnerClient) {
  return (await client.request(MeDocument, {})).data.me;
}

/** The referrals made to your organisation (open, with the family's consent), newest first. */
export async function listReferrals(client: PartnerClient): Promise<Referral[]> {
  return (await client.request(ReferralsDocument, {})).data.referrals;
}

/** Each referral with the record's sections you may read; a withheld section is null and listed in `withheld`. */
export async function readReferredRecords(client: PartnerClient, referrals: readonly Referral[]): Promise<ReferredRecord[]> {
  const out: ReferredRecord[] = [];
  for (const referral of referrals) {
    if (!referral.record) continue;
    const { data, errors } = await client.request(RecordDocument, { id: referral.record.id });
    out.push({ referral, record: data.record, withheld: withheldSections(errors), errors });
  }
  return out;
}

/** Every record referred to you, page by page (Relay cursors): `first` per page, following `endCursor`. */
export async function allRecords(client: PartnerClient, first = 20): Promise<{ records: PartnerSectionsFragment[]; pages: number; totalCount: number }> {
  const records: PartnerSectionsFragment[] = [];
  let after: string | null = null;
  let pages = 0;
  let totalCount = 0;
  for (;;) {
    const page: RecordsPageQuery['records'] = (await client.request(RecordsPageDocument, { first, after })).data.records;
    pages += 1;
    totalCount = page.totalCount;
    records.push(...page.edges.map((e) => e.node));
    if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) break;
    after = page.pageInfo.endCursor;
  }
  return { records, pages, totalCount };
}

/** Accept a REQUESTED referral (the municipality sees ACCEPTED). */
export async function acceptReferral(client: PartnerClient, referralId: string) {
  return (await client.request(AcceptReferralDocument, { id: referralId })).data.updateReferral;
}
