// Property: for any record, the pre-filled answers equal the record's values under each procedure's
// mapping, and nothing the family's page shows of a fresh application exceeds what the record holds.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadProcedures, prefillAnswers, type RecordFacts, recordValue } from '../../api/application/procedures';
import { startTestApp, type TestApp } from '../support/app';
import { captureNotices, familyFromIntake } from './support-api';
import { PROCEDURES_DIR } from './support';

const book = loadProcedures(PROCEDURES_DIR);
const procedures = book.list('999999');

const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null });
const date = fc.integer({ min: Date.UTC(1960, 0, 1), max: Date.UTC(2025, 11, 31) }).map((t) => new Date(t).toISOString().slice(0, 10));
const facts: fc.Arbitrary<RecordFacts> = fc.record({
  identity: fc.record({
    familyName: maybe(fc.string({ minLength: 1, maxLength: 8 })),
    givenName: maybe(fc.string({ minLength: 1, maxLength: 8 })),
    familyNameKana: maybe(fc.constantFrom('ヤマダ', 'スズキ')),
    givenNameKana: maybe(fc.constantFrom('ハナコ', 'タロウ')),
    birthDate: maybe(date),
  }),
  address: fc.record({
    postalCode: maybe(fc.constantFrom('100-0001', '999-1234')),
    prefecture: maybe(fc.constantFrom('東京都', 'デモ県')),
    city: maybe(fc.constantFrom('千代田区', 'デモ市')),
    street: maybe(fc.string({ minLength: 1, maxLength: 20 })),
  }),
  contact: fc.record({ phone: maybe(fc.constantFrom('090-1234-5678', '03-1234-5678')), email: maybe(fc.constantFrom('a@example.jp', 'b@example.jp')) }),
  household: fc.record({
    childrenCount: fc.integer({ min: 0, max: 6 }),
    eldestChildBirthDate: maybe(date),
    youngestChildBirthDate: maybe(date),
    maritalStatus: maybe(fc.constantFrom('married', 'de-facto', 'not-married')),
  }),
  income: fc.record({
    incomeYear: maybe(fc.integer({ min: 2000, max: 2030 })),
    annualEmploymentIncome: maybe(fc.nat(20_000_000)),
    otherIncome: maybe(fc.nat(5_000_000)),
    childSupportReceivedYearly: maybe(fc.nat(3_000_000)),
    dependentsCount: maybe(fc.integer({ min: 0, max: 10 })),
  }),
});

describe('pre-fill (pure)', () => {
  it('every pre-filled answer is the record’s value under the mapping; a field the record lacks is not pre-filled', () => {
    fc.assert(
      fc.property(facts, fc.constantFrom(...procedures), (f, p) => {
        const filled = new Map(prefillAnswers(p.questions, f).map((a) => [a.question, a.value]));
        for (const q of p.questions) {
          const expected = q.prefill ? recordValue(f, q.prefill) : null;
          expect(filled.get(q.id) ?? null).toBe(expected);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('pre-fill through the API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ records: 0 });
    captureNotices(t);
  });
  afterAll(() => t.close());

  const intake = fc.record({
    familyName: fc.constantFrom('山田', '鈴木', '佐藤'),
    kana: fc.constantFrom('やまだ', 'スズキ'),
    income: maybe(fc.nat(9_000_000)),
    support: maybe(fc.nat(1_000_000)),
    children: fc.array(
      date.filter((d) => d >= '2008-04-02'),
      { minLength: 0, maxLength: 3 },
    ),
    email: fc.boolean(),
  });

  it('a fresh application of every procedure shows only what the family’s record holds', async () => {
    await fc.assert(
      fc.asyncProperty(intake, async (x) => {
        const { session } = await familyFromIntake(t, {
          identity: { familyName: x.familyName, givenName: '花', familyNameKana: x.kana, givenNameKana: 'はな' },
          contact: { phone: '090-1111-2222', ...(x.email ? { email: 'x@example.jp' } : {}), contactAllowed: true },
          household: { children: x.children.map((birthDate) => ({ birthDate, disability: false })) },
          income: { annualEmploymentIncome: x.income, childSupportReceivedYearly: x.support },
        });
        const holds = new Set<string>([
          x.familyName,
          '花',
          'ヤマダ',
          'スズキ',
          'ハナ',
          '999-1234',
          'デモ県',
          'デモ市',
          'デモ町1-2-3',
          '090-1111-2222',
          'x@example.jp',
          String(x.children.length),
          ...x.children,
          ...(x.income === null ? [] : [String(x.income)]),
          ...(x.support === null ? [] : [String(x.support)]),
        ]);
        for (const p of procedures) {
          const r = await t.gql(`mutation($i: StartApplicationInput!) { startApplication(input: $i) { answers { question value prefilled } } }`, {
            i: { session, procedureId: p.id },
          });
          expect(r.body.errors).toBeUndefined();
          for (const a of r.body.data!.startApplication.answers as { question: string; value: string | null; prefilled: boolean }[]) {
            if (a.value === null) continue;
            expect(a.prefilled).toBe(true);
            expect(holds.has(a.value), `${p.id}.${a.question}=${a.value} is not in the record`).toBe(true);
          }
        }
        if (!x.email) {
          const r = await t.gql(`mutation($i: StartApplicationInput!) { startApplication(input: $i) { answers { question value } } }`, {
            i: { session, procedureId: 'cra-status-report' },
          });
          expect(r.body.data!.startApplication.answers.find((a: { question: string }) => a.question === 'email').value).toBeNull();
        }
      }),
      { numRuns: 8 },
    );
  });
});
