/**
 * CSV for spreadsheets (RFC 4180, CRLF, UTF-8 with a BOM so Excel reads the Japanese). A cell that
 * starts with = + - @ (or their full-width forms, which Excel also reads as a formula), a tab or a
 * carriage return gets a leading apostrophe: exported text typed by families or staff must never
 * run as a formula in the spreadsheet that opens it (CSV injection).
 */
const FORMULA_START = /^[=+\-@\t\r＝＋－＠]/;

export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value == null) return '';
  const text = String(value);
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvText(header: readonly string[], rows: readonly (readonly (string | number | boolean | null | undefined)[])[]): string {
  const lines = [header, ...rows].map((row) => row.map(csvCell).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
