import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { DEPARTMENT_NAMES, DepartmentCode, type FieldProblem, isDepartmentCode, type LocalizedText, OWNER_DEPARTMENT } from '../core';
import { Department, Municipality } from '../municipality';
import { AccountLinkPurpose, issueLink, OPERATOR, recordAdminEvent } from '../accounts';
import { CODE_PROBLEM_TEXT, codeProblem } from './municipality-code';

export interface NewMunicipality {
  code: string;
  name: string;
  /** Which departments exist and their local names; default: all six with the standard names. */
  departments?: readonly { code: string; name: string }[];
  /** Two-factor sign-in for staff (default on). */
  requireTwoFactor?: boolean;
}

export interface CreatedMunicipality {
  municipality: Municipality;
  departments: Department[];
  /** The first administrator's one-time sign-up token (shown once; only its hash is stored). */
  token: string;
  expiresAt: Date;
}

/** Input that cannot be used: every problem, by field, in three languages. */
export class OnboardingInputError extends Error {
  constructor(readonly problems: FieldProblem[]) {
    super(problems.map((p) => `${p.field}: ${p.messages.en}`).join('; '));
  }
}

/** The code is taken: nothing was changed. */
export class MunicipalityExistsError extends Error {
  readonly messages: LocalizedText;
  constructor(readonly code: string) {
    super(`Municipality ${code} already exists; nothing was changed.`);
    this.messages = {
      ja: `自治体 ${code} はすでに登録されています。何も変更していません。`,
      en: `Municipality ${code} already exists; nothing was changed.`,
      'ja-easy': `${code} は もう 登録 されて います。何も かえて いません。`,
    };
  }
}

const p = (field: string, ja: string, en: string, easy: string): FieldProblem => ({ field, messages: { ja, en, 'ja-easy': easy } });

/** Checks and normalises the input; throws OnboardingInputError listing every problem. */
export function checkNewMunicipality(
  input: NewMunicipality,
  knownMunicipality: (code6: string) => unknown,
): { code: string; name: string; departments: { code: DepartmentCode; name: string }[] } {
  const problems: FieldProblem[] = [];
  const code = input.code.trim();
  const codeIssue = codeProblem(code, knownMunicipality);
  if (codeIssue) problems.push({ field: 'code', messages: CODE_PROBLEM_TEXT[codeIssue] });
  const name = input.name.normalize('NFC').trim();
  if (!name) problems.push(p('name', '自治体の名前を入力してください。', "Enter the municipality's name.", '名前を 書いて ください。'));
  else if ([...name].length > 100)
    problems.push(p('name', '名前は100文字以内にしてください。', 'The name must be at most 100 characters.', '名前が 長すぎます。'));
  const given = input.departments ?? Object.entries(DEPARTMENT_NAMES).map(([c, n]) => ({ code: c, name: n.ja }));
  const departments: { code: DepartmentCode; name: string }[] = [];
  for (const d of given) {
    const dname = d.name.normalize('NFC').trim();
    if (!isDepartmentCode(d.code)) {
      problems.push(
        p(
          'departments',
          `部署コード「${d.code.slice(0, 40)}」はありません（${Object.values(DepartmentCode).join(', ')}）。`,
          `Unknown department code "${d.code.slice(0, 40)}" (one of ${Object.values(DepartmentCode).join(', ')}).`,
          'その 部署の コードは ありません。',
        ),
      );
    } else if (departments.some((x) => x.code === d.code)) {
      problems.push(p('departments', `部署「${d.code}」が2回あります。`, `Department ${d.code} is given twice.`, `${d.code} が 2回 あります。`));
    } else if (!dname || [...dname].length > 100) {
      problems.push(
        p(
          'departments',
          `部署「${d.code}」の名前は1〜100文字にしてください。`,
          `The name of ${d.code} must have 1 to 100 characters.`,
          `${d.code} の 名前を 書いて ください。`,
        ),
      );
    } else {
      departments.push({ code: d.code, name: dname });
    }
  }
  if (!given.some((d) => d.code === OWNER_DEPARTMENT)) {
    problems.push(
      p(
        'departments',
        'ひとり親支援担当課（single-parent）は必須です。個人票を持つ部署です。',
        'The single-parent department is required: it owns the records.',
        'single-parent の 部署は かならず いります。',
      ),
    );
  }
  if (problems.length) throw new OnboardingInputError(problems);
  return { code, name, departments };
}

/**
 * Creates a municipality, its departments and the first administrator's one-time sign-up link, in one
 * transaction, with an entry in the administration trail. No account and no password exist until
 * the link is used (api/accounts). An existing code changes nothing (MunicipalityExistsError).
 */
export async function createMunicipality(
  em: EntityManager,
  input: NewMunicipality,
  knownMunicipality: (code6: string) => unknown,
): Promise<CreatedMunicipality> {
  const checked = checkNewMunicipality(input, knownMunicipality);
  if (await em.count(Municipality, { code: checked.code })) throw new MunicipalityExistsError(checked.code);
  try {
    return await em.transactional(async (tx) => {
      const municipality = tx.create(Municipality, {
        code: checked.code,
        name: checked.name,
        allowedOrigins: [],
        createdAt: new Date(),
        requireTwoFactor: input.requireTwoFactor ?? true,
      });
      const departments = checked.departments.map((d) => tx.create(Department, { municipality, code: d.code, name: d.name }));
      // The municipality row first: the link and the trail name it.
      await tx.flush();
      const { token, link } = await issueLink(tx, { municipalityCode: checked.code, staffId: null, purpose: AccountLinkPurpose.FIRST_ADMIN });
      recordAdminEvent(
        tx,
        checked.code,
        OPERATOR,
        'municipality.created',
        checked.code,
        `departments: ${checked.departments.map((d) => d.code).join(', ')}; two-factor ${municipality.requireTwoFactor ? 'required' : 'optional'}`,
      );
      await tx.flush();
      return { municipality, departments, token, expiresAt: link.expiresAt };
    });
  } catch (e) {
    // Another process created it between the count and the insert.
    if (e instanceof UniqueConstraintViolationException) throw new MunicipalityExistsError(checked.code);
    throw e;
  }
}
