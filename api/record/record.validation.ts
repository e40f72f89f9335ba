import { addDays } from '../core';
import type { InputChecker } from '../core';
import { searchKey } from '../core';
import type { MaritalStatus } from './marital-status';
import { isProgrammeId, OWN_PROGRAMME_ID_PATTERN } from '../core';
import type {
  AddressInput,
  BenefitInput,
  ConcernsInput,
  ConsentInput,
  ContactInput,
  HouseholdSectionInput,
  IdentityInput,
  IncomeInput,
  ProtectionInput,
  SelfReliancePlanInput,
} from './record.inputs';
import type { AddressSection } from './sections/address.section';
import type { ContactSection } from './sections/contact.section';
import type { IdentitySection } from './sections/identity.section';
import type { IncomeSection } from './sections/income.section';
import type { SelfReliancePlan } from './sections/self-reliance-plan.section';

/**
 * Section by section: normalise what people type and record every problem with its field path.
 * Each function returns the values to store; the caller stores nothing unless the checker is ok.
 */

const L = {
  familyName: { ja: '姓', en: 'Family name' },
  givenName: { ja: '名', en: 'Given name' },
  familyNameKana: { ja: '姓（フリガナ）', en: 'Family name in kana' },
  givenNameKana: { ja: '名（フリガナ）', en: 'Given name in kana' },
  parent: { ja: '保護者', en: 'The parent’s' },
  child: { ja: 'お子さん', en: 'The child’s' },
  member: { ja: '同居の方', en: 'The household member’s' },
  text: { ja: '入力', en: 'This text' },
};

export function checkIdentity(c: InputChecker, path: string, i: IdentityInput): Partial<IdentitySection> {
  return {
    familyName: c.text(`${path}.familyName`, i.familyName, L.familyName, 100),
    givenName: c.text(`${path}.givenName`, i.givenName, L.givenName, 100),
    familyNameKana: c.kana(`${path}.familyNameKana`, i.familyNameKana, L.familyNameKana),
    givenNameKana: c.kana(`${path}.givenNameKana`, i.givenNameKana, L.givenNameKana),
    birthDate: c.birthDate(`${path}.birthDate`, i.birthDate, 120, L.parent),
  };
}

/** The search key kept beside the identity section (see normalize.ts). */
export function searchNameOf(i: Partial<IdentitySection>): string {
  // Full name and full kana each without spaces, so "山田花子" and "ヤマダハナコ" both match.
  return [searchKey(`${i.familyName ?? ''}${i.givenName ?? ''}`), searchKey(`${i.familyNameKana ?? ''}${i.givenNameKana ?? ''}`)].join('|');
}

export function checkAddress(c: InputChecker, path: string, a: AddressInput): Partial<AddressSection> {
  return {
    postalCode: c.postalCode(`${path}.postalCode`, a.postalCode),
    prefecture: c.text(`${path}.prefecture`, a.prefecture, { ja: '都道府県', en: 'Prefecture' }, 10),
    city: c.text(`${path}.city`, a.city, { ja: '市区町村', en: 'City' }, 50),
    street: c.text(`${path}.street`, a.street, { ja: '番地など', en: 'Street address' }, 200),
  };
}

export function checkContact(c: InputChecker, path: string, i: ContactInput): Partial<ContactSection> {
  return {
    phone: c.phone(`${path}.phone`, i.phone),
    email: c.email(`${path}.email`, i.email),
    preferredChannel: i.preferredChannel ?? null,
    contactAllowed: i.contactAllowed,
    safeTimes: c.text(`${path}.safeTimes`, i.safeTimes, { ja: '連絡してよい時間帯', en: 'Safe times to contact' }, 200) ?? null,
    voicemailSafe: i.voicemailSafe ?? null,
    smsSafe: i.smsSafe ?? null,
  };
}

export interface CheckedHousehold {
  children: { givenName: string | null | undefined; birthDate: string; disability: boolean }[];
  otherMembers: { relation: string; birthDate: string | null }[];
  note: string | null | undefined;
  maritalStatus: MaritalStatus | null;
}

export function checkHousehold(c: InputChecker, path: string, h: HouseholdSectionInput): CheckedHousehold {
  c.count(`${path}.children`, h.children.length, 20, { ja: 'お子さん', en: 'children' });
  c.count(`${path}.otherMembers`, h.otherMembers.length, 20, { ja: '同居の方', en: 'other household members' });
  return {
    // A child of a single-parent family is under 30 here; older dates are almost surely typos.
    children: h.children.slice(0, 20).map((child, n) => ({
      givenName: c.text(`${path}.children[${n}].givenName`, child.givenName, L.givenName, 100),
      birthDate: c.birthDate(`${path}.children[${n}].birthDate`, child.birthDate, 30, L.child) ?? child.birthDate,
      disability: child.disability,
    })),
    otherMembers: h.otherMembers.slice(0, 20).map((m, n) => ({
      relation: c.text(`${path}.otherMembers[${n}].relation`, m.relation, { ja: '続柄', en: 'Relation' }, 50) ?? '',
      birthDate: c.birthDate(`${path}.otherMembers[${n}].birthDate`, m.birthDate, 120, L.member) ?? null,
    })),
    note: c.text(`${path}.note`, h.note, { ja: 'メモ', en: 'Note' }, 2000),
    maritalStatus: h.maritalStatus ?? null,
  };
}

