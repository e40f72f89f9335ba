import type { EntityManager } from '@mikro-orm/postgresql';
import { expect } from 'vitest';
import { currentTotp } from '../../api/accounts';
import { createMunicipality } from '../../api/onboarding';
import { PostalDirectory } from '../../api/postal/postal-directory';
import type { TestApp } from '../support/app';

export const STRONG = 'kumo-no-ue-de-hashiru-2026';
export const LINK_INFO = `query($t: String!) { accountLink(token: $t) { kind municipalityName name email expiresAt requireTwoFactor } }`;
export const REDEEM = `mutation($i: RedeemAccountLinkInput!) { redeemAccountLink(input: $i) { email twoFactorEnrolmentRequired } }`;
export const LOGIN = `mutation($e: String!, $p: String!, $c: String) { login(email: $e, password: $p, oneTimeCode: $c) { token expiresAt } }`;
export const BEGIN = `mutation($i: BeginTwoFactorEnrolmentInput!) { beginTwoFactorEnrolment(input: $i) { ticket secret otpauthUri } }`;
export const COMPLETE = `mutation($i: CompleteTwoFactorEnrolmentInput!) { completeTwoFactorEnrolment(input: $i) { recoveryCodes token expiresAt } }`;
export const INVITE = `mutation($i: InviteStaffMemberInput!) { inviteStaffMember(input: $i) { member { id email twoFactorEnabled invitationPending } url expiresAt } }`;
export const ME = `{ me { id name role municipalityCode } }`;

/** A new municipality (千代田区) created as the command does, and its first-admin link's token. */
export async function newMunicipality(t: TestApp, code = '131016', name = '千代田区'): Promise<string> {
  const postal = PostalDirectory.shared();
  const created = await createMunicipality(t.em(), { code, name }, (c) => postal.municipality(c));
  return created.token;
}

export function tokenOf(url: string): string {
  const m = /#link=([A-Za-z0-9_-]+)$/.exec(url);
  if (!m) throw new Error(`not a link: ${url}`);
  return m[1]!;
}

/** Sets the password with the link, enrols TOTP, and returns the signed-in token and the secret. */
export async function joinWithTwoFactor(
  t: TestApp,
  token: string,
  who: { email: string; name?: string },
  password = STRONG,
): Promise<{ token: string; secret: string; recoveryCodes: string[] }> {
  const redeemed = await t.gql(REDEEM, { i: { token, password, ...(who.name ? { name: who.name, email: who.email } : {}) } });
  expect(redeemed.body.errors).toBeUndefined();
  const begun = await t.gql(BEGIN, { i: { email: who.email, password } });
  expect(begun.body.errors).toBeUndefined();
  const { ticket, secret } = begun.body.data!.beginTwoFactorEnrolment;
  const done = await t.gql(COMPLETE, { i: { ticket, code: currentTotp(secret) } });
  expect(done.body.errors).toBeUndefined();
  return { token: done.body.data!.completeTwoFactorEnrolment.token, secret, recoveryCodes: done.body.data!.completeTwoFactorEnrolment.recoveryCodes };
}

export const em = (t: TestApp): EntityManager => t.em();
