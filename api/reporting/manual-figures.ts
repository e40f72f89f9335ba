import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput, type FieldProblem, todayInJapan } from '../core';
import type { Locale, LocalizedText } from '../core';
import { StaffMember } from '../staff';
import type { DayCount, FigureSource } from './figure-registry';
import { ManualFigure } from './manual-figure.entity';

/**
 * Figures staff enter by hand, per month: what happens outside the system (a call nobody recorded
 * against a family, a visit, an information session). They are a figure source like the others
 * (`origin: 'staff'`), so the dashboard and 別紙2 show them beside the counted ones and mark them.
 */

const text = (ja: string, en: string, easy: string): LocalizedText => ({ ja, en, 'ja-easy': easy });

export interface ManualFigureDefinition {
  name: string;
  label: LocalizedText;
  /** What to count, shown under the field. */
  hint: LocalizedText;
}

export const MANUAL_FIGURES: readonly ManualFigureDefinition[] = [
  {
    name: 'manual.phoneConsultations',
    label: text('電話相談（個人票に記録していないもの）', 'Phone consultations not recorded in a record', 'でんわの そうだん（きろく していない もの）'),
    hint: text(
      '匿名の相談など、電子個人票の相談対応履歴に入れていない件数。',
      'Calls not entered in a record’s consultation history, e.g. anonymous ones.',
      'なまえを いわない そうだん など。',
    ),
  },
  {
    name: 'manual.visitConsultations',
    label: text('訪問相談（個人票に記録していないもの）', 'Home visits not recorded in a record', 'いえに いった そうだん（きろく していない もの）'),
    hint: text(
      '家庭訪問や出張相談で、相談対応履歴に入れていない件数。',
      'Home and outreach visits not entered in a consultation history.',
      'いえや ほかの ばしょで した そうだん。',
    ),
  },
  {
    name: 'manual.walkInConsultations',
    label: text('窓口相談（個人票に記録していないもの）', 'Walk-in consultations not recorded in a record', 'まどぐちの そうだん（きろく していない もの）'),
    hint: text(
      '窓口で受けた相談のうち、相談対応履歴に入れていない件数。',
      'Desk consultations not entered in a consultation history.',
      'まどぐちで きいた そうだん。',
    ),
  },
  {
    name: 'manual.events',
    label: text('説明会・相談会の開催回数', 'Information sessions and consultation events held', 'せつめいかい・そうだんかいの かいすう'),
    hint: text('この月に開いた説明会・相談会の回数。', 'How many sessions were held this month.', 'この つきに ひらいた かず。'),
  },
  {
    name: 'manual.eventParticipants',
    label: text('説明会・相談会の参加者数', 'Participants in those sessions', 'せつめいかい・そうだんかいに きた ひと'),
    hint: text('参加者の延べ人数。', 'Total attendance.', 'きた ひとの かず（のべ）。'),
  },
];

/** The largest value a month can hold: far above any municipality's month, low enough to catch a typo. */
export const MAX_MANUAL_VALUE = 99_999;

export const MANUAL_SOURCE: FigureSource = {
  module: 'manual',
  per: 'month',
  origin: 'staff',
  figures: MANUAL_FIGURES.map((f) => ({ name: f.name, label: f.label })),
  async count(em, code, r): Promise<DayCount[]> {
    // Inside the sealing transaction when sealing (a save of the month waits for it: figure-store.ts).
    const rows = await em
      .getConnection()
      .execute<{ day: string; figure: string; value: number }[]>(
        `select to_char(month, 'YYYY-MM-DD') as day, figure, value from manual_figure where municipality_code = ? and month >= date_trunc('month', ?::date)::date and month <= ?::date and value <> 0`,
        [code, r.from, r.to],
        'all',
        em.getTransactionContext(),
      );
    return rows.map((x) => ({ day: x.day, figure: x.figure, key: '', value: Number(x.value) }));
  },
};

