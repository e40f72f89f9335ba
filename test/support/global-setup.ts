// Runs once before the whole suite. Database templates are prepared here (see test/support/db.ts).
export default async function globalSetup(): Promise<void> {}
