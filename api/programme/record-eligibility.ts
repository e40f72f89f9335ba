// Desk eligibility (窓口での判定) for a stored 電子個人票: `recordEligibility(recordId, asOf)`.
// The record is found through the same visibility rules as `record` (not visible = null, like an
// unknown id); each fact section is used only if the viewer may read it (readSection: checked and
// audited like any read), and a section that is not readable stays unknown for the engine — so no
// result can reveal it. Household is required: without the children no answer would be true.

import { Arg, Ctx, Field, ID, ObjectType, Query, Resolver } from 'type-graphql';
import { Section } from '../core';
import { isIsoDate, todayInJapan } from '../core';
import { badInput } from '../core';
import { LocalDate } from '../core';
import type { Context } from '../server/context';
import { RecordService } from '../record';
import { readSection } from '../record';
import { SectionAccessInfo } from '../record';
import { ProgrammeService } from './programme.service';
import { EligibilityReport } from './programme.types';
import { householdOfRecord, type RecordFacts } from './record-household';

const FACT_SECTIONS: readonly Section[] = [Section.HOUSEHOLD, Section.INCOME, Section.BENEFITS, Section.CONCERNS];

@ObjectType('RecordEligibilityReport', {
  simpleResolvers: true,
  description: 'Eligibility for a stored record, from the sections you may read. Nothing is stored.',
})
export class RecordEligibilityReport extends EligibilityReport {
  @Field(() => ID) recordId!: string;
  @Field(() => [SectionAccessInfo], {
    description:
      'Fact sections (household, income, benefits, concerns) that were NOT used because you may not read them, and why; their answers count as unknown.',
  })
  sectionsNotUsed!: SectionAccessInfo[];
}

@Resolver()
export class RecordEligibilityResolver {
  @Query(() => RecordEligibilityReport, {
    nullable: true,
    description:
      'Which programmes a stored record’s family may use on `asOf` (default today in Japan), with the same engine and mapping as re-screening. Null when the record does not exist or is not visible to you.',
  })
  async recordEligibility(
    @Arg('recordId', () => ID) recordId: string,
    @Ctx() ctx: Context,
    @Arg('asOf', () => LocalDate, { nullable: true }) asOf?: string | null,
  ): Promise<RecordEligibilityReport | null> {
    const date = asOf ?? todayInJapan();
    if (!isIsoDate(date)) {
      throw badInput(
        [
          {
            field: 'asOf',
            messages: { ja: '判定日が正しくありません。', en: 'The evaluation date is not valid.', 'ja-easy': '調べる 日が まちがって います。' },
          },
        ],
        ctx.locale,
      );
    }
    const record = await new RecordService(ctx.em, ctx.gate, ctx.audit).get(recordId);
    if (!record) return null;
    const readable = (s: Section) => ctx.gate.canRead(record, s);
    // Without the children nothing the engine says would be true: deny as reading the section would.
    if (!readable(Section.HOUSEHOLD)) throw ctx.gate.denial(record, Section.HOUSEHOLD);

    const children = await readSection(ctx, record, Section.HOUSEHOLD, () => ctx.loaders.children.load(record.id));
    const facts: RecordFacts = {
      children: children.map((c) => ({ birthDate: c.birthDate, disability: c.disability })),
      maritalStatus: record.household.maritalStatus ?? null,
      income: readable(Section.INCOME) ? readSection(ctx, record, Section.INCOME, () => record.income) : null,
      benefitsInUse: readable(Section.BENEFITS)
        ? (await readSection(ctx, record, Section.BENEFITS, () => ctx.loaders.benefits.load(record.id))).map((b) => b.programmeId)
        : null,
      concerns: readable(Section.CONCERNS) ? readSection(ctx, record, Section.CONCERNS, () => record.concerns.categories) : null,
    };
    const report = new ProgrammeService(ctx.services.catalogue, ctx.locale).evaluate(householdOfRecord(facts, date), record.municipality.code, 'record');
    const access = ctx.gate.of(record);
    return {
      ...report,
      recordId: record.id,
      sectionsNotUsed: FACT_SECTIONS.filter((s) => !readable(s)).map((section) => ({ section, ...access.get(section)! })),
    };
  }
}
