import type { EntityManager } from '@mikro-orm/postgresql';
import { AccessGate } from '../access';
import type { AccessPolicySync, PolicyBook } from '../access';
import type { AuthSettings } from '../auth';
import type { ChatServices } from '../chat';
import type { IntakeDeps } from '../intake';
import type { Viewer } from '../core';
import { AuditCollector } from '../audit';
import type { Locale } from '../core';
import type { Catalogue, ProgrammeSettingsSync } from '../programme';
import { createRecordLoaders, type RecordLoaders } from '../record';
import type { Limits, RateLimit } from '../limits';
import type { Outreach } from '../outreach';
import type { LineAdminDeps } from '../line';

/** Everything a resolver may use during one request. Built fresh per request (context.factory in app.ts). */
export interface Context {
  /** A fork of the EntityManager for this request only. */
  em: EntityManager;
  viewer: Viewer;
  locale: Locale;
  gate: AccessGate;
  audit: AuditCollector;
  loaders: RecordLoaders;
  /** Facts about the HTTP request that public operations need (never personal data). */
  request: { origin: string | undefined; clientAddress: string };
  services: AppServices;
}

/** Long-lived, process-wide services handed to every request. */
export interface AppServices {
  policies: PolicyBook;
  auth: AuthSettings;
  intake: IntakeDeps;
  chat: ChatServices;
  /** The programme catalogue, loaded and validated once per process; the console's programme settings go over it. */
  catalogue: Catalogue;
  /** Keeps the catalogue in step with the console's stored programme settings (api/programme/settings). */
  programmeSettings?: ProgrammeSettingsSync;
  /** Keeps the policy book in step with the console's stored access policies (api/access/settings). */
  accessPolicy?: AccessPolicySync;
  /** The limits in force and the sign-in rate limits (api/limits). */
  limits: { config: Limits; loginPerAddress: RateLimit; loginPerAccount: RateLimit };
  /** Push-type support (api/outreach): queue, links, approval policy; optional so other callers need not build it. */
  outreach?: Outreach;
  /** The audit chain's seal key and anchor folder (api/audit/audit-seal.ts, audit-anchor.ts); optional so other callers need not build it. */
  auditSeal?: AuditSealSettings;
  /** The process runs the demo (SEED_DEMO): the fictional postal codes of デモ市 answer (api/postal). */
  demo?: boolean;
  /** LINE channel settings for the console (api/line); set by app.ts once the LINE service exists. */
  line?: LineAdminDeps;
}

export interface AuditSealSettings {
  key: string;
  anchorDir: string | null;
}

export function createContext(
  em: EntityManager,
  viewer: Viewer,
  locale: Locale,
  services: AppServices,
  request: Context['request'] = { origin: undefined, clientAddress: 'local' },
): Context {
  let loaders: RecordLoaders | undefined;
  return {
    em,
    viewer,
    locale,
    gate: new AccessGate(viewer, services.policies, locale),
    audit: new AuditCollector(viewer),
    // Created on first use: most operations (intake, chat, eligibility) never read a record's rows.
    get loaders(): RecordLoaders {
      return (loaders ??= createRecordLoaders(em));
    },
    services,
    request,
  };
}
