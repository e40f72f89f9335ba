/** Texts of the possible-duplicates panel: [Japanese, English] (kept apart from i18n.ts: one view's words). */
export const DUP = {
  heading: ['同一人物の可能性がある個人票', 'Possibly the same family'],
  marker: ['同一人物の可能性 %件（未確認 %件）', 'Possible duplicates: % (% undecided)'],
  intro: [
    '生年月日が同じで、氏名・フリガナ・電話番号のどれかが同じ個人票です。「同一人物として紐づける」と両方の個人票に記録されます（内容は統合しません）。1つの個人票にまとめるときは「統合をプレビュー」から、統合後の内容を確かめてから統合します。',
    'Records with the same birth date and the same name, kana or phone. Linking records the decision on both (their sections are not merged). To make them one record, open “Preview a merge”: you see the result before merging.',
  ],
  matched: ['一致: %', 'Matched: %'],
  birthDate: ['生年月日', 'birth date'],
  nameKana: ['フリガナ', 'kana'],
  name: ['氏名', 'name'],
  phone: ['電話番号', 'phone'],
  link: ['同一人物として紐づける', 'Link as the same person'],
  linkLabel: ['受付番号 % を同一人物として紐づける', 'Link % as the same person'],
  dismiss: ['別人として候補から外す', 'Dismiss: different person'],
  dismissLabel: ['受付番号 % を別人として候補から外す', 'Dismiss % as a different person'],
  SAME_PERSON: ['同一人物として紐づけ済み（%、%）', 'Linked as the same person (%, %)'],
  DIFFERENT: ['別人として除外済み（%、%）', 'Dismissed as different (%, %)'],
  linked: ['受付番号 % を同一人物として紐づけました。', 'Linked % as the same person.'],
  dismissed: ['受付番号 % を候補から外しました。', 'Dismissed %.'],
} as const satisfies Record<string, readonly [string, string]>;

export type DupKey = keyof typeof DUP;
