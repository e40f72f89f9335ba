import type { EntityManager } from '@mikro-orm/postgresql';
import { SECTIONS } from '../core';
import type { Viewer } from '../core';
import { auditAppenderFor, type CanonicalLines } from './audit-appender';
import { canonicalLine, canonicalTime } from './audit-seal';

/** `export`: the record's data left the system in a file (CSV) — who took what out. */
type Action = 'read' | 'write' | 'export';

interface Touched {
  recordId: string;
  municipalityCode: string;
  action: Action;
  /** Sections of SECTIONS as bits; any other name (none today) in `others`. */
  mask: number;
  others: string[] | null;
}

const BIT = new Map<string, number>(SECTIONS.map((s, i) => [s, 1 << i]));
/** The JSON array of section names for a mask, sorted as Array.prototype.sort() sorts them; built once per mask. */
const SECTIONS_JSON = new Map<number, string>();

function sectionNames(mask: number): string[] {
  return SECTIONS.filter((s) => (mask & BIT.get(s)!) !== 0);
}

function sectionsJson(e: Touched): string {
  if (e.others) return JSON.stringify([...sectionNames(e.mask), ...e.others].sort());
  let json = SECTIONS_JSON.get(e.mask);
  if (json === undefined) SECTIONS_JSON.set(e.mask, (json = JSON.stringify(sectionNames(e.mask).sort())));
  return json;
}

/**
 * Collects, during one request, which personal sections of which records the viewer read or
 * wrote, and appends them to the audit log when the response is ready (audit.plugin.ts), in one
 * audit_append call shared with the requests finishing at the same time (audit-appender.ts).
 * A response whose audit entries could not be written (committed) is not sent.
 *
 * `note` runs for every section of every record a page returns (400 times for a page of 50), so it
 * keeps a bit mask per record and action. `flush` then writes one entry per municipality, action
 * and set of sections, naming its records in the order they were first touched: a page whose
 * records all showed the same sections is one entry (AuditRecordSets migration).
 */
export class AuditCollector {
  private readonly touched = new Map<string, Touched>();

  constructor(private readonly viewer: Viewer) {}

  note(recordId: string, municipalityCode: string, action: Action, section: string): void {
    if (this.viewer.kind === 'anonymous') return;
    const key = action === 'read' ? recordId : `${action}:${recordId}`;
    let entry = this.touched.get(key);
    if (!entry) this.touched.set(key, (entry = { recordId, municipalityCode, action, mask: 0, others: null }));
    const bit = BIT.get(section);
    if (bit !== undefined) entry.mask |= bit;
    else if (!entry.others) entry.others = [section];
    else if (!entry.others.includes(section)) entry.others.push(section);
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
    // Records grouped by what was done to them, groups in order of their first record.
    const groups = new Map<string, { municipalityCode: string; action: Action; sections: string; ids: string[] }>();
    for (const e of this.touched.values()) {
      const sections = sectionsJson(e);
      const key = `${e.municipalityCode}|${e.action}|${sections}`;
      const group = groups.get(key);
      if (group) group.ids.push(e.recordId);
      else groups.set(key, { municipalityCode: e.municipalityCode, action: e.action, sections, ids: [e.recordId] });
    }
    const records = this.touched.size;
    this.touched.clear();
    // The request's time, sent with its entries: the seal covers it (audit-seal.ts).
    const at = new Date();
    // Each entry: the actor's fields, at, municipality_code, record_ids, action, sections, operation_name.
    const head = `{${JSON.stringify(actor).slice(1, -1)},"at":"${at.toISOString()}","municipality_code":`;
    const tail = `,"operation_name":${JSON.stringify(operationName)}}`;
    const parts: string[] = [];
    const lines: CanonicalLines = new Map();
    const fields = { at: canonicalTime(at), ...actor, actor_id: actor.actor_id.toLowerCase(), operation_name: operationName ?? '' };
    for (const g of groups.values()) {
      parts.push(`${head}${JSON.stringify(g.municipalityCode)},"record_ids":${JSON.stringify(g.ids)},"action":"${g.action}","sections":${g.sections}${tail}`);
      const line = canonicalLine({
        ...fields,
        municipality_code: g.municipalityCode,
        record_ids: g.ids.join(',').toLowerCase(),
        action: g.action,
        sections: (JSON.parse(g.sections) as string[]).join(','),
      });
      const into = lines.get(g.municipalityCode);
      if (into) into.push(line);
      else lines.set(g.municipalityCode, [line]);
    }
    await auditAppenderFor(em).append(parts.join(','), records, lines);
  }
}
