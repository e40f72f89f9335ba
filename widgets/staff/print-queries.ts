import { RECORD_FIELDS } from './queries.js';

/**
 * The record for the printable 個人票. Its own operation name, so the audit log says the record was
 * opened for printing (「個人票の印刷」) by whom and when: the read is the print's audit entry.
 * Denied sections come back null with FORBIDDEN at their path, like everywhere else.
 */
export const PRINT_RECORD = `query StaffPrintRecord($id: ID!) { record(id: $id) { ${RECORD_FIELDS} } }`;
