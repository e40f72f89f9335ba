import type { SchemaDocs } from '../core';

/** Descriptions of the intake form (入力フォーム) part of the schema. */
export const INTAKE_DOCS: SchemaDocs = {
  IntakeInput: {
    fields: {
      identity: 'Section 本人情報 (name, kana, birth date).',
      contact: 'Section 連絡先; `contactAllowed` says whether the municipality may contact the family.',
      household: 'Section 世帯 (children, other members).',
      income: 'Section 収入 (yen per year).',
      concerns: 'Section 困りごと; naming DV protects the address and contact.',
    },
  },
  IntakeReceipt: {
    fields: { receivedAt: 'When the submission was received (UTC).', referenceNumber: 'The number the family quotes (e.g. K7Q2-9M4X).' },
  },
  IntakeSettings: {
    fields: {
      municipalityCode: '全国地方公共団体コード (6 digits).',
      municipalityName: "The municipality's name (Japanese).",
      privacyNoticeVersion: 'Version of the privacy notice; send it back in `consent.privacyNoticeVersion`.',
    },
  },
  IntakeDepartment: {
    description: 'A department the family may agree to share the record with, as the intake form shows it.',
    fields: { code: 'The department.' },
  },
  ConsultationRequestReceipt: {
    description: 'What the person keeps after asking to be contacted: the number to quote and what happens next.',
    fields: { receivedAt: 'When the request was received (UTC).' },
  },
  Query: {
    fields: {
      intakeSettings: {
        description: 'Privacy notice and department purposes for the intake form (public). NOT_FOUND for an unknown municipality.',
        args: { municipalityCode: '全国地方公共団体コード (6 digits), e.g. 999999 for the demo city.' },
      },
    },
  },
  Mutation: {
    fields: {
      requestConsultation: {
        description: 'Ask a caseworker to get in touch (public; from the chatbot). The same idempotencyKey twice returns the first receipt.',
        args: { input: 'Who to contact and how; the privacy notice version shown.' },
      },
      submitIntake: {
        description:
          'Submit the intake form (public). The same idempotencyKey twice returns the first receipt. At most INTAKE_RATE_PER_MINUTE submissions a minute per client address (TOO_MANY_REQUESTS).',
        args: { input: 'The answers and the consent.' },
      },
    },
  },
};
