/** Texts of the usage dashboard: [Japanese, English] (kept apart from i18n.ts: one view's words). */
export const D = {
  heading: ['利用実績', 'Usage figures'],
  intro: [
    '相談や申請の件数を期間ごとに示します。件数だけを数えており、個人を特定する情報は含みません。前の同じ長さの期間（年度なら前年度）と比べます。',
    'Counts of consultations and requests for a period, compared with the period before (the year before for a fiscal year). Counts only: nothing that identifies anyone.',
  ],
  period: ['期間', 'Period'],
  from: ['開始日', 'From'],
  to: ['終了日', 'To'],
  show: ['表示する', 'Show'],
  thisYear: ['今年度', 'This fiscal year'],
  lastYear: ['前年度', 'Last fiscal year'],
  loading: ['読み込んでいます…', 'Loading…'],
  shown: ['%～% の利用実績を表示しました。', 'Showing usage from % to %.'],
  forbidden: [
    'この画面は、ひとり親支援担当課の監督者と管理者だけが使えます。',
    'Only supervisors and admins of the single-parent support division can use this page.',
  ],
  key: ['主な数字', 'Key figures'],
  showing: ['%～%の実績です。前期は%～%です。', 'Figures for % to %. The previous period is % to %.'],
  current: ['当期', 'This period'],
  previous: ['前期', 'Previous period'],
  change: ['増減', 'Change'],
  byMonth: ['月別の推移', 'By month'],
  byChannel: ['相談の方法別', 'Consultations by channel'],
  byDepartment: ['部署別', 'By department'],
  asTable: ['表で見る：%', 'As a table: %'],
  month: ['月', 'Month'],
  item: ['項目', 'Item'],
  count: ['件数', 'Count'],
  chartMonthly: ['%の月別棒グラフ。最大 %（%）。', 'Monthly bar chart of %. Highest % (%).'],
  chartBreakdown: ['%の棒グラフ（当期と前期）。', 'Bar chart of % (this period and the previous one).'],
  none: ['この期間の記録はありません。', 'Nothing recorded in this period.'],
  reports: ['報告書', 'Reports'],
  reportsIntro: [
    'こども家庭庁への提出様式を、この期間で作成します（事業経費・今後の課題・添付資料は職員の入力から）。',
    'The forms for the Children and Families Agency, for this period (costs, issues and attachments come from what staff entered).',
  ],
  report: ['別紙2 実施状況報告書（Word）', 'Annex 2 implementation report (Word)'],
  plan: ['別紙1 事業計画書（Word）', 'Annex 1 plan (Word)'],
  csv: ['利用実績（CSV）', 'Usage figures (CSV)'],
  downloading: ['ダウンロードを始めました。', 'The download has started.'],
  badPeriod: ['開始日と終了日を正しく入力してください。', 'Enter a valid start and end date.'],
} as const;
export type DKey = keyof typeof D;

/** The fiscal year (4/1–3/31) containing `today`, or `back` years before it. */
export function fiscalYear(today: string, back = 0): { from: string; to: string } {
  const y = Number(today.slice(0, 4)) - (today.slice(5, 7) < '04' ? 1 : 0) - back;
  return { from: `${y}-04-01`, to: `${y + 1}-03-31` };
}
