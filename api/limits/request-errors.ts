import type { ApolloServerPlugin } from '@apollo/server';
import { type DocumentNode, GraphQLError, type GraphQLFormattedError, visit } from 'graphql';
import { badInput } from '../core';
import type { LocalizedText } from '../core';
import type { Context } from '../server/context';

const NUL_TEXT: LocalizedText = {
  ja: '使えない文字（NUL）が含まれています。',
  en: 'The text contains a character that cannot be used (NUL).',
  'ja-easy': '使えない 文字が 入って います。',
};

/** The path of the first string holding a NUL byte (PostgreSQL cannot store one), or null. */
function nulPath(value: unknown, path: string, depth = 0): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (depth > 32 || value === null || typeof value !== 'object') return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const p = nulPath(value[i], `${path}[${i}]`, depth + 1);
      if (p) return p;
    }
    return null;
  }
  for (const [k, v] of Object.entries(value)) {
    if (k.includes('\u0000')) return path;
    const p = nulPath(v, `${path}.${k}`, depth + 1);
    if (p) return p;
  }
  return null;
}

function documentHasNul(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    StringValue(node) {
      if (node.value.includes('\u0000')) found = true;
    },
  });
  return found;
}

/**
 * A NUL byte in any text is BAD_USER_INPUT on its field (`input.identity.familyName`), refused before
 * anything runs: it reached PostgreSQL and came back as INTERNAL_SERVER_ERROR (issue 14, lower list).
 */
export const refuseNulBytes: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ request, document, contextValue }) {
        const field = (nulPath(request.variables ?? {}, '') ?? '').replace(/^\./, '') || (documentHasNul(document) ? 'query' : '');
        if (!field) return;
        const e = badInput([{ field, messages: NUL_TEXT }], contextValue.locale);
        throw new GraphQLError(e.message, { extensions: { ...e.extensions, http: { status: 400 } } });
      },
    };
  },
};

const WRONG_TYPE: LocalizedText = {
  ja: '入力の形式が正しくありません。',
  en: 'This value has the wrong type or format.',
  'ja-easy': '書きかたが まちがって います。',
};
const REQUIRED: LocalizedText = {
  ja: '必須の項目が入力されていません。',
  en: 'A required field is missing.',
  'ja-easy': 'かならず 書く ところが あいて います。',
};
const UNKNOWN: LocalizedText = { ja: 'この項目は受け付けていません。', en: 'There is no such field.', 'ja-easy': 'この 項目は ありません。' };
const QUERY: LocalizedText = {
  ja: '問い合わせ（クエリ）が正しくないか、大きすぎます。',
  en: 'The query is not valid or too large.',
  'ja-easy': 'クエリが まちがって いるか、大きすぎます。',
};

const NAME = '[A-Za-z_][A-Za-z0-9_]{0,99}';
const VARIABLE = new RegExp(`^Variable "\\$(${NAME})" `);
/** The place graphql-js names inside a variable: ` at "input.contact.phone"; ` (names and indexes only). */
const AT_PATH = new RegExp(` at "(${NAME}(?:\\.${NAME}|\\[\\d{1,9}\\]){0,32})"; `);
const NOT_PROVIDED = new RegExp(`; Field "(${NAME})" of required type "[^"]{1,200}" was not provided\\.$`);
const NOT_DEFINED = new RegExp(`; Field "(${NAME})" is not defined by type "[^"]{1,200}"\\.`);

/**
 * Errors of the request itself, in the shape every API error has (README: Errors): a code, the field
 * at fault, a message in ja, en and やさしい日本語 — and never the value. graphql-js words a variable
 * error as `Variable "$input" got invalid value { familyName: "山田", phone: … }; …`, which repeats
 * what was sent (for an unknown field, the whole input with name, phone and street); it becomes
 * `field: "input.phone"` with a message about the rule. Parse and validation errors (including
 * GraphQL Armor's limits) get `field: "query"`.
 */
export function shapeRequestError(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const ext = formatted.extensions ?? {};
  const code = ext.code;
  if (code === 'BAD_USER_INPUT' && ext.field === undefined) {
    const v = VARIABLE.exec(formatted.message);
    if (!v) return { ...formatted, extensions: { ...ext, field: 'query' } };
    const at = AT_PATH.exec(formatted.message)?.[1] ?? v[1]!;
    const missing = NOT_PROVIDED.exec(formatted.message);
    const unknown = NOT_DEFINED.exec(formatted.message);
    const [field, messages] = missing
      ? [`${at}.${missing[1]}`, REQUIRED]
      : unknown
        ? [`${at}.${unknown[1]}`, UNKNOWN]
        : /(?:must not be null|of required type "[^"]{1,200}" was not provided)\.$/.test(formatted.message)
          ? [at, REQUIRED]
          : [at, WRONG_TYPE];
    return {
      message: messages.ja,
      locations: formatted.locations,
      extensions: { code, field, messages, problems: [{ field, message: messages.ja, messages }] },
    };
  }
  if ((code === 'GRAPHQL_VALIDATION_FAILED' || code === 'GRAPHQL_PARSE_FAILED' || code === 'BAD_REQUEST') && ext.field === undefined) {
    return { ...formatted, extensions: { ...ext, field: 'query', messages: ext.messages ?? QUERY } };
  }
  // Every other error without a field (not found, forbidden, too many requests …) names the operation
  // field it belongs to, so a client always has a place to show it.
  if (ext.field === undefined) return { ...formatted, extensions: { ...ext, field: formatted.path?.length ? formatted.path.join('.') : 'query' } };
  return formatted;
}
