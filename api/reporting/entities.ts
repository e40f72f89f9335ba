import { IntakeStart } from './intake-start';
import { ManualFigure } from './manual-figure.entity';
import { ReportInput } from './report-input.entity';
import { UsageCount, UsageDay } from './usage.entity';

/** The reporting module's tables (listed in db/entities.ts). */
export const REPORTING_ENTITIES = [UsageCount, UsageDay, ReportInput, ManualFigure, IntakeStart];
