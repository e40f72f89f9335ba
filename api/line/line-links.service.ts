import type { EntityManager } from '@mikro-orm/postgresql';
import type { AccessGate } from '../access';
import type { AuditCollector } from '../audit';
import { checkPageSize, decodeAfter, encodeCursor, forwardPageInfo, notFound, RECORD_NOT_FOUND } from '../core';
import { RecordService, type RecordView } from '../record';
import type { LineLinks } from './link';
import type { LineLinkedRecord, LineLinkedRecordConnection, UnlinkLinePayload } from './line-links.types';

/** Links read per statement while a page is filled (records the viewer may not see are skipped). */
const BATCH = 200;

interface LinkRow {
  id: string;
  record_id: string;
  linked_at: Date | string;
  notices: boolean;
  blocked: boolean;
}

/**
 * Staff's view of LINE links (policy rule 6, seeds/policy/default.yaml): a link follows the section
 * `rules.line.follows` (contact) — listed only to departments that may read it, on records they see
 * (consent) and where it is not withheld (DV protection); unlinked by those who may write it, audited
 * with the member of staff as actor. Never the LINE user id.
 */
export class LineLinksService {
  constructor(
    private readonly em: EntityManager,
    private readonly gate: AccessGate,
    private readonly audit: AuditCollector,
    private readonly links: LineLinks,
  ) {}

  private section() {
    return this.gate.policy().rules.line.follows;
  }

  async list(first: number, after: string | null | undefined, recordId: string | null | undefined): Promise<LineLinkedRecordConnection> {
    const viewer = this.gate.staff();
    checkPageSize(first, this.gate.locale);
    const section = this.section();
    // A department that may not read the section may not know who is linked either.
    if (!this.gate.policyAllowsRead(section)) throw this.gate.filterDenied(section);
    let key = after ? decodeAfter(after, this.gate.locale) : null;
    const records = new RecordService(this.em, this.gate, this.audit);
    const nodes: (LineLinkedRecord & { key: { createdAt: Date; id: string } })[] = [];
    let more = false;
    for (;;) {
      const params: unknown[] = [viewer.municipalityCode];
      let sql = `select id, record_id, linked_at, notices, blocked from line_link where municipality_code = ? and revoked_at is null`;
      if (recordId) ((sql += ' and record_id = ?::uuid'), params.push(/^[0-9a-f-]{36}$/i.test(recordId) ? recordId : '00000000-0000-0000-0000-000000000000'));
      if (key) ((sql += ' and (linked_at, id) < (?, ?::uuid)'), params.push(key.createdAt, key.id));
      sql += ` order by linked_at desc, id desc limit ${BATCH}`;
      const rows = await this.em.execute<LinkRow[]>(sql, params);
      const visible = await records.getMany(rows.map((r) => r.record_id));
      for (const row of rows) {
        const record: RecordView | undefined = visible.get(row.record_id);
        const linkedAt = new Date(row.linked_at);
        key = { createdAt: linkedAt, id: row.id };
        if (!record || !this.gate.canRead(record, section)) continue;
        if (nodes.length === first) {
          more = true;
          break;
        }
        nodes.push({ record, linkedAt, notices: row.notices, blocked: row.blocked, key });
      }
      if (more || rows.length < BATCH) break;
    }
    const cursor = (n: (typeof nodes)[number]) => encodeCursor(n.key);
    return {
      edges: nodes.map((n) => ({ cursor: cursor(n), node: { record: n.record, linkedAt: n.linkedAt, notices: n.notices, blocked: n.blocked } })),
      pageInfo: forwardPageInfo(nodes, cursor, more, after),
    };
  }

  async unlink(recordId: string): Promise<UnlinkLinePayload> {
    const viewer = this.gate.staff();
    const record = await new RecordService(this.em, this.gate, this.audit).get(recordId);
    if (!record) throw notFound(RECORD_NOT_FOUND, this.gate.locale);
    const section = this.section();
    if (!this.gate.canRead(record, section)) throw this.gate.denial(record, section);
    this.gate.assertWritable(record, section);
    const unlinked = await this.links.revoke(
      viewer.municipalityCode,
      'staff',
      { recordId: record.id },
      { kind: 'staff', staffId: viewer.staffId, name: viewer.name, department: viewer.department },
    );
    return { recordId: record.id, unlinked };
  }
}
