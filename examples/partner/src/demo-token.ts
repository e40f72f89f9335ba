/**
 * Demo server only: get a partner token the way a municipality would issue one — a supervisor of the
 * single-parent division signs in and calls issuePartnerToken for the demo NPO. On a real deployment
 * the municipality does this and hands you the secret; you never hold a staff password.
 *   YORISOI_URL=http://localhost:4000/graphql node examples/partner/dist/demo-token.js
 */
const url = process.env.YORISOI_URL ?? 'http://localhost:4000/graphql';
const email = process.env.YORISOI_DEMO_SUPERVISOR ?? 'single-parent-supervisor@demo.yorisoi.example';
const password = process.env.YORISOI_DEMO_PASSWORD ?? 'yorisoi-demo-2026';

async function call(query: string, variables: Record<string, unknown>, token?: string): Promise<any> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: any; errors?: { message: string }[] };
  if (body.errors?.length) throw new Error(body.errors.map((e) => e.message).join('; '));
  return body.data;
}

/**
 * Signing in is anonymous, and anonymous callers may send only the operations of Yorisoi's own pages
 * (trusted documents): this is the staff console's sign-in, word for word. Signed in, any operation may follow.
 */
const STAFF_LOGIN = 'mutation StaffLogin($email: String!, $password: String!) { login(email: $email, password: $password) { token expiresAt } }';

async function main(): Promise<void> {
  const { login } = await call(STAFF_LOGIN, { email, password });
  const { partners } = await call('{ partners { id name } }', {}, login.token);
  if (!partners.length) throw new Error('The demo municipality has no partner organisation.');
  const { issuePartnerToken } = await call(
    'mutation($input: IssuePartnerTokenInput!) { issuePartnerToken(input: $input) { secret token { expiresAt } } }',
    { input: { partnerId: partners[0].id, label: 'example client', validDays: 30 } },
    login.token,
  );
  console.error(`Token for ${partners[0].name}, valid until ${issuePartnerToken.token.expiresAt}:`);
  console.log(issuePartnerToken.secret);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