export interface ManualEntry {
  month: string;
  figure: string;
  value: number;
  enteredBy: string | null;
  enteredAt: Date;
}

const NOT_FIRST = text('月の初日（1日）を指定してください。', 'Give the first day of the month.', 'つきの 1にちを えらんで ください。');
const FUTURE = text(
  'まだ来ていない月には入力できません。',
  'You cannot enter figures for a month that has not begun.',
  'まだ きて いない つきには かけません。',
);
const UNKNOWN = text('この項目は手入力できません。', 'This figure cannot be entered by hand.', 'この こうもくは かけません。');
const TWICE = text('同じ項目が二度あります。', 'This figure is given twice.', 'おなじ こうもくが 2かい あります。');
const BAD_VALUE = text(
  `0〜${MAX_MANUAL_VALUE.toLocaleString('ja-JP')}の整数で入力してください。`,
  `Enter a whole number from 0 to ${MAX_MANUAL_VALUE.toLocaleString('en-GB')}.`,
  `0から ${MAX_MANUAL_VALUE}までの かずで かいて ください。`,
);

/** The entries of a municipality's months from..to (first days), with the name of who last changed each. */
export async function manualEntries(em: EntityManager, code: string, from: string, to: string): Promise<ManualEntry[]> {
  const rows = await em.find(
    ManualFigure,
    { municipalityCode: code, month: { $gte: `${from.slice(0, 7)}-01`, $lte: to } },
    { orderBy: { month: 'asc', figure: 'asc' } },
  );
  const ids = [...new Set(rows.map((r) => r.enteredBy).filter((x): x is string => !!x))];
  const names = new Map((ids.length ? await em.find(StaffMember, { id: { $in: ids } }, { fields: ['id', 'name'] }) : []).map((s) => [s.id, s.name]));
  return rows.map((r) => ({
    month: r.month,
    figure: r.figure,
    value: r.value,
    enteredBy: r.enteredBy ? (names.get(r.enteredBy) ?? null) : null,
    enteredAt: r.enteredAt,
  }));
}

/**
 * Saves one month's values: a number sets it (who and when change only when the value does), null
 * clears it. Rejected input changes nothing.
 */
export async function saveManualEntries(
  em: EntityManager,
  code: string,
  staffId: string,
  month: string,
  values: { figure: string; value: number | null | undefined }[],
  locale: Locale,
  now = new Date(),
): Promise<void> {
  const problems: FieldProblem[] = [];
  if (!/^\d{4}-\d{2}-01$/.test(month)) problems.push({ field: 'input.month', messages: NOT_FIRST });
  else if (month > todayInJapan(now)) problems.push({ field: 'input.month', messages: FUTURE });
  const seen = new Set<string>();
  values.forEach((v, i) => {
    if (!MANUAL_FIGURES.some((f) => f.name === v.figure)) problems.push({ field: `input.values.${i}.figure`, messages: UNKNOWN });
    else if (seen.has(v.figure)) problems.push({ field: `input.values.${i}.figure`, messages: TWICE });
    seen.add(v.figure);
    if (v.value != null && (!Number.isInteger(v.value) || v.value < 0 || v.value > MAX_MANUAL_VALUE))
      problems.push({ field: `input.values.${i}.value`, messages: BAD_VALUE });
  });
  if (problems.length > 0) throw badInput(problems, locale);
  const existing = new Map((await em.find(ManualFigure, { municipalityCode: code, month })).map((r) => [r.figure, r]));
  for (const v of values) {
    const row = existing.get(v.figure);
    if (v.value == null) {
      if (row) em.remove(row);
    } else if (!row) {
      em.create(ManualFigure, { municipalityCode: code, month, figure: v.figure, value: v.value, enteredBy: staffId, enteredAt: now });
    } else if (row.value !== v.value) {
      row.value = v.value;
      row.enteredBy = staffId;
      row.enteredAt = now;
    }
  }
  await em.flush();
}
