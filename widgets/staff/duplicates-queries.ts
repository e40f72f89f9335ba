/** Operations of the possible-duplicates panel (schema/schema.graphql: possibleDuplicates, decideDuplicate). */
export interface DuplicateCandidate {
  recordId: string;
  referenceNumber: string;
  reasons: string[];
  decision: 'SAME_PERSON' | 'DIFFERENT' | null;
  decidedBy: string | null;
  decidedAt: string | null;
  record: { identity: { familyName: string | null; givenName: string | null; birthDate: string | null } | null } | null;
}

const CANDIDATE = 'recordId referenceNumber reasons decision decidedBy decidedAt record { identity { familyName givenName birthDate } }';
export const DUPLICATES = `query StaffDuplicates($id: ID!) { possibleDuplicates(recordId: $id) { ${CANDIDATE} } }`;
export const DECIDE_DUPLICATE = `mutation StaffDecideDuplicate($input: DecideDuplicateInput!) { decideDuplicate(input: $input) { ${CANDIDATE} } }`;
