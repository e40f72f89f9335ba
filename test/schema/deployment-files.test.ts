import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { documentStoreFromEnv, S3DocumentStore } from '../../api/application/documents';
import { describe, expect, it } from 'vitest';
import { ROOT_DIR } from '../../api/core/paths';

/** No Docker engine runs here, so the deployment files are checked for what they must say. */
describe('docker-compose.yml and api/Dockerfile', () => {
  const compose = parse(readFileSync(join(ROOT_DIR, 'docker-compose.yml'), 'utf8'));

  it('runs PostgreSQL with a health check, and the API once the database is healthy', () => {
    expect(compose.services.db.image).toMatch(/^postgres:/);
    expect(compose.services.db.healthcheck.test.join(' ')).toContain('pg_isready');
    expect(compose.services.api.depends_on.db.condition).toBe('service_healthy');
    expect(compose.services.api.environment.DATABASE_URL).toMatch(/^postgres:\/\/.*@db:5432\//);
    expect(compose.services.api.environment.AUTH_SECRET).toContain('?');
    // Encryption at rest: the compose file refuses to start the API without a master key.
    expect(compose.services.api.environment.ENCRYPTION_KEY).toMatch(/^\$\{ENCRYPTION_KEY:\?/);
  });

  it('builds the API from api/Dockerfile, copying only files that exist', () => {
    const dockerfile = join(ROOT_DIR, compose.services.api.build.context, compose.services.api.build.dockerfile);
    expect(existsSync(dockerfile)).toBe(true);
    const copies = [...readFileSync(dockerfile, 'utf8').matchAll(/^COPY (?!--from)(.+) \S+$/gm)].flatMap((m) => m[1]!.split(/\s+/));
    expect(copies.length).toBeGreaterThan(3);
    for (const path of copies) expect(existsSync(join(ROOT_DIR, path)), path).toBe(true);
    expect(readFileSync(dockerfile, 'utf8')).toContain('CMD ["node", "dist/api/server/main.js"]');
  });

  it('sends e-mail to Mailpit unless SMTP_URL names a real server', () => {
    expect(compose.services.mailpit.image).toMatch(/^axllent\/mailpit/);
    expect(compose.services.mailpit.ports).toEqual(expect.arrayContaining(['8025:8025', '1025:1025']));
    expect(compose.services.api.environment.SMTP_URL).toBe('${SMTP_URL:-smtp://mailpit:1025}');
    expect(compose.services.api.depends_on.mailpit.condition).toBe('service_started');
  });

  it('keeps documents in MinIO: the API waits for the bucket and its S3 settings choose that bucket', () => {
    expect(compose.services.minio.image).toMatch(/^minio\/minio/);
    expect(compose.services.api.depends_on['minio-bucket'].condition).toBe('service_completed_successfully');
    const bucket = /mc mb --ignore-existing yorisoi\/(\S+)/.exec(compose.services['minio-bucket'].entrypoint.join(' '))![1];
    // The API's environment as compose would give it (defaults taken, required values filled in).
    const env = Object.fromEntries(
      Object.entries(compose.services.api.environment as Record<string, string>).map(([k, v]) => [
        k,
        String(v).replace(/\$\{(\w+):([-?])([^}]*)\}/g, (_m, _n, op, rest) => (op === '-' ? rest : 'filled-in')),
      ]),
    );
    const store = documentStoreFromEnv(env) as S3DocumentStore;
    expect(store).toBeInstanceOf(S3DocumentStore);
    expect(store.settings).toMatchObject({ bucket, endpoint: 'http://minio:9000', forcePathStyle: true });
    expect(store.settings.credentials?.accessKeyId).toBe('yorisoi');
    store.close();
  });
});
