import { Field, Float, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDate } from '../core';

export enum FigureBucket {
  DAY = 'DAY',
  MONTH = 'MONTH',
}
registerEnumType(FigureBucket, { name: 'FigureBucket' });

export enum ReportForm {
  PLAN = 'PLAN',
  REPORT = 'REPORT',
}
registerEnumType(ReportForm, { name: 'ReportForm' });

export enum ReportFormat {
  DOCX = 'DOCX',
  CSV = 'CSV',
}
registerEnumType(ReportFormat, { name: 'ReportFormat' });

export enum FigureOrigin {
  COUNTED = 'COUNTED',
  ENTERED = 'ENTERED',
}
registerEnumType(FigureOrigin, { name: 'FigureOrigin' });

@InputType()
export class ReportPeriodInput {
  @Field(() => LocalDate) from!: string;
  @Field(() => LocalDate) to!: string;
}

@ObjectType()
export class FigurePoint {
  @Field(() => LocalDate) start!: string;
  @Field(() => Float, { nullable: true }) value!: number | null;
}

@ObjectType()
export class UsageFigure {
  @Field(() => String) name!: string;
  @Field(() => String) label!: string;
  @Field(() => String, { nullable: true }) key!: string | null;
  @Field(() => String, { nullable: true }) keyLabel!: string | null;
  @Field(() => FigureOrigin) origin!: FigureOrigin;
  @Field(() => Float, { nullable: true }) total!: number | null;
  @Field(() => Float, { nullable: true }) previousTotal!: number | null;
  @Field(() => [FigurePoint]) points!: FigurePoint[];
}

@ObjectType()
export class UsageFigures {
  @Field(() => String) municipalityCode!: string;
  @Field(() => LocalDate) from!: string;
  @Field(() => LocalDate) to!: string;
  @Field(() => LocalDate) previousFrom!: string;
  @Field(() => LocalDate) previousTo!: string;
  @Field(() => [String]) modules!: string[];
  @Field(() => [UsageFigure]) figures!: UsageFigure[];
}

@ObjectType()
export class ReportDownload {
  @Field(() => String) url!: string;
  @Field(() => Date) expiresAt!: Date;
}

@InputType()
@ObjectType('ReportCost')
export class ReportCostInput {
  @Field(() => String) category!: string;
  @Field(() => Int) amount!: number;
  @Field(() => String) breakdown!: string;
}

@InputType()
@ObjectType('ReportStaffCounts')
export class ReportStaffInput {
  @Field(() => Int) fullTime!: number;
  @Field(() => Int) partTime!: number;
  @Field(() => Int) selfRelianceSupporters!: number;
  @Field(() => Int) employmentSupporters!: number;
}

@InputType()
export class SaveReportInputInput {
  @Field(() => ReportPeriodInput) period!: ReportPeriodInput;
  @Field(() => ReportForm) form!: ReportForm;
  @Field(() => [ReportCostInput]) costs!: ReportCostInput[];
  @Field(() => ReportStaffInput) staff!: ReportStaffInput;
  @Field(() => String) issues!: string;
  @Field(() => [String]) attachments!: string[];
  @Field(() => String) plan!: string;
}

@ObjectType()
export class ReportStaffInputView {
  @Field(() => LocalDate) from!: string;
  @Field(() => LocalDate) to!: string;
  @Field(() => ReportForm) form!: ReportForm;
  @Field(() => [ReportCostInput]) costs!: ReportCostInput[];
  @Field(() => ReportStaffInput) staff!: ReportStaffInput;
  @Field(() => String) issues!: string;
  @Field(() => [String]) attachments!: string[];
  @Field(() => String) plan!: string;
  @Field(() => Date, { nullable: true }) updatedAt!: Date | null;
}

@ObjectType('ManualFigureDefinition')
export class ManualFigureDefinitionView {
  @Field(() => String) name!: string;
  @Field(() => String) label!: string;
  @Field(() => String) hint!: string;
}

@ObjectType()
export class ManualFigureEntry {
  @Field(() => LocalDate) month!: string;
  @Field(() => String) figure!: string;
  @Field(() => Int) value!: number;
  @Field(() => String, { nullable: true }) enteredBy!: string | null;
  @Field(() => Date) enteredAt!: Date;
}

@ObjectType()
export class ManualFigures {
  @Field(() => LocalDate) from!: string;
  @Field(() => LocalDate) to!: string;
  @Field(() => Int) maxValue!: number;
  @Field(() => [ManualFigureDefinitionView]) definitions!: ManualFigureDefinitionView[];
  @Field(() => [ManualFigureEntry]) entries!: ManualFigureEntry[];
}

@InputType()
export class ManualFigureValueInput {
  @Field(() => String) figure!: string;
  @Field(() => Int, { nullable: true }) value!: number | null;
}

@InputType()
export class SaveManualFiguresInput {
  @Field(() => LocalDate) month!: string;
  @Field(() => [ManualFigureValueInput]) values!: ManualFigureValueInput[];
}

@InputType()
export class IntakeStartedInput {
  @Field(() => String) municipalityCode!: string;
}
