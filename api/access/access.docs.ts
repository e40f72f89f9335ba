import type { SchemaDocs } from '../core';

/** Descriptions of the access part of the schema: sections, denial reasons and the policy. */
export const ACCESS_DOCS: SchemaDocs = {
  Section: {
    description: 'A section of the 電子個人票. Access is decided per section (policy, consent, DV protection).',
    values: {
      ADDRESS: '住所 — address.',
      BENEFITS: '利用中の制度 — programmes in use.',
      CONCERNS: '困りごと — concern categories and note.',
      CONSENT: '同意 — consent to share, with its history.',
      CONSULTATIONS: '相談対応履歴 — consultation history.',
      CONTACT: '連絡先 — phone, e-mail, preferred channel.',
      HOUSEHOLD: '世帯 — children and other members.',
      IDENTITY: '本人情報 — name, kana, birth date.',
      INCOME: '収入 — income figures.',
      PROTECTION: 'DV等支援措置 — DV protection status.',
      SELF_RELIANCE_PLAN: '母子・父子自立支援プログラム — self-reliance plan.',
    },
  },
  DenialReason: {
    description: 'Why a section is withheld from you (also in a FORBIDDEN error as `extensions.reason`).',
    values: {
      DV_PROTECTED: 'DV等支援措置: address and contact are withheld from everyone but the owning department while the family is under DV protection.',
      NOT_PERMITTED: 'The access policy does not let your department (or partners) read or write this section.',
      NO_CONSENT: 'The family has not consented to share this with your department (or with partners).',
    },
  },
  SectionAccessInfo: {
    fields: {
      section: 'The section.',
      readable: 'You may read it: the field is filled (or null only because it is empty).',
      writable: 'You may change it with `updateRecordSection` (staff of permitted departments).',
      reason: 'Why not, when you may not read it; null when readable.',
    },
  },
  PolicyGrant: {
    fields: {
      section: 'The section.',
      read: 'The role may read the section (subject to consent and DV protection).',
      write: 'The role may change the section.',
    },
  },
};
