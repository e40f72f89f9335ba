// ESLint (flat config), type-aware through typescript-eslint: `npm run lint` (CI). The rules are the ones
// that catch what the compiler does not: promises nobody awaits or handles, promises where a callback
// expects a plain value, and `any` flowing into typed code unchecked.
import tseslint from 'typescript-eslint';

const typeAware = {
  '@typescript-eslint/no-floating-promises': 'error',
  '@typescript-eslint/no-misused-promises': 'error',
  '@typescript-eslint/await-thenable': 'error',
  '@typescript-eslint/no-unsafe-assignment': 'error',
  '@typescript-eslint/no-unsafe-call': 'error',
  '@typescript-eslint/no-unsafe-member-access': 'error',
  '@typescript-eslint/no-unsafe-return': 'error',
  '@typescript-eslint/no-unsafe-argument': 'error',
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'examples/**', 'test/artifacts/**', '**/*.mjs', '**/*.cjs', 'vitest.config.mts'] },
  {
    files: ['api/**/*.ts', 'schema/**/*.ts', 'widgets/**/*.ts', 'test/**/*.ts'],
    languageOptions: { parser: tseslint.parser, parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { '@typescript-eslint': tseslint.plugin },
    // Some comments disable core rules this config does not enable (no-control-regex, no-console): not reported.
    linterOptions: { reportUnusedDisableDirectives: 'off' },
    rules: typeAware,
  },
  {
    // Where rows come from raw SQL (pg and PGlite hand them over untyped) the unsafe-any rules are not
    // feasible without a schema for every statement; these files map rows to typed views in one place
    // each. Promise rules still apply. Shrink this list when a file gets typed rows.
    files: [
      'api/record/record.reader.ts',
      'api/record/child-rows.ts',
      'api/crypto/keyring.ts',
      'api/server/key-rotation.ts',
      'api/crypto/seal-existing.ts',
      'api/crypto/encrypted-columns.ts',
      'api/db/orm.ts',
      'api/chat/ranker.ts',
      'api/programme/rescreen.ts',
      'api/server/schema/compiled-executor.ts',
      'schema/breaking/breaking.ts',
    ],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
    },
  },
  {
    // Tests poke at responses (`res.body.data…`) as JSON by design; promises and awaits are still checked.
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
    },
  },
);
