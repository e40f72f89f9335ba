import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { deriveAuditKey } from '../../api/audit/audit-seal';
import { loadConfig } from '../../api/server/config';

/** AUDIT_KEY, AUDIT_ANCHOR_DIR, AUDIT_ANCHOR_SECONDS and MIGRATION_DATABASE_URL (README: Configuration). */
describe('audit configuration', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'yorisoi-audit-config-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
  const pg = { DATABASE_URL: 'postgres://u@db.example/yorisoi', AUTH_SECRET: 'a'.repeat(40), ENCRYPTION_KEY: '0'.repeat(64), DATA_DIR: dataDir };

  it('embedded: the key is generated into DATA_DIR once and kept; anchors beside it by default', () => {
    const first = loadConfig({ DATA_DIR: dataDir, AUTH_SECRET: 'b'.repeat(40) });
    expect(first.auditKey).toMatch(/^[0-9a-f]{64}$/);
    expect(readFileSync(join(dataDir, 'audit-key'), 'utf8')).toBe(first.auditKey);
    expect(loadConfig({ DATA_DIR: dataDir, AUTH_SECRET: 'b'.repeat(40) }).auditKey).toBe(first.auditKey);
    expect(first.auditAnchorDir).toBe(join(dataDir, 'audit-anchors'));
    expect(first.auditAnchorSeconds).toBe(60);
    expect(first.migrationDatabaseUrl).toBeNull();
  });

  it('with DATABASE_URL in production AUDIT_KEY is required; outside production it is derived from AUTH_SECRET', () => {
    expect(() => loadConfig({ ...pg, NODE_ENV: 'production' })).toThrow(/AUDIT_KEY must be set/);
    expect(loadConfig({ ...pg, NODE_ENV: 'production', AUDIT_KEY: 'k'.repeat(40) }).auditKey).toBe('k'.repeat(40));
    expect(loadConfig(pg).auditKey).toBe(deriveAuditKey(pg.AUTH_SECRET));
    expect(() => loadConfig({ ...pg, AUDIT_KEY: 'short' })).toThrow(/at least 32/);
  });

  it('AUDIT_ANCHOR_DIR=off, AUDIT_ANCHOR_SECONDS, MIGRATION_DATABASE_URL (only with DATABASE_URL)', () => {
    const c = loadConfig({ ...pg, AUDIT_ANCHOR_DIR: 'off', AUDIT_ANCHOR_SECONDS: '15', MIGRATION_DATABASE_URL: 'postgres://owner@db.example/yorisoi' });
    expect(c).toMatchObject({ auditAnchorDir: null, auditAnchorSeconds: 15, migrationDatabaseUrl: 'postgres://owner@db.example/yorisoi' });
    expect(() => loadConfig({ ...pg, AUDIT_ANCHOR_SECONDS: '0' })).toThrow(/positive integer/);
    expect(loadConfig({ DATA_DIR: dataDir, AUTH_SECRET: 'b'.repeat(40), MIGRATION_DATABASE_URL: 'postgres://x@y/z' }).migrationDatabaseUrl).toBeNull();
    expect(existsSync(join(dataDir, 'audit-anchors'))).toBe(false); // configuration writes no anchor
  });
});
