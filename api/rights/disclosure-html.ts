import { SECTIONS } from '../core';
import type { Disclosure } from './disclosure';

/**
 * The disclosure (個人情報保護法の開示) as one printable HTML document: Japanese first, English beside
 * it, every heading in a fixed order — the record section by section, then each kind of row held about
 * the family (consents, children, consultations … in TABLE_ORDER, any other table after them by name),
 * then who read or changed the record. Every value is escaped; the document loads nothing (no script,
 * no style sheet, no image), so it can be opened, saved and printed anywhere. Built from the same
 * Disclosure as the JSON, so it holds exactly what the JSON holds.
 */
const TABLE_ORDER: [string, string, string][] = [
  ['consent_event', '同意の記録', 'Consents given'],
  ['child', 'お子さん', 'Children'],
  ['benefit_in_use', '利用中の制度', 'Benefits in use'],
  ['consultation', '相談の記録', 'Consultations'],
  ['case_file', '担当・対応状況', 'Case handling'],
  ['inbox_item', '受付', 'Submissions received'],
  ['application', '申請', 'Applications'],
  ['application_event', '申請の経過', 'Application history'],
  ['application_document', '提出書類', 'Documents'],
  ['interview_booking', '面談の予約', 'Interview bookings'],
  ['outreach_notice', 'お知らせ', 'Notices sent'],
  ['outreach_consent_event', 'お知らせの受け取り設定', 'Notice preferences'],
  ['referral', 'NPOへの紹介', 'Referrals to partners'],
  ['line_link', 'LINEの連携', 'LINE link'],
  ['family_session', 'サインインの記録', 'Sign-ins'],
  ['family_handoff', '受付から申請ページへの引き継ぎ', 'Hand-offs from the intake receipt'],
];

/** The record's sections, in the order of docs/design.md, with their Japanese and English names. */
const SECTION_TITLES: Record<string, [string, string]> = {
  identity: ['本人', 'Identity'],
  address: ['住所', 'Address'],
  contact: ['連絡先', 'Contact'],
  household: ['世帯', 'Household'],
  income: ['収入', 'Income'],
  benefits: ['利用中の制度', 'Benefits'],
  concerns: ['困りごと', 'Concerns'],
  selfReliancePlan: ['自立支援プログラム', 'Self-reliance plan'],
  plan: ['自立支援プログラム', 'Self-reliance plan'],
  consultations: ['相談', 'Consultations'],
  protection: ['DV等支援措置', 'DV protection'],
  consent: ['同意', 'Consent'],
};

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => ESC[c]!);

function flatten(value: unknown, prefix: string, out: [string, string][]): void {
  if (value == null || value === '' || (Array.isArray(value) && value.length === 0)) return;
  if (Array.isArray(value) && value.every((v) => typeof v !== 'object')) out.push([prefix, value.join(', ')]);
  else if (typeof value === 'object') for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  else out.push([prefix, String(value)]);
}

