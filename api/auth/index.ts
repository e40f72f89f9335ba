// The face of auth/: what other modules may import. Everything else in the folder is private to it.
export * from './auth.docs';
export * from './auth.resolver';
export * from './auth.service';
export * from './revocations';
export * from './revoked-token.entity';
export { signAccessToken } from './token';
export { SIGN_IN_STEPS } from './sign-in-steps';
