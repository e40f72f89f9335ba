import type { SchemaDocs } from '../core';

/**
 * Descriptions of the 電子個人票 (personal record) part of the schema, applied by api/server/schema/build.ts.
 * Who may read a section is the municipality's policy (seeds/policy, docs/design.md), so the texts name the
 * default and point to `PersonalRecord.access` for the answer that holds for the viewer.
 */
const DENIED =
  'null when you may not read it: the response then carries a FORBIDDEN error at this path (`extensions.reason`, `extensions.section`), and `access` says why. Reading it is written to the audit log.';

const sectionField = (ja: string, en: string, who: string) => `${ja} — ${en} Default policy: ${who}. ${DENIED}`;

const SECTION_INPUTS = {
  identity: '本人情報: name, kana and birth date.',
  address: '住所: postal code, prefecture, city and street.',
  contact: '連絡先: phone, e-mail, preferred channel and whether the municipality may contact the family.',
  household: '世帯: the children and other members.',
  income: '収入: yearly income figures (yen).',
  benefits: '利用中の制度: the whole list of programmes in use (replaces the previous list).',
  concerns: '困りごと: concern categories and a note.',
  selfReliancePlan: '自立支援プログラム: goal, steps and dates.',
  protection: 'DV等支援措置: the DV support measure and its expiry (owning department only).',
  consent: '同意: the departments (and partners) the family consents to share with, and the notice version shown.',
};

