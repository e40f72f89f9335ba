// The S3-compatible document store against a real S3 protocol server (s3rver, in this process on a free
// port; MinIO cannot run here): the store is chosen from the environment as a deployment would choose
// it, an upload lands in the bucket sealed (no JPEG, no EXIF maker inside) and reads back clean, a
// refused upload leaves no object, a store that is down fails the upload with no row left behind, and an
// approved erasure removes the erased family's objects (a retained, submitted application keeps its own).
import { DeleteObjectCommand, GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicationServices } from '../../api/application';
import { ApplicationDocument, documentStoreFromEnv, DocumentStoreConfigError, S3DocumentStore } from '../../api/application/documents';
import { DepartmentCode } from '../../api/core/departments';
import { startTestApp, type TestApp } from '../support/app';
import { captureNotices, familyFromIntake } from './support-api';

const BUCKET = 'yorisoi-documents';
const CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

async function photoWithGps(): Promise<Buffer> {
  return sharp({ create: { width: 96, height: 64, channels: 3, background: '#c63' } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'SecretCam', Model: 'Z9' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '35/1 40/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '139/1 45/1 0/1' },
    })
    .toBuffer();
}

describe('documents in an S3-compatible store', () => {
  let t: TestApp;
  let server: S3rver;
  let dir: string;
  let endpoint: string;
  let s3: S3Client;
  let store: S3DocumentStore;

  const env = (over: Record<string, string> = {}) => ({
    DOCUMENT_STORE: 's3',
    S3_ENDPOINT: endpoint,
    S3_BUCKET: BUCKET,
    S3_REGION: 'ap-northeast-1',
    S3_ACCESS_KEY_ID: CREDENTIALS.accessKeyId,
    S3_SECRET_ACCESS_KEY: CREDENTIALS.secretAccessKey,
    S3_FORCE_PATH_STYLE: 'true',
    S3_PREFIX: 'docs/',
    ...over,
  });
  const objects = async () => ((await s3.send(new ListObjectsV2Command({ Bucket: BUCKET }))).Contents ?? []).map((o) => o.Key!).sort();
  const object = async (key: string) => Buffer.from(await (await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }))).Body!.transformToByteArray());

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'yorisoi-s3rver-'));
    server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: dir, configureBuckets: [{ name: BUCKET, configs: [] }] });
    const { port } = await server.run();
    endpoint = `http://127.0.0.1:${port}`;
    s3 = new S3Client({ endpoint, region: 'ap-northeast-1', forcePathStyle: true, credentials: CREDENTIALS });
    t = await startTestApp({ records: 0 });
    captureNotices(t);
    const chosen = documentStoreFromEnv(env());
    expect(chosen).toBeInstanceOf(S3DocumentStore);
    store = chosen as S3DocumentStore;
    applicationServices(t.app.services).documents = store;
  });
  afterAll(async () => {
    store?.close();
    s3?.destroy();
    await t?.close();
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function application(session: string, procedureId = 'cra-status-report'): Promise<string> {
    const r = await t.gql(`mutation($i: StartApplicationInput!) { startApplication(input: $i) { id } }`, { i: { session, procedureId } });
    expect(r.body.errors).toBeUndefined();
    return r.body.data!.startApplication.id;
  }
  const readBack = (token: string, id: string) =>
    t.http
      .get(`/applications/documents/${id}`)
      .set('authorization', `Bearer ${token}`)
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      });
  const upload = (session: string, applicationId: string, body: Buffer, documentId = 'child-support-declaration') =>
    t.http
      .post(`/applications/${applicationId}/documents/${documentId}`)
      .set('authorization', `Bearer ${session}`)
      .set('content-type', 'application/octet-stream')
      .send(body);

  it('puts the upload in the bucket sealed, and reads it back without its EXIF', async () => {
    const { session } = await familyFromIntake(t);
    const id = await application(session);
    const res = await upload(session, id, await photoWithGps());
    expect(res.status).toBe(201);
    expect(await objects()).toContain(`docs/${res.body.id}`);
    const stored = await object(`docs/${res.body.id}`);
    expect(stored.includes(Buffer.from('SecretCam'))).toBe(false);
    expect(stored.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff]))).toBe(false);
    const back = await readBack(session, res.body.id);
    expect(back.status).toBe(200);
    const meta = await sharp(back.body as Buffer).metadata();
    expect(meta.width).toBe(96);
    expect(meta.exif).toBeUndefined();
    // The same object read by staff of the handling department.
    const staff = await readBack(await t.login(DepartmentCode.SINGLE_PARENT), res.body.id);
    expect(staff.status).toBe(200);
    expect((staff.body as Buffer).equals(back.body as Buffer)).toBe(true);
  });

  it('a refused upload (renamed executable, fake JPEG, 20 MB) leaves no object', async () => {
    const { session } = await familyFromIntake(t);
    const id = await application(session);
    const before = await objects();
    const elf = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(2000, 0x90)]);
    expect((await upload(session, id, elf)).status).toBe(415);
    expect((await upload(session, id, Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(500, 1)]))).status).toBe(415);
    const big = await upload(session, id, Buffer.alloc(20 * 1024 * 1024, 0xff));
    expect(big.status).toBe(413);
    expect(big.body.error.messages.en).toContain('10 MB');
    expect(await objects()).toEqual(before);
    expect(await t.em().count(ApplicationDocument, { application: id })).toBe(0);
  });

  it('a store that does not answer fails the upload and leaves no document row', async () => {
    const { session } = await familyFromIntake(t);
    const id = await application(session);
    const down = documentStoreFromEnv(env({ S3_ENDPOINT: 'http://127.0.0.1:9' })) as S3DocumentStore;
    applicationServices(t.app.services).documents = down;
    try {
      const res = await upload(session, id, await photoWithGps());
      expect(res.status).toBeGreaterThanOrEqual(500);
    } finally {
      applicationServices(t.app.services).documents = store;
      down.close();
    }
    expect(await t.em().count(ApplicationDocument, { application: id })).toBe(0);
  });

  it('an approved erasure removes the family’s objects; a retained, submitted application keeps its own', async () => {
    const admin = await t.login(DepartmentCode.SINGLE_PARENT, 'admin');
    const { session } = await familyFromIntake(t);
    const other = await familyFromIntake(t);
    const proc = await t.gql(`query { procedures(municipalityCode: "999999") { id documents { id } } }`);
    const claimDoc = proc.body.data!.procedures.find((p: { id: string }) => p.id === 'child-allowance-claim').documents[0].id as string;
    const draft = await application(session, 'child-allowance-claim');
    const draftDocs = [
      (await upload(session, draft, await photoWithGps(), claimDoc)).body.id,
      (await upload(session, draft, Buffer.from('%PDF-1.4\n%%EOF\n'), claimDoc)).body.id,
    ];
    // A submitted 現況届: kept by the retention rule (seeds/retention/default.yaml), with its file.
    const kept = await application(session);
    const keptDoc = (await upload(session, kept, Buffer.from('%PDF-1.4\n%%EOF\n'))).body.id as string;
    const started = await t.gql(`query($s: String!, $id: ID!) { familyApplication(session: $s, id: $id) { version } }`, { s: session, id: kept });
    const answers = [
      ['street', 'デモ町1-2-3'],
      ['livingWithChildren', 'true'],
      ['publicPension', 'false'],
      ['fullySuspended', 'false'],
    ].map(([question, value]) => ({ question, value }));
    const saved = await t.gql(`mutation($i: SaveApplicationInput!) { saveApplication(input: $i) { version } }`, {
      i: { session, id: kept, version: started.body.data!.familyApplication.version, answers },
    });
    expect(saved.body.errors).toBeUndefined();
    const sub = await t.gql(`mutation($i: SubmitApplicationInput!) { submitApplication(input: $i) { receiptNumber } }`, {
      i: { session, id: kept, version: saved.body.data!.saveApplication.version },
    });
    expect(sub.body.errors).toBeUndefined();
    const othersDoc = (await upload(other.session, await application(other.session), await photoWithGps())).body.id as string;
    for (const d of [...draftDocs, keptDoc, othersDoc]) expect(await objects()).toContain(`docs/${d}`);

    const req = await t.gql(`mutation($i: FamilyErasureInput!) { requestFamilyErasure(input: $i) { id } }`, { i: { session } });
    expect(req.body.errors).toBeUndefined();
    const decided = await t.gql(
      `mutation($i: DecideErasureRequestInput!) { decideErasureRequest(input: $i) { status } }`,
      { i: { id: req.body.data!.requestFamilyErasure.id, approve: true } },
      admin,
    );
    expect(decided.body.errors).toBeUndefined();
    expect(decided.body.data!.decideErasureRequest.status).toBe('ERASED');

    const after = await objects();
    for (const d of draftDocs) expect(after).not.toContain(`docs/${d}`);
    expect(after).toContain(`docs/${keptDoc}`);
    expect(after).toContain(`docs/${othersDoc}`);
  });

  it('removing a missing object is not an error (a second erasure pass, a retry)', async () => {
    await s3.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: 'docs/00000000-0000-4000-8000-000000000000' }));
    await expect(store.remove('00000000-0000-4000-8000-000000000000')).resolves.toBeUndefined();
  });

  it('a wrong setting stops the start, naming the variable and never its value', () => {
    const wrong = (over: Record<string, string>, name: string) => {
      let error: unknown;
      try {
        documentStoreFromEnv(env(over));
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(DocumentStoreConfigError);
      expect((error as Error).message).toContain(name);
      for (const v of Object.values(over)) if (v) expect((error as Error).message).not.toContain(v);
    };
    wrong({ S3_BUCKET: '' }, 'S3_BUCKET');
    wrong({ DOCUMENT_STORE: 'ftp' }, 'DOCUMENT_STORE');
    wrong({ S3_SECRET_ACCESS_KEY: '' }, 'S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY');
    wrong({ S3_ENDPOINT: 'minio:9000x' }, 'S3_ENDPOINT');
    wrong({ S3_FORCE_PATH_STYLE: 'maybe' }, 'S3_FORCE_PATH_STYLE');
    expect(documentStoreFromEnv({ DATA_DIR: '/tmp/x' }).kind).toBe('disk');
  });
});
