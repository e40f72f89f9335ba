// Application documents: content checked by magic bytes, images re-encoded without EXIF/GPS, sealed
// at rest, 10 MB limit with a clear message, nothing left on disk after a refusal, reads by the family
// itself or by staff of the handling department only (audited).
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicationServices } from '../../api/application';
import { DiskDocumentStore } from '../../api/application/documents';
import { AuditEntry } from '../../api/audit/audit-entry.entity';
import { DepartmentCode } from '../../api/core/departments';
import { startTestApp, type TestApp } from '../support/app';
import { captureNotices, familyFromIntake } from './support-api';

/** The GPS IFD pointer (tag 0x8825) in either byte order: present when a photo carries a position. */
const hasGps = (exif: Buffer | undefined) => !!exif && (exif.includes(Buffer.from([0x88, 0x25])) || exif.includes(Buffer.from([0x25, 0x88])));

async function photoWithGps(): Promise<Buffer> {
  return sharp({ create: { width: 120, height: 80, channels: 3, background: '#36c' } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'SecretCam', Model: 'Z9' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '35/1 40/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '139/1 45/1 0/1' },
    })
    .toBuffer();
}

describe('application documents', () => {
  let t: TestApp;
  let dir: string;
  let session: string;
  let applicationId: string;
  beforeAll(async () => {
    t = await startTestApp({ records: 0 });
    captureNotices(t);
    dir = mkdtempSync(path.join(os.tmpdir(), 'yorisoi-docs-'));
    applicationServices(t.app.services).documents = new DiskDocumentStore(dir);
    ({ session } = await familyFromIntake(t));
    const r = await t.gql(`mutation($i: StartApplicationInput!) { startApplication(input: $i) { id } }`, { i: { session, procedureId: 'cra-status-report' } });
    applicationId = r.body.data!.startApplication.id;
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const files = () => readdirSync(dir);
  const upload = (body: Buffer, documentId = 'child-support-declaration', auth = session) =>
    t.http
      .post(`/applications/${applicationId}/documents/${documentId}`)
      .set('authorization', `Bearer ${auth}`)
      .set('content-type', 'application/octet-stream')
      .send(body);

  it('a JPEG with GPS comes back without any EXIF, and the stored file is sealed', async () => {
    const original = await photoWithGps();
    expect(hasGps((await sharp(original).metadata()).exif)).toBe(true);
    const res = await upload(original);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ contentType: 'image/jpeg' });
    const stored = readFileSync(path.join(dir, res.body.id));
    expect(stored.includes(Buffer.from('SecretCam'))).toBe(false);
    expect(stored.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff]))).toBe(false);
    const back = await t.http
      .get(`/applications/documents/${res.body.id}`)
      .set('authorization', `Bearer ${session}`)
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    expect(back.status).toBe(200);
    const meta = await sharp(back.body as Buffer).metadata();
    expect(meta.exif).toBeUndefined();
    expect(meta.width).toBe(120);
    expect((back.body as Buffer).includes(Buffer.from('SecretCam'))).toBe(false);
  });

  it('refuses a renamed executable (by content, not by name), a 20 MB file with a clear message, and leaves nothing on disk', async () => {
    const before = files().length;
    const elf = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(2000, 0x90)]);
    const exe = await t.http
      .post(`/applications/${applicationId}/documents/child-support-declaration`)
      .set('authorization', `Bearer ${session}`)
      .set('content-type', 'image/jpeg')
      .set('x-file-name', 'photo.jpg')
      .send(elf);
    expect(exe.status).toBe(415);
    expect(exe.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(exe.body.error.message).toContain('JPEG');
    // A JPEG header on something that is not an image does not pass either.
    const fake = await upload(Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(500, 1)]));
    expect(fake.status).toBe(415);
    const big = await upload(Buffer.alloc(20 * 1024 * 1024, 0xff));
    expect(big.status).toBe(413);
    expect(big.body.error.message).toContain('10MB');
    expect(big.body.error.messages.en).toContain('10 MB');
    expect(files().length).toBe(before);
    expect(files().filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('a PDF is kept; unknown document ids, other families and no session are refused', async () => {
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    expect((await upload(pdf, 'income-certificate')).body.contentType).toBe('application/pdf');
    expect((await upload(pdf, 'no-such-document')).status).toBe(404);
    const other = await familyFromIntake(t);
    expect((await upload(pdf, 'income-certificate', other.session)).status).toBe(404);
    expect((await t.http.post(`/applications/${applicationId}/documents/income-certificate`).send(pdf)).status).toBe(401);
  });

  it('staff of the handling department read a document, audited; another department does not find it', async () => {
    const res = await upload(await photoWithGps());
    const owner = await t.login(DepartmentCode.SINGLE_PARENT);
    const got = await t.http.get(`/applications/documents/${res.body.id}`).set('authorization', `Bearer ${owner}`);
    expect(got.status).toBe(200);
    const entries = await t.em().find(AuditEntry, { operationName: 'applicationDocument' });
    expect(entries.some((e) => e.sections.includes('application-documents') && e.actorDepartment === 'single-parent')).toBe(true);
    const other = await t.login(DepartmentCode.PUBLIC_HOUSING);
    expect((await t.http.get(`/applications/documents/${res.body.id}`).set('authorization', `Bearer ${other}`)).status).toBe(404);
  });
});
