/**
 * Which document store a process uses, from its environment (README: "Configuration"):
 *
 *   DOCUMENT_STORE=disk (default)  DOCUMENTS_DIR, or DATA_DIR/documents
 *   DOCUMENT_STORE=s3              S3_BUCKET (required), S3_ENDPOINT, S3_REGION (us-east-1),
 *                                  S3_ACCESS_KEY_ID + S3_SECRET_ACCESS_KEY (both or neither),
 *                                  S3_FORCE_PATH_STYLE (true/false; true when S3_ENDPOINT is set), S3_PREFIX (documents/)
 *
 * A wrong setting stops the server at start naming the variable (never its value): an API that would
 * take uploads and lose them is worse than one that does not start. With several API processes the disk
 * store needs a shared folder; the S3 store does not.
 */
import { join, resolve } from 'node:path';
import { S3DocumentStore } from './s3-store';
import { DiskDocumentStore, type DocumentStore } from './store';

export class DocumentStoreConfigError extends Error {}

const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const PREFIX = /^[A-Za-z0-9!_.*'()/-]{0,200}$/;

function flag(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const v = env[name]?.trim().toLowerCase();
  if (!v) return fallback;
  if (['true', '1', 'yes'].includes(v)) return true;
  if (['false', '0', 'no'].includes(v)) return false;
  throw new DocumentStoreConfigError(`${name} must be true or false`);
}

export function documentStoreFromEnv(env: NodeJS.ProcessEnv = process.env): DocumentStore {
  const kind = env.DOCUMENT_STORE?.trim().toLowerCase() || 'disk';
  if (kind === 'disk') return new DiskDocumentStore(resolve(env.DOCUMENTS_DIR?.trim() || join(env.DATA_DIR?.trim() || './data', 'documents')));
  if (kind !== 's3') throw new DocumentStoreConfigError('DOCUMENT_STORE must be disk or s3');
  const bucket = env.S3_BUCKET?.trim() ?? '';
  if (!BUCKET.test(bucket))
    throw new DocumentStoreConfigError('S3_BUCKET must name the bucket (3–63 lower-case letters, digits, dots, dashes) when DOCUMENT_STORE=s3');
  const endpoint = env.S3_ENDPOINT?.trim() || null;
  if (endpoint) {
    let url: URL;
    try {
      url = new URL(endpoint);
    } catch {
      throw new DocumentStoreConfigError('S3_ENDPOINT must be a URL such as http://minio:9000');
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new DocumentStoreConfigError('S3_ENDPOINT must be an http or https URL');
  }
  const accessKeyId = env.S3_ACCESS_KEY_ID?.trim() || '';
  const secretAccessKey = env.S3_SECRET_ACCESS_KEY?.trim() || '';
  if (!accessKeyId !== !secretAccessKey)
    throw new DocumentStoreConfigError(
      'S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together: set both, or neither to use the default credentials (instance role)',
    );
  const prefix = env.S3_PREFIX ?? 'documents/';
  if (!PREFIX.test(prefix)) throw new DocumentStoreConfigError("S3_PREFIX may hold letters, digits and / ! _ . * ' ( ) - only (at most 200)");
  return new S3DocumentStore({
    bucket,
    endpoint,
    region: env.S3_REGION?.trim() || 'us-east-1',
    credentials: accessKeyId ? { accessKeyId, secretAccessKey } : null,
    forcePathStyle: flag(env, 'S3_FORCE_PATH_STYLE', endpoint !== null),
    prefix,
  });
}
