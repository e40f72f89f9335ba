import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../server/context';
import { DEPARTMENT_NAMES } from '../core';
import { AuthService } from './auth.service';
import { LoginResult, Me } from './auth.types';

@Resolver()
export class AuthResolver {
  @Mutation(() => LoginResult)
  login(
    @Arg('email', () => String) email: string,
    @Arg('password', () => String) password: string,
    @Ctx() ctx: Context,
    @Arg('oneTimeCode', () => String, { nullable: true }) oneTimeCode?: string | null,
  ): Promise<LoginResult> {
    const { loginPerAddress, loginPerAccount } = ctx.services.limits;
    return new AuthService(ctx.em, ctx.services.auth, ctx.locale).login(
      email,
      password,
      { clientAddress: ctx.request.clientAddress, perAddress: loginPerAddress, perAccount: loginPerAccount },
      oneTimeCode,
    );
  }

  @Mutation(() => Boolean, { description: 'Sign out: the current token stops working at once.' })
  logout(@Ctx() ctx: Context): Promise<boolean> {
    return new AuthService(ctx.em, ctx.services.auth, ctx.locale).logout(ctx.gate.signedIn());
  }

  @Query(() => Me, { description: 'Who you are signed in as.' })
  me(@Ctx() ctx: Context): Me {
    const v = ctx.gate.signedIn();
    return v.kind === 'staff'
      ? {
          kind: 'staff',
          id: v.staffId,
          name: v.name,
          municipalityCode: v.municipalityCode,
          department: v.department,
          departmentName: DEPARTMENT_NAMES[v.department].ja,
          role: v.role,
        }
      : { kind: 'partner', id: v.partnerId, name: v.name, municipalityCode: v.municipalityCode, department: null, departmentName: null, role: null };
  }
}