export const RECORD_DOCS: SchemaDocs = {
  PersonalRecord: {
    description:
      'The electronic personal record (電子個人票) of a single-parent family. ひとり親家庭の電子個人票. It is made of sections; each section is readable or not for you, decided per section by the policy, consent and DV protection (see `access`). A section you may not read is null, with a FORBIDDEN error at its path; the rest of the record still arrives.',
    fields: {
      id: 'Stable identifier of the record (UUID).',
      createdAt: 'When the record was created (UTC).',
      updatedAt: 'When any section last changed (UTC).',
      source: 'How the record was created: intake form, chatbot request or by staff.',
      identity: sectionField('本人情報', 'name, kana and birth date of the parent.', 'every department, and partners for referred records'),
      address: sectionField('住所', "the family's address.", 'every department, not partners; withheld from all but the owner under DV protection'),
      contact: sectionField(
        '連絡先',
        'phone, e-mail, preferred channel, whether contact is allowed.',
        'departments except family-register, and partners; withheld from all but the owner under DV protection',
      ),
      household: sectionField('世帯', 'children and other household members.', 'every department, and partners'),
      income: sectionField('収入', 'yearly income figures in yen.', 'single-parent, livelihood-support and public-housing; not partners'),
      benefits: sectionField('利用中の制度', 'programmes the family already uses.', 'departments except family-register; not partners'),
      concerns: sectionField('困りごと', "concern categories and the family's note.", 'single-parent, livelihood-support, disability-welfare, and partners'),
      selfReliancePlan: sectionField('母子・父子自立支援プログラム', 'the self-reliance plan.', 'single-parent, livelihood-support, and partners'),
      consultations: `相談対応履歴, newest first. Consultation history. Default policy: single-parent and livelihood-support; not partners. ${DENIED}`,
      protection: sectionField('DV等支援措置', 'DV protection status.', 'the owning department only'),
      consent: sectionField('同意', 'what the family consented to share, with its history.', 'the owning department (and departments whose policy grants it)'),
    },
  },
  PersonalRecordConnection: {
    description: 'A page of records (Relay cursor connection), newest first.',
    fields: {
      edges: 'The records of this page, each with its cursor.',
      pageInfo: 'Whether there are more pages, and the cursors to continue from.',
    },
  },
  PersonalRecordEdge: {
    description: 'One record of a page, with the cursor that points at it.',
    fields: {
      cursor: 'Opaque cursor: pass it as `after` to continue after this record. Do not parse it.',
      node: 'The record.',
    },
  },
  RecordFilter: {
    description:
      'Narrows `records`. Filters over a section are allowed only if your policy lets you read that section (else FORBIDDEN with `extensions.section`). All given filters must match.',
    fields: {
      concern: 'Records with this concern category (needs read access to `concerns`).',
      referenceNumber: 'Exactly this reference number (e.g. K7Q2-9M4X; case and hyphen do not matter).',
    },
  },
  RecordSource: {
    description: '作成元. How the record was created.',
    values: {
      CHAT: 'From the chatbot: a visitor asked a caseworker to get in touch.',
      INTAKE: 'From the intake form (入力フォーム) the family filled in.',
      STAFF: 'Created by staff of the owning department.',
    },
  },
  IdentitySection: {
    description: 'Section `identity` (本人情報) of a record.',
    fields: {
      familyName: 'Family name (姓) in kanji or as written.',
      givenName: 'Given name (名) in kanji or as written.',
      birthDate: 'Birth date of the parent (YYYY-MM-DD).',
    },
  },
  IdentityInput: {
    description: 'Section `identity` (本人情報) as written by the owning department or the intake form.',
    fields: {
      familyName: 'Family name (姓), at most 100 characters.',
      givenName: 'Given name (名), at most 100 characters.',
      birthDate: 'Birth date of the parent (YYYY-MM-DD), not in the future.',
    },
  },
  AddressSection: {
    description: 'Section `address` (住所) of a record. Withheld under DV protection from everyone but the owning department.',
    fields: {
      prefecture: '都道府県, e.g. 東京都.',
      city: '市区町村, e.g. 千代田区.',
      street: '町域・番地・建物名 (town, block number, building).',
      postalCode: '郵便番号, normalised as 123-4567.',
    },
  },
  AddressInput: {
    description: 'Section `address` (住所). Any field may be left out.',
    fields: {
      prefecture: '都道府県, e.g. 東京都 (at most 10 characters).',
      city: '市区町村, e.g. 千代田区 (at most 50 characters).',
      street: '町域・番地・建物名 (town, block number, building; at most 200 characters).',
    },
  },
  ContactSection: {
    description: 'Section `contact` (連絡先) of a record. Withheld under DV protection from everyone but the owning department.',
    fields: { email: 'E-mail address.', preferredChannel: 'How the family prefers to be contacted.' },
  },
  ContactInput: {
    description: 'Section `contact` (連絡先).',
    fields: { email: 'E-mail address (checked for a plausible form).', preferredChannel: 'How the family prefers to be contacted.' },
  },
  ContactChannel: {
    description: '連絡方法 — how the family prefers to be contacted.',
    values: { EMAIL: 'By e-mail (メール).', LETTER: 'By post (郵送).', PHONE: 'By telephone (電話).' },
  },
  HouseholdSection: {
    description: 'Section `household` (世帯) of a record.',
    fields: {
      children: 'The children (子ども), oldest first.',
      otherMembers: 'Other household members (祖父母 etc.).',
      note: 'Free note about the household.',
    },
  },
  HouseholdSectionInput: {
    description: 'Section `household` (世帯): the whole section, replacing the previous one.',
    fields: {
      children: 'The children (子ども), at most 20; may be empty.',
      otherMembers: 'Other household members, at most 20.',
      note: 'Free note about the household (at most 2000 characters).',
    },
  },
  Child: {
    description: 'A child (子ども) in the household.',
    fields: { id: 'Identifier of the child row.', birthDate: 'Birth date (YYYY-MM-DD).' },
  },
  ChildInput: {
    description: 'A child (子ども) in the household.',
    fields: {
      birthDate: 'Birth date (YYYY-MM-DD), not in the future.',
      disability: 'Has a disability (障害) relevant to allowances.',
      givenName: 'Given name (optional, at most 100 characters).',
    },
  },
  HouseholdMember: { fields: { birthDate: 'Birth date (YYYY-MM-DD), when known.' } },
  HouseholdMemberInput: {
    description: 'A household member other than the parent and the children.',
    fields: { relation: 'Relation to the parent, e.g. 祖母 / grandmother (at most 50 characters).', birthDate: 'Birth date (YYYY-MM-DD), when known.' },
  },
  IncomeSection: { description: 'Section `income` (収入) of a record. Amounts are integer yen per year.' },
  IncomeInput: {
    description: 'Section `income` (収入). Amounts are integer yen per year, 0 or more.',
    fields: { incomeYear: 'The calendar year the figures are for (e.g. 2025).' },
  },
  BenefitInUse: {
    description: '利用中の制度 — a programme the family already uses.',
    fields: { id: 'Identifier of this row.', note: 'Free note (e.g. the amount or the office).', since: 'Since when (YYYY-MM-DD), when known.' },
  },
  BenefitInput: {
    description: 'A programme the family already uses (section `benefits`).',
    fields: { note: 'Free note (at most 500 characters).', since: 'Since when (YYYY-MM-DD), when known.' },
  },
  ConcernsSection: {
    description: 'Section `concerns` (困りごと) of a record.',
    fields: { categories: 'Concern categories the family named.', note: "The family's own words about their concerns." },
  },
  ConcernsInput: {
    description: 'Section `concerns` (困りごと). Naming DV protects the address and contact (DV protection).',
    fields: { categories: 'Concern categories; may be empty.', note: "The family's own words (at most 2000 characters)." },
  },
  ConcernCategory: {
    values: {
      CARE: '介護 — caring for a relative.',
      CHILDCARE: '子育て — raising the children, childcare.',
      CHILD_SUPPORT: '養育費 — child support from the other parent.',
      DV: 'DV — violence from a partner or former partner; sets DV protection on the record.',
      EDUCATION: "教育 — the children's schooling.",
      FINANCES: '家計 — household money, debts.',
      HOUSING: '住まい — housing.',
      LEGAL: '法律 — legal matters (divorce, custody).',
      MEDICAL: '医療 — health care.',
      MENTAL_HEALTH: '心の健康 — mental health.',
      OTHER: 'その他 — anything else.',
      WORK: '仕事 — work and job search.',
    },
  },
  SelfReliancePlan: {
    description: 'Section `selfReliancePlan`: the 母子・父子自立支援プログラム (self-reliance support plan) agreed with the family.',
    fields: { startedOn: 'When the plan started (YYYY-MM-DD).' },
  },
  SelfReliancePlanInput: {
    description: 'Section `selfReliancePlan` (母子・父子自立支援プログラム).',
    fields: {
      goal: "The goal in the family's words (at most 2000 characters).",
      steps: 'Agreed steps (at most 4000 characters).',
      startedOn: 'When the plan started (YYYY-MM-DD).',
      reviewOn: 'Date of the next review (YYYY-MM-DD).',
    },
  },
  ProtectionStatus: { fields: { since: 'Since when the measure is in force (YYYY-MM-DD).' } },
  ProtectionInput: {
    description: 'Section `protection` (DV等支援措置), owning department only.',
    fields: { since: 'Since when the measure is in force (YYYY-MM-DD).' },
  },
  ConsentSection: {
    description: 'Section `consent` (同意): with whom the family consented to share the record.',
    fields: { privacyNoticeVersion: 'Version of the privacy notice (プライバシーポリシー) the family last agreed to.' },
  },
  ConsentInput: {
    fields: {
      privacyNoticeVersion: 'Version of the privacy notice shown to the family (from `intakeSettings`).',
      sharedWith: 'Departments the family consents to share with (nothing pre-selected); the owning department always sees the record.',
    },
  },
  ConsentEvent: {
    fields: {
      id: 'Identifier of the event.',
      at: 'When consent was given or withdrawn (UTC).',
      granted: 'true: consent given; false: withdrawn.',
      privacyNoticeVersion: 'Version of the privacy notice in force at that moment.',
    },
  },
  CreateRecordInput: {
    description: 'A new record (owning department). Every section is optional; ' + 'each is validated as in `updateRecordSection`.',
    fields: Object.fromEntries(Object.entries(SECTION_INPUTS).map(([k, v]) => [k, `Section ${v}`])),
  },
  UpdateRecordSectionInput: {
    fields: {
      id: 'The record to change.',
      ...Object.fromEntries(Object.entries(SECTION_INPUTS).map(([k, v]) => [k, `Section ${v} Give exactly one section.`])),
    },
  },
  Query: {
    fields: {
      record: {
        description:
          "A record, or null when it does not exist or is not visible to you (the two are indistinguishable). Partners see only records referred to them with the family's consent.",
        args: { id: "The record's id (`PersonalRecord.id`)." },
      },
      records: {
        description:
          'Records visible to you, newest first. Relay cursor connection. A department sees records the family consented to share with it; a partner only the records referred to it (with consent). Errors: BAD_USER_INPUT on `first` or `after`; FORBIDDEN when a filter needs a section you may not read.',
        args: {
          first: 'Page size, 1 to 100 (default 20); else BAD_USER_INPUT with `extensions.field` "first".',
          after: '`endCursor` of the previous page; omit for the first page. A cursor not from this API is BAD_USER_INPUT on "after".',
          filter: 'Optional conditions; all must match.',
        },
      },
    },
  },
  Mutation: {
    fields: {
      createRecord: {
        description:
          'Create a record (owning department). Caseworker or above. BAD_USER_INPUT names the field (`extensions.field`, e.g. `input.contact.phone`).',
        args: { input: 'The sections of the new record.' },
      },
      updateRecordSection: {
        description:
          'Replace one section, if the record is still at `expectedVersion`. Else CONFLICT with `extensions.currentVersion`. FORBIDDEN when your department may not write the section.',
        args: { input: 'The record, its expected version and exactly one section.' },
      },
    },
  },
};
