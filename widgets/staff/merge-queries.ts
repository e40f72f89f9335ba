/** Operations of the merge screen (schema/schema.graphql: mergePreview, mergeRecords). */
export interface MergeField {
  section: string;
  field: string;
  survivorValue: string | null;
  otherValue: string | null;
  result: string | null;
  source: 'SURVIVOR' | 'OTHER' | 'COMBINED' | 'SAME' | 'EMPTY';
}
export interface MergeRows {
  table: string;
  moved: number;
  kept: number;
}
export interface MergePreview {
  survivorId: string;
  mergedId: string;
  survivorReferenceNumber: string;
  mergedReferenceNumber: string;
  survivorVersion: number;
  mergedVersion: number;
  fields: MergeField[];
  keptSections: string[];
  rows: MergeRows[];
  sharedWith: string[];
  shareWithPartners: boolean;
  consentsWithdrawn: string[];
}

export const MERGE_PREVIEW = `query StaffMergePreview($input: MergeRecordsInput!) { mergePreview(input: $input) { survivorId mergedId survivorReferenceNumber mergedReferenceNumber survivorVersion mergedVersion
  fields { section field survivorValue otherValue result source } keptSections rows { table moved kept } sharedWith shareWithPartners consentsWithdrawn } }`;
export const MERGE_RECORDS = `mutation StaffMergeRecords($input: MergeRecordsConfirmInput!) { mergeRecords(input: $input) { survivorId survivorReferenceNumber mergedId rows { table moved kept } } }`;
