// No My Number (番号法 19–20): every free-text and number field of every procedure refuses a valid 個人番号,
// however it is written, and nothing refused is stored (checkAnswer returns no value).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkAnswer, containsMyNumber, isValidMyNumber, loadProcedures, MY_NUMBER_REFUSED, myNumberCheckDigit } from '../../api/application/procedures';
import { InputChecker } from '../../api/core/validation';
import { PROCEDURES_DIR } from './support';

const book = loadProcedures(PROCEDURES_DIR);
// Every question a person types into (choices and yes/no cannot carry a number of their own).
const TYPED = book.list('999999').flatMap((p) => p.questions.filter((q) => q.type !== 'choice' && q.type !== 'boolean').map((q) => ({ p: p.id, q })));
const NUMBER_TYPES = new Set(['yen', 'count', 'year']);

const eleven = fc.stringMatching(/^[0-9]{11}$/);
const validMyNumber = eleven.map((e) => e + String(myNumberCheckDigit(e)));
const invalidMyNumber = eleven.map((e) => e + String((myNumberCheckDigit(e) + 1 + (e.charCodeAt(0) % 9)) % 10));
const toFullWidth = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d)));
/** The ways people write a 12-digit number. */
const written = (n: string) =>
  fc.constantFrom(
    n,
    `${n.slice(0, 4)} ${n.slice(4, 8)} ${n.slice(8)}`,
    `${n.slice(0, 4)}-${n.slice(4, 8)}-${n.slice(8)}`,
    toFullWidth(n),
    `番号は${n}です`,
    `${n.slice(0, 4)}－${n.slice(4, 8)}－${n.slice(8)}`,
  );

function answer(q: (typeof TYPED)[number]['q'], raw: string) {
  const checker = new InputChecker('2026-12-03');
  const value = checkAnswer(q, raw, checker, `answers.${q.id}`);
  return { value, problems: checker.problems };
}

describe('My Number check digit (総務省令第85号 第5条)', () => {
  it('agrees with the published example and refuses other check digits', () => {
    expect(myNumberCheckDigit('12345678901')).toBe(8);
    expect(isValidMyNumber('123456789018')).toBe(true);
    expect(isValidMyNumber('123456789017')).toBe(false);
    expect(isValidMyNumber('12345678901')).toBe(false);
  });

  it('finds one inside text, grouped or full-width, but not inside a longer number', () => {
    expect(containsMyNumber('私の番号は1234 5678 9018です')).toBe(true);
    expect(containsMyNumber('１２３４５６７８９０１８')).toBe(true);
    expect(containsMyNumber('1234567890185')).toBe(false);
    expect(containsMyNumber('090-1234-5678')).toBe(false);
  });

  it('stays linear on long digit runs', () => {
    const t0 = performance.now();
    containsMyNumber('1 '.repeat(200_000));
    containsMyNumber('1'.repeat(400_000));
    expect(performance.now() - t0).toBeLessThan(2000);
  });
});

describe('every typed field of every procedure', () => {
  it(`covers ${TYPED.length} fields, text and numbers among them`, () => {
    expect(TYPED.some((t) => t.q.type === 'text')).toBe(true);
    expect(TYPED.some((t) => NUMBER_TYPES.has(t.q.type))).toBe(true);
  });

  it('refuses a valid 個人番号 however written, with the 番号法 explanation, and returns no value', () => {
    fc.assert(
      fc.property(fc.constantFrom(...TYPED), validMyNumber.chain(written), (t, raw) => {
        const { value, problems } = answer(t.q, raw);
        expect(value).toBeUndefined();
        expect(problems).toHaveLength(1);
        expect(problems[0]).toMatchObject({ field: `answers.${t.q.id}`, messages: MY_NUMBER_REFUSED });
        expect(JSON.stringify(problems)).not.toContain(raw);
      }),
      { numRuns: 400 },
    );
  });

  it('a 12-digit number failing the check digit is no 個人番号: free text keeps it, fields too short for 12 digits refuse it for their own reason', () => {
    fc.assert(
      fc.property(fc.constantFrom(...TYPED), invalidMyNumber, (t, raw) => {
        const { value, problems } = answer(t.q, raw);
        if (t.q.type === 'text' && (t.q.maxLength ?? 200) >= 12) {
          expect(problems).toEqual([]);
          expect(value).toBe(raw);
        } else {
          expect(value).toBeUndefined();
          expect(problems[0]!.messages).not.toEqual(MY_NUMBER_REFUSED);
        }
      }),
      { numRuns: 300 },
    );
  });
});
