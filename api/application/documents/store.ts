/**
 * Where document bytes live, sealed (AES-256-GCM with a key per file; api/crypto/envelope.ts) before
 * they reach any store: the embedded default is a folder under DATA_DIR (this file); a deployment puts
 * them in an S3-compatible bucket (s3-store.ts); store-config.ts chooses from the environment.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { open, seal } from '../../crypto';

export interface DocumentStore {
  /** 'disk' or 's3' (named in logs and the README, never with a path or a key). */
  readonly kind: string;
  /** Stores sealed bytes under a document id; all or nothing. */
  put(id: string, sealed: Buffer): Promise<void>;
  get(id: string): Promise<Buffer>;
  /** Removes a document's bytes; removing one that is not there is not an error. */
  remove(id: string): Promise<void>;
}

export const DOCUMENT_ID = /^[0-9a-f-]{36}$/;
const AAD = 'yorisoi-document-v1';

export class DiskDocumentStore implements DocumentStore {
  readonly kind = 'disk';
  constructor(readonly dir: string) {}

  private path(id: string): string {
    if (!DOCUMENT_ID.test(id)) throw new Error('bad document id');
    return join(this.dir, id);
  }

  async put(id: string, sealed: Buffer): Promise<void> {
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    const target = this.path(id);
    const tmp = `${target}.${process.pid}.tmp`;
    try {
      await writeFile(tmp, sealed, { mode: 0o600 });
      await rename(tmp, target);
    } finally {
      await rm(tmp, { force: true });
    }
  }

  get(id: string): Promise<Buffer> {
    return readFile(this.path(id));
  }

  async remove(id: string): Promise<void> {
    await rm(this.path(id), { force: true });
  }
}

/** Seals bytes with a fresh key; the key goes to the database sealed by the keyring. */
export function sealDocument(bytes: Buffer, documentId: string): { key: Buffer; sealed: Buffer } {
  const key = randomBytes(32);
  return { key, sealed: seal(key, bytes, `${AAD}:${documentId}`) };
}

export function openDocument(key: Buffer, sealed: Buffer, documentId: string): Buffer {
  return open(key, sealed, `${AAD}:${documentId}`);
}
