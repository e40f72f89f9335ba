import { Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../server/context';
import { OWNER_DEPARTMENT } from '../core/departments';
import { POLICY_ROLES } from './policy';
import { PolicyGrant } from './access.types';
import { SECTIONS } from '../core/sections';

@Resolver()
export class AccessResolver {
  @Query(() => [PolicyGrant], { description: 'The access policy in force for your municipality (seeds/policy), before consent and DV rules.' })
  accessPolicy(@Ctx() ctx: Context): PolicyGrant[] {
    const viewer = ctx.gate.staff();
    const policy = ctx.services.policies.for(viewer.municipalityCode);
    return POLICY_ROLES.flatMap((role) =>
      SECTIONS.map((section) => {
        // Rule 1 of docs/design.md: the owner reads and writes everything, whatever the file says.
        const grant = role === OWNER_DEPARTMENT ? { read: true, write: true } : policy.get(role)!.get(section)!;
        return { section, role, read: grant.read, write: grant.write };
      }),
    );
  }
}
