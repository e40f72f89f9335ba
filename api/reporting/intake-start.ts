import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Entity, PrimaryKey, PrimaryKeyProp, Property } from '@mikro-orm/core';
import { apiError, badInput, notFound, todayInJapan } from '../core';
import type { Locale, LocalizedText } from '../core';
import { RateLimiter } from '../intake';
import type { FigureSource } from './figure-registry';

/**
 * Intake forms started: the intake widget sends one anonymous ping when a family gets past the first
 * page, so the report can set started beside submitted. Only a count per municipality and day is
 * kept: no address, no cookie, no identifier of the visitor or the form.
 */
@Entity({ tableName: 'intake_start' })
export class IntakeStart {
  [PrimaryKeyProp]?: ['municipalityCode', 'day'];

  @PrimaryKey({ type: 'string', length: 6 })
  municipalityCode!: string;

  @PrimaryKey({ type: 'date' })
  day!: string;

  @Property({ type: 'integer' })
  count!: number;
}

const text = (ja: string, en: string, easy: string): LocalizedText => ({ ja, en, 'ja-easy': easy });

/** Counted forward as they come (the table is the count); a day is stored once over, like the others. */
export const INTAKE_START_FIGURES: FigureSource = {
  module: 'intakeStart',
  figures: [
    {
      name: 'intakeStart.started',
      label: text('入力フォームの開始件数（1ページ目を終えたもの）', 'Intake forms started (first page done)', 'フォームを はじめた かず'),
    },
  ],
  async count(em, code, r) {
    const rows = await em
      .getConnection()
      .execute<{ day: string; value: number }[]>(
        `select to_char(day, 'YYYY-MM-DD') as day, count as value from intake_start where municipality_code = ? and day >= ?::date and day <= ?::date and count > 0`,
        [code, r.from, r.to],
      );
    return rows.map((x) => ({ day: x.day, figure: 'intakeStart.started', key: '', value: Number(x.value) }));
  },
};

/**
 * Pings per client address and minute: a family starts a form once or twice; several families behind
 * one address (a carrier's shared address, an office) still fit. Beyond it the count is refused, never
 * the family (the widget ignores the answer).
 */
export const STARTS_PER_MINUTE = 10;
// One limiter per app (its services), per process like intake's own; the shared anonymous limit applies
// on top. The address is hashed before it is a key, so not even memory holds it.
const limiters = new WeakMap<object, RateLimiter>();

const BAD_CODE = text('自治体コードは6桁の数字です。', 'The municipality code has 6 digits.', '市の コードは 6つの 数字です。');
const UNKNOWN = text('この自治体は見つかりません。', 'This municipality was not found.', 'この 市は みつかりません。');
const ORIGIN = text('このページからは送れません。', 'This page may not send to this municipality.', 'この ページからは おくれません。');
const TOO_MANY = text('しばらくしてからもう一度お試しください。', 'Please try again in a moment.', 'すこし まってから もう一度 して ください。');

export interface StartDeps {
  globalOrigins: ReadonlySet<string>;
  municipalities: { get(code: string): Promise<{ allowedOrigins: readonly string[] } | null> };
}

/** Counts one start, after the checks every anonymous intake call passes (rate, code, origin). */
export async function countIntakeStart(
  em: EntityManager,
  deps: StartDeps,
  code: string,
  req: { origin?: string; clientAddress: string },
  locale: Locale,
  now = new Date(),
): Promise<boolean> {
  if (!/^\d{6}$/.test(code)) throw badInput([{ field: 'input.municipalityCode', messages: BAD_CODE }], locale);
  const limiter = limiters.get(deps) ?? limiters.set(deps, new RateLimiter(STARTS_PER_MINUTE)).get(deps)!;
  if (!limiter.take(createHash('sha256').update(req.clientAddress).digest('base64url'), now.getTime())) throw apiError('TOO_MANY_REQUESTS', TOO_MANY, locale);
  const m = await deps.municipalities.get(code);
  if (!m) throw notFound(UNKNOWN, locale);
  if (req.origin && !deps.globalOrigins.has(req.origin) && !m.allowedOrigins.includes(req.origin)) throw apiError('FORBIDDEN', ORIGIN, locale);
  await em
    .getConnection()
    .execute(
      `insert into intake_start (municipality_code, day, count) values (?, ?::date, 1) on conflict (municipality_code, day) do update set count = intake_start.count + 1`,
      [code, todayInJapan(now)],
    );
  return true;
}
