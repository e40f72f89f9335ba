/** Texts of the printable 個人票: [Japanese, English] (kept apart from i18n.ts: one view's words). */
export const P = {
  heading: ['電子個人票（個人票）', 'Personal record (個人票)'],
  printButton: ['印刷する', 'Print'],
  back: ['個人票に戻る', 'Back to the record'],
  intro: [
    'あなたの部署が見られる項目だけを印刷します。印刷用の画面を開いたことは監査ログに記録されます。',
    'Only the sections your department may see are printed. Opening this print view is recorded in the audit log.',
  ],
  reference: ['受付番号', 'Reference number'],
  owner: ['所有部署', 'Owning department'],
  version: ['版', 'Version'],
  printedBy: ['印刷者', 'Printed by'],
  printedAt: ['印刷日時', 'Printed at'],
  footer: ['受付番号 %・印刷 %・%', 'Reference % · printed % · by %'],
  masked: ['＊＊＊（%）', '*** (%)'],
  consultationsNone: ['相談対応履歴はありません。', 'No consultations.'],
  date: ['日付', 'Date'],
  channel: ['方法', 'Channel'],
  summary: ['内容', 'Summary'],
  staff: ['担当', 'Staff'],
  loading: ['読み込んでいます…', 'Loading…'],
} as const satisfies Record<string, readonly [string, string]>;

export type PKey = keyof typeof P;
