import { Entity, Property, Unique } from '@mikro-orm/core';
import { MunicipalityRow } from '../municipality';

/** What staff enter for a report the system cannot know (issue 19). No personal data: money, counts, text about the service. */
export interface ReportInputData {
  costs: { category: string; amount: number; breakdown: string }[];
  staff: { fullTime: number; partTime: number; selfRelianceSupporters: number; employmentSupporters: number };
  issues: string;
  attachments: string[];
  /** 別紙1 only: what the municipality plans to do in the period (事業内容). */
  plan: string;
}

export const EMPTY_REPORT_INPUT: ReportInputData = {
  costs: [],
  staff: { fullTime: 0, partTime: 0, selfRelianceSupporters: 0, employmentSupporters: 0 },
  issues: '',
  attachments: [],
  plan: '',
};

/** Staff input of one form (PLAN = 別紙1, REPORT = 別紙2) for one period of one municipality. */
@Entity({ tableName: 'report_input' })
@Unique({ name: 'report_input_period_unique', properties: ['municipality', 'form', 'periodFrom', 'periodTo'] })
export class ReportInput extends MunicipalityRow {
  @Property({ type: 'string', length: 8 })
  form!: string;

  @Property({ type: 'date' })
  periodFrom!: string;

  @Property({ type: 'date' })
  periodTo!: string;

  @Property({ type: 'jsonb' })
  data!: ReportInputData;

  @Property({ type: 'timestamptz' })
  updatedAt: Date = new Date();

  /** The staff member who saved it last. */
  @Property({ type: 'uuid', nullable: true })
  updatedBy?: string | null;
}
