// The face of staff/: what other modules may import. Everything else in the folder is private to it.
export * from './password';
export * from './staff-member.entity';
export * from './staff.docs';
export * from './staff.resolver';
export { STAFF_ADMIN_EVENT, STAFF_CHANGED } from './staff-changed';
