/**
 * Deliberate exceptions to the schema conventions (rules.ts). Each one is named by its schema
 * coordinate and says why it stays: all of them were in the released 0.1.0 schema, and changing them
 * would break partners' queries (npm run schema:breaking). Add one only with a reason a reviewer accepts.
 */
export interface LintConfig {
  /** Suffixes an input object type's name may end with. */
  inputSuffixes: readonly string[];
  /** Rule name → coordinate → why the exception is deliberate. */
  exceptions: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

export const LINT_CONFIG: LintConfig = {
  // `…Input` for mutation inputs; `…Filter` for the filter argument of a list (RecordFilter).
  inputSuffixes: ['Input', 'Filter'],
  exceptions: {
    'mutation-arguments': {
      'Mutation.login': 'Staff sign-in takes email and password as two arguments since 0.1.0; the staff console and scripts send them so.',
      'Mutation.rateChat': 'Public widget call since 0.1.0 (score, sessionId); widgets already embedded in municipal pages send it so.',
    },
    'id-type': {
      'Me.id': 'String since 0.1.0 (a staff or a partner id); turning it into ID would change its kind, a breaking change.',
    },
  },
};
