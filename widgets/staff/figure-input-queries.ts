/** GraphQL of the hand-entered figures screen (staff-figure-input.ts). */
export interface ManualDefinition {
  name: string;
  label: string;
  hint: string;
}
export interface ManualEntry {
  month: string;
  figure: string;
  value: number;
  enteredBy: string | null;
  enteredAt: string;
}
export interface ManualFigures {
  from: string;
  to: string;
  maxValue: number;
  definitions: ManualDefinition[];
  entries: ManualEntry[];
}
export interface PreviewLine {
  name: string;
  label: string;
  key: string | null;
  keyLabel: string | null;
  origin: 'COUNTED' | 'ENTERED';
  total: number | null;
  previousTotal: number | null;
}

const MANUAL_FIELDS = 'from to maxValue definitions { name label hint } entries { month figure value enteredBy enteredAt }';
export const MANUAL = `query StaffManualFigures($p: ReportPeriodInput!) { manualFigures(period: $p) { ${MANUAL_FIELDS} } }`;
export const SAVE_MANUAL = `mutation StaffSaveManualFigures($i: SaveManualFiguresInput!) { saveManualFigures(input: $i) { ${MANUAL_FIELDS} } }`;
export const PREVIEW = `query StaffReportPreview($p: ReportPeriodInput!, $m: String!) { usageFigures(period: $p, municipalityCode: $m, bucket: MONTH) {
  from to previousFrom previousTo figures { name label key keyLabel origin total previousTotal } } }`;
