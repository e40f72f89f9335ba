// Helpers for the applications API tests: a family with an intake record, signed in from its receipt.
import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { type FamilyNotice, type NoticeSender, useNoticeSender } from '../../api/application';
import type { TestApp } from '../support/app';

export const SUBMIT_INTAKE = `mutation($input: IntakeInput!) { submitIntake(input: $input) { referenceNumber } }`;

export function intakeAnswers(over: Record<string, unknown> = {}) {
  return {
    idempotencyKey: randomUUID(),
    municipalityCode: '999999',
    identity: { familyName: '申請', givenName: '花子', familyNameKana: 'しんせい', givenNameKana: 'はなこ', birthDate: '1990-04-01' },
    address: { postalCode: '999-1234', prefecture: 'デモ県', city: 'デモ市', street: 'デモ町1-2-3' },
    contact: { phone: '090-1111-2222', email: 'hanako@example.jp', contactAllowed: true, preferredChannel: 'EMAIL' },
    household: {
      children: [
        { birthDate: '2016-07-07', disability: false },
        { birthDate: '2019-02-03', disability: false },
      ],
      maritalStatus: 'NOT_MARRIED',
    },
    income: { incomeYear: 2025, annualEmploymentIncome: 1_800_000, otherIncome: 0, childSupportReceivedYearly: 240_000 },
    consent: { sharedWith: [], shareWithPartners: false, privacyNoticeVersion: '2026-04' },
    ...over,
  };
}

/** Captures every notice instead of delivering it (the outreach lane delivers in production). */
export function captureNotices(t: TestApp): FamilyNotice[] {
  const sent: FamilyNotice[] = [];
  const sender: NoticeSender = { send: async (n) => (sent.push(n), true) };
  useNoticeSender(t.app.services, sender);
  return sent;
}

/** A family from the intake form, signed in straight from its receipt. */
export async function familyFromIntake(t: TestApp, over: Record<string, unknown> = {}): Promise<{ session: string; referenceNumber: string }> {
  const input = intakeAnswers(over);
  const r = await t.gql(SUBMIT_INTAKE, { input });
  expect(r.body.errors).toBeUndefined();
  const referenceNumber = r.body.data!.submitIntake.referenceNumber as string;
  const s = await t.gql(`mutation($i: FamilySignInInput!) { signInFamily(input: $i) { session } }`, {
    i: { municipalityCode: '999999', referenceNumber, submissionKey: input.idempotencyKey },
  });
  expect(s.body.errors).toBeUndefined();
  return { session: s.body.data!.signInFamily.session, referenceNumber };
}

export const APP_FIELDS = 'id procedureId status version receiptNumber interviewNeeded answers { question value prefilled } history { status actor message }';
