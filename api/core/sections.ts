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

/** Sections that DV protection withholds from everyone but the owning department. */
export const DV_WITHHELD: ReadonlySet<Section> = new Set([Section.ADDRESS, Section.CONTACT]);

export function isSection(value: string): value is Section {
  return (SECTIONS as readonly string[]).includes(value);
}
