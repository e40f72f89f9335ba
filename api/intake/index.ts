// The face of intake/: what other modules may import. Everything else in the folder is private to it.
export * from './consultation-request.resolver';
export * from './intake-texts';
export * from './intake.docs';
export * from './intake.resolver';
export * from './intake.service';
export * from './municipal-origins';
export * from './rate-limiter';
export { IntakeInput } from './intake.inputs';
