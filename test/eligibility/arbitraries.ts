// fast-check generators of households for the property tests: valid and partially answered ones, across
// the dated periods, with ages around every limit.
import fc from 'fast-check';
import { PROGRAMME_IDS, type Household } from '../../api/programme/rules';

const pad = (n: number): string => String(n).padStart(2, '0');
const dateArb = (fromYear: number, toYear: number): fc.Arbitrary<string> =>
  fc
    .record({ y: fc.integer({ min: fromYear, max: toYear }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 28 }) })
    .map(({ y, m, d }) => `${y}-${pad(m)}-${pad(d)}`);
const AS_OF_EDGES = ['2024-04-01', '2024-10-31', '2024-11-01', '2025-03-31', '2025-04-01', '2026-03-31', '2026-04-01', '2026-10-31', '2026-11-01'];
const maybe = <T>(a: fc.Arbitrary<T>): fc.Arbitrary<T | null | undefined> =>
  fc.oneof({ weight: 6, arbitrary: a }, { weight: 1, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.constant(undefined) });
const yen = (max: number): fc.Arbitrary<number> => fc.oneof(fc.constant(0), fc.integer({ min: 0, max }));

export const householdArbitrary: fc.Arbitrary<Household> = fc
  .record({
    asOf: fc.oneof(fc.constantFrom(...AS_OF_EDGES), dateArb(2024, 2028)),
    children: fc.array(fc.record({ birthDate: dateArb(2000, 2026), disability: fc.boolean() }), { maxLength: 6 }),
    annualEmploymentIncome: maybe(yen(9_000_000)),
    otherIncome: maybe(yen(1_500_000)),
    childSupportReceivedYearly: maybe(yen(1_200_000)),
    dependentsCount: maybe(fc.integer({ min: 0, max: 8 })),
    benefitsInUse: fc.subarray([...PROGRAMME_IDS], { maxLength: 4 }),
    receivesPublicAssistance: maybe(fc.boolean()),
    concerns: fc.subarray(['childcare', 'dv', 'mental-health', 'work', 'housing', 'finances', 'medical', 'care', 'legal', 'education', 'child-support']),
    residentTaxExempt: maybe(fc.boolean()),
    married: maybe(fc.boolean()),
  })
  .map((h) => {
    // Children born after asOf are an input error (validateHousehold); keep most households valid.
    const children = h.children.filter((c) => c.birthDate <= h.asOf);
    return { ...h, children } as Household;
  });
