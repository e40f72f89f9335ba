/**
 * Signed-in operations of the account screens (api/accounts, api/staff): staff and roles, pending
 * invitations, sessions, one's own two-factor set-up and password, the municipality settings. The
 * operations sent before there is a token (sign-up, enrolment, sign-in with a code) are in
 * account-queries.ts, which the trusted documents list.
 */
export interface StaffRow {
  id: string;
  name: string;
  email: string;
  role: string;
  active: boolean;
  twoFactorEnabled: boolean;
  /** How many passkeys the member has (a count only). */
  passkeyCount: number;
  invitationPending: boolean;
  department: { code: string; name: string };
}
export interface SessionRow {
  id: string;
  createdAt: string;
  expiresAt: string;
  twoFactor: boolean;
  current: boolean;
}
export interface IssuedLink {
  url: string;
  expiresAt: string;
  member: StaffRow;
}
export interface Settings {
  code: string;
  name: string;
  requireTwoFactor: boolean;
  contactTargetOpenDays: number;
}
export interface AdminEventRow {
  id: string;
  at: string;
  actorName: string;
  action: string;
}

const STAFF_FIELDS = 'id name email role active twoFactorEnabled passkeyCount invitationPending department { code name }';
const LINK_FIELDS = `url expiresAt member { ${STAFF_FIELDS} }`;
const SESSION_FIELDS = 'id createdAt expiresAt twoFactor current';

/** With whether the municipality requires two factors: a member with none is then shown as a warning. */
export const STAFF_LIST = `query StaffAccounts { staffMembers { ${STAFF_FIELDS} } municipalitySettings { code requireTwoFactor } }`;
export const INVITE = `mutation StaffInvite($input: InviteStaffMemberInput!) { inviteStaffMember(input: $input) { ${LINK_FIELDS} } }`;
export const UPDATE_MEMBER = `mutation StaffUpdateMember($input: UpdateStaffMemberInput!) { updateStaffMember(input: $input) { ${STAFF_FIELDS} } }`;
export const RESET_LINK = `mutation StaffResetLink($input: IssuePasswordResetLinkInput!) { issuePasswordResetLink(input: $input) { ${LINK_FIELDS} } }`;
export const SESSIONS = `query StaffSessions($staffId: String) { staffSessions(staffId: $staffId) { ${SESSION_FIELDS} } }`;
export const REVOKE_SESSION = 'mutation StaffRevokeSession($id: ID!) { revokeSession(id: $id) }';
export const CHANGE_PASSWORD = 'mutation StaffChangePassword($input: ChangePasswordInput!) { changePassword(input: $input) }';
export const MY_TWO_FACTOR = 'query StaffMyTwoFactor { myTwoFactor { enabled recoveryCodesLeft } }';
export const SETTINGS =
  'query StaffMunicipalitySettings { municipalitySettings { code name requireTwoFactor contactTargetOpenDays } adminEvents(limit: 20) { id at actorName action } }';
export const UPDATE_SETTINGS =
  'mutation StaffUpdateMunicipalitySettings($input: UpdateMunicipalitySettingsInput!) { updateMunicipalitySettings(input: $input) { code name requireTwoFactor contactTargetOpenDays } }';
