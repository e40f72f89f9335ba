import { col, type Lang } from './i18n.js';

/**
 * The audit log stores the operation name the client sent; the console's own operations are shown
 * by what they did, in Japanese (or English). A name the console does not send (a partner's system,
 * a script) is shown as it is, marked as another system's.
 */
export const NAMES: Record<string, readonly [string, string]> = {
  StaffRecords: ['個人票の一覧・検索', 'Record list and search'],
  StaffRecord: ['個人票の閲覧', 'Record viewed'],
  StaffUpdateSection: ['個人票の項目を更新', 'Record section updated'],
  StaffAddConsultation: ['相談記録の追加', 'Consultation added'],
  StaffEligibility: ['利用できる制度の確認', 'Eligibility checked'],
  StaffInbox: ['受付一覧の閲覧', 'Inbox viewed'],
  StaffTakeInboxItem: ['受付の担当', 'Inbox item taken'],
  StaffWorklist: ['今日の仕事の閲覧', 'Worklist viewed'],
  StaffCaseFile: ['担当・対応状況の閲覧', 'Case viewed'],
  StaffUpdateCase: ['担当・対応状況の更新', 'Case updated'],
  StaffHandovers: ['他部署への引き継ぎ状況の閲覧', 'Hand-overs viewed'],
  StaffRefer: ['連携NPOへの紹介', 'Referred to a partner'],
  StaffUpdateReferral: ['紹介の終了', 'Referral closed'],
  StaffReferrals: ['紹介の一覧', 'Referrals listed'],
  StaffAudit: ['監査ログの閲覧', 'Audit log viewed'],
  StaffOutreachCandidates: ['プッシュ型支援の候補の閲覧', 'Outreach candidates viewed'],
  StaffOutreachNotices: ['プッシュ型支援の送信状況の閲覧', 'Outreach notices viewed'],
  StaffProgrammeSettings: ['支援制度の設定の閲覧', 'Programme settings viewed'],
  StaffSaveProgrammeSettings: ['支援制度の設定の確認・適用', 'Programme settings previewed or applied'],
  StaffAccessPolicySettings: ['アクセス方針の閲覧', 'Access policy viewed'],
  StaffValidateAccessPolicy: ['アクセス方針の検証', 'Access policy validated'],
  StaffSaveAccessPolicy: ['アクセス方針の確認・適用', 'Access policy previewed or applied'],
  StaffResetAccessPolicy: ['アクセス方針をファイルに戻す（確認・適用）', 'Access policy back to the files (previewed or applied)'],
  StaffDecideOutreach: ['プッシュ型支援の候補の承認・見送り', 'Outreach candidates decided'],
  StaffOutreachCampaignPreview: ['プッシュ型支援のお知らせ対象の確認（件数・例）', 'Outreach campaign previewed'],
  StaffOutreachCampaigns: ['プッシュ型支援のお知らせ一覧の閲覧', 'Outreach campaigns viewed'],
  StaffCreateOutreachCampaign: ['プッシュ型支援のお知らせの送信・予約', 'Outreach campaign sent or scheduled'],
  StaffCancelOutreachCampaign: ['プッシュ型支援のお知らせの予約取消', 'Outreach campaign cancelled'],
  StaffOutreachPhoneTasks: ['電話タスクの閲覧', 'Call tasks viewed'],
  StaffRecordCallOutcome: ['電話の結果の記録', 'Call outcome recorded'],
  StaffPrintRecord: ['個人票の印刷', 'Record printed'],
  StaffRecordDisclosure: ['開示書類の作成', 'Disclosure made'],
  StaffAuditCsv: ['監査ログのCSV出力', 'Audit log exported (CSV)'],
  StaffRecordsCsv: ['個人票一覧のCSV出力', 'Record list exported (CSV)'],
  StaffDuplicates: ['同一人物の候補の閲覧', 'Possible duplicates viewed'],
  StaffDecideDuplicate: ['同一人物の紐づけ・除外', 'Duplicate linked or dismissed'],
  StaffMergePreview: ['個人票の統合（名寄せ）のプレビュー', 'Record merge previewed'],
  StaffMergeRecords: ['個人票の統合（名寄せ）', 'Records merged'],
  StaffApplication: ['オンライン申請の閲覧', 'Application viewed'],
  StaffDecideApplication: ['オンライン申請の処理', 'Application decided'],
  StaffMarkInterview: ['面談の記録（来た・来なかった）', 'Interview marked'],
  StaffSaveManualFigures: ['手入力の実績を保存', 'Hand-entered figures saved'],
  StaffMyPasskeys: ['自分のパスキーの一覧', 'Own passkeys listed'],
  StaffBeginPasskeyRegistration: ['パスキーの登録開始', 'Passkey registration started'],
  StaffFinishPasskeyRegistration: ['パスキーの登録', 'Passkey registered'],
  StaffRenamePasskey: ['パスキーの名前の変更', 'Passkey renamed'],
  StaffRemovePasskey: ['パスキーの削除', 'Passkey removed'],
  StaffBeginPasskeySignIn: ['パスキーでのサインイン開始', 'Passkey sign-in started'],
  StaffFinishPasskeySignIn: ['パスキーでのサインイン', 'Signed in with a passkey'],
};

export function operationName(lang: Lang, name: string | null): string {
  if (!name) return lang === 1 ? '(unnamed)' : '（名前なし）';
  const known = NAMES[name];
  if (known) return col(known, lang);
  return lang === 1 ? `Other system: ${name}` : `他システム: ${name}`;
}
