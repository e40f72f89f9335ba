import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApp, type App } from '../../api/server/app';
import { DEPARTMENT_CODES, DepartmentCode } from '../../api/core/departments';
import { ProgrammeService } from '../../api/programme/programme.service';
import { startTestApp, TEST_LIMITS, TEST_SECRET, type TestApp } from '../support/app';

/**
 * Queries run compiled by graphql-jit (api/server/schema/compiled-executor.ts). The same requests against
 * a second app on the same database that executes with graphql-js must give byte-identical
 * responses: data, errors (message, path, extensions, order) and status.
 */

const SEL = `id referenceNumber version ownerDepartment source createdAt updatedAt
  identity { familyName givenName familyNameKana givenNameKana birthDate }
  address { postalCode prefecture city street }
  contact { phone email preferredChannel contactAllowed }
  household { children { birthDate disability } otherMembers { relation } note }
  income { incomeYear annualEmploymentIncome otherIncome childSupportReceivedYearly }
  benefits { programmeId since note }
  concerns { categories note }
  selfReliancePlan { goal steps startedOn reviewOn }
  consultations { date channel summary followUp followUpDue department staffName }
  protection { dvProtected dvConcern supportMeasure since expiresOn }
  consent { sharedWith shareWithPartners privacyNoticeVersion history { target granted } }
  access { section readable writable reason }`;

describe('compiled query execution (graphql-jit) answers exactly as graphql-js', () => {
  let t: TestApp;
  let reference: App;
  let ref: ReturnType<typeof request>;
  const tokens = new Map<string, string>();

  beforeAll(async () => {
    t = await startTestApp({ records: 40 });
    reference = await createApp(
      t.db.orm,
      { authSecret: TEST_SECRET, accessTokenTtlSeconds: 900, corsOrigins: ['http://cms.example.jp'], intakeRatePerMinute: 100_000 },
      { interpretedExecution: true, limits: TEST_LIMITS },
    );
    ref = request(reference.express);
    for (const d of DEPARTMENT_CODES) tokens.set(d, await t.login(d));
  });
  afterAll(async () => {
    await reference?.stop();
    await t?.close();
  });

  async function same(query: string, variables?: Record<string, unknown>, token?: string, operationName?: string): Promise<string> {
    const send = (http: ReturnType<typeof request>) => {
      let req = http.post('/graphql').set('content-type', 'application/json');
      if (token) req = req.set('authorization', `Bearer ${token}`);
      return req.send({ query, variables, operationName });
    };
    // Twice each: the first compiles, the second runs the cached compiled query.
    for (let round = 0; round < 2; round++) {
      const [compiled, interpreted] = [await send(t.http), await send(ref)];
      expect(compiled.text).toBe(interpreted.text);
      expect(compiled.status).toBe(interpreted.status);
    }
    return (await send(t.http)).text;
  }

  it('records pages for every department (sections, FORBIDDEN errors, nulls, enums, dates)', async () => {
    for (const d of DEPARTMENT_CODES) {
      const text = await same(
        `query Page { records(first: 40) { edges { cursor node { ${SEL} } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } totalCount } }`,
        undefined,
        tokens.get(d),
      );
      expect(text).toContain('"edges"');
      if (d !== DepartmentCode.SINGLE_PARENT) expect(text).toContain('FORBIDDEN');
    }
  });

  it('variables, aliases, fragments, defaults, operation names', async () => {
    const owner = tokens.get(DepartmentCode.SINGLE_PARENT);
    const page = JSON.parse(await same('{ records(first: 3) { edges { node { id } } } }', undefined, owner));
    const id = page.data.records.edges[0].node.id as string;
    const doc = `fragment S on PersonalRecord { identity { familyName } a: address { city } }
      query One($id: ID!) { record(id: $id) { ...S id } }
      query Two($first: Int!, $after: String) { x: records(first: $first, after: $after) { edges { node { ...S } } } }`;
    await same(doc, { id }, owner, 'One');
    await same(doc, { id: 'not-a-uuid' }, owner, 'One');
    await same(doc, { first: 2 }, owner, 'Two');
    await same(doc, { first: 2 }, tokens.get(DepartmentCode.PUBLIC_HOUSING), 'Two');
  });

  it('invalid variables, resolver errors, anonymous viewers, introspection', async () => {
    const owner = tokens.get(DepartmentCode.SINGLE_PARENT);
    await same('query($first: Int!) { records(first: $first) { edges { node { id } } } }', { first: 'many' }, owner);
    await same('query($first: Int!) { records(first: $first) { edges { node { id } } } }', {}, owner);
    await same('{ records(first: 100000) { edges { node { id } } } }', undefined, owner);
    await same('{ records(first: 2) { edges { node { id } } } }');
    await same('{ me { __typename } }');
    await same('{ __typename }');
    await same('{ __schema { queryType { name } } __type(name: "Section") { enumValues { name } } }');
    await same('query($p: String!) { postalAddress(postalCode: $p) { prefecture city } }', { p: 'x' });
    await same(`query($h: HouseholdInput!) { eligibility(input: $h) { __typename } }`, { h: { children: [{ birthDate: 'not a date' }] } });
  });

  it('an unexpected resolver error reaches formatError: code, path and the Japanese message, as graphql-js gives', async () => {
    // The fault a database error would cause; its message must never be sent.
    const spy = vi.spyOn(ProgrammeService.prototype, 'list').mockImplementation(() => {
      throw new Error('connection to 10.0.0.5 refused for 山田花子');
    });
    try {
      const body = JSON.parse(await same('query Catalogue { programmes { id } }'));
      expect(body.data).toBeNull();
      expect(body.errors).toHaveLength(1);
      const [error] = body.errors;
      expect(error.path).toEqual(['programmes']);
      expect(error.extensions.code).toBe('INTERNAL_SERVER_ERROR');
      expect(error.message).toBe('サーバーで問題が起きました。時間をおいてもう一度お試しください。');
      expect(error.extensions.messages.en).toBe('Something went wrong on the server. Please try again later.');
      expect(JSON.stringify(body)).not.toMatch(/10\.0\.0\.5|山田|Internal server error/);
    } finally {
      spy.mockRestore();
    }
  });

  it('a null where the schema promises a value is reported as graphql-js reports it (path, code, Japanese message)', async () => {
    const real = ProgrammeService.prototype.list;
    const spy = vi.spyOn(ProgrammeService.prototype, 'list').mockImplementation(function (this: ProgrammeService, ...args) {
      const [first, ...rest] = real.apply(this, args);
      return [{ ...first!, id: null as never }, ...rest];
    });
    try {
      const body = JSON.parse(await same('query Catalogue { programmes { id name } }'));
      expect(body.data).toBeNull();
      expect(body.errors).toHaveLength(1);
      expect(body.errors[0].path).toEqual(['programmes', 0, 'id']);
      expect(body.errors[0].extensions.code).toBe('INTERNAL_SERVER_ERROR');
      expect(body.errors[0].message).toBe('サーバーで問題が起きました。時間をおいてもう一度お試しください。');
    } finally {
      spy.mockRestore();
    }
  });
});
