/** Operations of the audit log screen (schema/schema.graphql: auditSearch, auditCsv). */
export interface AuditLine {
  seq: string;
  at: string;
  actorName: string;
  actorDepartment: string;
  action: string;
  sections: string[];
  operationName: string | null;
  referenceNumbers: string[];
  recordCount: number;
}

export const AUDIT_SEARCH = `query StaffAuditSearch($filter: AuditFilter, $first: Int!, $after: String) {
  auditSearch(filter: $filter, first: $first, after: $after) { totalCount endCursor entries { seq at actorName actorDepartment action sections operationName referenceNumbers recordCount } }
}`;

/** Its own operation name: the export is recorded as 「監査ログのCSV出力」. */
export const AUDIT_CSV = `query StaffAuditCsv($filter: AuditFilter) { auditCsv(filter: $filter) }`;
