import { wrap, type EntityMetadata } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Locale } from '../core';
import { PersonalRecord } from '../record';
import { allIds, familyRecords } from './family';
import { q, referencesTo, rowsUnder, uuidArray, type Reference } from './record-tables';

/** Fields never disclosed: secrets of the service (hashes, tokens, keys), not data about the family. */
const SECRET_FIELD = /hash|token|secret|sealed|nonce|key$|^key|Key$|_key|userId|user_id/i;

export interface Disclosure {
  generatedAt: string;
  municipalityCode: string;
  recordId: string;
  /** The record itself, then one entry per table that holds rows about it (with its rows). */
  record: Record<string, unknown>;
  related: { table: string; rows: Record<string, unknown>[] }[];
  /**
   * The records merged into this one (名寄せ, api/rights/family.ts), each with what is still held under
   * it: the tombstone itself and the rows that stayed with it. Empty when nothing was merged.
   */
  mergedRecords: { recordId: string; record: Record<string, unknown>; related: { table: string; rows: Record<string, unknown>[] }[] }[];
  /** Who read or wrote which sections when — departments only (staff names are theirs, not the family's). */
  accessLog: { at: string; actorKind: string; department: string; action: string; sections: string[]; operation: string | null }[];
}

function clean(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(clean);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (!SECRET_FIELD.test(k) && v !== undefined) out[k] = clean(v);
    return out;
  }
  return value;
}

function metaOf(em: EntityManager, table: string): EntityMetadata | undefined {
  return Object.values(em.getMetadata().getAll()).find((m) => m.tableName === table && !m.embeddable && !m.virtual);
}

/** One record's own row and every row of every table under it, read through the entities where there is one. */
async function recordPart(
  fork: EntityManager,
  refs: Map<string, Reference[]>,
  municipalityCode: string,
  recordId: string,
): Promise<{ record: Record<string, unknown>; related: Disclosure['related'] }> {
  const record = await fork.findOneOrFail(PersonalRecord, { id: recordId, municipality: municipalityCode });
  const related: Disclosure['related'] = [];
  for (const rows of rowsUnder(refs, recordId)) {
    const meta = metaOf(fork, rows.table);
    let list: Record<string, unknown>[];
    if (meta && meta.primaryKeys.length === 1) {
      const pk = meta.properties[meta.primaryKeys[0]!]!.fieldNames[0]!;
      const ids = (await fork.execute<Record<string, unknown>[]>(`select ${q(pk)} as id from ${q(rows.table)} where ${rows.where}`, rows.params)).map(
        (r) => r.id,
      );
      const entities = ids.length ? await fork.find(meta.class, { [meta.primaryKeys[0]!]: { $in: ids } } as never) : [];
      list = entities.map((e) => clean(wrap(e).toObject()) as Record<string, unknown>);
    } else {
      list = (await fork.execute<Record<string, unknown>[]>(`select * from ${q(rows.table)} where ${rows.where}`, rows.params)).map(
        (r) => clean(r) as Record<string, unknown>,
      );
    }
    if (list.length) related.push({ table: rows.table, rows: list });
  }
  return { record: clean(wrap(record).toObject()) as Record<string, unknown>, related };
}

/**
 * Everything held about one family (個人情報保護法の開示): the record with every section, every row of
 * every table under it (found from the foreign keys: consents, children, consultations, cases, inbox
 * items, applications and their history, notices, LINE links, sign-ins…), read through the entities
 * so that sealed columns come back as text, and the audit entries about the record. Secrets of the
 * service (hashes, tokens, keys) are left out. Nothing about another record: every row is reached from
 * this record's id — or from the id of a record merged into it, which is the same family's (family.ts:
 * a merged-away record's id discloses its survivor, with every merged record and what stayed under it).
 */
