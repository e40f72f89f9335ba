/**
 * A municipality's settings for its procedures, from seeds/procedures/overrides/<code>.yaml:
 *
 *   municipalityCode: "999999"
 *   procedures:
 *     cra-claim:
 *       pittariUrl: https://…       # its ぴったりサービス page, for procedures with a signed online filing
 *     cra-status-report:
 *       allowInterviewWaiver: true   # e.g. no interview for 全部支給停止者
 *       targetDays: 10
 *     training-benefit-consultation:
 *       enabled: false
 *       contact: { ja, en, ja-easy }
 *
 * A pittariUrl on a procedure without a signed online filing is refused: the page would send the family
 * to a form that does not exist.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { type LocalizedText, MUNICIPALITY_CODE_PATTERN } from '../../core';
import { displayPath, type IssueList, OVERRIDES_DIR, readYamlFile, validateHttpsUrl, validateLocalizedText } from '../../programme';
import { at, bool, integer, isPlainObject, unknownFields } from './fields';
import type { ProcedureDefinition, ProcedureId } from './procedure.types';
import { type MunicipalSettings, parseMunicipalSettings, SETTINGS_FIELDS } from './municipal-settings';

export interface ProcedureOverride {
  readonly enabled?: boolean;
  readonly allowInterviewWaiver?: boolean;
  readonly pittariUrl?: string;
  readonly targetDays?: number;
  readonly contact?: LocalizedText;
}

export interface ProcedureOverrides {
  readonly municipalityCode: string;
  readonly procedures: ReadonlyMap<ProcedureId, ProcedureOverride>;
  /** Its settings beside the procedures: the family page's URL, interview hours (municipal-settings.ts). */
  readonly settings: MunicipalSettings;
}

const OVERRIDE_FIELDS = ['enabled', 'allowInterviewWaiver', 'pittariUrl', 'targetDays', 'contact'] as const;

export function parseProcedureOverrides(
  raw: unknown,
  file: string,
  expectedCode: string,
  base: ReadonlyMap<ProcedureId, ProcedureDefinition>,
  issues: IssueList,
): ProcedureOverrides | undefined {
  const before = issues.size;
  if (!isPlainObject(raw)) {
    issues.add(file, '', 'must be a map with municipalityCode and procedures');
    return undefined;
  }
  unknownFields(raw, ['municipalityCode', ...SETTINGS_FIELDS, 'procedures'], file, '', issues);
  const settings = parseMunicipalSettings(raw, file, issues);
  if (raw.municipalityCode !== expectedCode) issues.add(file, 'municipalityCode', `must be the quoted 6-digit code of the file name ("${expectedCode}")`);
  const procedures = new Map<ProcedureId, ProcedureOverride>();
  if (!isPlainObject(raw.procedures)) {
    issues.add(file, 'procedures', 'must be a map of procedure ids to settings');
  } else {
    for (const [id, o] of Object.entries(raw.procedures)) {
      const f = `procedures.${id}`;
      const procedure = base.get(id as ProcedureId);
      if (!procedure) {
        issues.add(file, f, `unknown procedure "${id}"`);
        continue;
      }
      if (!isPlainObject(o)) {
        issues.add(file, f, `must be a map of ${OVERRIDE_FIELDS.join(', ')}`);
        continue;
      }
      unknownFields(o, OVERRIDE_FIELDS, file, f, issues);
      const out: { -readonly [K in keyof ProcedureOverride]: ProcedureOverride[K] } = {};
      if (o.enabled !== undefined) out.enabled = bool(o.enabled, file, at(f, 'enabled'), issues);
      if (o.allowInterviewWaiver !== undefined) {
        out.allowInterviewWaiver = bool(o.allowInterviewWaiver, file, at(f, 'allowInterviewWaiver'), issues);
        if (!procedure.interviewWaiverQuestion) issues.add(file, at(f, 'allowInterviewWaiver'), 'this procedure has no interview that can be waived');
      }
      if (o.pittariUrl !== undefined) {
        out.pittariUrl = validateHttpsUrl(o.pittariUrl, file, at(f, 'pittariUrl'), issues);
        if (!procedure.signedFilingOnline) issues.add(file, at(f, 'pittariUrl'), 'this procedure has no signed online filing (signedFilingOnline: false)');
      }
      if (o.targetDays !== undefined) out.targetDays = integer(o.targetDays, file, at(f, 'targetDays'), issues, 1, 90);
      if (o.contact !== undefined) out.contact = validateLocalizedText(o.contact, file, at(f, 'contact'), issues);
      procedures.set(id as ProcedureId, out);
    }
  }
  return issues.size === before ? { municipalityCode: expectedCode, procedures, settings } : undefined;
}

export function loadProcedureOverrides(dir: string, base: ReadonlyMap<ProcedureId, ProcedureDefinition>, issues: IssueList): Map<string, ProcedureOverrides> {
  const out = new Map<string, ProcedureOverrides>();
  const folder = path.join(dir, OVERRIDES_DIR);
  let names: string[];
  try {
    names = readdirSync(folder).sort();
  } catch {
    return out;
  }
  for (const name of names) {
    const full = path.join(folder, name);
    if (!name.endsWith('.yaml') || !statSync(full).isFile()) continue;
    const file = displayPath(full);
    const code = name.slice(0, -'.yaml'.length);
    if (!MUNICIPALITY_CODE_PATTERN.test(code)) {
      issues.add(file, '', 'override files are named <6-digit municipality code>.yaml');
      continue;
    }
    const raw = readYamlFile(full, issues);
    if (raw === undefined) continue;
    const parsed = parseProcedureOverrides(raw, file, code, base, issues);
    if (parsed) out.set(code, parsed);
  }
  return out;
}
