/**
 * The operations anonymous callers may send (issue 14: trusted documents): every operation of the
 * public widgets, and the staff console's sign-in (sent before there is a token). widgets/build.mjs
 * writes them, by SHA-256 of their text, to dist/widgets/trusted-documents.json; the API refuses any
 * other anonymous operation in production (api/limits/trusted-documents.ts). A new operation in a
 * public widget must be added here.
 */
import { CHAT, RATE, REQUEST, SETTINGS as CHAT_SETTINGS } from './chat/model.js';
import { FAMILY_HANDOFF, POSTAL, QUERY, SETTINGS as INTAKE_SETTINGS, STARTED, SUBMIT } from './intake/model.js';
import { LOGIN } from './staff/queries.js';
import { MYPAGE_OPERATIONS } from './mypage/queries.js';
import { ACCOUNT_OPERATIONS } from './staff/account-queries.js';

export const TRUSTED_OPERATIONS: readonly string[] = [
  CHAT,
  RATE,
  REQUEST,
  CHAT_SETTINGS,
  QUERY,
  INTAKE_SETTINGS,
  SUBMIT,
  STARTED,
  FAMILY_HANDOFF,
  POSTAL,
  LOGIN,
  ...MYPAGE_OPERATIONS,
  ...ACCOUNT_OPERATIONS,
];
