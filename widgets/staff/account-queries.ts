/**
 * The anonymous operations of signing up and signing in with two factors (api/accounts), sent before
 * there is a token: listed in widgets/trusted-documents.ts so that production (TRUSTED_DOCUMENTS_ONLY)
 * accepts them. The console's sign-up and enrolment screens use exactly these texts.
 */
export const ACCOUNT_LINK =
  'query StaffAccountLink($token: String!) { accountLink(token: $token) { kind municipalityName name email expiresAt requireTwoFactor } }';
export const REDEEM_ACCOUNT_LINK =
  'mutation StaffRedeemAccountLink($input: RedeemAccountLinkInput!) { redeemAccountLink(input: $input) { email twoFactorEnrolmentRequired } }';
export const BEGIN_TWO_FACTOR =
  'mutation StaffBeginTwoFactor($input: BeginTwoFactorEnrolmentInput!) { beginTwoFactorEnrolment(input: $input) { ticket secret otpauthUri } }';
export const COMPLETE_TWO_FACTOR =
  'mutation StaffCompleteTwoFactor($input: CompleteTwoFactorEnrolmentInput!) { completeTwoFactorEnrolment(input: $input) { recoveryCodes token expiresAt } }';
export const LOGIN_WITH_CODE =
  'mutation StaffLoginWithCode($email: String!, $password: String!, $oneTimeCode: String) { login(email: $email, password: $password, oneTimeCode: $oneTimeCode) { token expiresAt } }';

/** Sign-in's second step by passkey (anonymous, like the sign-in itself). */
export const BEGIN_PASSKEY_SIGN_IN =
  'mutation StaffBeginPasskeySignIn($input: BeginPasskeySignInInput!) { beginPasskeySignIn(input: $input) { ticket optionsJson expiresAt } }';
export const FINISH_PASSKEY_SIGN_IN =
  'mutation StaffFinishPasskeySignIn($input: FinishPasskeySignInInput!) { finishPasskeySignIn(input: $input) { token expiresAt } }';

export const ACCOUNT_OPERATIONS: readonly string[] = [
  ACCOUNT_LINK,
  REDEEM_ACCOUNT_LINK,
  BEGIN_TWO_FACTOR,
  COMPLETE_TWO_FACTOR,
  LOGIN_WITH_CODE,
  BEGIN_PASSKEY_SIGN_IN,
  FINISH_PASSKEY_SIGN_IN,
];
