/** The PostgreSQL server tests run on, if any (CI: postgres://root@127.0.0.1:5432/test). */
export function testDatabaseUrl(): string | null {
  return process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || null;
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
