/**
 * The version of the declared purpose "receiving notices" (seeds/intake/default.yaml, `outreachPurpose`):
 * a consent change the family makes outside the intake form (one-click, the family page) is recorded
 * under it. Changing the purpose text means a new version here and in the seed.
 */
export const OUTREACH_PURPOSE_VERSION = '2026-12';
