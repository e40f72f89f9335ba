import type { EntityManager } from '@mikro-orm/postgresql';
import type { AccessGate } from '../access';
import { addDays, apiError, badInput, type FieldProblem, type Locale, type LocalizedText, OWNER_DEPARTMENT, StaffRole } from '../core';
import { Municipality } from '../municipality';
import { type Bucket, figureLines, previousPeriod, previousTotals } from './figure-totals';
import type { FigureStore } from './figure-store';
import { LINK_TTL_MS, signGrant } from './report-link';
import { EMPTY_REPORT_INPUT, ReportInput, type ReportInputData } from './report-input.entity';
import { MANUAL_FIGURES, MAX_MANUAL_VALUE, manualEntries, saveManualEntries } from './manual-figures';
import {
  FigureOrigin,
  type ManualFigures,
  type ReportDownload,
  type ReportForm,
  type ReportFormat,
  type ReportStaffInputView,
  type SaveManualFiguresInput,
  type SaveReportInputInput,
  type UsageFigures,
} from './reporting.types';

/** The longest period one query covers (three years and a leap day): bounds the work of one request. */
export const MAX_PERIOD_DAYS = 1096;
const MUNICIPALITY_CODE = /^\d{6}$/;

const t = (ja: string, en: string, easy: string): LocalizedText => ({ ja, en, 'ja-easy': easy });
const SUPERVISORS_ONLY = t(
  '利用実績と報告書は、ひとり親支援担当課の監督者と管理者だけが扱えます。',
  'Only supervisors and admins of the single-parent support division see usage figures and reports.',
  'これは ひとり親の 係の 係長と 管理者だけが 見られます。',
);
const OTHER_MUNICIPALITY = t('ほかの自治体の実績は見られません。', 'You cannot see another municipality’s figures.', 'ほかの 市の ことは 見られません。');
const BAD_CODE = t('全国地方公共団体コード（6桁）を入力してください。', 'Enter a 6-digit municipality code.', '6けたの 市の 番号を 書いて ください。');
const BAD_ORDER = t(
  '終わりの日は始まりの日より後にしてください。',
  'The end must not be before the start.',
  '終わりの 日は 始まりの 日より あとに して ください。',
);
const TOO_LONG = t('期間は3年以内にしてください。', 'A period is at most three years.', '3年より 短く して ください。');
const TOO_MANY = (n: number) => t(`${n}件以内にしてください。`, `At most ${n} entries.`, `${n}こ までに して ください。`);
const TOO_LONG_TEXT = (n: number) => t(`${n}文字以内にしてください。`, `At most ${n} characters.`, `${n}もじ までに して ください。`);
const BAD_AMOUNT = t('金額は0円以上の整数で入力してください。', 'Amounts are whole yen, 0 or more.', 'お金は 0円より 大きい 数で 書いて ください。');
const BAD_COUNT = t('人数は0〜999で入力してください。', 'Staff counts are 0 to 999.', '人の 数は 0から 999までです。');
const EMPTY_TEXT = t('入力してください。', 'Please fill this in.', '書いて ください。');

/** The first day of the month after `month` (YYYY-MM-01). */
function nextMonth(month: string): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

/** Usage figures, staff input and report links (issue 19). Supervisors and admins of the owning department only. */
export class ReportingService {
  constructor(
    private readonly em: EntityManager,
    private readonly gate: AccessGate,
    private readonly store: FigureStore,
    private readonly locale: Locale,
  ) {}

  /** The viewer, if a supervisor or admin of the owning department (of `code`, when given). */
  private supervisor(code?: string) {
    const v = this.gate.staff();
    if (v.department !== OWNER_DEPARTMENT || (v.role !== StaffRole.SUPERVISOR && v.role !== StaffRole.ADMIN))
      throw apiError('FORBIDDEN', SUPERVISORS_ONLY, this.locale);
    if (code !== undefined && code !== v.municipalityCode) throw apiError('FORBIDDEN', OTHER_MUNICIPALITY, this.locale);
    return v;
  }

  private period(from: string, to: string, field: string): void {
    if (to < from) throw badInput([{ field: `${field}.to`, messages: BAD_ORDER }], this.locale);
    if ((Date.parse(to) - Date.parse(from)) / 86_400_000 + 1 > MAX_PERIOD_DAYS) throw badInput([{ field: `${field}.to`, messages: TOO_LONG }], this.locale);
  }

  async usageFigures(from: string, to: string, code: string, bucket: Bucket): Promise<UsageFigures> {
    if (!MUNICIPALITY_CODE.test(code)) {
      this.supervisor();
      throw badInput([{ field: 'municipalityCode', messages: BAD_CODE }], this.locale);
    }
    this.supervisor(code);
    this.period(from, to, 'period');
    const prev = previousPeriod(from, to);
    const month = bucket === 'MONTH';
    // The period and the one before it read side by side (two pooled connections): the dashboard waits
    // for the slower of the two instead of their sum.
    const [now, then] = await Promise.all([
      this.store.read(this.em, code, from, to, { month }),
      this.store.read(this.em, code, prev.from, prev.to, { month: true }),
    ]);
    const lines = figureLines(this.store.registry, now, from, to, bucket);
    const before = figureLines(this.store.registry, then, prev.from, prev.to, 'MONTH');
    const previousOf = previousTotals(before);
    return {
      municipalityCode: code,
      from,
      to,
      previousFrom: prev.from,
      previousTo: prev.to,
      modules: this.store.registry.all().map((s) => s.module),
      figures: lines.map((l) => ({
        name: l.name,
        label: l.label[this.locale],
        key: l.key === '' ? null : l.key,
        keyLabel: l.keyLabel ? l.keyLabel[this.locale] : null,
        origin: l.entered ? FigureOrigin.ENTERED : FigureOrigin.COUNTED,
        total: l.total,
        previousTotal: previousOf(l),
        points: l.points,
      })),
    };
  }

