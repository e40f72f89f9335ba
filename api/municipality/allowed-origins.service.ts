import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { AccessGate } from '../access';
import { badInput, notFound } from '../core';
import type { LocalizedText } from '../core';
import { StaffRole } from '../core';
import { AllowedOriginAction, AllowedOriginChange } from './allowed-origin-change.entity';
import type { AllowedOriginInput, AllowedOrigins } from './allowed-origins.types';
import { Municipality } from './municipality.entity';
import { normaliseOrigin, type OriginProblem } from './web-origin';

/** More than this many origins is a mistake, not a municipality's CMS. */
export const MAX_ALLOWED_ORIGINS = 50;
const FIELD = 'input.origin';

const PROBLEM: Record<OriginProblem, LocalizedText> = {
  FORMAT: {
    ja: 'オリジンは https://www.city.example.lg.jp のように、https:// とホスト名（必要ならポート番号）で入力してください。',
    en: 'Enter an origin such as https://www.city.example.lg.jp: https://, the host name and, if needed, the port.',
    'ja-easy': 'https://www.city.example.lg.jp の ように 書いて ください。',
  },
  NOT_ORIGIN: {
    ja: 'ページのアドレスではなく、オリジン（ホスト名とポート番号まで。/ のあとのパスや ? は入れません）を入力してください。',
    en: 'Enter the origin only — scheme, host and port — without a path or query.',
    'ja-easy': '/ の あとは 書かないで ください。',
  },
  HTTPS: {
    ja: 'https:// で始まるオリジンを入力してください（http:// は localhost と 127.0.0.1 だけです）。',
    en: 'Use an https:// origin (http:// only for localhost and 127.0.0.1).',
    'ja-easy': 'https:// で はじまる ものを 書いて ください。',
  },
};
const TOO_MANY: LocalizedText = {
  ja: `許可できるオリジンは${MAX_ALLOWED_ORIGINS}件までです。使わないものを削除してください。`,
  en: `At most ${MAX_ALLOWED_ORIGINS} origins can be allowed. Remove ones you no longer use.`,
  'ja-easy': `${MAX_ALLOWED_ORIGINS}こ までです。使わない ものを けして ください。`,
};
const NOT_LISTED: LocalizedText = {
  ja: 'このオリジンは許可されていません。',
  en: 'This origin is not in the list.',
  'ja-easy': 'この オリジンは リストに ありません。',
};
const FROM_ENVIRONMENT: LocalizedText = {
  ja: 'このオリジンは環境変数 CORS_ORIGINS で許可されています。変更はサーバーの設定で行ってください。',
  en: "This origin is allowed by the deployment's CORS_ORIGINS; change it there.",
  'ja-easy': 'これは サーバーの 設定で きまって います。',
};

export interface AllowedOriginsDeps {
  /** CORS_ORIGINS: allowed for every municipality, shown read-only. */
  globalOrigins: ReadonlySet<string>;
  /** The process's cache of municipalities' origins (CORS, submitIntake): forgotten after a change. */
  municipalities: { invalidate(): void };
}

/**
 * The one place where a municipality's admins allow the web origins of their CMS pages: the widgets
 * load there (CORS on /widgets) and the public mutations accept their requests. Every change is
 * written, with who made it, in the same transaction (AllowedOriginChange), and takes effect at once
 * in this process; other API processes read the list again within a minute (MunicipalOrigins).
 */
export class AllowedOriginsService {
  constructor(
    private readonly em: EntityManager,
    private readonly gate: AccessGate,
    private readonly deps: AllowedOriginsDeps,
  ) {}

  private admin() {
    return this.gate.staff([StaffRole.ADMIN]);
  }

  private origin(input: AllowedOriginInput): string {
    const r = normaliseOrigin(input.origin ?? '');
    if ('problem' in r) throw badInput([{ field: FIELD, messages: PROBLEM[r.problem] }], this.gate.locale);
    return r.origin;
  }

  async list(): Promise<AllowedOrigins> {
    const { municipalityCode } = this.admin();
    const em = this.em.fork();
    const m = await em.findOneOrFail(Municipality, { code: municipalityCode }, { fields: ['allowedOrigins'] });
    const changes = await em.find(AllowedOriginChange, { municipalityCode }, { orderBy: { id: 'desc' }, limit: 50 });
    return { origins: m.allowedOrigins, fromEnvironment: [...this.deps.globalOrigins], changes };
  }

  add(input: AllowedOriginInput): Promise<AllowedOrigins> {
    return this.change(input, AllowedOriginAction.ADDED);
  }

  remove(input: AllowedOriginInput): Promise<AllowedOrigins> {
    return this.change(input, AllowedOriginAction.REMOVED);
  }

  private async change(input: AllowedOriginInput, action: AllowedOriginAction): Promise<AllowedOrigins> {
    const v = this.admin();
    const origin = this.origin(input);
    const l = this.gate.locale;
    await this.em.fork().transactional(async (tx) => {
      // Locked: two admins changing the list at once each see the other's change.
      const m = await tx.findOneOrFail(Municipality, { code: v.municipalityCode }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      const listed = m.allowedOrigins.includes(origin);
      if (action === AllowedOriginAction.ADDED) {
        if (listed) return; // already allowed: nothing changes, nothing to record
        if (m.allowedOrigins.length >= MAX_ALLOWED_ORIGINS) throw badInput([{ field: FIELD, messages: TOO_MANY }], l);
        m.allowedOrigins = [...m.allowedOrigins, origin];
      } else {
        if (!listed) throw notFound(this.deps.globalOrigins.has(origin) ? FROM_ENVIRONMENT : NOT_LISTED, l);
        m.allowedOrigins = m.allowedOrigins.filter((o) => o !== origin);
      }
      tx.create(AllowedOriginChange, { municipalityCode: v.municipalityCode, action, origin, actorId: v.staffId, actorName: v.name, at: new Date() });
    });
    this.deps.municipalities.invalidate();
    return this.list();
  }
}