export function checkIncome(c: InputChecker, path: string, i: IncomeInput, thisYear: number): Partial<IncomeSection> {
  if (i.dependentsCount != null && (i.dependentsCount < 0 || i.dependentsCount > 30)) {
    c.custom(
      `${path}.dependentsCount`,
      '扶養親族等の数は0から30までで入力してください。',
      'The number of dependants must be between 0 and 30.',
      '養って いる 家族の 数が まちがって います。',
    );
  }
  if (i.incomeYear != null && (i.incomeYear < 2000 || i.incomeYear > thisYear)) {
    c.custom(
      `${path}.incomeYear`,
      `所得の年は2000年から${thisYear}年までで入力してください。`,
      `The income year must be between 2000 and ${thisYear}.`,
      '所得の 年が まちがって います。',
    );
  }
  return {
    incomeYear: i.incomeYear ?? null,
    annualEmploymentIncome: c.yen(`${path}.annualEmploymentIncome`, i.annualEmploymentIncome, { ja: '給与収入', en: 'Employment income' }),
    otherIncome: c.yen(`${path}.otherIncome`, i.otherIncome, { ja: 'その他の所得', en: 'Other income' }),
    childSupportReceivedYearly: c.yen(`${path}.childSupportReceivedYearly`, i.childSupportReceivedYearly, { ja: '養育費', en: 'Child support received' }),
    dependentsCount: i.dependentsCount ?? null,
  };
}

export function checkBenefits(c: InputChecker, path: string, list: BenefitInput[]): BenefitInput[] {
  c.count(path, list.length, 50, { ja: '利用中の制度', en: 'benefits' });
  list.forEach((b, n) => {
    // Municipal programmes carry the municipality code as prefix (e.g. 999999-…).
    if (!isProgrammeId(b.programmeId) && !OWN_PROGRAMME_ID_PATTERN.test(b.programmeId)) {
      c.custom(`${path}[${n}].programmeId`, '制度のIDが正しくありません。', 'Unknown programme id.', '制度の ID が まちがって います。');
    }
    c.date(`${path}[${n}].since`, b.since, { ja: '利用開始日', en: 'Start date' });
    b.note = c.text(`${path}[${n}].note`, b.note, { ja: 'メモ', en: 'Note' }, 500);
  });
  return list;
}

export function checkConcerns(c: InputChecker, path: string, i: ConcernsInput): ConcernsInput {
  return { categories: [...new Set(i.categories)], note: c.text(`${path}.note`, i.note, { ja: 'メモ', en: 'Note' }, 2000) };
}

export function checkPlan(c: InputChecker, path: string, p: SelfReliancePlanInput): Partial<SelfReliancePlan> {
  return {
    goal: c.text(`${path}.goal`, p.goal, { ja: '目標', en: 'Goal' }, 2000),
    steps: c.text(`${path}.steps`, p.steps, { ja: '支援内容', en: 'Steps' }, 4000),
    startedOn: c.date(`${path}.startedOn`, p.startedOn, { ja: '開始日', en: 'Start date' }),
    reviewOn: c.date(`${path}.reviewOn`, p.reviewOn, { ja: '見直し日', en: 'Review date' }),
  };
}

export function checkProtection(c: InputChecker, path: string, p: ProtectionInput, today: string): ProtectionInput {
  c.date(`${path}.since`, p.since, { ja: '開始日', en: 'Start date' });
  c.date(`${path}.expiresOn`, p.expiresOn, { ja: '期限', en: 'Expiry date' });
  if (p.supportMeasure) {
    if (!p.expiresOn) {
      c.custom(
        `${path}.expiresOn`,
        'DV等支援措置には期限（1年ごとの更新日）を入力してください。',
        'The DV support measure needs an expiry date (it is renewed yearly).',
        'DVの 支援には 終わりの 日を 書いて ください。',
      );
    } else if (p.expiresOn > addDays(today, 366)) {
      c.custom(
        `${path}.expiresOn`,
        'DV等支援措置の期限は1年以内にしてください（毎年更新します）。',
        'The DV support measure expires within a year; it is renewed yearly.',
        'DVの 支援の 期限は 1年 以内です。',
      );
    }
  }
  return p;
}

export function checkConsent(c: InputChecker, path: string, i: ConsentInput): ConsentInput {
  const version = c.text(`${path}.privacyNoticeVersion`, i.privacyNoticeVersion, { ja: 'プライバシー通知の版', en: 'Privacy notice version' }, 50);
  if (!version)
    c.custom(
      `${path}.privacyNoticeVersion`,
      '同意したプライバシー通知の版を入力してください。',
      'Say which privacy notice version the family agreed to.',
      'どの お知らせに 同意したか 書いて ください。',
    );
  return { sharedWith: [...new Set(i.sharedWith)], shareWithPartners: i.shareWithPartners, privacyNoticeVersion: version ?? '' };
}
