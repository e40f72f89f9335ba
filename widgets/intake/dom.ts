import type { ApiError } from './model.js';

/** Small helpers shared by the intake element's layers (no state); furigana and storage are in widgets/shared/. */

/** Waits before the automatic retries of a submission that got no answer (fetch rejected or 5xx). */
export const BACKOFF = [500, 1000, 2000];
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** The person's local date, YYYY-MM-DD (a child's age from the chat is counted to it). */
export const today = (d = new Date()): string => [d.getFullYear(), d.getMonth() + 1, d.getDate()].map((n) => String(n).padStart(2, '0')).join('-');
export type Gql<T> = { data?: T | null; errors?: ApiError[] };
