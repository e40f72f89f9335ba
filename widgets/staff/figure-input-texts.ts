/**
 * Texts of the hand-entered figures screen: [Japanese, English, やさしい日本語]. The console's switch
 * offers Japanese and English today; the third column is ready for its やさしい日本語 mode (the API's
 * own messages already follow Accept-Language: ja-easy).
 */
export const FX = {
  heading: ['手入力の実績', 'Figures entered by hand', 'てで いれる かず'],
  intro: [
    'システムでは数えられない実績（個人票に記録していない電話・訪問・窓口の相談、説明会など）を月ごとに入力します。入力した数は利用実績と別紙2に「職員入力」として載ります。',
    'Enter, per month, what the system cannot count (phone, visit and desk consultations not recorded in a record, information sessions). They appear in the usage figures and Annex 2 marked as entered by staff.',
    'システムが かぞえられない そうだんの かずを、つきごとに いれます。',
  ],
  month: ['対象の月', 'Month', 'どの つき'],
  monthHint: ['月を選ぶと、その月に入力済みの数が表示されます。', 'Choosing a month shows what was entered for it.', 'つきを えらぶと、いれた かずが でます。'],
  monthName: ['%年%月', '%-%', '%ねん %がつ'],
  figuresOf: ['%の実績', 'Figures for %', '%の かず'],
  enteredBy: ['入力：%（%）', 'Entered by % (%)', 'いれた ひと：%（%）'],
  enteredByUnknown: ['入力：%（記録なし）', 'Entered % (by an account that no longer exists)', 'いれた ひと：わからない（%）'],
  notEntered: ['未入力', 'Not entered', 'まだ いれて いません'],
  emptyClears: ['空欄で保存すると、その項目の入力を取り消します。', 'Saving a field empty clears it.', 'からで ほぞんすると けします。'],
  save: ['この月の実績を保存', 'Save this month', 'この つきを ほぞん'],
  saving: ['保存しています…', 'Saving…', 'ほぞん して います…'],
  saved: ['%の実績を保存しました。', 'Saved the figures for %.', '%の かずを ほぞん しました。'],
  unchanged: ['変更はありません。', 'Nothing changed.', 'かわった ところは ありません。'],
  notNumber: ['0〜%の整数で入力してください。', 'Enter a whole number from 0 to %.', '0から %までの かずで いれて ください。'],
  errorsFound: ['入力に誤りが%件あります。', '% fields need correcting.', 'なおす ところが %こ あります。'],
  yearTable: ['%年度の入力状況', 'Entered in fiscal year %', '%ねんどに いれた かず'],
  previewHeading: ['報告書のプレビュー（別紙2「4 事業の効果」）', 'Report preview (Annex 2, “4 Effects”)', 'ほうこくしょの みほん'],
  previewIntro: [
    '%～%の数です。「出典」はシステムが記録から数えたものか、職員が入力したものかを示します。',
    'Figures for % to %. “Source” says whether the system counted it or staff entered it.',
    '%から %までの かずです。「どこから」は システムが かぞえたか、しょくいんが いれたかです。',
  ],
  item: ['項目', 'Item', 'こうもく'],
  current: ['当期', 'This period', 'こんかい'],
  previous: ['前期', 'Previous period', 'まえ'],
  source: ['出典', 'Source', 'どこから'],
  counted: ['システム集計', 'Counted by the system', 'システムが かぞえた'],
  entered: ['職員入力', 'Entered by staff', 'しょくいんが いれた'],
  loading: ['読み込んでいます…', 'Loading…', 'よみこんで います…'],
  forbidden: [
    'この画面は、ひとり親支援担当課の監督者と管理者だけが使えます。',
    'Only supervisors and admins of the single-parent support division can use this page.',
    'この がめんは かかりちょうと かんりしゃだけが つかえます。',
  ],
} as const;
export type FxKey = keyof typeof FX;

/** Full-width digits to ASCII and thousands separators dropped: 「１，２００」 is 1200. */
export function normaliseCount(raw: string): string {
  return raw
    .trim()
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[,，]/g, '');
}

/** The months of the fiscal year containing `month` (YYYY-MM-01), April first, not after `last`. */
export function fiscalMonths(month: string, last: string): string[] {
  const y = Number(month.slice(0, 4)) - (month.slice(5, 7) < '04' ? 1 : 0);
  const out: string[] = [];
  for (let i = 0; i < 12; i++) {
    const m = ((3 + i) % 12) + 1;
    const iso = `${m < 4 ? y + 1 : y}-${String(m).padStart(2, '0')}-01`;
    if (iso <= last) out.push(iso);
  }
  return out;
}

/** The months a staff member may pick: this month back to April two fiscal years ago, newest first. */
export function selectableMonths(thisMonth: string): string[] {
  const y = Number(thisMonth.slice(0, 4)) - (thisMonth.slice(5, 7) < '04' ? 1 : 0) - 2;
  const out: string[] = [];
  for (let d = new Date(`${y}-04-01T00:00:00Z`); d.toISOString().slice(0, 10) <= thisMonth; d.setUTCMonth(d.getUTCMonth() + 1))
    out.push(d.toISOString().slice(0, 10));
  return out.reverse();
}