function table(rows: [string, string][]): string {
  if (!rows.length) return '<p>（なし / none）</p>';
  return `<table><tbody>${rows.map(([k, v]) => `<tr><th scope="row">${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`).join('')}</tbody></table>`;
}

const heading = (level: 2 | 3, ja: string, en: string, count?: number) =>
  `<h${level}>${escapeHtml(ja)} <span lang="en">${escapeHtml(en)}</span>${count == null ? '' : ` (${count})`}</h${level}>`;

/** The record's own fields grouped by section: design order first, any other field after. */
function recordSections(record: Record<string, unknown>): string {
  const order = [...new Set([...SECTIONS.map(String), ...Object.keys(SECTION_TITLES)])];
  const groups = new Map<string, [string, string][]>();
  const general: [string, string][] = [];
  for (const [key, value] of Object.entries(record)) {
    const rows: [string, string][] = [];
    flatten(value, key, rows);
    const section = order.find((s) => key === s || key.toLowerCase().startsWith(s.toLowerCase()));
    if (section && SECTION_TITLES[section]) groups.set(section, [...(groups.get(section) ?? []), ...rows]);
    else general.push(...rows);
  }
  const parts = [heading(3, '基本', 'General'), table(general)];
  for (const s of order) {
    const rows = groups.get(s);
    if (rows?.length) parts.push(heading(3, SECTION_TITLES[s]![0], SECTION_TITLES[s]![1]), table(rows));
  }
  return parts.join('\n');
}

/** Each kind of row held, in TABLE_ORDER then by name, one section per kind (`level` its heading's). */
function relatedSections(related: Disclosure['related'], level: 2 | 3): string[] {
  const known = new Map(TABLE_ORDER.map(([t], i) => [t, i]));
  const sorted = [...related].sort((a, b) => (known.get(a.table) ?? 1000) - (known.get(b.table) ?? 1000) || a.table.localeCompare(b.table));
  const inner = level === 2 ? 'h3' : 'h4';
  return sorted.map((group) => {
    const t = TABLE_ORDER.find(([name]) => name === group.table);
    const rows = group.rows.map((row, i) => {
      const cells: [string, string][] = [];
      flatten(row, '', cells);
      return `<${inner}>${i + 1}</${inner}>\n${table(cells)}`;
    });
    return `<section>${heading(level, t?.[1] ?? group.table, t?.[2] ?? group.table, group.rows.length)}\n${rows.join('\n')}</section>`;
  });
}

export function disclosureHtml(d: Disclosure, municipalityName: string, referenceNumber: string | null): string {
  const body: string[] = [];
  body.push(`<h1>保有個人情報の開示 <span lang="en">Disclosure of personal information held</span></h1>`);
  body.push(
    table([
      ['自治体 / Municipality', `${municipalityName} (${d.municipalityCode})`],
      ['受付番号 / Reference number', referenceNumber ?? '-'],
      ['作成日時 / Generated (UTC)', d.generatedAt],
    ]),
  );
  body.push(
    '<p>個人情報の保護に関する法律に基づき、この世帯について市が保有している情報をすべて記載しています。<span lang="en">Everything the municipality holds about this family, under the Act on the Protection of Personal Information.</span></p>',
  );
  body.push(`<section>${heading(2, '電子個人票', 'The record')}\n${recordSections(d.record)}</section>`);
  body.push(...relatedSections(d.related, 2));
  // A record merged into this one (名寄せ): its own row and what stayed under it, after the record's own.
  for (const m of d.mergedRecords) {
    const ref = typeof m.record.referenceNumber === 'string' ? m.record.referenceNumber : m.recordId;
    body.push(
      `<section>${heading(2, `統合された個人票 ${ref}`, `Record merged into this one: ${ref}`)}\n${recordSections(m.record)}\n${relatedSections(m.related, 3).join('\n')}</section>`,
    );
  }
  const log = d.accessLog.map(
    (a) =>
      `<tr><td>${escapeHtml(a.at)}</td><td>${escapeHtml(a.department)}</td><td>${escapeHtml(a.action)}</td><td>${escapeHtml(a.sections.join(', '))}</td></tr>`,
  );
  body.push(`<section>${heading(2, '記録を見た・変えた部署', 'Who read or changed the record', d.accessLog.length)}
<table><thead><tr><th scope="col">日時 / When</th><th scope="col">部署 / Department</th><th scope="col">操作 / Action</th><th scope="col">項目 / Sections</th></tr></thead><tbody>${log.join('')}</tbody></table></section>`);
  return `<!doctype html>
<html lang="ja">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>保有個人情報の開示 ${escapeHtml(referenceNumber ?? d.recordId)}</title>
<style>
body { font-family: "Noto Sans JP", "Hiragino Sans", "Yu Gothic", sans-serif; margin: 2rem; color: #111; line-height: 1.6; }
h1 { font-size: 1.5rem; } h2 { font-size: 1.2rem; border-bottom: 2px solid #333; margin-top: 2rem; } h3 { font-size: 1rem; margin: 1rem 0 .25rem; }
span[lang=en] { font-weight: normal; color: #444; font-size: .85em; }
table { border-collapse: collapse; width: 100%; margin-bottom: .5rem; } th, td { border: 1px solid #888; padding: .25rem .5rem; text-align: left; vertical-align: top; word-break: break-all; }
th[scope=row] { width: 35%; background: #f2f2f2; font-weight: normal; }
@media print { body { margin: 0; } section { break-inside: auto; } table, h3 { break-inside: avoid; } h2 { break-after: avoid; } }
</style>
</head>
<body>
${body.join('\n')}
</body>
</html>
`;
}
