/**
 * The master key every test process uses (the PostgreSQL template database's data keys are wrapped
 * with it, and each test file's copy must open them). A test value, never a real one.
 */
export const TEST_ENCRYPTION_KEY = '0f1e2d3c4b5a69788796a5b4c3d2e1f00112233445566778899aabbccddeeff0';
process.env.ENCRYPTION_KEY ??= TEST_ENCRYPTION_KEY;
