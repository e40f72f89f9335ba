import type { EntityManager } from '@mikro-orm/postgresql';
import type { AccessGate } from '../access';
import type { AuditCollector } from '../audit';
import { badInput, csvText, Section } from '../core';
import { RecordService, type RecordFilter, type RecordView } from '../record';

/** At most this many records in one file: a longer export is a sign of a too-wide filter. */
export const RECORDS_CSV_MAX = 5_000;

const CONCERN_JA: Record<string, string> = {
  childcare: '子育て',
  dv: 'DV',
  'mental-health': '心の健康',
  work: '仕事',
  housing: '住まい',
  finances: '家計',
  medical: '医療',
  care: '介護',
  legal: '法律',
  education: '教育',
  'child-support': '養育費',
  other: 'その他',
};

type Cell = string | number | boolean | null | undefined;
interface Column {
  section: Section | null;
  ja: string;
  en: string;
  value(r: RecordView): Cell;
}

/** Columns by section; a section the department may not read contributes no column at all. */
const COLUMNS: Column[] = [
  { section: null, ja: '受付番号', en: 'Reference number', value: (r) => r.referenceNumber },
  {
    section: null,
    ja: '作成日時（日本時間）',
    en: 'Created (Japan time)',
    value: (r) => new Date(r.createdAt.getTime() + 9 * 3600_000).toISOString().replace('T', ' ').slice(0, 16),
  },
  { section: Section.IDENTITY, ja: '姓', en: 'Family name', value: (r) => r.identity.familyName },
  { section: Section.IDENTITY, ja: '名', en: 'Given name', value: (r) => r.identity.givenName },
  { section: Section.IDENTITY, ja: '姓（カナ）', en: 'Family name (kana)', value: (r) => r.identity.familyNameKana },
  { section: Section.IDENTITY, ja: '名（カナ）', en: 'Given name (kana)', value: (r) => r.identity.givenNameKana },
  { section: Section.IDENTITY, ja: '生年月日', en: 'Birth date', value: (r) => r.identity.birthDate },
  { section: Section.ADDRESS, ja: '郵便番号', en: 'Postal code', value: (r) => r.address.postalCode },
  {
    section: Section.ADDRESS,
    ja: '住所',
    en: 'Address',
    value: (r) => [r.address.prefecture, r.address.city, r.address.street].filter(Boolean).join('') || null,
  },
  { section: Section.CONTACT, ja: '電話番号', en: 'Phone', value: (r) => r.contact.phone },
  { section: Section.CONTACT, ja: 'メールアドレス', en: 'E-mail', value: (r) => r.contact.email },
  { section: Section.CONTACT, ja: '連絡してよいか', en: 'Contact allowed', value: (r) => (r.contact.contactAllowed ? 'はい' : 'いいえ') },
  { section: Section.INCOME, ja: '所得の年', en: 'Income year', value: (r) => r.income.incomeYear },
  { section: Section.INCOME, ja: '給与収入（円/年）', en: 'Employment income (yen/year)', value: (r) => r.income.annualEmploymentIncome },
  { section: Section.CONCERNS, ja: '困りごと', en: 'Concerns', value: (r) => r.concerns.categories.map((c) => CONCERN_JA[c] ?? c).join(' ') },
];

const TOO_MANY = {
  ja: `出力できるのは ${RECORDS_CSV_MAX.toLocaleString('ja-JP')} 件までです。条件で絞り込んでください。`,
  en: `At most ${RECORDS_CSV_MAX} records can be exported. Narrow the filter.`,
  'ja-easy': `${RECORDS_CSV_MAX} 件 までしか 出せません。しぼりこんで ください。`,
};

/**
 * The record list as CSV: the records the viewer finds with the list's filter (the same visibility and
 * filter rules as `records`), with a column only for the sections the department may read and a cell
 * left empty where this record withholds it (DV protection). Every exported section of every record is
 * noted as `export` in the audit log (operation StaffRecordsCsv in the console).
 */
export async function recordsCsv(em: EntityManager, gate: AccessGate, audit: AuditCollector, filter: RecordFilter | null | undefined): Promise<string> {
  gate.staff();
  const columns = COLUMNS.filter((c) => c.section === null || gate.policyAllowsRead(c.section));
  const sections = [...new Set(columns.map((c) => c.section).filter((s): s is Section => s !== null))];
  const service = new RecordService(em, gate, audit);
  const records: RecordView[] = [];
  let after: string | null = null;
  do {
    const page = await service.list(filter, 100, after);
    records.push(...page.edges.map((e) => e.node));
    after = page.pageInfo.hasNextPage ? (page.pageInfo.endCursor ?? null) : null;
    if (records.length > RECORDS_CSV_MAX) throw badInput([{ field: 'filter', messages: TOO_MANY }], gate.locale);
  } while (after);
  const en = gate.locale === 'en';
  const rows = records.map((r) => {
    for (const s of sections) if (gate.canRead(r, s)) audit.note(r.id, r.municipality.code, 'export', s);
    return columns.map((c) => (c.section === null || gate.canRead(r, c.section) ? c.value(r) : null));
  });
  return csvText(
    columns.map((c) => (en ? c.en : c.ja)),
    rows,
  );
}
