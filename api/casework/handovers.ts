import type { EntityManager } from '@mikro-orm/postgresql';
import type { AccessGate } from '../access';
import type { AuditCollector } from '../audit';
import { apiError, OWNER_DEPARTMENT } from '../core';
import { InboxItem, InboxItemKind } from '../inbox';
import { RecordService } from '../record';
import { CaseFile } from './case-file.entity';
import type { HandoverView } from './casework.types';

const OWNER_ONLY = {
  ja: '引き継ぎ状況はひとり親支援担当課だけが見られます。',
  en: 'Only the single-parent support division sees hand-overs.',
  'ja-easy': 'これは ひとり親の 係だけが 見られます。',
};

/**
 * The owner's view of the one-stop hand-over: for each department the family consented to share with,
 * when it was told, who there has taken it up and where their case stands. Nothing of the other
 * department's own notes: the owner sees only that the hand-over happened.
 */
export async function handoversOf(em: EntityManager, gate: AccessGate, audit: AuditCollector, recordId: string): Promise<HandoverView[]> {
  const viewer = gate.staff();
  if (viewer.department !== OWNER_DEPARTMENT) throw apiError('FORBIDDEN', OWNER_ONLY, gate.locale);
  const record = await new RecordService(em, gate, audit).require(recordId);
  const [items, cases] = await Promise.all([
    em.find(
      InboxItem,
      { municipality: viewer.municipalityCode, record: record.id, kind: InboxItemKind.SHARED },
      { populate: ['takenBy'], orderBy: { receivedAt: 'desc' } },
    ),
    em.find(CaseFile, { municipality: viewer.municipalityCode, record: record.id, department: { $ne: OWNER_DEPARTMENT } }),
  ]);
  const statusOf = new Map(cases.map((c) => [c.department, c.status]));
  // The latest hand-over per department, while the family still consents to share with it.
  const seen = new Set<string>();
  const result: HandoverView[] = [];
  for (const i of items) {
    if (seen.has(i.department) || !record.sharedWith.includes(i.department)) continue;
    seen.add(i.department);
    result.push({
      department: i.department,
      sharedAt: i.receivedAt,
      takenBy: i.takenBy ? { id: i.takenBy.id, name: i.takenBy.name } : null,
      takenAt: i.takenAt ?? null,
      caseStatus: statusOf.get(i.department) ?? null,
    });
  }
  return result;
}
