import type { SchemaDocs } from '../core';

const PERIOD = 'The period: first and last day (YYYY-MM-DD, Japan time, inclusive), at most three years.';

/** Descriptions of the reporting part of the schema (利用実績・実施状況報告書, issue 19). */
export const REPORTING_DOCS: SchemaDocs = {
  FigureBucket: {
    description: 'How a figure’s points are grouped over time.',
    values: { DAY: 'One point per day.', MONTH: 'One point per calendar month (the first month may be partial).' },
  },
  ReportForm: {
    description: 'Which form of the national programme to generate.',
    values: { PLAN: '別紙1 事業計画書 (the plan, before the period).', REPORT: '別紙2 実施状況報告書 (the report, after the period).' },
  },
  ReportFormat: {
    description: 'The file a download link serves.',
    values: {
      DOCX: 'The form as a Word document (.docx).',
      CSV: 'The usage figures of the period as CSV (UTF-8 with BOM), with the previous period beside them.',
    },
  },
  FigureOrigin: {
    description: 'Where a usage figure comes from.',
    values: { COUNTED: 'Counted by the system from what it recorded.', ENTERED: 'Entered by staff per month, for what happens outside the system.' },
  },
  ManualFigureDefinition: {
    description: 'A figure staff enter by hand per month.',
    fields: { name: 'Stable id, `manual.<figure>`.', label: 'What it counts, in the request’s language.', hint: 'What to include, in the request’s language.' },
  },
  ManualFigureEntry: {
    description: 'What staff entered for one figure and month.',
    fields: {
      month: 'The month’s first day.',
      figure: 'The figure (`manual.…`).',
      value: 'The count.',
      enteredBy: 'Name of the staff member who last changed it; null when that account no longer exists.',
      enteredAt: 'When it was last changed.',
    },
  },
  ManualFigures: {
    description: 'The figures staff enter by hand, and what was entered for the months of a period.',
    fields: {
      from: 'First day of the period.',
      to: 'Last day of the period.',
      maxValue: 'The largest value a month accepts.',
      definitions: 'The figures, in report order.',
      entries: 'What was entered, by month and figure (months with nothing entered have no entries).',
    },
  },
  IntakeStartedInput: {
    description: 'A form started (nothing about the visitor).',
    fields: { municipalityCode: 'The municipality whose form it is (6 digits); the calling page’s origin must be one of its allowed origins.' },
  },
  ManualFigureValueInput: {
    description: 'One figure of one month.',
    fields: { figure: 'The figure (`manual.…`).', value: 'The count, 0 to `maxValue`; null clears what was entered.' },
  },
  SaveManualFiguresInput: {
    description: 'The figures of one month; figures not listed keep their value.',
    fields: { month: 'The month’s first day (YYYY-MM-01), not after this month.', values: 'The figures to set or clear.' },
  },
  ReportPeriodInput: {
    description: 'A period of Japan calendar days.',
    fields: { from: 'First day (YYYY-MM-DD).', to: 'Last day (YYYY-MM-DD), not before `from`.' },
  },
  FigurePoint: {
    description: 'A figure’s value in one bucket of time.',
    fields: { start: 'First day of the bucket.', value: 'The count, or the average (null when nothing was rated).' },
  },
  UsageFigure: {
    description: 'One usage figure over the period: in total (`key` null) or one breakdown of it (a channel, a department, a status).',
    fields: {
      name: 'Stable id, `<module>.<figure>`, e.g. `chat.sessions`.',
      origin: 'COUNTED by the system, or ENTERED by staff (`manual.…`).',
      label: 'What it counts, in the request’s language.',
      key: 'The breakdown (e.g. `phone`, `livelihood-support`); null for the figure’s total.',
      keyLabel: 'The breakdown named in the request’s language; null for the total.',
      total: 'The count over the period (an average for `chat.ratingAverage`; null when there is nothing to average).',
      previousTotal: 'The same over the period of the same length just before (the year before for a fiscal or calendar year).',
      points: 'The figure over time, one point per bucket.',
    },
  },
  UsageFigures: {
    description:
      'Usage figures (利用実績) of a municipality: counts only, no personal data. Kept per day (per month for monthly figures), so they outlive the records they counted; what is not kept yet (the last two days, the current month) is counted live and may be up to 30 seconds old.',
    fields: {
      municipalityCode: 'The municipality (6 digits).',
      from: 'First day of the period.',
      to: 'Last day of the period.',
      previousFrom: 'First day of the period compared with.',
      previousTo: 'Last day of the period compared with.',
      modules: 'The modules contributing figures. A module not installed contributes none: its figures are absent, not zero.',
      figures: 'Every figure of those modules, each total followed by its breakdowns.',
    },
  },
  ReportDownload: {
    description: 'A short-lived link to a generated file; the download is written to the audit log.',
    fields: { url: 'Path on this API to GET (works without a bearer token until it expires).', expiresAt: 'When the link stops working (five minutes).' },
  },
  ReportCost: {
    description: 'One line of 事業経費.',
    fields: { category: '経費区分 (e.g. 委託料, 報酬).', amount: 'Yen.', breakdown: '積算内訳 (how the amount is made up).' },
  },
  ReportCostInput: {
    description: 'One line of 事業経費.',
    fields: { category: '経費区分 (e.g. 委託料, 報酬), at most 50 characters.', amount: 'Yen, 0 or more.', breakdown: '積算内訳, at most 500 characters.' },
  },
  ReportStaffCounts: {
    description: '相談支援担当職員の配置.',
    fields: {
      fullTime: '常勤.',
      partTime: '非常勤.',
      selfRelianceSupporters: 'Of whom 母子・父子自立支援員.',
      employmentSupporters: 'Of whom 就業支援専門員.',
    },
  },
  ReportStaffInput: {
    description: '相談支援担当職員の配置 (0–999 each).',
    fields: {
      fullTime: '常勤.',
      partTime: '非常勤.',
      selfRelianceSupporters: 'Of whom 母子・父子自立支援員.',
      employmentSupporters: 'Of whom 就業支援専門員.',
    },
  },
  SaveReportInputInput: {
    description: 'What staff enter for a form and period; replaces what was saved before.',
    fields: {
      period: PERIOD,
      form: 'PLAN (別紙1) or REPORT (別紙2).',
      costs: '事業経費, at most 50 lines.',
      staff: 'Staff counts.',
      issues: '今後の課題 (REPORT), at most 4,000 characters.',
      attachments: '添付資料: document names, at most 30 of 200 characters.',
      plan: '事業内容 in the plan’s own words (PLAN), at most 4,000 characters.',
    },
  },
  ReportStaffInputView: {
    description: 'What staff entered for a form and period (empty when nothing was saved).',
    fields: {
      from: 'First day.',
      to: 'Last day.',
      form: 'The form.',
      costs: '事業経費.',
      staff: 'Staff counts.',
      issues: '今後の課題.',
      attachments: '添付資料.',
      plan: '事業内容 (PLAN).',
      updatedAt: 'When it was last saved; null when never.',
    },
  },
  Query: {
    fields: {
      usageFigures: {
        description:
          'Usage figures of a municipality for a period, with the previous period beside them (supervisors and admins of the owning department of that municipality; others get FORBIDDEN).',
        args: { period: PERIOD, municipalityCode: 'The municipality (6 digits): your own.', bucket: 'How to group the points (default MONTH).' },
      },
      implementationReport: {
        description:
          'A short-lived link to 別紙1 事業計画書 or 別紙2 実施状況報告書 generated for the period (or its figures as CSV). Supervisors and admins of the owning department.',
        args: { period: PERIOD, form: 'PLAN (別紙1) or REPORT (別紙2).', format: 'DOCX (default) or CSV.' },
      },
      manualFigures: {
        description:
          'The figures staff enter by hand per month and what was entered for the months of the period (supervisors and admins of the owning department).',
        args: { period: PERIOD },
      },
      reportInput: {
        description: 'What staff entered for a form and period (supervisors and admins of the owning department).',
        args: { period: PERIOD, form: 'PLAN or REPORT.' },
      },
    },
  },
  Mutation: {
    fields: {
      intakeStarted: {
        description:
          'Public, sent once by the intake widget when a family gets past the first page: counts one form started for the municipality today. Nothing else is kept (no address, no cookie); rate-limited per client.',
        args: { input: 'Which municipality’s form.' },
      },
      saveManualFigures: {
        description:
          'Set or clear the hand-entered figures of one month (supervisors and admins of the owning department). Who and when change only for values that change.',
        args: { input: 'The month and its figures; BAD_USER_INPUT names the field that is wrong.' },
      },
      saveReportInput: {
        description: 'Save what staff enter for a form and period: costs, staff counts, issues, attachments (supervisors and admins of the owning department).',
        args: { input: 'The input; BAD_USER_INPUT names the field that is wrong.' },
      },
    },
  },
};
