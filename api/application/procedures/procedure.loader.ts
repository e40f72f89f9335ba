/**
 * Reads and validates seeds/procedures/<id>.yaml. Strict like the catalogue (api/programme/catalogue):
 * every text in ja, en and ja-easy (furigana checked), no unknown field, ids from docs/design.md, known
 * programmes and departments, prefill paths that exist and fit the question's type. Every problem is
 * collected with its file and field; the caller throws one ProcedureError at startup.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { displayPath, type IssueList, readYamlFile, validateLocalizedText } from '../../programme';
import { DEPARTMENT_CODES, isProgrammeId, type LocalizedText } from '../../core';
import { at, bool, camelId, integer, isPlainObject, kebabId, monthDay, oneOf, unknownFields } from './fields';
import {
  type Choice,
  type DocumentRequirement,
  INTERVIEW_KINDS,
  LEGAL_KINDS,
  PROCEDURE_IDS,
  type ProcedureDefinition,
  type ProcedureId,
  QUESTION_TYPES,
  type Question,
  type YearlyWindow,
} from './procedure.types';
import { isRecordPath, pathSpec } from './record-paths';

const PROCEDURE_FIELDS = [
  'id',
  'programme',
  'name',
  'summary',
  'legalKind',
  'legalNature',
  'deadlineNote',
  'window',
  'department',
  'interview',
  'interviewWaiverQuestion',
  'signedFilingOnline',
  'whatHappensNext',
  'questions',
  'documents',
  'targetDays',
] as const;
const OPTIONAL = new Set(['deadlineNote', 'window', 'interviewWaiverQuestion']);
const QUESTION_FIELDS = ['id', 'type', 'label', 'help', 'required', 'maxLength', 'multiline', 'min', 'max', 'choices', 'prefill'] as const;
const DOCUMENT_FIELDS = ['id', 'name', 'description', 'required', 'bringOriginal'] as const;

/** Defaults and hard ceilings per number type: a procedure may narrow them, never widen them. */
export const NUMBER_BOUNDS = {
  yen: { min: 0, max: 1_000_000_000 },
  count: { min: 0, max: 20 },
  year: { min: 1900, max: 2100 },
} as const;
export const TEXT_MAX = 2000;
export const MAX_QUESTIONS = 60;

const text = (raw: unknown, file: string, field: string, issues: IssueList): LocalizedText | undefined => validateLocalizedText(raw, file, field, issues);

function validateChoices(raw: unknown, file: string, field: string, issues: IssueList): Choice[] | undefined {
  if (!Array.isArray(raw) || raw.length < 2 || raw.length > 30) {
    issues.add(file, field, 'must be a list of 2 to 30 choices');
    return undefined;
  }
  const seen = new Set<string>();
  const out: Choice[] = [];
  raw.forEach((c, i) => {
    const f = `${field}[${i}]`;
    if (!isPlainObject(c)) return issues.add(file, f, 'must be a map with value and label');
    unknownFields(c, ['value', 'label'], file, f, issues);
    const value = kebabId(c.value, file, `${f}.value`, issues);
    if (value && seen.has(value)) issues.add(file, `${f}.value`, `duplicate choice "${value}"`);
    if (value) seen.add(value);
    const label = text(c.label, file, `${f}.label`, issues);
    if (value && label) out.push({ value, label });
  });
  return out.length === raw.length ? out : undefined;
}

