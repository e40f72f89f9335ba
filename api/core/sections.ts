import { registerEnumType } from 'type-graphql';

/** The sections of a 電子個人票 (docs/design.md). Access is decided per section. */
export enum Section {
  IDENTITY = 'identity',
  ADDRESS = 'address',
  CONTACT = 'contact',
  HOUSEHOLD = 'household',
  INCOME = 'income',
  BENEFITS = 'benefits',
  CONCERNS = 'concerns',
  SELF_RELIANCE_PLAN = 'selfReliancePlan',
  CONSULTATIONS = 'consultations',
  PROTECTION = 'protection',
  CONSENT = 'consent',
}
registerEnumType(Section, { name: 'Section', description: 'A section of the 電子個人票.' });

export const SECTIONS: readonly Section[] = Object.values(Section);

/** Section names as staff know them (docs/design.md), for generated documents. */
export const SECTION_NAMES: Record<Section, { ja: string; en: string }> = {
  [Section.IDENTITY]: { ja: '本人情報', en: 'identity' },
  [Section.ADDRESS]: { ja: '住所', en: 'address' },
  [Section.CONTACT]: { ja: '連絡先', en: 'contact' },
  [Section.HOUSEHOLD]: { ja: '世帯', en: 'household' },
  [Section.INCOME]: { ja: '収入', en: 'income' },
  [Section.BENEFITS]: { ja: '利用中の制度', en: 'programmes in use' },
  [Section.CONCERNS]: { ja: '困りごと', en: 'concerns' },
  [Section.SELF_RELIANCE_PLAN]: { ja: '母子・父子自立支援プログラム', en: 'self-reliance plan' },
  [Section.CONSULTATIONS]: { ja: '相談対応履歴', en: 'consultation history' },
  [Section.PROTECTION]: { ja: 'DV等支援措置', en: 'DV protection' },
  [Section.CONSENT]: { ja: '同意', en: 'consent' },
};

/** Sections that DV protection withholds from everyone but the owning department. */
export const DV_WITHHELD: ReadonlySet<Section> = new Set([Section.ADDRESS, Section.CONTACT]);

export function isSection(value: string): value is Section {
  return (SECTIONS as readonly string[]).includes(value);
}
