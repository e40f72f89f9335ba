import type { EntityManager } from '@mikro-orm/postgresql';
import { auditAppenderFor, canonicalLine, canonicalTime } from '../audit';
import { SECTIONS } from '../core';

/** Who an audit entry written outside a staff request names: the family itself, or the system's retention job. */
export interface AuditActor {
  kind: 'family' | 'system';
  id: string;
  name: string;
  department: string;
}

/**
 * One audit entry naming every section of the record (as api/line/link.ts writes for LINE links),
 * appended and sealed like the collector's entries, so the chain stays intact.
 */
export async function appendAudit(
  em: EntityManager,
  actor: AuditActor,
  municipalityCode: string,
  recordId: string | readonly string[],
  action: 'read' | 'write',
  operation: string,
): Promise<void> {
  const recordIds = typeof recordId === 'string' ? [recordId] : [...recordId];
  const at = new Date();
  const list = [...SECTIONS].sort();
  const who = { actor_kind: actor.kind, actor_id: actor.id, actor_name: actor.name, actor_department: actor.department };
  const entry = { ...who, at: at.toISOString(), municipality_code: municipalityCode, record_ids: recordIds, action, sections: list, operation_name: operation };
  const line = canonicalLine({
    ...who,
    at: canonicalTime(at),
    municipality_code: municipalityCode,
    record_ids: recordIds.map((r) => r.toLowerCase()).join(','),
    action,
    sections: list.join(','),
    operation_name: operation,
  });
  await auditAppenderFor(em).append(JSON.stringify(entry), recordIds.length, new Map([[municipalityCode, [line]]]));
}
