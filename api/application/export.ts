/**
 * Export of accepted applications for the core system (基幹系), per procedure, as CSV or JSON.
 * Column layout (documented in seeds/procedures/README.md): receiptNumber, referenceNumber, procedureId,
 * submittedAt, decidedAt (ISO 8601, UTC), then one column per question in the procedure's order,
 * named by the question id, holding the canonical answer. CSV is RFC 4180 with CRLF and a UTF-8 BOM (the
 * spreadsheets of municipal offices expect it); a cell starting with = + - @ is prefixed with ' so it is
 * never run as a formula.
 */
import type { MunicipalProcedure } from './procedures';

export const MAX_EXPORT_ROWS = 5000;

export interface ExportRow {
  receiptNumber: string | null;
  referenceNumber: string;
  procedureId: string;
  submittedAt: Date | null;
  decidedAt: Date | null;
  answers: Record<string, string | null>;
}

export function exportColumns(p: MunicipalProcedure): string[] {
  return ['receiptNumber', 'referenceNumber', 'procedureId', 'submittedAt', 'decidedAt', ...p.questions.map((q) => q.id)];
}

function flat(p: MunicipalProcedure, r: ExportRow): Record<string, string | null> {
  return {
    receiptNumber: r.receiptNumber,
    referenceNumber: r.referenceNumber,
    procedureId: r.procedureId,
    submittedAt: r.submittedAt?.toISOString() ?? null,
    decidedAt: r.decidedAt?.toISOString() ?? null,
    ...Object.fromEntries(p.questions.map((q) => [q.id, r.answers[q.id] ?? null])),
  };
}

export function csvCell(value: string | null): string {
  if (value === null) return '';
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(p: MunicipalProcedure, rows: readonly ExportRow[]): string {
  const cols = exportColumns(p);
  const lines = [
    cols.join(','),
    ...rows.map((r) => {
      const f = flat(p, r);
      return cols.map((c) => csvCell(f[c] ?? null)).join(',');
    }),
  ];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export function toJson(p: MunicipalProcedure, rows: readonly ExportRow[]): string {
  return JSON.stringify({ procedureId: p.id, columns: exportColumns(p), rows: rows.map((r) => flat(p, r)) });
}
