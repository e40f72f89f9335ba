import type { TestApp } from './app';

export interface NewStaff {
  name: string;
  email: string;
  department: string;
  role: string;
}

const INVITE = `mutation($i: InviteStaffMemberInput!) { inviteStaffMember(input: $i) { member { id } url } }`;
const REDEEM = `mutation($i: RedeemAccountLinkInput!) { redeemAccountLink(input: $i) { email } }`;

/**
 * Adds a staff member as an administrator does (issue 21): an invitation link, with which the person
 * chooses their own password — no administrator sets one (createStaffMember with a password is refused).
 * Fails loudly on any error so that a set-up problem is not mistaken for the behaviour under test.
 * Returns the member's id.
 */
export async function inviteStaff(t: TestApp, adminToken: string, who: NewStaff, password: string): Promise<string> {
  const invited = await t.gql(INVITE, { i: who }, adminToken);
  if (invited.body.errors) throw new Error(`inviteStaffMember: ${JSON.stringify(invited.body.errors)}`);
  const { member, url } = invited.body.data!.inviteStaffMember as { member: { id: string }; url: string };
  const token = /#link=([A-Za-z0-9_-]+)$/.exec(url)?.[1];
  if (!token) throw new Error(`not an account link: ${url}`);
  const redeemed = await t.gql(REDEEM, { i: { token, password } });
  if (redeemed.body.errors) throw new Error(`redeemAccountLink: ${JSON.stringify(redeemed.body.errors)}`);
  return member.id;
}
