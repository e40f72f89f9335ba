import 'reflect-metadata';
import { createHash, createHmac, pbkdf2Sync, randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { migrate, openOrm } from './orm';

/**
 * The API's own database role (issue 14): it reads and writes the application's tables, appends to the
 * audit log only through audit_append (SECURITY DEFINER, AuditSeal migration), and can do nothing that
 * rewrites history — no UPDATE, DELETE or TRUNCATE on the audit tables, no internal audit function, no
 * DISABLE TRIGGER (only a table's owner may), no session_replication_role (superusers only), no DDL.
 * Migrations run as the owner (MIGRATION_DATABASE_URL); the API runs as this role (DATABASE_URL).
 *
 * `npm run db:app-role` applies the migrations, then runs these statements as the owner; it is idempotent — run it again after
 * migrations that add tables (default privileges cover tables the owner creates later, but not grants
 * taken away here).
 */
const APPEND_ONLY = ['audit_entry', 'audit_batch', 'audit_chain_head', 'allowed_origin_change'];
/** Tables the API never writes through its own role. */
const READ_ONLY = ['audit_entry', 'audit_batch', 'audit_chain_head', 'mikro_orm_migrations'];

const ident = (name: string) => {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`not a plain role name: ${name}`);
  return `"${name}"`;
};

/** `database`: for GRANT CONNECT (PUBLIC has it unless revoked); null leaves it out (the embedded PGlite has no such catalogue row to change). */
/**
 * The SCRAM-SHA-256 verifier PostgreSQL stores for a password (RFC 5802/7677), computed here so the
 * password itself never reaches the server — nor its log, should it log DDL.
 */
export function scramVerifier(password: string, salt = randomBytes(16), iterations = 4096): string {
  const salted = pbkdf2Sync(password.normalize('NFKC'), salt, iterations, 32, 'sha256');
  const storedKey = createHash('sha256').update(createHmac('sha256', salted).update('Client Key').digest()).digest();
  const serverKey = createHmac('sha256', salted).update('Server Key').digest();
  return `SCRAM-SHA-256$${iterations}:${salt.toString('base64')}$${storedKey.toString('base64')}:${serverKey.toString('base64')}`;
}

export function appRoleStatements(role: string, database: string | null, password?: string): string[] {
  const r = ident(role);
  const literal = password ? `'${scramVerifier(password)}'` : null;
  return [
    `do $$ begin if not exists (select from pg_roles where rolname = '${role}') then create role ${r} login; end if; end $$`,
    `alter role ${r} login nosuperuser nocreatedb nocreaterole noreplication nobypassrls${literal ? ` password ${literal}` : ''}`,
    ...(database === null ? [] : [`grant connect on database "${database.replace(/"/g, '""')}" to ${r}`]),
    `grant usage on schema public to ${r}`,
    `revoke create on schema public from ${r}`,
    `grant select, insert, update, delete on all tables in schema public to ${r}`,
    `grant usage, select on all sequences in schema public to ${r}`,
    `alter default privileges in schema public grant select, insert, update, delete on tables to ${r}`,
    `alter default privileges in schema public grant usage, select on sequences to ${r}`,
    `revoke update, delete, truncate on ${APPEND_ONLY.join(', ')} from ${r}`,
    `revoke insert on ${READ_ONLY.join(', ')} from ${r}`,
    `revoke update, delete on ${READ_ONLY.join(', ')} from ${r}`,
    `revoke usage, select, update on sequence audit_batch_id_seq from ${r}`,
    `grant execute on function audit_append(jsonb, jsonb) to ${r}`,
    // The outreach queue's tables (pg-boss, created by the Outreach migration): jobs only, no DDL.
    `grant usage on schema pgboss to ${r}`,
    `grant select, insert, update, delete on all tables in schema pgboss to ${r}`,
  ];
}

/** Runs the statements on the owner's connection (MIGRATION_DATABASE_URL, else DATABASE_URL). */
async function main(): Promise<void> {
  const url = process.env.MIGRATION_DATABASE_URL?.trim() || process.env.DATABASE_URL?.trim();
  if (!url) throw new Error('set MIGRATION_DATABASE_URL (or DATABASE_URL) to the owner of the database; the embedded PGlite has one user only');
  const role = process.env.APP_DB_ROLE?.trim() || 'yorisoi_app';
  // The grants name the audit tables and functions: bring the schema up to date first, as the owner.
  const orm = await openOrm({ kind: 'postgresql', url });
  try {
    await migrate(orm.orm);
  } finally {
    await orm.close();
  }
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const database = (await client.query<{ db: string }>('select current_database() as db')).rows[0]!.db;
    for (const sql of appRoleStatements(role, database, process.env.APP_DB_PASSWORD || undefined)) await client.query(sql);
    console.log(`Role ${role} is ready on ${database}: run the API with DATABASE_URL as ${role} and MIGRATION_DATABASE_URL as the owner.`);
    if (!process.env.APP_DB_PASSWORD) console.log('No APP_DB_PASSWORD given: the role has no password (set one, or authenticate it otherwise).');
  } finally {
    await client.end();
  }
}

if (require.main === module) {
  main().catch((e: Error) => {
    console.error(`db:app-role failed: ${e.message}`);
    process.exit(1);
  });
}