function validateQuestion(raw: unknown, file: string, field: string, issues: IssueList): Question | undefined {
  const before = issues.size;
  if (!isPlainObject(raw)) {
    issues.add(file, field, 'must be a map (id, type, label, help, required…)');
    return undefined;
  }
  unknownFields(raw, QUESTION_FIELDS, file, field, issues);
  const id = camelId(raw.id, file, at(field, 'id'), issues);
  const type = oneOf(raw.type, QUESTION_TYPES, file, at(field, 'type'), issues);
  const label = text(raw.label, file, at(field, 'label'), issues);
  const help = text(raw.help, file, at(field, 'help'), issues);
  const required = bool(raw.required, file, at(field, 'required'), issues);
  const q: { -readonly [K in keyof Question]?: Question[K] } = { id, type, label, help, required };
  if (raw.maxLength !== undefined || raw.multiline !== undefined) {
    if (type !== 'text') issues.add(file, at(field, 'maxLength'), 'maxLength and multiline are for text questions only');
    if (raw.maxLength !== undefined) q.maxLength = integer(raw.maxLength, file, at(field, 'maxLength'), issues, 1, TEXT_MAX);
    if (raw.multiline !== undefined) q.multiline = bool(raw.multiline, file, at(field, 'multiline'), issues);
  }
  if (raw.min !== undefined || raw.max !== undefined) {
    if (type !== 'yen' && type !== 'count' && type !== 'year') {
      issues.add(file, at(field, 'min'), 'min and max are for yen, count and year questions only');
    } else {
      const b = NUMBER_BOUNDS[type];
      if (raw.min !== undefined) q.min = integer(raw.min, file, at(field, 'min'), issues, b.min, b.max);
      if (raw.max !== undefined) q.max = integer(raw.max, file, at(field, 'max'), issues, b.min, b.max);
      if (q.min !== undefined && q.max !== undefined && q.min > q.max) issues.add(file, at(field, 'max'), 'must not be below min');
    }
  }
  if (type === 'choice') q.choices = validateChoices(raw.choices, file, at(field, 'choices'), issues);
  else if (raw.choices !== undefined) issues.add(file, at(field, 'choices'), 'choices are for choice questions only');
  if (raw.prefill !== undefined) {
    if (!isRecordPath(raw.prefill)) {
      issues.add(file, at(field, 'prefill'), `unknown record field ${JSON.stringify(raw.prefill)} (see api/application/procedures/record-paths.ts)`);
    } else if (type) {
      const spec = pathSpec(raw.prefill);
      if (!spec.types.includes(type))
        issues.add(file, at(field, 'prefill'), `${raw.prefill} cannot fill a ${type} question (it fills ${spec.types.join(', ')})`);
      const missing = (spec.values ?? []).filter((v) => !q.choices?.some((c) => c.value === v));
      if (missing.length > 0) issues.add(file, at(field, 'choices'), `must offer every value ${raw.prefill} can hold (missing ${missing.join(', ')})`);
      q.prefill = raw.prefill;
    }
  }
  return issues.size === before ? (q as Question) : undefined;
}

function validateDocument(raw: unknown, file: string, field: string, issues: IssueList): DocumentRequirement | undefined {
  const before = issues.size;
  if (!isPlainObject(raw)) {
    issues.add(file, field, 'must be a map (id, name, description, required, bringOriginal)');
    return undefined;
  }
  unknownFields(raw, DOCUMENT_FIELDS, file, field, issues);
  const doc = {
    id: kebabId(raw.id, file, at(field, 'id'), issues),
    name: text(raw.name, file, at(field, 'name'), issues),
    description: text(raw.description, file, at(field, 'description'), issues),
    required: bool(raw.required, file, at(field, 'required'), issues),
    bringOriginal: bool(raw.bringOriginal, file, at(field, 'bringOriginal'), issues),
  };
  return issues.size === before ? (doc as DocumentRequirement) : undefined;
}

function validateList<T extends { id: string }>(
  raw: unknown,
  file: string,
  field: string,
  issues: IssueList,
  max: number,
  one: (r: unknown, f: string) => T | undefined,
  allowEmpty: boolean,
): T[] | undefined {
  if (!Array.isArray(raw) || (!allowEmpty && raw.length === 0) || raw.length > max) {
    issues.add(file, field, `must be a list of ${allowEmpty ? 0 : 1} to ${max} entries`);
    return undefined;
  }
  const out: T[] = [];
  const seen = new Set<string>();
  raw.forEach((r, i) => {
    const item = one(r, `${field}[${i}]`);
    if (!item) return;
    if (seen.has(item.id)) issues.add(file, `${field}[${i}].id`, `duplicate id "${item.id}"`);
    seen.add(item.id);
    out.push(item);
  });
  return out.length === raw.length ? out : undefined;
}

