import type { Lang } from './i18n.js';

/** Texts of 「支援制度の設定」: [Japanese, English, やさしい日本語]; `%` is a placeholder, replaced in order. */
export const P = {
  heading: ['支援制度の設定', 'Programme settings', '支援制度の 設定'],
  intro: [
    'この自治体での支援制度の案内を変えます：問い合わせ先、案内する・しない、都道府県と市区町村の制度の金額（国の制度の金額は変えられません）。「変更を確認」で違いを見てから適用してください。適用するとすぐに、制度の判定・チャットボット・受付フォームに反映され、管理の記録に残ります。この画面の設定は、設定ファイル（seeds/programmes/overrides）の内容より優先されます。',
    'Change how your municipality presents its programmes: the contact point, whether a programme is offered, and the amounts of prefectural and municipal programmes (national amounts cannot change). Check the differences with “Check changes”, then apply. Applied settings take effect at once for eligibility, the chatbot and the intake form, and are recorded in the administration trail. Settings made here take precedence over the overrides file (seeds/programmes/overrides).',
    'この 自治体の 支援制度の 案内を かえます。「へんこうを たしかめる」を おして から「てきよう」して ください。すぐに 反映 されます。',
  ],
  level_national: ['国', 'National', '国'],
  level_prefectural: ['都道府県', 'Prefectural', '都道府県'],
  level_municipal: ['市区町村', 'Municipal', '市区町村'],
  off: ['案内しない', 'Not offered', '案内 しない'],
  changedHere: ['この画面で変更', 'Changed here', 'ここで かえた'],
  enabled: ['この自治体で案内する', 'Offered in this municipality', 'この 自治体で 案内 する'],
  contact: ['問い合わせ先', 'Contact point', 'といあわせ さき'],
  ja: ['日本語', 'Japanese', 'にほんご'],
  en: ['英語', 'English', 'えいご'],
  jaEasy: ['やさしい日本語（ふりがなは 漢字{かんじ} の形）', 'Easy Japanese (furigana as 漢字{かんじ})', 'やさしい にほんご'],
  amount: ['金額：%（円）', 'Amount: % (yen)', '金額：%（円）'],
  fileValue: ['設定ファイルの値：%円', 'Overrides file: % yen', 'ファイルの 金額：%円'],
  nationalAmounts: ['国の制度の金額は変えられません。', 'National amounts cannot be changed.', '国の 制度の 金額は かえられません。'],
  preview: ['変更を確認', 'Check changes', 'へんこうを たしかめる'],
  apply: ['適用する', 'Apply', 'てきよう する'],
  previewHeading: ['確認：変わる内容', 'Check: what changes', 'かわる こと'],
  noChanges: ['変わる内容はありません。', 'Nothing changes.', 'かわる ことは ありません。'],
  previewed: ['変わる内容は%件です。よければ「適用する」を押してください。', '% changes. Press “Apply” if they are right.', '% こ かわります。'],
  applied: ['適用しました（版 %）。', 'Applied (version %).', 'てきよう しました。'],
  conflict: [
    'ほかの管理者が先に変更しました。最新の設定を読み込みました。もう一度変更してください。',
    'Another admin changed the settings first. The latest settings are loaded; make your change again.',
    'ほかの 人が 先に かえました。もう一度 かえて ください。',
  ],
  problems: ['入力に誤りがあります（%件）。', 'Some input needs fixing (%).', 'なおす ところが あります（%）。'],
  field_enabled: ['案内', 'Offered', '案内'],
  field_contact: ['問い合わせ先（%）', 'Contact (%)', 'といあわせ さき（%）'],
  field_amount: ['金額：%', 'Amount: %', '金額：%'],
  yes: ['案内する', 'offered', 'する'],
  no: ['案内しない', 'not offered', 'しない'],
  version: ['設定の版：%', 'Settings version: %', '版：%'],
} as const satisfies Record<string, readonly [string, string, string]>;

export type PKey = keyof typeof P;

/**
 * The amounts the catalogue declares, named for people (the key itself, e.g. `monthlyCap`, meant nothing
 * to the admin who tried the screen). A municipality's own amount not named here shows its key.
 */
const AMOUNT_NAMES: Record<string, readonly [string, string, string]> = {
  monthlyCap: ['月額の上限', 'monthly cap', '1か月の 上限'],
  perChild: ['子ども1人あたり', 'per child', '子ども 1人に'],
};

/** An amount's name in `lang`, or its key. */
export function amountName(lang: Lang, key: string): string {
  return AMOUNT_NAMES[key]?.[lang] ?? key;
}

export function pt(lang: Lang, key: PKey, ...args: (string | number)[]): string {
  let s: string = P[key][lang] ?? P[key][0];
  for (const a of args) s = s.replace('%', String(a));
  return s;
}
