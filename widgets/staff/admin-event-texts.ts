/**
 * The administration trail's actions in words (自治体の設定 → 管理の記録). The API records stable codes
 * (api/accounts/admin-events.ts, AdminAction); the user trial found the codes themselves on screen.
 * A code not named here (a newer server) shows as it is. Row: [日本語, English, やさしい日本語].
 */
import type { Lang } from './i18n.js';

const ACTIONS: Record<string, readonly [string, string, string]> = {
  'municipality.created': ['自治体の登録', 'Municipality registered', '自治体を 登録'],
  'municipality.settings-changed': ['自治体の設定の変更', 'Municipality settings changed', '自治体の 設定を 変更'],
  'municipality.settings-imported': ['設定ファイルの読み込み', 'Settings file imported', '設定の ファイルを 読みこみ'],
  'staff.first-admin-joined': ['最初の管理者の登録', 'First administrator joined', 'はじめの 管理者が 登録'],
  'staff.invited': ['職員の招待', 'Staff member invited', '職員を 招待'],
  'staff.joined': ['職員の登録（招待から）', 'Staff member joined (from an invitation)', '職員が 登録'],
  'staff.reset-link-issued': ['パスワード再設定リンクの発行', 'Password reset link issued', 'パスワードを 作りなおす リンク'],
  'staff.password-reset': ['パスワードの再設定', 'Password reset', 'パスワードを 作りなおし'],
  'staff.password-changed': ['パスワードの変更', 'Password changed', 'パスワードを 変更'],
  'staff.updated': ['職員の権限・部署の変更', 'Staff member’s role or department changed', '職員の 役割を 変更'],
  'staff.disabled': ['職員アカウントの停止', 'Staff account disabled', 'アカウントを 止めた'],
  'staff.enabled': ['職員アカウントの再開', 'Staff account enabled again', 'アカウントを また 使える'],
  'staff.two-factor-enrolled': ['2段階認証の設定', 'Two-factor sign-in set up', '2段階の ログインを 設定'],
  'staff.recovery-code-used': ['回復コードでのサインイン', 'Signed in with a recovery code', '回復コードで ログイン'],
  'staff.passkey-registered': ['パスキーの登録', 'Passkey registered', 'パスキーを 登録'],
  'staff.passkey-renamed': ['パスキーの名前の変更', 'Passkey renamed', 'パスキーの 名前を 変更'],
  'staff.passkey-removed': ['パスキーの削除', 'Passkey removed', 'パスキーを 消した'],
  'session.revoked': ['サインイン中の端末の終了', 'Signed-in session ended', 'ログインを 終わらせた'],
  'partner.created': ['連携団体の登録', 'Partner organisation added', '連携団体を 登録'],
  'partner.token-issued': ['連携団体のAPIトークンの発行', 'Partner API token issued', '連携団体の トークンを 発行'],
  'partner.token-revoked': ['連携団体のAPIトークンの失効', 'Partner API token revoked', '連携団体の トークンを 止めた'],
  'partner.updated': ['連携団体の情報の変更', 'Partner organisation changed', '連携団体の 情報を 変更'],
  'department.renamed': ['部署の名前の変更', 'Department renamed', '部署の 名前を 変更'],
  'department.added': ['部署の追加', 'Department added', '部署を 追加'],
  'privacy-notice.published': ['プライバシー通知の公開', 'Privacy notice published', 'プライバシーの おしらせを 公開'],
  'programme-settings.changed': ['支援制度の設定の適用', 'Programme settings applied', '支援制度の 設定を 変更'],
  'access-policy.changed': ['アクセス方針の適用', 'Access policy applied', 'アクセス方針を 変更'],
  'family.exported': ['本人へのデータの提供', 'A family’s data given to them', '本人に データを わたした'],
  'family.erased': ['本人の求めによる削除', 'Erased at the family’s request', '本人の たのみで 消した'],
  'family.retention-erased': ['保存期間を過ぎたデータの削除', 'Erased after the retention period', '保存の 期間が すぎて 消した'],
  'family.erasure-requested': ['本人からの削除の求め', 'Erasure requested by a family', '本人が 消して と たのんだ'],
  'family.erasure-rejected': ['削除の求めを断った', 'Erasure request refused', '消す たのみを ことわった'],
  'line.settings-changed': ['LINE連携の設定の変更', 'LINE settings changed', 'LINEの 設定を 変更'],
  'line.connection-tested': ['LINE連携の接続テスト', 'LINE connection tested', 'LINEの つながりを テスト'],
};

/** The action in words, or its code when this console does not know it. */
export function actionName(lang: Lang, code: string): string {
  return ACTIONS[code]?.[lang] ?? code;
}

/** The codes named here (for the test that every recorded action has words). */
export const NAMED_ACTIONS: readonly string[] = Object.keys(ACTIONS);