/** Validates one procedure document; returns it, or undefined with every problem in `issues`. */
export function validateProcedure(raw: unknown, file: string, expectedId: string | undefined, issues: IssueList): ProcedureDefinition | undefined {
  const before = issues.size;
  if (!isPlainObject(raw)) {
    issues.add(file, '', 'must be a map (see seeds/procedures/README.md)');
    return undefined;
  }
  unknownFields(raw, PROCEDURE_FIELDS, file, '', issues);
  const missing = PROCEDURE_FIELDS.filter((f) => !OPTIONAL.has(f) && (raw[f] === undefined || raw[f] === null));
  for (const f of missing) issues.add(file, f, 'is required');
  if (missing.length > 0) return undefined;

  const id = oneOf(raw.id, PROCEDURE_IDS, file, 'id', issues) as ProcedureId | undefined;
  if (id && expectedId !== undefined && id !== expectedId) issues.add(file, 'id', `must match the file name ("${expectedId}")`);
  if (!isProgrammeId(raw.programme)) issues.add(file, 'programme', `unknown programme id ${JSON.stringify(raw.programme)} (docs/design.md programme ids)`);
  const questions = validateList(raw.questions, file, 'questions', issues, MAX_QUESTIONS, (r, f) => validateQuestion(r, file, f, issues), false);
  const documents = validateList(raw.documents, file, 'documents', issues, 20, (r, f) => validateDocument(r, file, f, issues), true);
  let window: YearlyWindow | undefined;
  if (raw.window !== undefined) {
    if (!isPlainObject(raw.window)) issues.add(file, 'window', 'must be a map with from and to ("MM-DD")');
    else {
      unknownFields(raw.window, ['from', 'to'], file, 'window', issues);
      const from = monthDay(raw.window.from, file, 'window.from', issues);
      const to = monthDay(raw.window.to, file, 'window.to', issues);
      if (from && to) window = { from, to };
    }
  }
  const interview = oneOf(raw.interview, INTERVIEW_KINDS, file, 'interview', issues);
  let interviewWaiverQuestion: string | undefined;
  if (raw.interviewWaiverQuestion !== undefined) {
    const q = questions?.find((x) => x.id === raw.interviewWaiverQuestion);
    if (!q || q.type !== 'boolean') issues.add(file, 'interviewWaiverQuestion', 'must name a boolean question of this procedure');
    else if (interview === 'none') issues.add(file, 'interviewWaiverQuestion', 'makes no sense without an interview');
    else interviewWaiverQuestion = q.id;
  }
  const definition: ProcedureDefinition = {
    id: id!,
    programme: raw.programme as string,
    name: text(raw.name, file, 'name', issues)!,
    summary: text(raw.summary, file, 'summary', issues)!,
    legalKind: oneOf(raw.legalKind, LEGAL_KINDS, file, 'legalKind', issues)!,
    legalNature: text(raw.legalNature, file, 'legalNature', issues)!,
    ...(raw.deadlineNote !== undefined ? { deadlineNote: text(raw.deadlineNote, file, 'deadlineNote', issues)! } : {}),
    ...(window ? { window } : {}),
    department: oneOf(raw.department, DEPARTMENT_CODES, file, 'department', issues)!,
    interview: interview!,
    ...(interviewWaiverQuestion ? { interviewWaiverQuestion } : {}),
    signedFilingOnline: bool(raw.signedFilingOnline, file, 'signedFilingOnline', issues)!,
    whatHappensNext: text(raw.whatHappensNext, file, 'whatHappensNext', issues)!,
    questions: questions!,
    documents: documents!,
    targetDays: integer(raw.targetDays, file, 'targetDays', issues, 1, 90)!,
  };
  return issues.size === before ? definition : undefined;
}

/** Every `<id>.yaml` directly under `dir` (overrides live in a sub-folder). */
export function loadProcedureSeeds(dir: string, issues: IssueList): Map<ProcedureId, ProcedureDefinition> {
  const out = new Map<ProcedureId, ProcedureDefinition>();
  if (!existsSync(dir)) {
    issues.add(displayPath(dir), '', 'procedures folder not found');
    return out;
  }
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (!name.endsWith('.yaml') || !statSync(full).isFile()) continue;
    const file = displayPath(full);
    const raw = readYamlFile(full, issues);
    if (raw === undefined) continue;
    const procedure = validateProcedure(raw, file, name.slice(0, -'.yaml'.length), issues);
    if (procedure) out.set(procedure.id, procedure);
  }
  for (const id of PROCEDURE_IDS)
    if (!out.has(id) && issues.size === 0) issues.add(displayPath(dir), id, `missing ${id}.yaml (every procedure of docs/design.md ships)`);
  return out;
}
