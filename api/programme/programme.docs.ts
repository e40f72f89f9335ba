import type { SchemaDocs } from '../core';

/** Descriptions of the programme catalogue (支援施策) and the eligibility check. */
export const PROGRAMME_DOCS: SchemaDocs = {
  Programme: {
    fields: {
      id: 'Stable programme id (docs/design.md), e.g. child-rearing-allowance (児童扶養手当).',
      name: 'Name in the request locale.',
      names: 'Name in every locale.',
      summary: 'One or two sentences on what it is.',
      forWhom: 'Who may use it (対象となる方).',
      whatYouGet: 'What it gives (支援の内容), amounts in yen where fixed.',
      howToApply: 'How to apply (申請方法).',
      contact: 'Where to ask (問い合わせ先).',
      owningDepartment: 'The department that runs it in the municipality.',
      sourceUrl: 'The official page the text is based on.',
      level: 'Who sets its rules and amounts.',
      category: 'What kind of support it is.',
    },
  },
  ProgrammeNames: { fields: { ja: 'Japanese.', en: 'English.', jaEasy: 'やさしい日本語 (easy Japanese), furigana as 漢字{かんじ}.' } },
  ProgrammeLevel: {
    values: { MUNICIPAL: '市区町村 — the municipality.', NATIONAL: '国 — the national government.', PREFECTURAL: '都道府県 — the prefecture.' },
  },
  ProgrammeCategory: {
    description: '分類 — what kind of support a programme is.',
    values: {
      CHILDCARE: '保育・子育て — childcare.',
      CONSULTATION: '相談 — consultation services.',
      EDUCATION: '教育 — schooling and training costs.',
      HOUSING: '住まい — housing.',
      LIVELIHOOD: '生活 — livelihood support.',
      MEDICAL: '医療 — medical costs.',
      MONEY: '手当・給付 — allowances and benefits.',
      SAFETY: '安全 — DV and safety.',
      TAX: '税 — tax deductions.',
      WORK: '仕事 — employment support.',
    },
  },
  Amount: { fields: { monthly: 'Yen per month; null when not monthly.', yearly: 'Yen per year; null when not known.' } },
  EligibilityReport: {
    fields: { asOf: 'The date the household was evaluated for (YYYY-MM-DD, Japan time).', results: 'One result per programme, most relevant first.' },
  },
  EligibilityResult: {
    description: 'Whether a household may use one programme, why, and what to do next.',
    fields: {
      programme: 'The programme.',
      status: 'May use, may not, or more information is needed.',
      amount: 'Estimated amount in yen, when the programme pays money and the household says enough; null otherwise.',
      reasons: 'Why, in plain sentences (request locale).',
      nextSteps: 'What to do next, in plain sentences (request locale).',
    },
  },
  EligibilityStatus: {
    description: '判定 — the outcome of the eligibility check for one programme (an estimate; the office decides).',
    values: {
      ELIGIBLE: 'Likely eligible (対象の可能性があります).',
      NEEDS_MORE_INFO: 'Cannot tell without more answers (reasons say which).',
      NOT_ELIGIBLE: 'Not eligible on these answers.',
    },
  },
  HouseholdInput: {
    description: "A household's facts for the anonymous eligibility check. Nothing is stored.",
    fields: {
      children: 'The children (子ども), at least one for most programmes.',
      concerns: 'Concern categories the household named.',
      receivesPublicAssistance: 'Receives 生活保護 (public assistance).',
    },
  },
  ChildFactsInput: { description: 'A child for the eligibility check.', fields: { birthDate: 'Birth date (YYYY-MM-DD).' } },
  Query: {
    fields: {
      programmes: {
        description: 'Programmes a municipality offers (national defaults without a code), in display order. Public.',
        args: { municipalityCode: '全国地方公共団体コード (6 digits); omit for the national defaults.' },
      },
      programme: {
        description: 'One programme as the municipality offers it; null when unknown or switched off. Public.',
        args: { id: 'Programme id, e.g. child-rearing-allowance.', municipalityCode: '全国地方公共団体コード (6 digits); omit for the national default.' },
      },
      eligibility: {
        description: 'Which programmes a household may use, most relevant first. Anonymous; nothing is stored. Public.',
        args: { input: "The household's facts." },
      },
      recordEligibility: {
        description:
          'Desk eligibility (窓口での判定) for a stored 電子個人票. Which programmes a stored record’s family may use on `asOf` (default today in Japan), with the same engine and mapping as re-screening. Null when the record does not exist or is not visible to you. Uses the facts in the record that you may read; sections you may not read count as unknown and are listed in sectionsNotUsed (staff).',
        args: { recordId: 'The record (電子個人票) to check.', asOf: 'The date to decide for (YYYY-MM-DD, Japan time); today when omitted.' },
      },
    },
  },
  RecordEligibilityReport: {
    description:
      "Eligibility for a stored record, from the sections you may read. Nothing is stored. The viewer's unreadable fact sections are listed in sectionsNotUsed.",
    fields: {
      recordId: 'The record that was checked.',
      asOf: 'The date the record was evaluated for (YYYY-MM-DD, Japan time).',
      results: 'One result per programme, most relevant first.',
    },
  },
  IncomeAssessment: { fields: { otherIncome: 'その他の所得 (income other than salary) counted, in yen; 0 when left blank beside a known salary.' } },
};
