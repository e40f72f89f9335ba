import { createRequire } from 'node:module';
import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

/** Test files that use no database at all (browser against the fake server, pure logic). */
const NO_DATABASE = [
  'test/widgets/model.test.ts',
  'test/widgets/chat-model.test.ts',
  'test/widgets/size.test.ts',
  'test/widgets/intake.test.ts',
  'test/widgets/intake.a11y.test.ts',
  'test/widgets/intake.submit.test.ts',
  'test/widgets/intake.zoom.test.ts',
  'test/widgets/chat.test.ts',
  'test/widgets/chat.a11y.test.ts',
  'test/widgets/chat.layout.test.ts',
  'test/schema/schema-lint.test.ts',
  'test/schema/schema-breaking.test.ts',
  'test/partner/guide.test.ts',
  'test/schema/page-info.test.ts',
  'test/tooling/chromium.test.ts',
  'test/tooling/file-size.test.ts',
  'test/widgets/date-input.test.ts',
  'test/outreach/queue-names.test.ts',
  'test/core/open-days.test.ts',
  'test/line/config.test.ts',
  'test/widgets/staff-search-terms.test.ts',
  'test/widgets/staff-operation-names.test.ts',
  'test/application/procedures.test.ts',
  'test/application/my-number.test.ts',
  'test/application/ics.test.ts',
  'test/outreach/templates.test.ts',
];

/** Test files that need a PostgreSQL server (several processes on one database); left out without one. */
const POSTGRESQL_ONLY = ['test/replicas/**'];

export default defineConfig({
  plugins: [
    // type-graphql and MikroORM read decorator metadata, which esbuild does not emit.
    swc.vite({
      jsc: {
        parser: { syntax: 'typescript', decorators: true },
        transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
        target: 'es2022',
      },
    }),
  ],
  resolve: {
    // One copy of graphql: type-graphql loads the CJS build, so must everyone else.
    alias: { graphql: require.resolve('graphql') },
  },
  test: {
    include: ['test/**/*.test.ts'],
    // CI's second pass (embedded PGlite) sets YORISOI_DB_TESTS_ONLY=1: it leaves out the files that
    // never touch a database (widgets against the fake test server, pure model tests), which the
    // PostgreSQL pass has already run — their result cannot depend on the database.
    exclude: [
      '**/node_modules/**',
      ...(process.env.YORISOI_DB_TESTS_ONLY === '1' ? NO_DATABASE : []),
      // Several processes on one database: PostgreSQL only (PGlite is one process's database).
      ...(process.env.TEST_DATABASE_URL || process.env.DATABASE_URL ? [] : POSTGRESQL_ONLY),
    ],
    setupFiles: ['test/support/setup.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
