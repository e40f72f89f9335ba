import type { Section } from '../core';
import type { Context } from '../server/context';
import type { RecordView } from './record.view';

/**
 * Every section resolver goes through here: the shield has already allowed the field, this checks
 * again from the same per-record access (defence in depth) and notes the read for the audit log.
 */
export function readSection<T>(ctx: Context, record: RecordView, section: Section, value: () => T): T {
  if (!ctx.gate.canRead(record, section)) throw ctx.gate.denial(record, section);
  ctx.audit.note(record.id, record.municipality.code, 'read', section);
  return value();
}
