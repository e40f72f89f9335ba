/**
 * Staff accounts people own (issue 21): one-time links (first administrator, invitation, reset) stored
 * as hashes, passwords checked for strength, sessions listed and revocable, two-factor sign-in (TOTP
 * with recovery codes, or a passkey), and the administration trail of every change.
 */
export { AccountLink, AccountLinkPurpose, AdminEvent, PasskeyChallenge, StaffPasskey, StaffSession } from './entities';
export { AccountAdminService, endSessionsAfterChange } from './account-admin.service';
export { AccountLinksService } from './account-links.service';
export { AccountsResolver, StaffAccountFieldsResolver } from './accounts.resolver';
export { AdministrationResolver } from './administration.resolver';
export { ACCOUNTS_DOCS } from './accounts.docs';
export { PASSKEY_DOCS } from './passkeys.docs';
export { PasskeysResolver } from './passkeys.resolver';
export { ADMINISTRATION_DOCS } from './administration.docs';
export { OPERATOR, recordAdminEvent, type AdminAction } from './admin-events';
export { issueLink, linkUrl, linkTokenHash, LINK_TTL_MS } from './links';
export { passwordProblem, MIN_PASSWORD_LENGTH } from './password-policy';
export { checkSecondFactor, secondFactorError, type SecondFactorReason } from './sign-in';
export { revokeAllSessions, startSession } from './sessions';
export { acceptedTotpStep, currentTotp, newRecoveryCodes, otpauthUri } from './totp';
export { exportSettingsYaml, importSettings, parseSettingsYaml, SettingsInputError, type SettingChange } from './settings-yaml';