export async function discloseRecord(em: EntityManager, municipalityCode: string, recordId: string): Promise<Disclosure> {
  const fork = em.fork({ clear: true });
  const family = await familyRecords(fork, municipalityCode, recordId);
  if (!family) throw new Error('no such record');
  const refs = await referencesTo(fork);
  const own = await recordPart(fork, refs, municipalityCode, family.survivorId);
  const mergedRecords: Disclosure['mergedRecords'] = [];
  for (const id of family.mergedIds) mergedRecords.push({ recordId: id, ...(await recordPart(fork, refs, municipalityCode, id)) });
  const ids = allIds(family);
  const audit = await fork.execute<
    { at: Date; actor_kind: string; actor_department: string; action: string; sections: string[]; operation_name: string | null }[]
  >(
    `select at, actor_kind, actor_department, action, sections, operation_name from audit_entry
      where municipality_code = ? and record_ids && ${uuidArray(ids)} order by at, seq`,
    [municipalityCode, ...ids],
  );
  return {
    generatedAt: new Date().toISOString(),
    municipalityCode,
    recordId: family.survivorId,
    record: own.record,
    related: own.related,
    mergedRecords,
    accessLog: audit.map((a) => ({
      at: new Date(a.at).toISOString(),
      actorKind: a.actor_kind,
      department: a.actor_department,
      action: a.action,
      sections: a.sections,
      operation: a.operation_name,
    })),
  };
}

const TITLES: Record<string, [string, string, string]> = {
  record: ['電子個人票', 'Your record', 'あなたの 記録'],
  merged: ['統合された個人票', 'Record merged into yours', '1つに した 記録'],
  consent_event: ['同意の記録', 'Consents given', 'どうい'],
  child: ['お子さん', 'Children', 'こども'],
  benefit_in_use: ['利用中の制度', 'Benefits in use', 'つかって いる せいど'],
  consultation: ['相談の記録', 'Consultations', 'そうだん'],
  case_file: ['担当・対応状況', 'Case handling', 'たんとう'],
  inbox_item: ['受付', 'Submissions received', 'うけつけ'],
  application: ['申請', 'Applications', 'しんせい'],
  application_event: ['申請の経過', 'Application history', 'しんせいの けいか'],
  application_document: ['提出書類', 'Documents', 'しょるい'],
  outreach_notice: ['お知らせ', 'Notices sent', 'おしらせ'],
  outreach_consent_event: ['お知らせの受け取り設定', 'Notice preferences', 'おしらせの せってい'],
  referral: ['NPOへの紹介', 'Referrals to partners', 'NPOへの しょうかい'],
  access: ['記録を見た・変えた部署', 'Who read or changed your record', '記録を 見た 部署'],
};

function title(table: string, locale: Locale): string {
  const t = TITLES[table];
  const i = locale === 'en' ? 1 : locale === 'ja-easy' ? 2 : 0;
  return t ? t[i] : table;
}

function lines(value: unknown, prefix: string, out: string[]): void {
  if (value == null || value === '' || (Array.isArray(value) && value.length === 0)) return;
  if (Array.isArray(value) && value.every((v) => typeof v !== 'object')) out.push(`${prefix}: ${value.join(', ')}`);
  else if (typeof value === 'object') for (const [k, v] of Object.entries(value)) lines(v, prefix ? `${prefix}.${k}` : k, out);
  else out.push(`${prefix}: ${String(value)}`);
}

/** The same as readable text: one heading per kind of data, one line per field, in the family's language. */
export function disclosureText(d: Disclosure, locale: Locale): string {
  const out: string[] = [];
  const head = locale === 'en' ? 'Everything held about you' : locale === 'ja-easy' ? 'あなたに ついて ある 記録' : '保有している個人情報の開示';
  out.push(`# ${head} (${d.generatedAt})`, '');
  out.push(`## ${title('record', locale)}`);
  lines(d.record, '', out);
  for (const group of d.related) {
    out.push('', `## ${title(group.table, locale)} (${group.rows.length})`);
    group.rows.forEach((row, i) => {
      out.push(`### ${i + 1}`);
      lines(row, '', out);
    });
  }
  for (const m of d.mergedRecords) {
    out.push('', `## ${title('merged', locale)}`);
    lines(m.record, '', out);
    for (const group of m.related) {
      out.push('', `### ${title(group.table, locale)} (${group.rows.length})`);
      group.rows.forEach((row, i) => {
        out.push(`#### ${i + 1}`);
        lines(row, '', out);
      });
    }
  }
  out.push('', `## ${title('access', locale)} (${d.accessLog.length})`);
  for (const a of d.accessLog) out.push(`${a.at} ${a.department} ${a.action} ${a.sections.join(', ')}`);
  return out.join('\n');
}
