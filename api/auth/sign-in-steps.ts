import type { checkSecondFactor, secondFactorError, startSession } from '../accounts';
import { Hook } from '../core';

/**
 * The sign-in's steps after the password, which accounts/ owns: the second factor (TOTP or a recovery
 * code) and the session every sign-in starts. accounts/ builds on auth/ (tokens, revocations, the password
 * check), so auth/ reaches them through this slot, connected by server/wiring.ts, instead of importing
 * accounts/. Unconnected, a sign-in fails rather than skip the second factor.
 */
export const SIGN_IN_STEPS = new Hook<{
  checkSecondFactor: typeof checkSecondFactor;
  secondFactorError: typeof secondFactorError;
  startSession: typeof startSession;
}>('auth: SIGN_IN_STEPS');
