/**
 * What each of the staff console's operations did, in Japanese and English: the CSV export of the audit
 * log names operations as the console's audit view does (widgets/staff/operation-names.ts holds the
 * browser's copy; test/audit/audit-search.test.ts checks that the two tables agree).
 */
export const OPERATION_LABELS: Record<string, readonly [string, string]> = {
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
  StaffDecideOutreach: ['プッシュ型支援の候補の承認・見送り', 'Outreach candidates decided'],
  StaffPrintRecord: ['個人票の印刷', 'Record printed'],
  StaffAuditCsv: ['監査ログのCSV出力', 'Audit log exported (CSV)'],
  StaffRecordsCsv: ['個人票一覧のCSV出力', 'Record list exported (CSV)'],
  StaffDuplicates: ['同一人物の候補の閲覧', 'Possible duplicates viewed'],
  StaffDecideDuplicate: ['同一人物の紐づけ・除外', 'Duplicate linked or dismissed'],
  StaffApplication: ['オンライン申請の閲覧', 'Application viewed'],
  StaffDecideApplication: ['オンライン申請の処理', 'Application decided'],
  StaffMarkInterview: ['面談の記録（来た・来なかった）', 'Interview marked'],
  StaffSaveManualFigures: ['手入力の実績を保存', 'Hand-entered figures saved'],
};

export function operationLabel(lang: 0 | 1, name: string | null): string {
  if (!name) return lang === 1 ? '(unnamed)' : '（名前なし）';
  const known = OPERATION_LABELS[name];
  if (known) return known[lang];
  return lang === 1 ? `Other system: ${name}` : `他システム: ${name}`;
}
