/**
 * Documents in an S3-compatible bucket (AWS S3, MinIO, Ceph RGW, Cloudflare R2 …) through the AWS SDK
 * v3. What is put is already sealed by the app (store.ts: AES-256-GCM with a key per file, the key in the
 * database sealed by the keyring), so neither the bucket's operator nor a leaked bucket reads a page of
 * it; the bucket's own server-side encryption may be added on top but is not relied on.
 *
 * One object per document, `<prefix><document id>`; a put is all or nothing (S3 writes whole objects),
 * a delete of a missing object succeeds. Checksums are sent only where the protocol requires them, so
 * stores that do not know the SDK's newer checksum headers (older MinIO, s3rver in the tests) work too.
 */
import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { DOCUMENT_ID, type DocumentStore } from './store';

export interface S3StoreSettings {
  bucket: string;
  /** e.g. http://minio:9000; none for AWS itself (the region's endpoint). */
  endpoint: string | null;
  region: string;
  /** Both or neither; neither uses the SDK's default chain (instance role, AWS_* variables, profile). */
  credentials: { accessKeyId: string; secretAccessKey: string } | null;
  /** http://host/bucket/key rather than http://bucket.host/key (MinIO and most self-hosted stores). */
  forcePathStyle: boolean;
  /** Key prefix inside the bucket, e.g. "documents/". */
  prefix: string;
}

export class S3DocumentStore implements DocumentStore {
  readonly kind = 's3';
  private readonly client: S3Client;

  constructor(readonly settings: S3StoreSettings) {
    this.client = new S3Client({
      region: settings.region,
      ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
      forcePathStyle: settings.forcePathStyle,
      ...(settings.credentials ? { credentials: settings.credentials } : {}),
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      maxAttempts: 3,
      // A store that does not answer fails the upload within seconds instead of holding the request.
      requestHandler: { connectionTimeout: 5_000, requestTimeout: 30_000 },
    });
  }

  private key(id: string): string {
    if (!DOCUMENT_ID.test(id)) throw new Error('bad document id');
    return `${this.settings.prefix}${id}`;
  }

  async put(id: string, sealed: Buffer): Promise<void> {
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.settings.bucket,
        Key: this.key(id),
        Body: sealed,
        ContentLength: sealed.length,
        ContentType: 'application/octet-stream',
      }),
    );
  }

  async get(id: string): Promise<Buffer> {
    const out = await this.client.send(new GetObjectCommand({ Bucket: this.settings.bucket, Key: this.key(id) }));
    if (!out.Body) throw new Error('document store returned no body');
    return Buffer.from(await out.Body.transformToByteArray());
  }

  async remove(id: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.settings.bucket, Key: this.key(id) }));
  }

  /** Closes the client's sockets (tests, shutdown). */
  close(): void {
    this.client.destroy();
  }
}
