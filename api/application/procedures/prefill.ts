/**
 * Pre-filled answers: for each question with a `prefill` mapping, the record's value in canonical
 * form. Only sections the family's own record holds are read, and only through record-paths.ts: the
 * family sees nothing here that its record does not already hold.
 */
import type { Question } from './procedure.types';
import { type RecordFacts, recordValue } from './record-paths';

export interface PrefilledAnswer {
  readonly question: string;
  readonly value: string;
}

export function prefillAnswers(questions: readonly Question[], facts: RecordFacts): PrefilledAnswer[] {
  const out: PrefilledAnswer[] = [];
  for (const q of questions) {
    if (!q.prefill) continue;
    const value = recordValue(facts, q.prefill);
    if (value !== null) out.push({ question: q.id, value });
  }
  return out;
}
