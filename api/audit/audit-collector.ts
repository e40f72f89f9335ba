import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../access/viewer';
import { rawQuery } from '../db/raw-query';

type Action = 'read' | 'write';

/**
 * Collects, during one request, which personal sections of which records the viewer read or
 * wrote, and appends them to the audit log in one statement when the response is ready
 * (audit.plugin.ts). A response whose audit entries could not be written is not sent.
 */
export class AuditCollector {
  private readonly touched = new Map<string, { municipalityCode: string; action: Action; sections: Set<string> }>();

  constructor(private readonly viewer: Viewer) {}

  note(recordId: string, municipalityCode: string, action: Action, section: string): void {
    if (this.viewer.kind === 'anonymous') return;
    const key = `${action}:${recordId}`;
    let entry = this.touched.get(key);
    if (!entry) this.touched.set(key, (entry = { municipalityCode, action, sections: new Set() }));
    entry.sections.add(section);
  }

  get size(): number {
    return this.touched.size;
  }

  async flush(em: EntityManager, operationName: string | null): Promise<void> {
    const v = this.viewer;
    if (v.kind === 'anonymous' || this.touched.size === 0) return;
    const actor =
      v.kind === 'staff'
        ? { actor_kind: 'staff', actor_id: v.staffId, actor_name: v.name, actor_department: v.department }
        : { actor_kind: 'partner', actor_id: v.partnerId, actor_name: v.name, actor_department: `partner:${v.name}` };
    const entries = [...this.touched].map(([key, e]) => ({
      ...actor,
      municipality_code: e.municipalityCode,
      record_id: key.slice(key.indexOf(':') + 1),
      action: e.action,
      sections: [...e.sections].sort(),
      operation_name: operationName,
    }));
    this.touched.clear();
    await rawQuery(em, 'select audit_append(?::jsonb) as n', [JSON.stringify(entries)]);
  }
}
