import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { LocalizedText } from '../core';
import { DEPARTMENT_CODES, type DepartmentCode, OWNER_DEPARTMENT } from '../core';

export interface IntakeTexts {
  privacyNotice: { version: string; text: LocalizedText };
  /** The declared purpose of receiving notices (issue 16), shown beside the opt-in question; optional in a municipality's own file. */
  outreachPurpose?: { version: string; text: LocalizedText };
  departments: Record<Exclude<DepartmentCode, typeof OWNER_DEPARTMENT>, LocalizedText>;
  partners: LocalizedText;
}

function check(doc: IntakeTexts, file: string): IntakeTexts {
  const fail = (what: string): never => {
    throw new Error(`${file}: ${what}`);
  };
  const text = (t: LocalizedText | undefined, where: string) => {
    for (const l of ['ja', 'en', 'ja-easy'] as const) if (!t?.[l]?.trim()) fail(`${where}.${l} is missing`);
  };
  if (!doc?.privacyNotice?.version) fail('privacyNotice.version is missing');
  text(doc.privacyNotice.text, 'privacyNotice.text');
  if (doc.outreachPurpose) {
    if (!doc.outreachPurpose.version) fail('outreachPurpose.version is missing');
    text(doc.outreachPurpose.text, 'outreachPurpose.text');
  }
  for (const code of DEPARTMENT_CODES) if (code !== OWNER_DEPARTMENT) text(doc.departments?.[code as keyof IntakeTexts['departments']], `departments.${code}`);
  text(doc.partners, 'partners');
  return doc;
}

/** seeds/intake/default.yaml and <municipality code>.yaml: notice and per-department purposes, validated at start. */
export function loadIntakeTexts(dir: string): { for(code: string): IntakeTexts } {
  const load = (name: string) => check(parse(readFileSync(join(dir, name), 'utf8')) as IntakeTexts, join(dir, name));
  const fallback = load('default.yaml');
  const own = new Map<string, IntakeTexts>();
  for (const name of readdirSync(dir)) {
    const m = /^(\d{6})\.yaml$/.exec(name);
    if (m) own.set(m[1]!, load(name));
    else if (name !== 'default.yaml') throw new Error(`${join(dir, name)}: intake files are default.yaml or <municipality code>.yaml`);
  }
  return {
    for: (code) => {
      const t = own.get(code) ?? fallback;
      return t.outreachPurpose ? t : { ...t, outreachPurpose: fallback.outreachPurpose };
    },
  };
}
