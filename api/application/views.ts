/** Turns procedures and applications into what the API returns, in the request locale. */
import type { Locale } from '../core';
import type { Application, ApplicationEvent } from './application.entity';
import type { ApplicationAnswer, ApplicationHistoryEntry, Procedure } from './application.types';
import type { MunicipalProcedure } from './procedures';

export function procedureView(p: MunicipalProcedure, l: Locale): Procedure {
  return {
    id: p.id,
    programmeId: p.programme,
    name: p.name[l],
    summary: p.summary[l],
    legalKind: p.legalKind,
    legalNature: p.legalNature[l],
    deadlineNote: p.deadlineNote?.[l] ?? null,
    windowFrom: p.window?.from ?? null,
    windowTo: p.window?.to ?? null,
    interview: p.interview,
    signedFilingOnline: p.signedFilingOnline,
    pittariUrl: p.pittariUrl ?? null,
    whatHappensNext: p.whatHappensNext[l],
    questions: p.questions.map((q) => ({
      id: q.id,
      type: q.type,
      label: q.label[l],
      help: q.help[l],
      required: q.required,
      maxLength: q.maxLength ?? null,
      multiline: q.multiline ?? false,
      min: q.min ?? null,
      max: q.max ?? null,
      choices: (q.choices ?? []).map((c) => ({ value: c.value, label: c.label[l] })),
      prefillable: q.prefill !== undefined,
    })),
    documents: p.documents.map((d) => ({ id: d.id, name: d.name[l], description: d.description[l], required: d.required, bringOriginal: d.bringOriginal })),
  };
}

export function answersView(p: MunicipalProcedure, a: Application): ApplicationAnswer[] {
  const prefilled = new Set(a.prefilled);
  return p.questions.map((q) => ({ question: q.id, value: a.answers[q.id] ?? null, prefilled: prefilled.has(q.id) }));
}

export function historyView(events: readonly ApplicationEvent[]): ApplicationHistoryEntry[] {
  return events.map((e) => ({ status: e.toStatus, actor: e.actor, at: e.at, message: e.message ?? null }));
}
