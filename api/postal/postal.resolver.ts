import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { badInput } from '../core';
import { normalizePostalCode } from '../core';
import { InputChecker } from '../core';
import type { Context } from '../server/context';
import { demoPostalPlace, PostalDirectory } from './postal-directory';
import { PostalAddress } from './postal.types';

/** The one value every place shares, or null. */
function shared<T>(values: T[]): T | null {
  return values.length > 0 && values.every((v) => v === values[0]) ? (values[0] as T) : null;
}

/**
 * Postal code → prefecture, city and town. The code is normalised as a record's is (full-width
 * digits, any dash, 〒, spaces); anything that is not then 7 digits is BAD_USER_INPUT on `postalCode`.
 * In demo mode (`services.demo`) the fictional codes of デモ市 answer too.
 */
export function postalAddress(
  raw: string,
  ctx: Pick<Context, 'locale'> & { services?: Pick<Context['services'], 'demo'> },
  directory: PostalDirectory = PostalDirectory.shared(),
): PostalAddress | null {
  const checker = new InputChecker();
  // A blank value ('', '〒 ') is no postal code either: it gets the same message as a malformed one.
  const normalised = normalizePostalCode(raw);
  const code = checker.postalCode('postalCode', normalised === '' ? '0' : normalised);
  if (checker.problems.length || !code) throw badInput(checker.problems, ctx.locale);
  const digits = code.replace('-', '');
  const demo = ctx.services?.demo ? demoPostalPlace(digits) : null;
  const places = demo ? [demo] : directory.lookup(digits);
  if (!places.length) return null;
  const city = shared(places.map((p) => p.municipalityCode));
  return {
    postalCode: code,
    prefecture: shared(places.map((p) => p.prefecture)),
    city: city && (places[0]?.city ?? null),
    municipalityCode: city,
    town: places.length === 1 ? (places[0]?.town ?? null) : null,
    places,
  };
}

@Resolver()
export class PostalResolver {
  @Query(() => PostalAddress, {
    nullable: true,
    description: 'Public: the prefecture, city and town of a postal code (1000001, 100-0001, full-width or with 〒); null when Japan Post has no such code.',
  })
  postalAddress(@Arg('postalCode', () => String) postalCode: string, @Ctx() ctx: Context): PostalAddress | null {
    return postalAddress(postalCode, ctx);
  }
}
