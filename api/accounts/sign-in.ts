import type { EntityManager } from '@mikro-orm/postgresql';
import { apiError, type Locale, type LocalizedText } from '../core';
import { Municipality } from '../municipality';
import { StaffMember } from '../staff';
import { recordAdminEvent } from './admin-events';
import { StaffPasskey } from './passkey.entity';
import { PASSKEY_REQUIRED } from './passkey-texts';
import { acceptedTotpStep, looksLikeRecoveryCode, recoveryCodeHash } from './totp';

/** Why a correct password did not sign in yet; `extensions.reason` of the error, for the console. */
export type SecondFactorReason = 'TWO_FACTOR_REQUIRED' | 'TWO_FACTOR_INVALID' | 'TWO_FACTOR_ENROLMENT_REQUIRED';

/** `passkey`: the account has a passkey, so the console can offer one (and, without TOTP, asks for nothing else). */
export type SecondFactorOutcome = { ok: true; twoFactor: boolean } | { ok: false; reason: SecondFactorReason; passkey?: boolean; totp?: boolean };

export const SECOND_FACTOR_TEXT: Record<SecondFactorReason, LocalizedText> = {
  TWO_FACTOR_REQUIRED: {
    ja: '認証アプリに表示されている6桁のコード（または回復コード）を入力してください。',
    en: 'Enter the 6-digit code from your authenticator app (or a recovery code).',
    'ja-easy': 'アプリに 出て いる 6けたの 数字を 書いて ください。',
  },
  TWO_FACTOR_INVALID: {
    ja: 'コードが正しくないか、すでに使われています。認証アプリの新しいコードを入力してください。',
    en: 'The code is wrong or was already used. Enter the current code from your authenticator app.',
    'ja-easy': 'コードが ちがいます。アプリの 新しい コードを 書いて ください。',
  },
  TWO_FACTOR_ENROLMENT_REQUIRED: {
    ja: 'この自治体では2段階認証が必要です。先に認証アプリを登録してください。',
    en: 'Your municipality requires two-factor sign-in. Set up an authenticator app first.',
    'ja-easy': 'この 市では アプリの 登録が ひつようです。さきに 登録して ください。',
  },
};

/** The refusal; `extensions.passkey` says whether a passkey can be the second step (and `totp` whether a code can). */
export function secondFactorError(reason: SecondFactorReason, locale: Locale, passkey = false, totp = true) {
  const text = reason === 'TWO_FACTOR_REQUIRED' && passkey && !totp ? PASSKEY_REQUIRED : SECOND_FACTOR_TEXT[reason];
  return apiError(reason === 'TWO_FACTOR_ENROLMENT_REQUIRED' ? 'FORBIDDEN' : 'UNAUTHENTICATED', text, locale, { reason, passkey, totp });
}

/**
 * The second factor of a sign-in whose password was right. With TOTP enrolled a code is required:
 * a TOTP code newer than the last one accepted, or an unused recovery code (then used up). Without
 * TOTP, an account with a passkey must answer with it (passkeys.service.ts); otherwise a municipality that requires two factors sends the person to enrolment instead. Both
 * "use once" updates are conditional, so two requests with one code cannot both pass.
 */
export async function checkSecondFactor(em: EntityManager, staff: StaffMember, code: string | null | undefined): Promise<SecondFactorOutcome> {
  const passkey = (await em.count(StaffPasskey, { staffId: staff.id })) > 0;
  // A passkey is a second factor: a password alone never signs in an account that has one.
  if (!staff.totpSecret && passkey) return { ok: false, reason: code ? 'TWO_FACTOR_INVALID' : 'TWO_FACTOR_REQUIRED', passkey, totp: false };
  if (!staff.totpSecret) {
    const m = await em.findOneOrFail(Municipality, { code: staff.municipality.code }, { fields: ['requireTwoFactor'] });
    return m.requireTwoFactor ? { ok: false, reason: 'TWO_FACTOR_ENROLMENT_REQUIRED' } : { ok: true, twoFactor: false };
  }
  if (!code || code.length > 40) return { ok: false, reason: code ? 'TWO_FACTOR_INVALID' : 'TWO_FACTOR_REQUIRED', passkey };
  if (looksLikeRecoveryCode(code)) {
    const hash = recoveryCodeHash(code);
    const rows = await em
      .getConnection()
      .execute<{ id: string }[]>(
        `update staff_member set recovery_code_hashes = array_remove(recovery_code_hashes, ?) where id = ? and ? = any(recovery_code_hashes) returning id`,
        [hash, staff.id, hash],
      );
    if (rows.length !== 1) return { ok: false, reason: 'TWO_FACTOR_INVALID', passkey };
    staff.recoveryCodeHashes = staff.recoveryCodeHashes.filter((h) => h !== hash);
    recordAdminEvent(
      em,
      staff.municipality.code,
      { id: staff.id, name: staff.name },
      'staff.recovery-code-used',
      staff.id,
      `${staff.recoveryCodeHashes.length} left`,
    );
    return { ok: true, twoFactor: true };
  }
  const last = staff.totpLastStep == null ? null : Number(staff.totpLastStep);
  const step = acceptedTotpStep(staff.totpSecret, code, last);
  if (step == null) return { ok: false, reason: 'TWO_FACTOR_INVALID', passkey };
  const n = await em
    .getConnection()
    .execute<{ id: string }[]>(`update staff_member set totp_last_step = ? where id = ? and (totp_last_step is null or totp_last_step < ?) returning id`, [
      step,
      staff.id,
      step,
    ]);
  if (n.length !== 1) return { ok: false, reason: 'TWO_FACTOR_INVALID', passkey };
  staff.totpLastStep = String(step);
  return { ok: true, twoFactor: true };
}
