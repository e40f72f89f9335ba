import { Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../server/context';
import { POLICY_ROLES } from './policy';
import { PolicyGrant } from './access.types';
import { SECTIONS } from '../core';

@Resolver()
export class AccessResolver {
  @Query(() => [PolicyGrant], { description: 'The access policy in force for your municipality (seeds/policy), before consent and DV rules.' })
  accessPolicy(@Ctx() ctx: Context): PolicyGrant[] {
    const viewer = ctx.gate.staff();
    const policy = ctx.services.policies.for(viewer.municipalityCode);
    return POLICY_ROLES.flatMap((role) =>
      SECTIONS.map((section) => {
        // The grants carry rule 1 already (policy.ts): the owner reads and writes everything.
        const grant = policy.get(role)!.get(section)!;
        return { section, role, read: grant.read, write: grant.write };
      }),
    );
  }
}
