import type { EntityManager } from '@mikro-orm/postgresql';
import type { AccessGate } from '../access';
import type { AuditCollector } from '../audit';
import { type DepartmentCode, Hook } from '../core';

/** The item a caseworker has just taken: whose record, by whom, in which department. */
export interface TakenItem {
  recordId: string;
  staffId: string;
  municipalityCode: string;
  department: DepartmentCode;
}

/**
 * What else happens when a caseworker takes an inbox item: casework/ assigns the department's case for
 * the family to them. casework/ lists inbox items, so inbox/ announces "taken" here instead of importing
 * casework/; server/wiring.ts connects it. Runs in the taking request, before its answer.
 */
export const ITEM_TAKEN = new Hook<(em: EntityManager, gate: AccessGate, audit: AuditCollector, taken: TakenItem) => Promise<void>>('inbox: ITEM_TAKEN');