  async reportInput(from: string, to: string, form: ReportForm): Promise<ReportStaffInputView> {
    const v = this.supervisor();
    this.period(from, to, 'period');
    const row = await this.em.findOne(ReportInput, { municipality: v.municipalityCode, form, periodFrom: from, periodTo: to });
    return { from, to, form, ...(row?.data ?? EMPTY_REPORT_INPUT), updatedAt: row?.updatedAt ?? null };
  }

  async saveReportInput(input: SaveReportInputInput): Promise<ReportStaffInputView> {
    const v = this.supervisor();
    const { from, to } = input.period;
    this.period(from, to, 'input.period');
    const problems: FieldProblem[] = [];
    const text = (value: string, max: number, field: string, required = false) => {
      if ([...value].length > max) problems.push({ field, messages: TOO_LONG_TEXT(max) });
      else if (required && value.trim() === '') problems.push({ field, messages: EMPTY_TEXT });
    };
    if (input.costs.length > 50) problems.push({ field: 'input.costs', messages: TOO_MANY(50) });
    input.costs.slice(0, 50).forEach((c, i) => {
      text(c.category, 50, `input.costs.${i}.category`, true);
      text(c.breakdown, 500, `input.costs.${i}.breakdown`);
      if (!Number.isInteger(c.amount) || c.amount < 0) problems.push({ field: `input.costs.${i}.amount`, messages: BAD_AMOUNT });
    });
    for (const k of ['fullTime', 'partTime', 'selfRelianceSupporters', 'employmentSupporters'] as const) {
      const n = input.staff[k];
      if (!Number.isInteger(n) || n < 0 || n > 999) problems.push({ field: `input.staff.${k}`, messages: BAD_COUNT });
    }
    text(input.issues, 4000, 'input.issues');
    text(input.plan, 4000, 'input.plan');
    if (input.attachments.length > 30) problems.push({ field: 'input.attachments', messages: TOO_MANY(30) });
    input.attachments.slice(0, 30).forEach((a, i) => text(a, 200, `input.attachments.${i}`, true));
    if (problems.length > 0) throw badInput(problems, this.locale);
    const data: ReportInputData = {
      costs: input.costs.map((c) => ({ category: c.category.trim(), amount: c.amount, breakdown: c.breakdown.trim() })),
      staff: { ...input.staff },
      issues: input.issues.trim(),
      attachments: input.attachments.map((a) => a.trim()),
      plan: input.plan.trim(),
    };
    const found = await this.em.findOne(ReportInput, { municipality: v.municipalityCode, form: input.form, periodFrom: from, periodTo: to });
    const row =
      found ??
      this.em.create(ReportInput, {
        municipality: this.em.getReference(Municipality, v.municipalityCode),
        form: input.form,
        periodFrom: from,
        periodTo: to,
        data,
        updatedAt: new Date(),
      });
    row.data = data;
    row.updatedAt = new Date();
    row.updatedBy = v.staffId;
    await this.em.flush();
    return { from, to, form: input.form, ...data, updatedAt: row.updatedAt };
  }

  /** The figures staff enter by hand, and what was entered for the months of the period. */
  async manualFigures(from: string, to: string): Promise<ManualFigures> {
    const v = this.supervisor();
    this.period(from, to, 'period');
    return this.manualView(v.municipalityCode, from, to);
  }

  async saveManualFigures(input: SaveManualFiguresInput): Promise<ManualFigures> {
    const v = this.supervisor();
    // One transaction under the module's sealing lock: the month's stored counts go with the change,
    // and a seal running at the same moment counts either before it or after it, never half.
    await this.em.transactional(async (tx) => {
      await this.store.lock(tx, v.municipalityCode, 'manual');
      await saveManualEntries(tx, v.municipalityCode, v.staffId, input.month, input.values, this.locale);
      await this.store.forgetMonths(tx, v.municipalityCode, 'manual', input.month, input.month);
    });
    // The month saved, as the screen shows it after saving.
    const end = addDays(nextMonth(input.month), -1);
    return this.manualView(v.municipalityCode, input.month, end);
  }

  private async manualView(code: string, from: string, to: string): Promise<ManualFigures> {
    return {
      from,
      to,
      maxValue: MAX_MANUAL_VALUE,
      definitions: MANUAL_FIGURES.map((f) => ({ name: f.name, label: f.label[this.locale], hint: f.hint[this.locale] })),
      entries: await manualEntries(this.em, code, from, to),
    };
  }

  /** A signed link to the generated file, served by GET /reports/<token> (report-route.ts). */
  implementationReport(from: string, to: string, form: ReportForm, format: ReportFormat, secret: string, now = Date.now()): ReportDownload {
    const v = this.supervisor();
    this.period(from, to, 'period');
    const exp = now + LINK_TTL_MS;
    const token = signGrant(secret, { municipalityCode: v.municipalityCode, form, format, from, to, staffId: v.staffId, exp });
    return { url: `/reports/${token}`, expiresAt: new Date(exp) };
  }
}
