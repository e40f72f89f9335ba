/** Operations of the administration screens (api/accounts/administration.resolver.ts, api/partner). */
export interface DepartmentRow {
  code: string;
  name: string;
}
export interface PartnerRow {
  id: string;
  name: string;
  contact: string | null;
}
export interface TokenRow {
  id: string;
  label: string;
  expiresAt: string;
  revokedAt: string | null;
}
export interface NoticeText {
  version: string;
  ja: string;
  en: string;
  jaEasy: string;
  publishedAt: string | null;
  publishedBy: string | null;
}
export interface Notices {
  current: NoticeText;
  versions: NoticeText[];
}

export const DEPARTMENTS = 'query StaffDepartments { departments { code name } }';
export const RENAME_DEPARTMENT = 'mutation StaffRenameDepartment($input: DepartmentNameInput!) { renameDepartment(input: $input) { code name } }';
export const ADD_DEPARTMENT = 'mutation StaffAddDepartment($input: DepartmentNameInput!) { addDepartment(input: $input) { code name } }';
const PARTNER = 'id name contact';
export const PARTNERS = `query StaffPartners { partners { ${PARTNER} } }`;
export const CREATE_PARTNER = `mutation StaffCreatePartner($input: CreatePartnerOrganizationInput!) { createPartnerOrganization(input: $input) { ${PARTNER} } }`;
export const UPDATE_PARTNER = `mutation StaffUpdatePartner($input: UpdatePartnerOrganizationInput!) { updatePartnerOrganization(input: $input) { ${PARTNER} } }`;
export const TOKENS = 'query StaffPartnerTokens($partnerId: ID!) { partnerTokens(partnerId: $partnerId) { id label expiresAt revokedAt } }';
export const ISSUE_TOKEN = 'mutation StaffIssuePartnerToken($input: IssuePartnerTokenInput!) { issuePartnerToken(input: $input) { secret token { id } } }';
export const REVOKE_TOKEN = 'mutation StaffRevokePartnerToken($id: ID!) { revokePartnerToken(id: $id) { id } }';
const NOTICE = 'version ja en jaEasy publishedAt publishedBy';
export const NOTICES = `query StaffPrivacyNotices { privacyNotices { current { ${NOTICE} } versions { ${NOTICE} } } }`;
export const PUBLISH_NOTICE = `mutation StaffPublishPrivacyNotice($input: PublishPrivacyNoticeInput!) { publishPrivacyNotice(input: $input) { current { ${NOTICE} } versions { ${NOTICE} } } }`;
