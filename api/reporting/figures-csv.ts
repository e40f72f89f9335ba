import type { ReportFacts } from './report-facts';

/** A cell as spreadsheet software reads it: quoted, and never taken for a formula. */
function csvCell(value: string | number | null): string {
  const s = value === null ? '' : String(value);
  const safe = /^[=+\-@\t\r]/.test(s) && typeof value === 'string' ? `'${s}` : s;
  return `"${safe.replace(/"/g, '""')}"`;
}

/** The usage figures of a report's period as CSV (UTF-8 with a BOM, so Excel reads the Japanese). */
export function figuresCsv(f: ReportFacts): string {
  const rows: (string | number | null)[][] = [['figure', 'key', '項目', '内訳', '出典', `当期 ${f.from}～${f.to}`, `前期 ${f.previousFrom}～${f.previousTo}`]];
  for (const { line, previous } of f.figures)
    rows.push([line.name, line.key, line.label.ja, line.keyLabel?.ja ?? '', line.entered ? '職員入力' : 'システム集計', line.total, previous]);
  return `\ufeff${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
