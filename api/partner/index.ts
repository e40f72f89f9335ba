// The face of partner/: what other modules may import. Everything else in the folder is private to it.
export * from './partner-organization.entity';
export * from './partner-token.entity';
export * from './partner-token';
export * from './partner.docs';
export * from './partner.resolver';
export * from './referral.entity';
export { PARTNER_ADMIN_EVENT } from './admin-trail';
