import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDate } from '../common/local-date.scalar';
import { DepartmentCode } from '../municipality/department-code';

/** Public GraphQL shapes of the programme catalogue and the eligibility check. Texts are in the request locale. */

export enum ProgrammeLevel {
  NATIONAL = 'national',
  PREFECTURAL = 'prefectural',
  MUNICIPAL = 'municipal',
}
registerEnumType(ProgrammeLevel, { name: 'ProgrammeLevel', description: 'Who sets the programme\'s rules and amounts.' });

export enum ProgrammeCategory {
  MONEY = 'money',
  LIVELIHOOD = 'livelihood',
  HOUSING = 'housing',
  WORK = 'work',
  EDUCATION = 'education',
  CHILDCARE = 'childcare',
  MEDICAL = 'medical',
  TAX = 'tax',
  CONSULTATION = 'consultation',
  SAFETY = 'safety',
}
registerEnumType(ProgrammeCategory, { name: 'ProgrammeCategory' });

export enum EligibilityStatus {
  ELIGIBLE = 'ELIGIBLE',
  NOT_ELIGIBLE = 'NOT_ELIGIBLE',
  NEEDS_MORE_INFO = 'NEEDS_MORE_INFO',
}
registerEnumType(EligibilityStatus, { name: 'EligibilityStatus' });

@ObjectType('ProgrammeNames', { simpleResolvers: true, description: 'The programme name in every locale. `jaEasy` may carry furigana as 漢字{かんじ}.' })
export class ProgrammeNames {
  @Field(() => String) ja!: string;
  @Field(() => String) en!: string;
  @Field(() => String) jaEasy!: string;
}

@ObjectType('Programme', {
  simpleResolvers: true,
  description: 'A support programme (支援施策) as a municipality offers it. Texts are in the request locale (Accept-Language); やさしい日本語 texts may carry furigana as 漢字{かんじ}.',
})
export class ProgrammeView {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => ProgrammeNames) names!: ProgrammeNames;
  @Field(() => String) summary!: string;
  @Field(() => String) forWhom!: string;
  @Field(() => String) whatYouGet!: string;
  @Field(() => String) howToApply!: string;
  @Field(() => [String], { description: 'What to bring (持ち物・必要書類).' }) documents!: string[];
  @Field(() => String) contact!: string;
  @Field(() => DepartmentCode) owningDepartment!: DepartmentCode;
  @Field(() => String, { description: 'Statute and article, or the budget programme (Japanese).' }) legalBasis!: string;
  @Field(() => String) sourceUrl!: string;
  @Field(() => ProgrammeLevel) level!: ProgrammeLevel;
  @Field(() => ProgrammeCategory) category!: ProgrammeCategory;
}

@ObjectType('Amount', { simpleResolvers: true, description: 'Integer yen.' })
export class AmountView {
  @Field(() => Int, { nullable: true }) monthly!: number | null;
  @Field(() => Int, { nullable: true }) yearly!: number | null;
}

@ObjectType('EligibilityResult', { simpleResolvers: true })
export class EligibilityResultView {
  @Field(() => ProgrammeView) programme!: ProgrammeView;
  @Field(() => EligibilityStatus) status!: EligibilityStatus;
  @Field(() => AmountView, { nullable: true }) amount!: AmountView | null;
  @Field(() => [String]) reasons!: string[];
  @Field(() => [String]) nextSteps!: string[];
}

@ObjectType('EligibilityReport', { simpleResolvers: true, description: 'One result per programme the municipality offers, most relevant first. Nothing is stored.' })
export class EligibilityReport {
  @Field(() => LocalDate) asOf!: string;
  @Field(() => [EligibilityResultView]) results!: EligibilityResultView[];
}
