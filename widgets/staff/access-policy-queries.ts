/** Operations of 「アクセス方針」 (api/accounts/access-policy-settings.ts). */
export interface PolicyName {
  key: string;
  name: string;
}
export interface PolicyData {
  version: number;
  source: 'console' | 'file' | 'default';
  yaml: string;
  grants: { section: string; role: string; read: boolean; write: boolean }[];
  roles: PolicyName[];
  sections: PolicyName[];
  rules: string[];
  updatedAt: string | null;
  updatedBy: string | null;
}
export interface PolicyProblem {
  key: string;
  message: string;
}
export interface PolicyChange {
  path: string;
  role: string | null;
  section: string | null;
  before: string;
  after: string;
  widens: boolean;
}
export interface PolicySaveResult {
  applied: boolean;
  changes: PolicyChange[];
  policy: PolicyData;
}

const POLICY = 'version source yaml grants { section role read write } roles { key name } sections { key name } rules updatedAt updatedBy';
export const ACCESS_POLICY = `query StaffAccessPolicySettings { accessPolicySettings { ${POLICY} } }`;
export const VALIDATE_ACCESS_POLICY = `query StaffValidateAccessPolicy($yaml: String!) { validateAccessPolicy(yaml: $yaml) { key message } }`;
export const SAVE_ACCESS_POLICY = `mutation StaffSaveAccessPolicy($input: AccessPolicyInput!) { saveAccessPolicy(input: $input) { applied changes { path role section before after widens } policy { ${POLICY} } } }`;
export const RESET_ACCESS_POLICY = `mutation StaffResetAccessPolicy($input: ResetAccessPolicyInput!) { resetAccessPolicy(input: $input) { applied changes { path role section before after widens } policy { ${POLICY} } } }`;
