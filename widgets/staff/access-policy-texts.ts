import type { Lang } from './i18n.js';

/** Texts of 「アクセス方針」: [Japanese, English, やさしい日本語]; `%` is a placeholder, replaced in order. */
export const A = {
  heading: ['アクセス方針', 'Access policy', 'だれが 何を 見られるか'],
  intro: [
    '電子個人票のどの項目を、どの課（と連携団体）が閲覧・編集できるかを決める方針です。表の上に規則がかかります（本人の同意、DV等支援措置、自治体どうしの壁など。法令と家庭への約束で決まっている規則は変えられません）。方針はYAMLファイルとしてダウンロードでき、変更したファイルは「検証」「変更内容を確認」のあとに適用します。適用するとすぐにすべての画面とAPIに反映され、管理の記録に残ります。この画面で適用した方針は、方針ファイル（seeds/policy）より優先されます。',
    'This policy decides which departments (and partners) may read or edit each section of the 電子個人票. Rules apply on top (the family’s consent, DV protection, the wall between municipalities; those set by law or promised to families cannot change). Download the policy as YAML; upload a changed file, validate it, check the changes, then apply. Applied, it takes effect at once everywhere and is recorded in the administration trail. A policy applied here takes precedence over the policy files (seeds/policy).',
    'どの 課が 個人票の どこを 見られるか の きまりです。ファイルで かえて、「けんしょう」「たしかめる」の あとで てきよう します。すぐに 反映 されます。',
  ],
  source_console: ['この画面で適用した方針（版 %、%、%）', 'Applied here (version %, %, %)', 'この 画面で てきよう（版 %）'],
  source_file: ['この自治体の方針ファイル（seeds/policy/%.yaml）', 'Your municipality’s policy file (seeds/policy/%.yaml)', 'この 自治体の ファイル'],
  source_default: ['既定の方針ファイル（seeds/policy/default.yaml）', 'The default policy file (seeds/policy/default.yaml)', 'はじめからの ファイル'],
  tableCaption: ['項目ごとの権限（行：項目、列：課）', 'Who may do what, by section (rows) and department (columns)', '項目ごとの けんげん'],
  section: ['項目', 'Section', '項目'],
  rw: ['閲覧・編集', 'Read and edit', '見る・かく'],
  r: ['閲覧', 'Read', '見る'],
  none: ['なし', 'None', 'なし'],
  rulesHeading: ['規則', 'Rules', 'きまり'],
  download: ['YAMLをダウンロード', 'Download as YAML', 'ファイルを ダウンロード'],
  changeHeading: ['方針を変える', 'Change the policy', '方針を かえる'],
  file: ['YAMLファイルを読み込む', 'Load a YAML file', 'ファイルを えらぶ'],
  text: ['方針（YAML、seeds/policy と同じ形）', 'Policy (YAML, as in seeds/policy)', '方針（YAML）'],
  validate: ['検証', 'Validate', 'けんしょう'],
  preview: ['変更内容を確認', 'Check changes', 'かわる ことを たしかめる'],
  apply: ['適用', 'Apply', 'てきよう'],
  valid: ['問題はありません（まだ何も変わっていません）。', 'No problems (nothing has changed yet).', 'もんだいは ありません。'],
  problemsHeading: ['検証の結果：問題があります', 'Validation: problems found', 'なおす ところが あります'],
  previewHeading: ['確認：変わる内容', 'Check: what changes', 'かわる こと'],
  noChanges: ['変わる内容はありません。', 'Nothing changes.', 'かわる ことは ありません。'],
  previewed: [
    '変わる内容は%件です（うち個人情報を見られる範囲が広がるもの %件）。',
    '% changes (% widen access to personal information).',
    '% こ かわります。',
  ],
  widens: ['個人情報を見られる範囲が広がります', 'Widens access to personal information', '個人情報を 見られる 人が ふえます'],
  applied: ['適用しました（版 %）。', 'Applied (version %).', 'てきよう しました。'],
  conflict: [
    'ほかの管理者が先にアクセス方針を変えました。最新の方針を読み込みました。もう一度確認してください。',
    'Another admin changed the access policy first. The latest is loaded; check your change again.',
    'ほかの 人が 先に かえました。もう一度 たしかめて ください。',
  ],
  gain_r: ['%：「%」を閲覧できるようになります', '%: may now read “%”', '%：「%」を 見られる ように なります'],
  gain_rw: ['%：「%」を閲覧・編集できるようになります', '%: may now read and edit “%”', '%：「%」を 見て かける ように なります'],
  gain_w: ['%：「%」を編集もできるようになります', '%: may now also edit “%”', '%：「%」を かける ように なります'],
  lose_w: ['%：「%」を編集できなくなります（閲覧はできます）', '%: may no longer edit “%” (still reads it)', '%：「%」を かけなく なります'],
  lose_r: ['%：「%」を閲覧できなくなります', '%: may no longer read “%”', '%：「%」を 見られなく なります'],
  lose_rw: ['%：「%」を閲覧も編集もできなくなります', '%: may no longer read or edit “%”', '%：「%」を 見られなく なります'],
  rule: ['規則 %：% → %', 'Rule %: % → %', 'きまり %：% → %'],
  resetHeading: ['ファイルの方針に戻す', 'Go back to the policy file', 'ファイルの 方針に もどす'],
  resetIntro: [
    'この画面で適用した方針をやめて、方針ファイル（seeds/policy）の内容に戻します。まず変わる内容を確認し、そのあと適用します（新しい版として記録されます）。',
    'Stop using the policy applied here and use the policy file (seeds/policy) again. Check what changes first, then apply (recorded as a new version).',
    'この 画面で きめた 方針を やめて、ファイルの 方針に もどします。さきに かわる ことを たしかめます。',
  ],
  reset: ['ファイルに戻すと変わる内容を確認', 'Check what going back to the file changes', 'もどすと かわる ことを たしかめる'],
  applyReset: ['ファイルの方針に戻す', 'Go back to the policy file', 'ファイルの 方針に もどす'],
  wasReset: ['方針ファイルに戻しました（版 %）。', 'Back to the policy file (version %).', 'ファイルの 方針に もどしました。'],
} as const satisfies Record<string, readonly [string, string, string]>;

export type AKey = keyof typeof A;

export function at(lang: Lang, key: AKey, ...args: (string | number)[]): string {
  let s: string = A[key][lang] ?? A[key][0];
  for (const a of args) s = s.replace('%', String(a));
  return s;
}
