/** Texts of the worklist's push-type support groups: [Japanese, English, やさしい日本語]. */
export const WL_OUTREACH = {
  heading: ['プッシュ型支援', 'Push-type support', 'おしらせの しごと'],
  approvals: ['承認待ちの通知候補', 'Notice candidates waiting for approval', 'しょうにんを まつ おしらせ'],
  oldest: ['最も古いもの: %', 'Oldest: %', 'いちばん 古い もの: %'],
  open: ['プッシュ型支援の画面で確認する', 'Review them on the outreach screen', 'おしらせの 画面で 見る'],
  phoneTasks: ['電話連絡のタスク（未完了）', 'Phone-call tasks (open)', 'でんわを する しごと'],
  // The call tasks' list, script and outcome live on the outreach screen (staff-outreach-calls.ts).
  openCalls: ['プッシュ型支援の画面で電話して結果を記録する', 'Call and record the outcome on the outreach screen', 'おしらせの 画面で でんわして 結果を 書く'],
} as const satisfies Record<string, readonly [string, string, string]>;
