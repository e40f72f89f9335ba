// The face of online applications (オンライン申請): procedures, family sign-in, applications, staff queue.
export { ApplicationResolver } from './application.resolver';
export { InterviewResolver } from './interviews';
export { Application, ApplicationEvent } from './application.entity';
export { FamilyHandoff, FamilySession, FamilySignIn } from './family-session.entity';
export { FamilyAuth, type FamilyIdentity } from './family-auth';
// The family's own service, for the demo's seed (api/server/seed): applications made as a family makes them.
export { FamilyApplications } from './application.service';
export { ApplicationActor, ApplicationStatus } from './application-status';
export { applicationServices, useNoticeSender, type ApplicationServices } from './services';
export { NO_DELIVERY, type FamilyNotice, type NoticeChannel, type NoticeSender } from './notice-sender';
export * from './procedures';
export { documentRoutes, documentIdsOfRecord, removeErasedDocuments, type DocumentStore } from './documents';
export { changePeriod, outreachDelivery, type OutreachDeliveryDeps } from './outreach-delivery';
export { applicationFigures, type ApplicationFigures } from './figures';
