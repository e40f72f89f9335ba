/** CSV exports of the console: made by the server (which checks and audits them), saved by the browser. */

/** The record list as CSV with the list's filter; its own operation name: 「個人票一覧のCSV出力」 in the audit log. */
export const RECORDS_CSV = `query StaffRecordsCsv($filter: RecordFilter) { recordsCsv(filter: $filter) }`;

/** Offers `text` as a file download (a Blob URL; nothing is stored). */
export function download(text: string, filename: string, doc: Document = document): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = doc.createElement('a');
  a.href = url;
  a.download = filename;
  a.hidden = true;
  doc.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
